"""GET/POST /api/two-factor/status: 200 vs 242, trusts and their 30-day lifetime, validation."""

from __future__ import annotations

import httpx2
import pytest

from fusionauth_two_factor.emulator.server import EmulatorServer

from ._helpers import JSON, field_codes, general_codes, start

THIRTY_DAYS = 30 * 24 * 3600


def trusted_login(emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client, alias: str = "mfa") -> str:
    """Complete a login with trustComputer and return the twoFactorTrustId."""
    challenge = start(api, userId=emu.user(alias).id)
    response = http.post(
        "/api/two-factor/login",
        json={"twoFactorId": challenge["twoFactorId"], "code": emu.totp_code(alias), "trustComputer": True},
    )
    assert response.status_code == 200, response.text
    trust_id: str = response.json()["twoFactorTrustId"]
    return trust_id


def test_user_with_mfa_and_no_trust_gets_242(emu: EmulatorServer, api: httpx2.Client) -> None:
    response = api.get("/api/two-factor/status", params={"userId": emu.user("mfa").id})
    assert response.status_code == 242
    assert response.headers["content-type"] == JSON
    assert response.json() == {"trusts": []}


def test_user_without_mfa_gets_200(emu: EmulatorServer, api: httpx2.Client) -> None:
    response = api.get("/api/two-factor/status/some-trust", params={"userId": emu.user("no_mfa").id})
    assert response.status_code == 200
    assert response.json() == {"trusts": [], "twoFactorTrustId": "some-trust"}


def test_unknown_trust_id_in_path_is_echoed_and_still_242(emu: EmulatorServer, api: httpx2.Client) -> None:
    response = api.get("/api/two-factor/status/not-a-trust", params={"userId": emu.user("mfa").id})
    assert response.status_code == 242
    assert response.json() == {"trusts": [], "twoFactorTrustId": "not-a-trust"}


def test_valid_trust_gives_200_then_242_after_thirty_days(
    emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client
) -> None:
    trust_id = trusted_login(emu, api, http)
    issued = emu.clock.now_ms()
    user_id = emu.user("mfa").id

    response = api.get(f"/api/two-factor/status/{trust_id}", params={"userId": user_id})
    assert response.status_code == 200
    body = response.json()
    assert body["twoFactorTrustId"] == trust_id
    assert body["trusts"] == [{"expiration": issued + THIRTY_DAYS * 1000, "expired": False, "startInstant": issued}]

    emu.advance(THIRTY_DAYS - 1)
    assert api.get(f"/api/two-factor/status/{trust_id}", params={"userId": user_id}).status_code == 200

    emu.advance(1)
    response = api.get(f"/api/two-factor/status/{trust_id}", params={"userId": user_id})
    assert response.status_code == 242
    assert response.json()["trusts"][0]["expired"] is True


def test_trust_with_application_id_is_reported(emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client) -> None:
    app_id = emu.seed.application.id
    challenge = start(api, userId=emu.user("mfa").id, applicationId=app_id)
    login = http.post(
        "/api/two-factor/login",
        json={"twoFactorId": challenge["twoFactorId"], "code": emu.totp_code("mfa"), "trustComputer": True},
    )
    trust_id = login.json()["twoFactorTrustId"]
    response = api.get(
        f"/api/two-factor/status/{trust_id}", params={"userId": emu.user("mfa").id, "applicationId": app_id}
    )
    assert response.status_code == 200
    assert response.json()["trusts"][0]["applicationId"] == app_id


def test_trust_query_parameter_form(emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client) -> None:
    trust_id = trusted_login(emu, api, http)
    response = api.get("/api/two-factor/status", params={"userId": emu.user("mfa").id, "twoFactorTrustId": trust_id})
    assert response.status_code == 200


def test_trust_of_another_user_does_not_count(emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client) -> None:
    trust_id = trusted_login(emu, api, http, alias="mfa")
    response = api.get(f"/api/two-factor/status/{trust_id}", params={"userId": emu.user("change_password").id})
    assert response.status_code == 242
    assert response.json() == {"trusts": [], "twoFactorTrustId": trust_id}


