"""POST and DELETE /api/user/two-factor[/{userId}]: enabling a method with a code that proves it works, and removing
it again with a code of that method or a recovery code."""

from __future__ import annotations

import re
from typing import Any

import httpx2
import pyotp
import pytest

from fusionauth_two_factor.emulator.server import EmulatorServer

from ._helpers import RECOVERY_CODE, assert_empty, field_codes, general_codes, password_login, start

UNKNOWN_USER = "11111111-2222-3333-4444-555555555555"


def enable(client: httpx2.Client, user_id: str | None, **body: Any) -> httpx2.Response:
    path = "/api/user/two-factor" if user_id is None else f"/api/user/two-factor/{user_id}"
    return client.post(path, json=body)


def disable(client: httpx2.Client, user_id: str | None, **query: str) -> httpx2.Response:
    path = "/api/user/two-factor" if user_id is None else f"/api/user/two-factor/{user_id}"
    return client.delete(path, params=query)


def disable_with_body(client: httpx2.Client, user_id: str, **body: Any) -> httpx2.Response:
    return client.request("DELETE", f"/api/user/two-factor/{user_id}", json=body)


def totp_now(emu: EmulatorServer, secret_base32: str, offset_seconds: int = 0) -> str:
    """What an authenticator app shows for the secret, by the emulator's clock."""
    return pyotp.TOTP(secret_base32).at(emu.clock.now_ms() // 1000 + offset_seconds)


def new_secret(api: httpx2.Client) -> dict[str, str]:
    response = api.get("/api/two-factor/secret")
    assert response.status_code == 200
    secret: dict[str, str] = response.json()
    return secret


def enable_new_authenticator(emu: EmulatorServer, client: httpx2.Client, user_id: str | None) -> httpx2.Response:
    """Enable an authenticator with a new secret and its current code; ``user_id`` None: the client's JWT's user."""
    secret = client.get("/api/two-factor/secret").json()
    code = totp_now(emu, secret["secretBase32Encoded"])
    return enable(client, user_id, method="authenticator", secret=secret["secret"], code=code)


def jwt_client(emu: EmulatorServer, token: str) -> httpx2.Client:
    return httpx2.Client(base_url=emu.base_url, headers={"Authorization": f"Bearer {token}"})


def send_enable_code(emu: EmulatorServer, api: httpx2.Client, alias: str, **body: str) -> str:
    response = api.post("/api/two-factor/send", json={"userId": emu.user(alias).id, **body})
    assert response.status_code == 200, response.text
    code = emu.latest_code(user_id=emu.user(alias).id, purpose="enable")
    assert code is not None
    return code


def send_disable_code(emu: EmulatorServer, api: httpx2.Client, alias: str, method_id: str) -> str:
    response = api.post("/api/two-factor/send", json={"userId": emu.user(alias).id, "methodId": method_id})
    assert response.status_code == 200, response.text
    code = emu.latest_code(user_id=emu.user(alias).id, purpose="disable")
    assert code is not None
    return code


def other_code(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


# ---------------------------------------------------------------- enabling an authenticator


def test_enabling_an_authenticator_returns_recovery_codes_and_login_then_asks_for_it(
    emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client
) -> None:
    user_id = emu.user("enrol").id
    assert password_login(http, "enrol").status_code == 200
    secret = new_secret(api)
    code = totp_now(emu, secret["secretBase32Encoded"])
    response = enable(api, user_id, method="authenticator", secret=secret["secret"], code=code, name="Phone")
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"recoveryCodes"}
    assert len(body["recoveryCodes"]) == 10
    assert len(set(body["recoveryCodes"])) == 10
    assert all(re.fullmatch(RECOVERY_CODE, recovery) for recovery in body["recoveryCodes"])
    assert emu.user("enrol").recovery_codes == body["recoveryCodes"]

    [method] = emu.user("enrol").methods
    assert re.fullmatch(r"[A-Z0-9]{4}", method.id)
    challenge = password_login(http, "enrol")
    assert challenge.status_code == 242
    assert challenge.json()["methods"] == [
        {
            "id": method.id,
            "method": "authenticator",
            "lastUsed": False,
            "name": "Phone",
            "authenticator": {"algorithm": "HmacSHA1", "codeLength": 6, "timeStep": 30},
        }
    ]
    emu.advance(30)
    assert emu.totp_code("enrol") == totp_now(emu, secret["secretBase32Encoded"])
    login = http.post(
        "/api/two-factor/login",
        json={"twoFactorId": challenge.json()["twoFactorId"], "code": totp_now(emu, secret["secretBase32Encoded"])},
    )
    assert login.status_code == 200
    assert secret["secret"] not in login.text


def test_the_base32_form_of_the_secret_works_too(emu: EmulatorServer, api: httpx2.Client) -> None:
    secret = new_secret(api)
    code = totp_now(emu, secret["secretBase32Encoded"])
    lower = secret["secretBase32Encoded"].lower()
    response = enable(api, emu.user("enrol").id, method="authenticator", secretBase32Encoded=lower, code=code)
    assert response.status_code == 200
    assert emu.totp_code("enrol") == code


def test_the_secret_wins_over_a_different_base32_form(emu: EmulatorServer, api: httpx2.Client) -> None:
    mine, other = new_secret(api), new_secret(api)
    body = {"method": "authenticator", "secret": mine["secret"], "secretBase32Encoded": other["secretBase32Encoded"]}
    assert enable(api, emu.user("enrol").id, code=totp_now(emu, mine["secretBase32Encoded"]), **body).status_code == 200
    assert emu.totp_code("enrol") == totp_now(emu, mine["secretBase32Encoded"])


def test_a_code_of_another_secret_is_421_and_nothing_is_enabled(
    emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client
) -> None:
    mine, other = new_secret(api), new_secret(api)
    code = totp_now(emu, other["secretBase32Encoded"])
    if code == totp_now(emu, mine["secretBase32Encoded"]):
        pytest.skip("the two secrets share the current code")
    assert_empty(enable(api, emu.user("enrol").id, method="authenticator", secret=mine["secret"], code=code), 421)
    assert emu.user("enrol").methods == []
    assert password_login(http, "enrol").status_code == 200


def test_one_step_either_side_is_accepted_at_enable(emu: EmulatorServer, api: httpx2.Client) -> None:
    secret = new_secret(api)
    base32 = secret["secretBase32Encoded"]
    now_codes = {totp_now(emu, base32, delta) for delta in (-30, 0, 30)}
    for offset in (-90, 90):
        code = totp_now(emu, base32, offset)
        if code not in now_codes:
            assert_empty(
                enable(api, emu.user("enrol").id, method="authenticator", secret=secret["secret"], code=code), 421
            )
    late = totp_now(emu, base32, -30)
    assert (
        enable(api, emu.user("enrol").id, method="authenticator", secret=secret["secret"], code=late).status_code == 200
    )


def test_the_jwt_form_enables_for_the_tokens_user(emu: EmulatorServer, http: httpx2.Client) -> None:
    with jwt_client(emu, emu.mint_jwt("enrol")) as own:
        assert enable_new_authenticator(emu, own, None).status_code == 200
    assert len(emu.user("enrol").methods) == 1
    bad = http.post("/api/user/two-factor", json={"method": "authenticator"}, headers={"Authorization": "Bearer x.y.z"})
    assert_empty(bad, 401)


def test_a_two_factor_id_gets_a_code_that_finishes_that_login(
    emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client
) -> None:
    two_factor_id = start(api, userId=emu.user("enrol").id)["twoFactorId"]
    secret = new_secret(api)
    code = totp_now(emu, secret["secretBase32Encoded"])
    body = {"method": "authenticator", "secret": secret["secret"], "code": code, "twoFactorId": two_factor_id}
    response = enable(api, emu.user("enrol").id, **body)
    assert set(response.json()) == {"code", "recoveryCodes"}
    login_code = response.json()["code"]
    assert (
        http.post("/api/two-factor/login", json={"twoFactorId": two_factor_id, "code": login_code}).status_code == 200
    )


def test_a_two_factor_id_of_someone_else_is_invalid(emu: EmulatorServer, api: httpx2.Client) -> None:
    two_factor_id = start(api, userId=emu.user("no_mfa").id)["twoFactorId"]
    secret = new_secret(api)
    code = totp_now(emu, secret["secretBase32Encoded"])
    body = {"method": "authenticator", "secret": secret["secret"], "code": code, "twoFactorId": two_factor_id}
    assert field_codes(enable(api, emu.user("enrol").id, **body)) == ["[invalid]twoFactorId"]


# ---------------------------------------------------------------- enabling email and SMS with a sent code


def test_an_email_method_is_enabled_with_the_code_sent_to_it(
    emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client
) -> None:
    user_id = emu.user("mfa").id
    before = list(emu.user("mfa").recovery_codes)
    code = send_enable_code(emu, api, "mfa", method="email", email="richard@hooli.com")
    assert_empty(enable(api, user_id, method="email", email="richard@hooli.com", code=other_code(code)), 421)
    response = enable(api, user_id, method="email", email="richard@hooli.com", code=code)
    assert_empty(response, 200)  # not the first method: no body, no new recovery codes
    assert emu.user("mfa").recovery_codes == before
    methods = password_login(http, "mfa").json()["methods"]
    assert [m["email"] for m in methods if m["method"] == "email"] == ["richard@piedpiper.com", "richard@hooli.com"]
    assert len({m["id"] for m in methods}) == 4
    # enabled once is enough
    assert field_codes(enable(api, user_id, method="email", email="richard@hooli.com", code=code)) == [
        "[duplicate]email"
    ]


def test_an_sms_method_first_method_gets_recovery_codes(emu: EmulatorServer, api: httpx2.Client) -> None:
    code = send_enable_code(emu, api, "enrol", method="sms", mobilePhone="+15555550107")
    response = enable(api, emu.user("enrol").id, method="sms", mobilePhone="+15555550107", code=code)
    assert len(response.json()["recoveryCodes"]) == 10
    [method] = emu.user("enrol").methods
    assert (method.method, method.mobile_phone) == ("sms", "+15555550107")


def test_a_code_sent_elsewhere_is_a_mismatch(emu: EmulatorServer, api: httpx2.Client) -> None:
    user_id = emu.user("enrol").id
    code = send_enable_code(emu, api, "enrol", method="email", email="monica@raviga.com")
    response = enable(api, user_id, method="email", email="monica@bream-hall.com", code=code)
    assert field_codes(response) == ["[mismatch]email"]
    sms = send_enable_code(emu, api, "enrol", method="sms", mobilePhone="+15550000001")
    response = enable(api, user_id, method="sms", mobilePhone="+15550000002", code=sms)
    assert field_codes(response) == ["[mismatch]mobilePhone"]
    # a code sent for SMS does not enable email
    assert_empty(enable(api, user_id, method="email", email="monica@raviga.com", code=sms), 421)
    assert emu.user("enrol").methods == []


def test_a_sent_code_expires_after_sixty_seconds(emu: EmulatorServer, api: httpx2.Client) -> None:
    user_id = emu.user("enrol").id
    code = send_enable_code(emu, api, "enrol", method="email", email="monica@piedpiper.com")
    emu.advance(60)
    assert_empty(enable(api, user_id, method="email", email="monica@piedpiper.com", code=code), 421)
    fresh = send_enable_code(emu, api, "enrol", method="email", email="monica@piedpiper.com")
    emu.advance(59)
    assert enable(api, user_id, method="email", email="monica@piedpiper.com", code=fresh).status_code == 200


def test_the_same_destination_twice_is_a_duplicate(emu: EmulatorServer, api: httpx2.Client) -> None:
    code = send_enable_code(emu, api, "mfa", method="email", email="RICHARD@piedpiper.com")
    response = enable(api, emu.user("mfa").id, method="email", email="RICHARD@piedpiper.com", code=code)
    assert field_codes(response) == ["[duplicate]email"]


@pytest.mark.parametrize(
    ("body", "codes"),
    [
        ({}, ["[blank]code", "[blank]method"]),
        ({"method": "authenticator", "secret": "s"}, ["[blank]code"]),
        ({"method": "push", "code": "123456"}, ["[invalid]method"]),
        ({"method": "authenticator", "code": "123456"}, ["[blank]secret"]),
        (
            {"method": "authenticator", "code": "1", "secretBase32Encoded": "not base32!"},
            ["[invalid]secretBase32Encoded"],
        ),
        ({"method": "authenticator", "code": "1", "secret": "sécret"}, ["[invalid]secret"]),
        ({"method": "email", "code": "123456"}, ["[blank]email"]),
        ({"method": "sms", "code": "123456"}, ["[blank]mobilePhone"]),
        ({"method": "email", "email": "a@b.c", "code": "1", "applicationId": "x"}, ["[invalid]applicationId"]),
        ({"method": "email", "email": "a@b.c", "code": "1", "twoFactorId": "nope"}, ["[invalid]twoFactorId"]),
        ({"method": "email", "email": "a@b.c", "code": "1", "name": "n" * 257}, ["[tooLong]name"]),
    ],
)
def test_enable_validation(emu: EmulatorServer, api: httpx2.Client, body: dict[str, str], codes: list[str]) -> None:
    assert field_codes(enable(api, emu.user("enrol").id, **body)) == codes
    assert emu.user("enrol").methods == []


def test_enable_unknown_users_and_credentials(emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client) -> None:
    body = {"method": "email", "email": "a@b.c", "code": "123456"}
    assert_empty(enable(api, UNKNOWN_USER, **body), 404)
    assert_empty(enable(api, "not-a-uuid", **body), 404)
    assert_empty(enable(http, emu.user("enrol").id, **body), 401)
    headers = {"Authorization": f"Bearer {emu.mint_jwt('enrol')}"}
    assert_empty(http.post(f"/api/user/two-factor/{emu.user('enrol').id}", json=body, headers=headers), 401)
    invalid = api.post(
        f"/api/user/two-factor/{emu.user('enrol').id}", content=b"[", headers={"Content-Type": "application/json"}
    )
    assert general_codes(invalid) == ["[invalidJSON]"]


# ---------------------------------------------------------------- disabling


def test_disabling_an_authenticator_with_its_code(emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client) -> None:
    user_id = emu.user("mfa").id
    assert_empty(disable(api, user_id, methodId="KLRT", code=other_code(emu.totp_code("mfa"))), 421)
    assert_empty(disable(api, user_id, methodId="KLRT", code=emu.totp_code("mfa")), 200)
    assert [m.id for m in emu.user("mfa").methods] == ["UYTR", "PQSM"]
    assert len(emu.user("mfa").recovery_codes) == 10  # other methods remain: MFA stays on
    assert password_login(http, "mfa").status_code == 242


def test_disabling_with_a_json_body(emu: EmulatorServer, api: httpx2.Client) -> None:
    response = disable_with_body(api, emu.user("mfa").id, methodId="KLRT", code=emu.totp_code("mfa"), eventInfo={})
    assert_empty(response, 200)
    assert emu.user("mfa").method("KLRT") is None


def test_a_message_method_needs_the_code_sent_to_disable_it(emu: EmulatorServer, api: httpx2.Client) -> None:
    user_id = emu.user("mfa").id
    sms_code = send_disable_code(emu, api, "mfa", "PQSM")
    assert_empty(disable(api, user_id, methodId="UYTR", code=sms_code), 421)  # sent to disable another method
    email_code = send_disable_code(emu, api, "mfa", "UYTR")
    assert_empty(disable(api, user_id, methodId="UYTR", code=emu.totp_code("mfa")), 421)  # not this method's code
    emu.advance(60)
    assert_empty(disable(api, user_id, methodId="UYTR", code=email_code), 421)
    fresh = send_disable_code(emu, api, "mfa", "UYTR")
    assert_empty(disable(api, user_id, methodId="UYTR", code=fresh), 200)
    assert [m.id for m in emu.user("mfa").methods] == ["KLRT", "PQSM"]


def test_removing_the_last_method_turns_mfa_off(emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client) -> None:
    user_id = emu.user("email_only").id
    assert password_login(http, "email_only").status_code == 242
    code = send_disable_code(emu, api, "email_only", "JDEM")
    assert_empty(disable(api, user_id, methodId="JDEM", code=code), 200)
    response = password_login(http, "email_only")
    assert response.status_code == 200
    assert "twoFactorId" not in response.json()
    assert response.json()["user"]["twoFactor"] == {"methods": []}
    assert api.get("/api/two-factor/status", params={"userId": user_id}).status_code == 200


def test_a_recovery_code_removes_every_method_and_the_other_codes(
    emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client
) -> None:
    recovery = emu.user("mfa").recovery_codes[3]
    assert_empty(disable(api, emu.user("mfa").id, methodId="PQSM", code=recovery.lower()), 200)
    assert emu.user("mfa").methods == []
    assert emu.user("mfa").recovery_codes == []
    assert password_login(http, "mfa").status_code == 200
    # enabling again is a first method: a new set of recovery codes
    codes = enable_new_authenticator(emu, api, emu.user("mfa").id).json()["recoveryCodes"]
    assert len(codes) == 10
    assert recovery not in codes


def test_the_jwt_form_disables_for_the_tokens_user(emu: EmulatorServer, http: httpx2.Client) -> None:
    headers = {"Authorization": f"Bearer {emu.mint_jwt('mfa')}"}
    response = http.delete(
        "/api/user/two-factor", params={"methodId": "KLRT", "code": emu.totp_code("mfa")}, headers=headers
    )
    assert_empty(response, 200)
    assert emu.user("mfa").method("KLRT") is None
    assert http.post("/api/two-factor/send", json={"methodId": "PQSM"}, headers=headers).status_code == 200
    code = emu.latest_code(purpose="disable")
    body = {"methodId": "PQSM", "code": code}
    assert_empty(http.request("DELETE", "/api/user/two-factor", json=body, headers=headers), 200)
    assert [m.id for m in emu.user("mfa").methods] == ["UYTR"]
    assert_empty(http.delete("/api/user/two-factor", params={"methodId": "UYTR", "code": "1"}), 401)


@pytest.mark.parametrize(
    ("query", "codes"),
    [
        ({}, ["[blank]code", "[blank]methodId"]),
        ({"methodId": "KLRT"}, ["[blank]code"]),
        ({"code": "123456"}, ["[blank]methodId"]),
        ({"methodId": "JDEM", "code": "123456"}, ["[invalid]methodId"]),  # another user's method
        ({"methodId": "KLRT", "code": "123456", "applicationId": "x"}, ["[invalid]applicationId"]),
    ],
)
def test_disable_validation(emu: EmulatorServer, api: httpx2.Client, query: dict[str, str], codes: list[str]) -> None:
    assert field_codes(disable(api, emu.user("mfa").id, **query)) == codes
    assert len(emu.user("mfa").methods) == 3


def test_a_field_given_blank_is_blank_wherever_else_it_is_given(emu: EmulatorServer, api: httpx2.Client) -> None:
    body = {"methodId": "KLRT", "code": emu.totp_code("mfa")}
    response = api.request("DELETE", f"/api/user/two-factor/{emu.user('mfa').id}", params={"code": ""}, json=body)
    assert field_codes(response) == ["[blank]code"]
    query = {"methodId": "KLRT", "code": emu.totp_code("mfa")}
    response = api.request("DELETE", f"/api/user/two-factor/{emu.user('mfa').id}", params=query, json={"code": " "})
    assert field_codes(response) == ["[blank]code"]
    assert len(emu.user("mfa").methods) == 3
    assert_empty(api.request("DELETE", f"/api/user/two-factor/{emu.user('mfa').id}", json=body), 200)


def test_disable_unknown_users_and_credentials(emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client) -> None:
    assert_empty(disable(api, UNKNOWN_USER, methodId="KLRT", code="123456"), 404)
    assert_empty(disable(http, emu.user("mfa").id, methodId="KLRT", code=emu.totp_code("mfa")), 401)
    assert len(emu.user("mfa").methods) == 3


# ---------------------------------------------------------------- renaming (FusionAuth 1.68+)


def rename(client: httpx2.Client, user_id: str, query: dict[str, str], **body: str) -> httpx2.Response:
    return client.put(f"/api/user/two-factor/{user_id}", params=query, json=body)


def test_a_method_is_renamed_by_query_or_body_and_cleared_without_a_name(
    emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client
) -> None:
    user_id = emu.user("mfa").id
    assert_empty(rename(api, user_id, {"methodId": "UYTR"}, name="Work mail"), 200)
    assert_empty(rename(api, user_id, {}, methodId="PQSM", name="Work phone"), 200)  # as the official client sends
    names = {m["id"]: m.get("name") for m in password_login(http, "mfa").json()["methods"]}
    assert names == {"KLRT": "Phone app", "UYTR": "Work mail", "PQSM": "Work phone"}
    assert_empty(rename(api, user_id, {"methodId": "KLRT"}), 200)
    authenticator = emu.user("mfa").method("KLRT")
    assert authenticator is not None
    assert authenticator.name is None
    assert authenticator.key == b"emulatorTOTPsecret01"  # only the name changes


def test_rename_validation(emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client) -> None:
    user_id = emu.user("mfa").id
    assert field_codes(rename(api, user_id, {}, name="x")) == ["[blank]methodId"]
    assert field_codes(rename(api, user_id, {"methodId": "JDEM"}, name="x")) == ["[invalid]methodId"]
    assert field_codes(rename(api, user_id, {"methodId": "UYTR"}, name="x" * 257)) == ["[tooLong]name"]
    assert_empty(rename(api, user_id, {"methodId": "UYTR"}, name="x" * 256), 200)
    assert_empty(rename(api, UNKNOWN_USER, {"methodId": "UYTR"}, name="x"), 404)
    assert_empty(rename(http, user_id, {"methodId": "UYTR"}, name="x"), 401)


# ---------------------------------------------------------------- the whole journey


def test_from_no_mfa_to_enrolment_trust_recovery_and_back(
    emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client
) -> None:
    user_id = emu.user("enrol").id
    token = password_login(http, "enrol").json()["token"]
    with jwt_client(emu, token) as own:
        recovery_codes = enable_new_authenticator(emu, own, None).json()["recoveryCodes"]

    challenge = password_login(http, "enrol").json()
    login = http.post(
        "/api/two-factor/login",
        json={"twoFactorId": challenge["twoFactorId"], "code": emu.totp_code("enrol"), "trustComputer": True},
    ).json()
    assert password_login(http, "enrol", twoFactorTrustId=login["twoFactorTrustId"]).status_code == 200

    challenge = password_login(http, "enrol").json()
    recovered = http.post(
        "/api/two-factor/login", json={"twoFactorId": challenge["twoFactorId"], "code": recovery_codes[0]}
    )
    assert recovered.status_code == 200
    assert len(emu.user("enrol").recovery_codes) == 9

    [method] = emu.user("enrol").methods
    assert_empty(disable(api, user_id, methodId=method.id, code=emu.totp_code("enrol")), 200)
    assert password_login(http, "enrol").status_code == 200
    assert emu.user("enrol").recovery_codes == []
