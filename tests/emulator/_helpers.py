"""Assertion and request helpers shared by the emulator tests."""

from __future__ import annotations

from typing import Any

import httpx2

from fusionauth_two_factor.emulator.seed import default_seed

JSON = "application/json;charset=UTF-8"


def start(api: httpx2.Client, **body: Any) -> dict[str, Any]:
    """POST /api/two-factor/start and return its body (asserting 200)."""
    response = api.post("/api/two-factor/start", json=body)
    assert response.status_code == 200, response.text
    data: dict[str, Any] = response.json()
    return data


def field_codes(response: httpx2.Response) -> list[str]:
    """Every ``fieldErrors`` code of a 400 answer, after checking the FusionAuth error shape."""
    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == JSON
    body = response.json()
    assert set(body) <= {"fieldErrors", "generalErrors"}
    codes = []
    for field, errors in body.get("fieldErrors", {}).items():
        for error in errors:
            assert error["code"].endswith("]" + field)
            assert error["message"]
            codes.append(error["code"])
    return sorted(codes)


def general_codes(response: httpx2.Response) -> list[str]:
    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == JSON
    return [error["code"] for error in response.json().get("generalErrors", [])]


def assert_empty(response: httpx2.Response, status: int) -> None:
    """FusionAuth answers 401/404/410/421/500 (and the body-less 200s) with no body at all."""
    assert response.status_code == status, response.text
    assert response.content == b""
    assert "content-type" not in response.headers


# The packaged seed's passwords (seed.py documents them); the emulator itself keeps only salted hashes.
PASSWORDS = {
    "mfa": "pied-piper-1",
    "email_only": "pied-piper-2",
    "no_mfa": "pied-piper-3",
    "change_password": "pied-piper-4",
    "locked": "pied-piper-5",
    "expired": "pied-piper-6",
    "enrol": "pied-piper-7",
    "unverified": "pied-piper-8",
    "unverified_registration": "pied-piper-9",
    "account_locked": "pied-piper-0",
}
# FusionAuth's recovery code format, as in its documented example: XXXXX-XXXXX, digits 2-9 and consonants.
RECOVERY_CODE = r"[2-9B-DF-HJ-NP-TV-Z]{5}-[2-9B-DF-HJ-NP-TV-Z]{5}"


def password_login(client: httpx2.Client, alias: str | None = None, **body: Any) -> httpx2.Response:
    """POST /api/login; with ``alias``, as that seeded user (username and password) unless ``body`` says otherwise."""
    if alias is not None:
        body = {"loginId": default_seed().user(alias).username, "password": PASSWORDS[alias], **body}
    return client.post("/api/login", json=body)
