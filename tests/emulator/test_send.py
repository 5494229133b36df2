"""POST /api/two-factor/send/{twoFactorId} (login) and POST /api/two-factor/send (enable/disable)."""

from __future__ import annotations

import httpx2
import pytest

from fusionauth_two_factor.emulator.server import EmulatorServer

from ._helpers import assert_empty, field_codes, general_codes, start


def send_for_login(http: httpx2.Client, two_factor_id: str, method_id: str | None) -> httpx2.Response:
    body = {} if method_id is None else {"methodId": method_id}
    return http.post(f"/api/two-factor/send/{two_factor_id}", json=body)


def login(http: httpx2.Client, two_factor_id: str, code: str) -> httpx2.Response:
    return http.post("/api/two-factor/login", json={"twoFactorId": two_factor_id, "code": code})


# ---------------------------------------------------------------- send during login


def test_send_delivers_an_email_code_to_the_outbox(
    emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client
) -> None:
    two_factor_id = start(api, loginId="richard")["twoFactorId"]
    response = send_for_login(http, two_factor_id, "UYTR")
    assert_empty(response, 200)
    [message] = emu.outbox
    assert message.method == "email"
    assert message.destination == "richard@piedpiper.com"
    assert message.purpose == "login"
    assert message.two_factor_id == two_factor_id
    assert message.method_id == "UYTR"
    assert message.user_id == emu.user("mfa").id
    assert message.instant == emu.clock.now_ms()
    assert len(message.code) == 6
    assert message.code.isdigit()
    assert emu.latest_code(two_factor_id=two_factor_id) == message.code

    body = login(http, two_factor_id, message.code).json()
    used = {m["id"]: m["lastUsed"] for m in body["user"]["twoFactor"]["methods"]}
    assert used == {"KLRT": False, "UYTR": True, "PQSM": False}


def test_send_by_sms(emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client) -> None:
    two_factor_id = start(api, loginId="richard")["twoFactorId"]
    assert send_for_login(http, two_factor_id, "PQSM").status_code == 200
    assert emu.outbox[-1].method == "sms"
    assert emu.outbox[-1].destination == "+15555550101"
    assert login(http, two_factor_id, emu.outbox[-1].code).status_code == 200


def test_every_send_replaces_earlier_codes(emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client) -> None:
    started = start(api, loginId="richard")
    two_factor_id = started["twoFactorId"]
    for method_id in ("UYTR", "UYTR", "PQSM"):  # same method again, then another method
        assert send_for_login(http, two_factor_id, method_id).status_code == 200
    messages = emu.state.outbox_messages(two_factor_id=two_factor_id)
    assert [m.method_id for m in messages] == ["UYTR", "UYTR", "PQSM"]
    second = messages[-1].code
    for earlier in {m.code for m in messages[:-1]} - {second}:
        assert_empty(login(http, two_factor_id, earlier), 421)
    if started["code"] != second:
        assert_empty(login(http, two_factor_id, started["code"]), 421)  # the start code is invalidated too
    assert login(http, two_factor_id, second).status_code == 200


def test_delivered_code_expires_after_sixty_seconds(
    emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client
) -> None:
    two_factor_id = start(api, loginId="jared")["twoFactorId"]
    send_for_login(http, two_factor_id, "JDEM")
    code = emu.latest_code(two_factor_id=two_factor_id)
    assert code is not None
    emu.advance(60)
    assert_empty(login(http, two_factor_id, code), 421)
    send_for_login(http, two_factor_id, "JDEM")  # a fresh send works while the twoFactorId lives
    fresh = emu.latest_code(two_factor_id=two_factor_id)
    assert fresh is not None
    emu.advance(59)
    assert login(http, two_factor_id, fresh).status_code == 200


def test_blank_and_invalid_method_ids(emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client) -> None:
    two_factor_id = start(api, loginId="richard")["twoFactorId"]
    assert field_codes(send_for_login(http, two_factor_id, None)) == ["[blank]methodId"]
    assert field_codes(send_for_login(http, two_factor_id, "NOPE")) == ["[invalid]methodId"]
    # an authenticator method cannot receive a code
    assert field_codes(send_for_login(http, two_factor_id, "KLRT")) == ["[invalid]methodId"]
    # another user's method
    assert field_codes(send_for_login(http, two_factor_id, "JDEM")) == ["[invalid]methodId"]
    assert emu.outbox == []


def test_unknown_or_expired_two_factor_id_is_an_empty_500(
    emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client
) -> None:
    # As FusionAuth answers (a NullPointerException, FusionAuth/fusionauth-issues#2315).
    assert_empty(send_for_login(http, "no-such-id", "UYTR"), 500)
    two_factor_id = start(api, loginId="richard")["twoFactorId"]
    emu.advance(300)
    assert_empty(send_for_login(http, two_factor_id, "UYTR"), 500)
    assert emu.outbox == []
    # Validation comes first: a blank methodId is a 400 whatever the twoFactorId.
    assert field_codes(send_for_login(http, "no-such-id", None)) == ["[blank]methodId"]


