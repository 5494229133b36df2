"""GET /api/two-factor/secret: a JWT or an API key."""

from __future__ import annotations

import base64

import httpx2
import pyotp
import pytest

from fusionauth_two_factor.emulator import tokens
from fusionauth_two_factor.emulator.server import EmulatorServer

from ._helpers import JSON, assert_empty


def test_secret_with_a_jwt(emu: EmulatorServer, http: httpx2.Client) -> None:
    response = http.get("/api/two-factor/secret", headers={"Authorization": f"Bearer {emu.mint_jwt('mfa')}"})
    assert response.status_code == 200
    assert response.headers["content-type"] == JSON
    body = response.json()
    assert set(body) == {"secret", "secretBase32Encoded"}
    secret = body["secret"]
    assert len(secret) == 20
    assert secret.isascii()
    assert body["secretBase32Encoded"] == base64.b32encode(secret.encode("ascii")).decode("ascii")
    assert base64.b32decode(body["secretBase32Encoded"]) == secret.encode("ascii")
    assert len(pyotp.TOTP(body["secretBase32Encoded"]).now()) == 6


def test_each_secret_is_fresh(emu: EmulatorServer, http: httpx2.Client) -> None:
    headers = {"Authorization": f"Bearer {emu.mint_jwt('mfa')}"}
    secrets = {http.get("/api/two-factor/secret", headers=headers).json()["secret"] for _ in range(5)}
    assert len(secrets) == 5


def test_access_token_cookie_is_accepted(emu: EmulatorServer) -> None:
    with httpx2.Client(base_url=emu.base_url, cookies={"access_token": emu.mint_jwt("no_mfa")}) as client:
        assert client.get("/api/two-factor/secret").status_code == 200


def test_an_api_key_works_too(emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client) -> None:
    response = api.get("/api/two-factor/secret")
    assert response.status_code == 200
    assert set(response.json()) == {"secret", "secretBase32Encoded"}
    assert_empty(http.get("/api/two-factor/secret", headers={"Authorization": "not-a-key"}), 401)


def test_an_api_key_with_an_unusable_tenant_header_is_401(api: httpx2.Client) -> None:
    # GET /api/two-factor/secret documents no 400: the credential is refused instead.
    headers = {"X-FusionAuth-TenantId": "11111111-2222-3333-4444-555555555555"}
    assert_empty(api.get("/api/two-factor/secret", headers=headers), 401)


def test_bearer_api_key_is_not_a_jwt(emu: EmulatorServer, http: httpx2.Client) -> None:
    assert_empty(http.get("/api/two-factor/secret", headers={"Authorization": f"Bearer {emu.api_key}"}), 401)


def test_no_credentials(http: httpx2.Client) -> None:
    assert_empty(http.get("/api/two-factor/secret"), 401)


@pytest.mark.parametrize("problem", ["tampered", "foreign-key", "expired", "unknown-user", "alg-none"])
def test_bad_tokens_are_rejected(emu: EmulatorServer, http: httpx2.Client, problem: str) -> None:
    now_s = emu.clock.now_ms() // 1000
    good = emu.mint_jwt("mfa")
    token = {
        "tampered": good[:-2] + ("AA" if not good.endswith("AA") else "BB"),
        "foreign-key": tokens.sign({"sub": emu.user("mfa").id, "exp": now_s + 60}, b"some other key"),
        "expired": emu.mint_jwt("mfa", ttl_seconds=0),
        "unknown-user": tokens.sign(
            {"sub": "11111111-2222-3333-4444-555555555555", "exp": now_s + 60}, emu.state.signing_key
        ),
        "alg-none": good.split(".")[0].replace("IUzI1NiIs", "ub25lIiwi") + "." + good.split(".")[1] + ".",
    }[problem]
    assert_empty(http.get("/api/two-factor/secret", headers={"Authorization": f"Bearer {token}"}), 401)