def test_post_form_of_status(emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client) -> None:
    trust_id = trusted_login(emu, api, http)
    response = api.post("/api/two-factor/status", json={"userId": emu.user("mfa").id, "twoFactorTrustId": trust_id})
    assert response.status_code == 200
    assert api.post("/api/two-factor/status", json={"userId": emu.user("mfa").id}).status_code == 242


def test_missing_user_id_is_blank(api: httpx2.Client) -> None:
    assert field_codes(api.get("/api/two-factor/status")) == ["[blank]userId"]
    assert field_codes(api.get("/api/two-factor/status/abc", params={"userId": ""})) == ["[blank]userId"]


def test_malformed_and_unknown_user_ids_are_invalid(api: httpx2.Client) -> None:
    assert field_codes(api.get("/api/two-factor/status", params={"userId": "nope"})) == ["[invalid]userId"]
    unknown = "11111111-2222-3333-4444-555555555555"
    assert field_codes(api.get("/api/two-factor/status", params={"userId": unknown})) == ["[invalid]userId"]


def test_bad_application_id_is_invalid(emu: EmulatorServer, api: httpx2.Client) -> None:
    params = {"userId": emu.user("mfa").id, "applicationId": "not-an-app"}
    assert field_codes(api.get("/api/two-factor/status", params=params)) == ["[invalid]applicationId"]


# ---------------------------------------------------------------- POST /api/two-factor/status (1.62+)


@pytest.mark.parametrize("action", [None, "login", "stepUp", "changePassword"])
def test_post_status_answers_alike_for_every_action(
    emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client, action: str | None
) -> None:
    # Only an MFA requirement lambda sees the action; FusionAuth's own decision, like the emulator's, ignores it.
    extra = {} if action is None else {"action": action}
    trust_id = trusted_login(emu, api, http)
    mfa, no_mfa = emu.user("mfa").id, emu.user("no_mfa").id
    assert api.post("/api/two-factor/status", json={"userId": mfa, **extra}).status_code == 242
    assert api.post("/api/two-factor/status", json={"userId": no_mfa, **extra}).status_code == 200
    trusted = api.post("/api/two-factor/status", json={"userId": mfa, "twoFactorTrustId": trust_id, **extra})
    assert trusted.status_code == 200
    assert trusted.json()["twoFactorTrustId"] == trust_id


def test_post_status_with_an_event_info_and_an_access_token(emu: EmulatorServer, api: httpx2.Client) -> None:
    body = {
        "userId": emu.user("mfa").id,
        "action": "stepUp",
        "applicationId": emu.seed.application.id,
        "accessToken": emu.mint_jwt("mfa"),
        "eventInfo": {"data": {"page": "/account/bank-accounts"}, "ipAddress": "127.0.0.1"},
    }
    response = api.post("/api/two-factor/status", json=body)
    assert response.status_code == 242
    assert response.json() == {"trusts": []}


def test_post_status_validation(emu: EmulatorServer, api: httpx2.Client) -> None:
    user_id = emu.user("mfa").id
    unknown_action = api.post("/api/two-factor/status", json={"userId": user_id, "action": "deleteAccount"})
    assert general_codes(unknown_action) == ["[invalidJSON]"]
    bad_event = api.post("/api/two-factor/status", json={"userId": user_id, "eventInfo": "from the web"})
    assert general_codes(bad_event) == ["[invalidJSON]"]
    for token in ("not.a.token", emu.mint_jwt("mfa", ttl_seconds=0)):
        response = api.post("/api/two-factor/status", json={"userId": user_id, "accessToken": token})
        assert field_codes(response) == ["[invalid]accessToken"]
    both = api.post("/api/two-factor/status", json={"accessToken": "x"})
    assert field_codes(both) == ["[blank]userId", "[invalid]accessToken"]


def test_status_follows_enabling_and_disabling(emu: EmulatorServer, api: httpx2.Client) -> None:
    user_id = emu.user("email_only").id
    assert api.get("/api/two-factor/status", params={"userId": user_id}).status_code == 242
    api.post("/api/two-factor/send", json={"userId": user_id, "methodId": "JDEM"})
    code = emu.latest_code(user_id=user_id, purpose="disable")
    assert code is not None
    assert api.delete(f"/api/user/two-factor/{user_id}", params={"methodId": "JDEM", "code": code}).status_code == 200
    assert api.post("/api/two-factor/status", json={"userId": user_id, "action": "stepUp"}).status_code == 200