def test_send_for_login_ignores_authorization(emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client) -> None:
    two_factor_id = start(api, loginId="richard")["twoFactorId"]
    response = http.post(
        f"/api/two-factor/send/{two_factor_id}", json={"methodId": "UYTR"}, headers={"Authorization": "junk"}
    )
    assert_empty(response, 200)


def test_send_for_login_invalid_json(http: httpx2.Client) -> None:
    response = http.post("/api/two-factor/send/x", content=b"nope", headers={"Content-Type": "application/json"})
    assert general_codes(response) == ["[invalidJSON]"]


# ---------------------------------------------------------------- send to enable / disable


def test_enable_email_with_api_key(emu: EmulatorServer, api: httpx2.Client) -> None:
    user_id = emu.user("no_mfa").id
    response = api.post("/api/two-factor/send", json={"method": "email", "email": "new@example.com", "userId": user_id})
    assert_empty(response, 200)
    [message] = emu.outbox
    assert (message.method, message.destination, message.purpose, message.user_id) == (
        "email",
        "new@example.com",
        "enable",
        user_id,
    )
    assert message.two_factor_id is None
    assert emu.latest_code(destination="new@example.com") == message.code


def test_enable_sms_with_message_type(emu: EmulatorServer, api: httpx2.Client) -> None:
    body = {"method": "sms", "mobilePhone": "+15550001111", "userId": emu.user("no_mfa").id, "messageType": "Voice"}
    assert api.post("/api/two-factor/send", json=body).status_code == 200
    assert emu.outbox[-1].message_type == "Voice"
    assert emu.outbox[-1].destination == "+15550001111"


def test_disable_sends_to_the_methods_destination(emu: EmulatorServer, api: httpx2.Client) -> None:
    body = {"methodId": "PQSM", "userId": emu.user("mfa").id}
    assert_empty(api.post("/api/two-factor/send", json=body), 200)
    message = emu.outbox[-1]
    assert (message.purpose, message.method, message.destination, message.method_id) == (
        "disable",
        "sms",
        "+15555550101",
        "PQSM",
    )


@pytest.mark.parametrize(
    ("body", "codes"),
    [
        ({"method": "email", "email": "a@b.c"}, ["[blank]userId"]),
        ({"method": "email", "email": "a@b.c", "userId": "xyz"}, ["[invalid]userId"]),
        ({"method": "email", "email": "a@b.c", "userId": "11111111-2222-3333-4444-555555555555"}, ["[invalid]userId"]),
        ({"userId": "USER"}, ["[blank]method"]),
        ({"method": "authenticator", "userId": "USER"}, ["[invalid]method"]),
        ({"method": "email", "userId": "USER"}, ["[blank]email"]),
        ({"method": "sms", "userId": "USER"}, ["[blank]mobilePhone"]),
        ({"method": "sms", "mobilePhone": "+1555", "messageType": "Fax", "userId": "USER"}, ["[invalid]messageType"]),
        ({"method": "email", "email": "a@b.c", "userId": "USER", "applicationId": "x"}, ["[invalid]applicationId"]),
        ({"methodId": "NOPE", "userId": "USER"}, ["[invalid]methodId"]),
        ({"methodId": "KLRT", "userId": "USER"}, ["[invalid]methodId"]),
        ({"methodId": "PQSM"}, ["[blank]userId"]),
        ({}, ["[blank]method", "[blank]userId"]),
    ],
)
def test_enable_disable_validation(
    emu: EmulatorServer, api: httpx2.Client, body: dict[str, str], codes: list[str]
) -> None:
    body = {key: (emu.user("mfa").id if value == "USER" else value) for key, value in body.items()}
    assert field_codes(api.post("/api/two-factor/send", json=body)) == codes
    assert emu.outbox == []


def test_send_with_a_jwt_takes_the_user_from_the_token(emu: EmulatorServer, http: httpx2.Client) -> None:
    token = emu.mint_jwt("email_only")
    response = http.post(
        "/api/two-factor/send",
        json={"method": "sms", "mobilePhone": "+15551112222", "userId": emu.user("mfa").id},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert_empty(response, 200)
    assert emu.outbox[-1].user_id == emu.user("email_only").id
    disable = http.post("/api/two-factor/send", json={"methodId": "JDEM"}, headers={"Authorization": f"Bearer {token}"})
    assert disable.status_code == 200
    assert emu.outbox[-1].destination == "jared@piedpiper.com"


@pytest.mark.parametrize("authorization", [None, "wrong-key", "Bearer not.a.jwt", "Bearer", "Basic abc"])
def test_send_rejects_missing_or_bad_credentials(
    emu: EmulatorServer, http: httpx2.Client, authorization: str | None
) -> None:
    headers = {} if authorization is None else {"Authorization": authorization}
    body = {"method": "email", "email": "a@b.c", "userId": emu.user("mfa").id}
    assert_empty(http.post("/api/two-factor/send", json=body, headers=headers), 401)
    assert emu.outbox == []


def test_send_rejects_an_expired_jwt(emu: EmulatorServer, http: httpx2.Client) -> None:
    token = emu.mint_jwt("mfa", ttl_seconds=60)
    emu.advance(60)
    response = http.post(
        "/api/two-factor/send",
        json={"method": "email", "email": "a@b.c"},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert_empty(response, 401)
