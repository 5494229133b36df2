"""POST /api/login: the password check, 242 and its twoFactorId, trusts, the statuses shared with the two-factor
login, validation and the API key rules."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx2
import pytest

from fusionauth_two_factor.emulator import EmulatorState, FakeClock, Seed, create_app, tokens
from fusionauth_two_factor.emulator.server import EmulatorServer

from ._helpers import JSON, PASSWORDS, assert_empty, field_codes, general_codes, password_login

THIRTY_DAYS = 30 * 24 * 3600


def complete(http: httpx2.Client, two_factor_id: str, code: str, **body: Any) -> httpx2.Response:
    return http.post("/api/two-factor/login", json={"twoFactorId": two_factor_id, "code": code, **body})


def trust_of(emu: EmulatorServer, http: httpx2.Client, alias: str = "mfa") -> str:
    """Log in with the password and a TOTP code, trusting the computer; return the twoFactorTrustId."""
    challenge = password_login(http, alias).json()
    response = complete(http, challenge["twoFactorId"], emu.totp_code(alias), trustComputer=True)
    assert response.status_code == 200, response.text
    trust_id: str = response.json()["twoFactorTrustId"]
    return trust_id


def test_a_user_without_mfa_gets_a_full_login_response(emu: EmulatorServer, http: httpx2.Client) -> None:
    response = password_login(http, "no_mfa")
    assert response.status_code == 200
    assert response.headers["content-type"] == JSON
    body = response.json()
    assert {"token", "tokenExpirationInstant", "refreshToken", "refreshTokenId", "user"} <= set(body)
    assert "twoFactorId" not in body
    now = emu.clock.now_ms()
    claims = tokens.verify(body["token"], emu.state.signing_key, now_ms=now)
    assert claims is not None
    assert claims["sub"] == emu.user("no_mfa").id
    assert body["user"]["id"] == emu.user("no_mfa").id
    assert body["user"]["lastLoginInstant"] == now
    assert PASSWORDS["no_mfa"] not in response.text


def test_the_password_is_checked(emu: EmulatorServer, http: httpx2.Client) -> None:
    assert_empty(password_login(http, "no_mfa", password="pied-piper-X"), 404)
    assert_empty(password_login(http, "no_mfa", password=PASSWORDS["mfa"]), 404)  # another user's password
    assert_empty(password_login(http, "no_mfa", password=PASSWORDS["no_mfa"].upper()), 404)
    assert_empty(password_login(http, loginId="nobody@example.com", password=PASSWORDS["no_mfa"]), 404)
    assert password_login(http, "no_mfa").status_code == 200


def test_login_id_types_decide_what_the_login_id_matches(emu: EmulatorServer, http: httpx2.Client) -> None:
    password = PASSWORDS["no_mfa"]
    assert password_login(http, loginId="GILFOYLE@piedpiper.com", password=password).status_code == 200
    assert password_login(http, loginId="gilfoyle", password=password).status_code == 200
    response = password_login(http, loginId="gilfoyle@piedpiper.com", password=password, loginIdTypes=["username"])
    assert_empty(response, 404)
    by_phone = password_login(http, "mfa", loginId="+15555550101", loginIdTypes=["phoneNumber"])
    assert by_phone.status_code == 242


def test_a_user_with_mfa_gets_242_with_a_fresh_two_factor_id_and_the_methods(
    emu: EmulatorServer, http: httpx2.Client
) -> None:
    first, second = password_login(http, "mfa"), password_login(http, "mfa")
    assert first.status_code == 242
    assert first.headers["content-type"] == JSON
    body = first.json()
    assert set(body) == {"twoFactorId", "methods"}
    assert body["methods"] == [method.to_json() for method in emu.user("mfa").methods]
    assert body["twoFactorId"] != second.json()["twoFactorId"]
    challenge = emu.state.challenge(body["twoFactorId"])
    assert challenge is not None
    assert challenge.user_id == emu.user("mfa").id

    response = complete(http, body["twoFactorId"], emu.totp_code("mfa"))
    assert response.status_code == 200
    assert response.json()["user"]["id"] == emu.user("mfa").id


def test_the_242_challenge_keeps_the_application_and_expires(emu: EmulatorServer, http: httpx2.Client) -> None:
    app_id = emu.seed.application.id
    alive = password_login(http, "mfa", applicationId=app_id).json()["twoFactorId"]
    dead = password_login(http, "mfa").json()["twoFactorId"]
    emu.advance(299)
    token = complete(http, alive, emu.totp_code("mfa")).json()["token"]
    claims = tokens.decode_unverified(token)
    assert claims is not None
    assert claims[1]["aud"] == app_id
    emu.advance(1)
    assert_empty(complete(http, dead, emu.totp_code("mfa")), 404)


def test_an_email_code_completes_the_password_login(emu: EmulatorServer, http: httpx2.Client) -> None:
    two_factor_id = password_login(http, "email_only").json()["twoFactorId"]
    assert http.post(f"/api/two-factor/send/{two_factor_id}", json={"methodId": "JDEM"}).status_code == 200
    code = emu.latest_code(two_factor_id=two_factor_id)
    assert code is not None
    assert complete(http, two_factor_id, code).status_code == 200


def test_a_trust_in_the_body_skips_the_challenge_until_it_expires(emu: EmulatorServer, http: httpx2.Client) -> None:
    trust_id = trust_of(emu, http)
    response = password_login(http, "mfa", twoFactorTrustId=trust_id)
    assert response.status_code == 200
    assert response.json()["user"]["id"] == emu.user("mfa").id
    assert password_login(http, "mfa", twoFactorTrustId="not-a-trust").status_code == 242
    emu.advance(THIRTY_DAYS)
    assert password_login(http, "mfa", twoFactorTrustId=trust_id).status_code == 242


def test_the_trust_cookie_wins_over_the_body(emu: EmulatorServer) -> None:
    with httpx2.Client(base_url=emu.base_url) as anonymous:
        trust_id = trust_of(emu, anonymous)
    with httpx2.Client(base_url=emu.base_url, cookies={"fusionauth.trust": trust_id}) as trusted:
        assert password_login(trusted, "mfa").status_code == 200
    with httpx2.Client(base_url=emu.base_url, cookies={"fusionauth.trust": "stale"}) as stale:
        assert password_login(stale, "mfa", twoFactorTrustId=trust_id).status_code == 242


def test_another_users_trust_does_not_count(emu: EmulatorServer, http: httpx2.Client) -> None:
    trust_id = trust_of(emu, http, "mfa")
    assert password_login(http, "email_only", twoFactorTrustId=trust_id).status_code == 242


def test_locked_and_expired_users_are_refused_before_any_challenge(emu: EmulatorServer, http: httpx2.Client) -> None:
    locked = password_login(http, "locked")
    assert locked.status_code == 409
    assert locked.json()["actions"][0]["reasonCode"] == "suspicious"
    assert_empty(password_login(http, "expired"), 410)
    assert_empty(password_login(http, "expired", password="wrong"), 404)  # the password comes first


def test_a_locked_account_is_423_whatever_the_password(emu: EmulatorServer, http: httpx2.Client) -> None:
    # FusionAuth answers 423 before checking the password (fusionauth-issues #2524): the emulator does the same.
    assert_empty(password_login(http, "account_locked"), 423)
    assert_empty(password_login(http, "account_locked", password="wrong"), 423)
    emu.user("account_locked").locked = False
    assert password_login(http, "account_locked").status_code == 200


def test_a_required_password_change_is_203_after_the_second_factor(emu: EmulatorServer, http: httpx2.Client) -> None:
    challenge = password_login(http, "change_password")
    assert challenge.status_code == 242
    response = complete(http, challenge.json()["twoFactorId"], emu.totp_code("change_password"))
    assert response.status_code == 203
    assert set(response.json()) == {"changePasswordId", "changePasswordReason"}
    emu.user("change_password").methods.clear()
    assert password_login(http, "change_password").status_code == 203


def test_not_registered_for_the_application_is_202(emu: EmulatorServer, http: httpx2.Client) -> None:
    emu.user("no_mfa").registrations.clear()
    response = password_login(http, "no_mfa", applicationId=emu.seed.application.id)
    assert response.status_code == 202
    assert response.json()["token"]
    assert password_login(http, "no_mfa").status_code == 200


def test_unverified_users_and_registrations_are_212_and_213(emu: EmulatorServer, http: httpx2.Client) -> None:
    app_id = emu.seed.application.id
    unverified = password_login(http, "unverified", applicationId=app_id)
    assert unverified.status_code == 212
    assert unverified.json()["user"]["verified"] is False
    assert unverified.json()["token"]
    assert password_login(http, "unverified_registration").status_code == 200  # no application: no registration
    registration = password_login(http, "unverified_registration", applicationId=app_id)
    assert registration.status_code == 213
    assert registration.json()["user"]["registrations"][0]["verified"] is False


def test_the_two_factor_login_answers_212_too(emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client) -> None:
    emu.user("mfa").verified = False
    challenge = password_login(http, "mfa").json()
    assert complete(http, challenge["twoFactorId"], emu.totp_code("mfa")).status_code == 212


def test_no_jwt_omits_the_tokens(emu: EmulatorServer, http: httpx2.Client) -> None:
    body = password_login(http, "no_mfa", noJWT=True).json()
    assert not {"token", "refreshToken", "tokenExpirationInstant"} & set(body)
    assert body["user"]["id"] == emu.user("no_mfa").id


def test_a_one_time_password_is_never_known(emu: EmulatorServer, http: httpx2.Client) -> None:
    assert_empty(password_login(http, oneTimePassword="whatever"), 404)


def test_validation(emu: EmulatorServer, http: httpx2.Client) -> None:
    assert field_codes(password_login(http)) == ["[blank]loginId", "[blank]password"]
    assert field_codes(password_login(http, loginId="richard", password="  ")) == ["[blank]password"]
    response = password_login(http, "mfa", applicationId="11111111-2222-3333-4444-555555555555")
    assert field_codes(response) == ["[invalid]applicationId"]
    assert field_codes(password_login(http, "mfa", loginIdTypes=["nickname"])) == ["[invalid]loginIdTypes"]
    assert general_codes(password_login(http, "mfa", noJWT="maybe")) == ["[invalidJSON]"]
    assert general_codes(password_login(http, "mfa", metaData="device")) == ["[invalidJSON]"]
    invalid = http.post("/api/login", content=b"{", headers={"Content-Type": "application/json"})
    assert general_codes(invalid) == ["[invalidJSON]"]


@pytest.mark.parametrize("authorization", ["wrong-key", "Bearer token", ""])
def test_a_wrong_api_key_is_401_even_where_none_is_needed(
    emu: EmulatorServer, http: httpx2.Client, authorization: str
) -> None:
    response = http.post(
        "/api/login",
        json={"loginId": "gilfoyle", "password": PASSWORDS["no_mfa"]},
        headers={"Authorization": authorization},
    )
    assert_empty(response, 401)


def test_lone_surrogates_are_wrong_credentials_not_server_errors(
    emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client
) -> None:
    # JSON may escape a lone surrogate; it can be no one's password, code or state worth a 500.
    headers = {"Content-Type": "application/json"}
    login = http.post("/api/login", content=b'{"loginId": "gilfoyle", "password": "\\ud800"}', headers=headers)
    assert_empty(login, 404)
    started = api.post(
        "/api/two-factor/start", content=b'{"loginId": "richard", "state": {"s": "\\udfff"}}', headers=headers
    )
    two_factor_id = started.json()["twoFactorId"]
    wrong = http.post(
        "/api/two-factor/login",
        content=b'{"twoFactorId": "%s", "code": "\\ud800"}' % two_factor_id.encode(),
        headers=headers,
    )
    assert_empty(wrong, 421)
    done = complete(http, two_factor_id, emu.totp_code("mfa"))
    assert done.status_code == 200
    assert done.json()["state"] == {"s": "\udfff"}


def test_the_api_key_is_accepted(emu: EmulatorServer, api: httpx2.Client) -> None:
    assert password_login(api, "no_mfa").status_code == 200
    assert password_login(api, "mfa").status_code == 242


def test_secrets_stay_out_of_reprs(emu: EmulatorServer) -> None:
    for alias, password in PASSWORDS.items():
        for record in (emu.user(alias), emu.seed.user(alias)):
            assert password not in repr(record)
            assert record.password is not None
            assert record.password.digest.hex() not in repr(record)


# ---------------------------------------------------------------- API key requirements, other seeds

TENANT_A = "aaaaaaaa-0000-0000-0000-00000000000a"
TENANT_B = "bbbbbbbb-0000-0000-0000-00000000000b"
OPEN_APP = "aaaaaaaa-1111-0000-0000-00000000000a"
LOCKED_APP = "aaaaaaaa-1111-0000-0000-00000000000b"
KEY = "the-key"


def two_tenant_seed(*, tenant_a_requires_key: bool) -> Seed:
    def user(user_id: str, tenant: str, **extra: object) -> dict[str, object]:
        return {"id": user_id, "tenantId": tenant, "email": "sam@example.com", "password": "sam-pass", **extra}

    return Seed.from_dict(
        {
            "tenants": [
                {"id": TENANT_A, "loginConfiguration": {"requireAuthentication": tenant_a_requires_key}},
                {"id": TENANT_B},  # FusionAuth's default: an API key is required
            ],
            "applications": [
                {"id": OPEN_APP, "tenantId": TENANT_A, "loginConfiguration": {"requireAuthentication": False}},
                {"id": LOCKED_APP, "tenantId": TENANT_A},
            ],
            "apiKeys": [{"key": KEY}],
            "users": [
                user("aaaaaaaa-2222-0000-0000-00000000000a", TENANT_A, registrations=[{"applicationId": OPEN_APP}]),
                user("bbbbbbbb-2222-0000-0000-00000000000b", TENANT_B),
                {"id": "aaaaaaaa-2222-0000-0000-0000000000ff", "tenantId": TENANT_A, "username": "nopass"},
            ],
        }
    )


async def login_in_process(seed: Seed, body: Mapping[str, object], **headers: str) -> httpx2.Response:
    transport = httpx2.ASGITransport(app=create_app(EmulatorState(seed, FakeClock())))
    async with httpx2.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
        return await client.post("/api/login", json=body, headers=headers)


SAM = {"loginId": "sam@example.com", "password": "sam-pass"}


async def test_an_application_or_else_the_tenant_decides_whether_a_key_is_needed() -> None:
    seed = two_tenant_seed(tenant_a_requires_key=True)
    tenant_a = {"X-FusionAuth-TenantId": TENANT_A}
    assert (await login_in_process(seed, {**SAM, "applicationId": OPEN_APP})).status_code == 200
    assert (await login_in_process(seed, {**SAM, "applicationId": LOCKED_APP})).status_code == 401
    assert (await login_in_process(seed, {**SAM, "applicationId": LOCKED_APP}, Authorization=KEY)).status_code == 202
    assert (await login_in_process(seed, SAM, **tenant_a)).status_code == 401
    assert (await login_in_process(seed, SAM, **tenant_a, Authorization=KEY)).status_code == 200
    open_tenant = two_tenant_seed(tenant_a_requires_key=False)
    assert (await login_in_process(open_tenant, SAM, **tenant_a)).status_code == 200
    response = await login_in_process(open_tenant, SAM, **{"X-FusionAuth-TenantId": TENANT_B})
    assert response.status_code == 401


async def test_several_tenants_need_a_tenant_and_users_without_a_password_cannot_log_in() -> None:
    seed = two_tenant_seed(tenant_a_requires_key=False)
    response = await login_in_process(seed, SAM, Authorization=KEY)
    assert (response.status_code, response.json()["generalErrors"][0]["code"]) == (400, "[TenantIdRequired]")
    nopass = {"loginId": "nopass", "password": "anything", "applicationId": OPEN_APP}
    assert (await login_in_process(seed, nopass)).status_code == 404
