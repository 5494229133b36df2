"""POST /api/two-factor/start: user lookup, methods, own codes, state, validation."""

from __future__ import annotations

import httpx2
import pytest

from fusionauth_two_factor.emulator.server import EmulatorServer

from ._helpers import JSON, assert_empty, field_codes, general_codes, start


def test_start_by_email_lists_methods(emu: EmulatorServer, api: httpx2.Client) -> None:
    response = api.post("/api/two-factor/start", json={"loginId": "richard@piedpiper.com"})
    assert response.status_code == 200
    assert response.headers["content-type"] == JSON
    body = response.json()
    assert set(body) == {"code", "methods", "twoFactorId"}
    assert len(body["code"]) == 6
    assert body["code"].isdigit()
    assert body["methods"] == [
        {
            "id": "KLRT",
            "method": "authenticator",
            "lastUsed": False,
            "name": "Phone app",
            "authenticator": {"algorithm": "HmacSHA1", "codeLength": 6, "timeStep": 30},
        },
        {"id": "UYTR", "method": "email", "lastUsed": False, "email": "richard@piedpiper.com"},
        {"id": "PQSM", "method": "sms", "lastUsed": False, "mobilePhone": "+15555550101"},
    ]
    challenge = emu.state.challenge(body["twoFactorId"])
    assert challenge is not None
    assert challenge.user_id == emu.user("mfa").id


def test_start_by_username_and_case_insensitive_email(emu: EmulatorServer, api: httpx2.Client) -> None:
    by_username = start(api, loginId="jared")
    by_email = start(api, loginId="JARED@PiedPiper.com")
    for body in (by_username, by_email):
        challenge = emu.state.challenge(body["twoFactorId"])
        assert challenge is not None
        assert challenge.user_id == emu.user("email_only").id
    assert by_username["twoFactorId"] != by_email["twoFactorId"]


def test_login_id_types_restrict_matching(emu: EmulatorServer, api: httpx2.Client) -> None:
    response = api.post(
        "/api/two-factor/start", json={"loginId": "richard@piedpiper.com", "loginIdTypes": ["username"]}
    )
    assert_empty(response, 404)
    body = start(api, loginId="+15555550101", loginIdTypes=["phoneNumber"])
    challenge = emu.state.challenge(body["twoFactorId"])
    assert challenge is not None
    assert challenge.user_id == emu.user("mfa").id


def test_user_id_wins_over_login_id(emu: EmulatorServer, api: httpx2.Client) -> None:
    body = start(api, userId=emu.user("no_mfa").id, loginId="richard@piedpiper.com")
    challenge = emu.state.challenge(body["twoFactorId"])
    assert challenge is not None
    assert challenge.user_id == emu.user("no_mfa").id


def test_user_without_methods_has_no_methods_key(emu: EmulatorServer, api: httpx2.Client) -> None:
    body = start(api, userId=emu.user("no_mfa").id)
    assert set(body) == {"code", "twoFactorId"}


def test_unknown_user_is_an_empty_404(api: httpx2.Client) -> None:
    assert_empty(api.post("/api/two-factor/start", json={"loginId": "nobody@example.com"}), 404)
    assert_empty(api.post("/api/two-factor/start", json={"userId": "11111111-2222-3333-4444-555555555555"}), 404)


def test_neither_login_id_nor_user_id_is_blank_login_id(api: httpx2.Client) -> None:
    assert field_codes(api.post("/api/two-factor/start", json={})) == ["[blank]loginId"]
    assert field_codes(api.post("/api/two-factor/start", json={"loginId": "  "})) == ["[blank]loginId"]
    assert field_codes(api.post("/api/two-factor/start", content=b"")) == ["[blank]loginId"]


def test_invalid_fields(emu: EmulatorServer, api: httpx2.Client) -> None:
    assert field_codes(api.post("/api/two-factor/start", json={"userId": "123"})) == ["[invalid]userId"]
    response = api.post("/api/two-factor/start", json={"loginId": "richard", "loginIdTypes": ["nickname"]})
    assert field_codes(response) == ["[invalid]loginIdTypes"]
    response = api.post(
        "/api/two-factor/start", json={"loginId": "richard", "applicationId": "11111111-2222-3333-4444-555555555555"}
    )
    assert field_codes(response) == ["[invalid]applicationId"]


@pytest.mark.parametrize(
    "content", [b"{not json", b"[1, 2]", b'"text"', b'{"loginId": [42]}', b'{"loginId": true}', b'{"state": "s"}']
)
def test_unparseable_bodies_are_invalid_json(api: httpx2.Client, content: bytes) -> None:
    response = api.post("/api/two-factor/start", content=content, headers={"Content-Type": "application/json"})
    assert general_codes(response) == ["[invalidJSON]"]


def test_numbers_bind_to_string_fields(emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client) -> None:
    body = start(api, userId=emu.user("no_mfa").id, code=123456)
    assert body["code"] == "123456"
    response = http.post("/api/two-factor/login", json={"twoFactorId": body["twoFactorId"], "code": 123456})
    assert response.status_code == 200


def test_unknown_fields_are_ignored(api: httpx2.Client) -> None:
    body = start(api, loginId="richard", someFutureField={"x": [1, 2]}, trustChallenge="abc")
    assert "twoFactorId" in body


def test_caller_supplied_code_is_echoed_and_accepted(
    emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client
) -> None:
    body = start(api, userId=emu.user("no_mfa").id, code="ABC123")
    assert body["code"] == "ABC123"
    response = http.post("/api/two-factor/login", json={"twoFactorId": body["twoFactorId"], "code": "ABC123"})
    assert response.status_code == 200
    assert response.json()["user"]["id"] == emu.user("no_mfa").id


def test_each_start_creates_a_distinct_challenge(api: httpx2.Client) -> None:
    first, second = start(api, loginId="richard"), start(api, loginId="richard")
    assert first["twoFactorId"] != second["twoFactorId"]
