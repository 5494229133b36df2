"""POST /api/two-factor/login: every accepted code kind, lifetimes, every status FusionAuth answers."""

from __future__ import annotations

import base64
import json
from typing import Any

import httpx2
import pyotp
import pytest

from fusionauth_two_factor.emulator import tokens
from fusionauth_two_factor.emulator.server import EmulatorServer

from ._helpers import JSON, assert_empty, field_codes, general_codes, start


def login(http: httpx2.Client, **body: Any) -> httpx2.Response:
    return http.post("/api/two-factor/login", json=body)


def challenge_for(emu: EmulatorServer, api: httpx2.Client, alias: str = "mfa", **extra: Any) -> str:
    two_factor_id: str = start(api, userId=emu.user(alias).id, **extra)["twoFactorId"]
    return two_factor_id


def jwt_claims(token: str) -> dict[str, Any]:
    payload = token.split(".")[1]
    claims: dict[str, Any] = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    return claims


def test_totp_login_returns_a_full_login_response(emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client) -> None:
    user = emu.user("mfa")
    two_factor_id = challenge_for(emu, api)
    response = login(http, twoFactorId=two_factor_id, code=emu.totp_code("mfa"))
    assert response.status_code == 200
    assert response.headers["content-type"] == JSON
    body = response.json()
    assert {"token", "tokenExpirationInstant", "refreshToken", "refreshTokenId", "user"} <= set(body)
    assert "twoFactorTrustId" not in body
    now = emu.clock.now_ms()
    assert body["tokenExpirationInstant"] == now + 3600 * 1000
    claims = tokens.verify(body["token"], emu.state.signing_key, now_ms=now)
    assert claims is not None
    assert claims["sub"] == user.id
    assert claims["tid"] == emu.seed.tenant.id
    assert claims["exp"] * 1000 == body["tokenExpirationInstant"]
    assert emu.state.jwt_user(body["token"]) is user

    wire_user = body["user"]
    assert wire_user["id"] == user.id
    assert wire_user["email"] == "richard@piedpiper.com"
    assert wire_user["tenantId"] == emu.seed.tenant.id
    assert wire_user["lastLoginInstant"] == now
    assert {m["id"] for m in wire_user["twoFactor"]["methods"]} == {"KLRT", "UYTR", "PQSM"}
    assert {i["type"] for i in wire_user["identities"]} == {"email", "username", "phoneNumber"}
    authenticator = next(m for m in wire_user["twoFactor"]["methods"] if m["method"] == "authenticator")
    assert authenticator["lastUsed"] is True
    # never leak secrets: no recovery codes, no authenticator secret anywhere in the answer
    assert "recoveryCodes" not in wire_user["twoFactor"]
    assert "emulatorTOTPsecret01" not in response.text
    assert "B7K2M-Q9XWP" not in response.text


def test_totp_is_rfc6238_with_one_step_of_tolerance(
    emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client
) -> None:
    secret_b32 = emu.seed.user("mfa").totp_secret_base32
    assert secret_b32 is not None
    totp = pyotp.TOTP(secret_b32)  # SHA1, 6 digits, 30 s
    now_s = emu.clock.now_ms() // 1000
    for offset in (-30, 30):
        code = totp.at(now_s + offset)
        assert login(http, twoFactorId=challenge_for(emu, api), code=code).status_code == 200
    for offset in (-90, 90):
        code = totp.at(now_s + offset)
        if code in {totp.at(now_s + delta) for delta in (-30, 0, 30)}:
            continue  # a 1-in-a-million collision; not a tolerance failure
        assert login(http, twoFactorId=challenge_for(emu, api), code=code).status_code == 421


def test_wrong_code_is_an_empty_421_and_the_challenge_survives(
    emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client
) -> None:
    two_factor_id = challenge_for(emu, api)
    wrong = "000000" if emu.totp_code("mfa") != "000000" else "111111"
    assert_empty(login(http, twoFactorId=two_factor_id, code=wrong), 421)
    assert login(http, twoFactorId=two_factor_id, code=emu.totp_code("mfa")).status_code == 200


def test_a_challenge_is_consumed_by_a_successful_login(
    emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client
) -> None:
    two_factor_id = challenge_for(emu, api)
    assert login(http, twoFactorId=two_factor_id, code=emu.totp_code("mfa")).status_code == 200
    assert_empty(login(http, twoFactorId=two_factor_id, code=emu.totp_code("mfa")), 404)


def test_unknown_two_factor_id_is_an_empty_404(emu: EmulatorServer, http: httpx2.Client) -> None:
    assert_empty(login(http, twoFactorId="no-such-id", code=emu.totp_code("mfa")), 404)


def test_two_factor_id_expires_after_300_seconds(emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client) -> None:
    alive, dead = challenge_for(emu, api), challenge_for(emu, api)
    emu.advance(299)
    assert login(http, twoFactorId=alive, code=emu.totp_code("mfa")).status_code == 200
    emu.advance(1)
    assert_empty(login(http, twoFactorId=dead, code=emu.totp_code("mfa")), 404)


def test_blank_fields(http: httpx2.Client) -> None:
    assert field_codes(login(http)) == ["[blank]code", "[blank]twoFactorId"]
    assert field_codes(login(http, twoFactorId="x")) == ["[blank]code"]
    assert field_codes(login(http, code="123456", twoFactorId="")) == ["[blank]twoFactorId"]
    assert field_codes(login(http, twoFactorId="x", code="1", applicationId="app")) == ["[invalid]applicationId"]


def test_invalid_json(http: httpx2.Client) -> None:
    response = http.post("/api/two-factor/login", content=b"{", headers={"Content-Type": "application/json"})
    assert general_codes(response) == ["[invalidJSON]"]
    assert general_codes(login(http, twoFactorId="x", code="1", trustComputer="yes")) == ["[invalidJSON]"]


def test_authorization_header_is_ignored(emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client) -> None:
    two_factor_id = challenge_for(emu, api)
    response = http.post(
        "/api/two-factor/login",
        json={"twoFactorId": two_factor_id, "code": emu.totp_code("mfa")},
        headers={"Authorization": "definitely-not-a-key"},
    )
    assert response.status_code == 200


def test_state_is_echoed(emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client) -> None:
    state = {"redirect": "/admin", "n": 3, "nested": {"list": [1, "a", None, True]}, "nothing": None}
    two_factor_id = challenge_for(emu, api, state=state)
    body = login(http, twoFactorId=two_factor_id, code=emu.totp_code("mfa")).json()
    assert body["state"] == state


def test_no_jwt_omits_tokens(emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client) -> None:
    body = login(http, twoFactorId=challenge_for(emu, api), code=emu.totp_code("mfa"), noJWT=True).json()
    assert not {"token", "refreshToken", "tokenExpirationInstant"} & set(body)
    assert body["user"]["id"] == emu.user("mfa").id


@pytest.mark.parametrize("flag", [True, "true"])
def test_trust_computer_returns_a_trust_id(
    emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client, flag: object
) -> None:
    body = login(http, twoFactorId=challenge_for(emu, api), code=emu.totp_code("mfa"), trustComputer=flag).json()
    trust = emu.state.trust(body["twoFactorTrustId"])
    assert trust is not None
    assert trust.user_id == emu.user("mfa").id


def test_trust_challenge_yields_a_trust_token(emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client) -> None:
    two_factor_id = challenge_for(emu, api, trustChallenge="change-password")
    body = login(http, twoFactorId=two_factor_id, code=emu.totp_code("mfa")).json()
    assert body["trustToken"]


def test_application_id_scopes_the_token(emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client) -> None:
    app_id = emu.seed.application.id
    body = login(http, twoFactorId=challenge_for(emu, api), code=emu.totp_code("mfa"), applicationId=app_id).json()
    claims = jwt_claims(body["token"])
    assert claims["aud"] == app_id
    assert claims["applicationId"] == app_id
    assert claims["roles"] == ["admin", "user"]
    assert body["user"]["registrations"][0]["lastLoginInstant"] == emu.clock.now_ms()


def test_application_id_from_start_is_used(emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client) -> None:
    app_id = emu.seed.application.id
    two_factor_id = challenge_for(emu, api, applicationId=app_id)
    body = login(http, twoFactorId=two_factor_id, code=emu.totp_code("mfa")).json()
    assert jwt_claims(body["token"])["aud"] == app_id


def test_not_registered_for_the_application_is_202(
    emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client
) -> None:
    emu.user("mfa").registrations.clear()
    app_id = emu.seed.application.id
    response = login(http, twoFactorId=challenge_for(emu, api), code=emu.totp_code("mfa"), applicationId=app_id)
    assert response.status_code == 202
    assert response.json()["token"]


def test_recovery_code_works_once(emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client) -> None:
    recovery = emu.seed.user("mfa").recovery_codes[0]
    assert login(http, twoFactorId=challenge_for(emu, api), code=recovery).status_code == 200
    assert recovery not in emu.user("mfa").recovery_codes
    assert len(emu.user("mfa").recovery_codes) == 9
    assert_empty(login(http, twoFactorId=challenge_for(emu, api), code=recovery), 421)
    other = emu.seed.user("mfa").recovery_codes[1].lower()  # FusionAuth-style codes compare case-insensitively
    assert login(http, twoFactorId=challenge_for(emu, api), code=other).status_code == 200


def test_start_code_is_accepted_within_sixty_seconds(
    emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client
) -> None:
    user_id = emu.user("no_mfa").id
    early = start(api, userId=user_id)
    late = start(api, userId=user_id)
    emu.advance(59)
    assert login(http, twoFactorId=early["twoFactorId"], code=early["code"]).status_code == 200
    emu.advance(1)
    assert_empty(login(http, twoFactorId=late["twoFactorId"], code=late["code"]), 421)


def test_password_change_required_is_203(emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client) -> None:
    two_factor_id = challenge_for(emu, api, alias="change_password")
    response = login(http, twoFactorId=two_factor_id, code=emu.totp_code("change_password"))
    assert response.status_code == 203
    assert response.headers["content-type"] == JSON
    body = response.json()
    assert set(body) == {"changePasswordId", "changePasswordReason"}
    assert body["changePasswordReason"] == "Administrative"
    assert body["changePasswordId"]


def test_login_prevented_by_an_action_is_409(emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client) -> None:
    response = login(http, twoFactorId=challenge_for(emu, api, alias="locked"), code=emu.totp_code("locked"))
    assert response.status_code == 409
    actions = response.json()["actions"]
    assert len(actions) == 1
    assert actions[0]["reasonCode"] == "suspicious"
    assert actions[0]["expiry"] == 4102444800000
    assert "token" not in response.json()


def test_expired_user_is_an_empty_410(emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client) -> None:
    response = login(http, twoFactorId=challenge_for(emu, api, alias="expired"), code=emu.totp_code("expired"))
    assert_empty(response, 410)


@pytest.mark.parametrize("code", [" 123456", "12345", "1234567", "abcdef"])
def test_malformed_codes_are_421(emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client, code: str) -> None:
    if code.strip() == emu.totp_code("mfa"):
        pytest.skip("collided with the current TOTP")
    assert_empty(login(http, twoFactorId=challenge_for(emu, api), code=code), 421)
