"""The facade against the emulator over a real socket: every operation and the documented error paths.

Each test runs twice (``mode``: the sync and the async controller) in one event loop per test.
Seed users (``default_seed.json``): ``mfa`` (authenticator KLRT, email UYTR, sms PQSM, recovery codes),
``email_only``, ``no_mfa``, ``change_password`` (203), ``locked`` (409), ``expired`` (410).
"""

from __future__ import annotations

import base64
import logging

import pytest

from fusionauth_two_factor import (
    AuthenticationError,
    BadRequestError,
    Client,
    InvalidCodeError,
    LoginPreventedError,
    NotFoundError,
    ServerError,
    TwoFactorController,
    UserExpiredError,
    error_codes,
)
from fusionauth_two_factor.emulator.server import EmulatorServer
from fusionauth_two_factor.models import LoginChangePasswordResponse, LoginResponse

from ._facade import Facade, open_facade

MFA_EMAIL = "richard@piedpiper.com"
MFA_METHOD_IDS = ["KLRT", "UYTR", "PQSM"]
EMAIL_METHOD = "UYTR"
SMS_METHOD = "PQSM"
UNKNOWN_TRUST = "no-such-trust"
TRUST_LIFETIME_SECONDS = 30 * 24 * 3600
TWO_FACTOR_ID_LIFETIME_SECONDS = 300


async def delivered_code(emu: EmulatorServer, two_factor: Facade, two_factor_id: str, method_id: str) -> str:
    sent = await two_factor.send_two_factor_code_for_login_using_method(two_factor_id, {"methodId": method_id})
    assert sent.status_code == 200
    assert sent.result is None
    code = emu.latest_code(two_factor_id=two_factor_id)
    assert code is not None
    return code


async def trusted_login(emu: EmulatorServer, two_factor: Facade) -> str:
    """Log ``mfa`` in with an authenticator code and trustComputer; return the twoFactorTrustId."""
    two_factor_id = await two_factor.start(loginId=MFA_EMAIL)
    login = await two_factor.two_factor_login(
        {"twoFactorId": two_factor_id, "code": emu.totp_code("mfa"), "trustComputer": True}
    )
    assert login.status_code == 200
    assert login.result is not None
    assert isinstance(login.result.two_factor_trust_id, str)
    return login.result.two_factor_trust_id


# ---------------------------------------------------------------- status and trust


async def test_status_is_242_until_a_trusted_login_then_200(
    mode: str, emu: EmulatorServer, caplog: pytest.LogCaptureFixture
) -> None:
    # Again, after the root conftest: its last set_level (INFO, for httpx2) also set the capture
    # handler to INFO, which drops the package's DEBUG lines.
    caplog.set_level(logging.DEBUG, logger="fusionauth_two_factor")
    user_id = emu.user("mfa").id
    async with open_facade(emu, mode) as two_factor:
        before = await two_factor.retrieve_two_factor_status(UNKNOWN_TRUST, user_id=user_id)
        assert (before.status_code, before.two_factor_required) == (242, True)
        assert before.result is not None
        assert before.result.trusts == []

        trust_id = await trusted_login(emu, two_factor)
        after = await two_factor.retrieve_two_factor_status(trust_id, user_id=user_id)

    assert (after.status_code, after.two_factor_required) == (200, False)
    assert after.result is not None
    assert after.result.two_factor_trust_id == trust_id
    assert isinstance(after.result.trusts, list)
    assert [trust.expired for trust in after.result.trusts] == [False]
    # The package logs every attempt at DEBUG, with the path template: never the ids in the path.
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "GET /api/two-factor/status/{twoFactorTrustId} -> 200" in logged
    assert trust_id not in logged


async def test_status_of_a_user_without_mfa_is_200(mode: str, emu: EmulatorServer) -> None:
    async with open_facade(emu, mode) as two_factor:
        status = await two_factor.retrieve_two_factor_status(UNKNOWN_TRUST, user_id=emu.user("no_mfa").id)
    assert (status.status_code, status.two_factor_required) == (200, False)


async def test_trust_lasts_30_days(mode: str, emu: EmulatorServer) -> None:
    user_id = emu.user("mfa").id
    async with open_facade(emu, mode) as two_factor:
        trust_id = await trusted_login(emu, two_factor)
        emu.advance(TRUST_LIFETIME_SECONDS - 1)
        last_second = await two_factor.retrieve_two_factor_status(trust_id, user_id=user_id)
        emu.advance(1)
        expired = await two_factor.retrieve_two_factor_status(trust_id, user_id=user_id)

    assert (last_second.status_code, last_second.two_factor_required) == (200, False)
    assert (expired.status_code, expired.two_factor_required) == (242, True)
    assert expired.result is not None
    assert isinstance(expired.result.trusts, list)
    assert [trust.expired for trust in expired.result.trusts] == [True]


async def test_a_trust_belongs_to_its_user(mode: str, emu: EmulatorServer) -> None:
    async with open_facade(emu, mode) as two_factor:
        trust_id = await trusted_login(emu, two_factor)
        other_user = await two_factor.retrieve_two_factor_status(trust_id, user_id=emu.user("email_only").id)
    assert other_user.status_code == 242


async def test_status_of_an_unknown_user_is_400(mode: str, emu: EmulatorServer) -> None:
    async with open_facade(emu, mode) as two_factor:
        with pytest.raises(BadRequestError) as raised:
            await two_factor.retrieve_two_factor_status(UNKNOWN_TRUST, user_id="99999999-0000-0000-0000-000000000000")
    assert raised.value.result is not None
    assert error_codes(raised.value.result) == ["[invalid]userId"]


# ---------------------------------------------------------------- start


@pytest.mark.parametrize(("field", "user_attribute"), [("loginId", "email"), ("loginId", "username"), ("userId", "id")])
async def test_start_by_login_id_or_user_id(mode: str, emu: EmulatorServer, field: str, user_attribute: str) -> None:
    user = emu.user("mfa")
    body = {field: getattr(user, user_attribute)}
    async with open_facade(emu, mode) as two_factor:
        started = await two_factor.start_two_factor_login(body)

    assert started.status_code == 200
    assert started.result is not None
    assert isinstance(started.result.methods, list)
    assert [method.id for method in started.result.methods] == MFA_METHOD_IDS
    assert [method.method for method in started.result.methods] == ["authenticator", "email", "sms"]
    challenge = emu.state.challenge(str(started.result.two_factor_id))
    assert challenge is not None
    assert challenge.user_id == user.id


async def test_start_prefers_user_id_over_login_id(mode: str, emu: EmulatorServer) -> None:
    async with open_facade(emu, mode) as two_factor:
        two_factor_id = await two_factor.start(userId=emu.user("email_only").id, loginId=MFA_EMAIL)
    challenge = emu.state.challenge(two_factor_id)
    assert challenge is not None
    assert challenge.user_id == emu.user("email_only").id


@pytest.mark.parametrize(
    "body", [{"loginId": "nobody@piedpiper.com"}, {"userId": "99999999-0000-0000-0000-000000000000"}], ids=str
)
async def test_start_for_an_unknown_user_is_404(mode: str, emu: EmulatorServer, body: dict[str, str]) -> None:
    async with open_facade(emu, mode) as two_factor:
        with pytest.raises(NotFoundError) as raised:
            await two_factor.start_two_factor_login(body)
    assert (raised.value.status_code, raised.value.body, raised.value.result) == (404, "", None)


# ---------------------------------------------------------------- login


async def test_login_with_an_authenticator_code(mode: str, emu: EmulatorServer) -> None:
    async with open_facade(emu, mode) as two_factor:
        two_factor_id = await two_factor.start(loginId=MFA_EMAIL)
        login = await two_factor.two_factor_login({"twoFactorId": two_factor_id, "code": emu.totp_code("mfa")})

    assert login.status_code == 200
    assert login.result is not None
    assert isinstance(login.result.token, str)
    assert emu.state.jwt_user(login.result.token) == emu.user("mfa")
    assert login.result.user and login.result.user.email == MFA_EMAIL
    assert not login.result.two_factor_trust_id  # only asked for with trustComputer


@pytest.mark.parametrize("method_id", [EMAIL_METHOD, SMS_METHOD])
async def test_login_with_a_delivered_code(mode: str, emu: EmulatorServer, method_id: str) -> None:
    async with open_facade(emu, mode) as two_factor:
        two_factor_id = await two_factor.start(loginId=MFA_EMAIL)
        code = await delivered_code(emu, two_factor, two_factor_id, method_id)
        login = await two_factor.two_factor_login({"twoFactorId": two_factor_id, "code": code})

    assert login.status_code == 200
    assert login.result is not None
    assert login.result.token
    [message] = emu.outbox
    assert (message.method_id, message.purpose) == (method_id, "login")


async def test_a_recovery_code_works_once(mode: str, emu: EmulatorServer) -> None:
    recovery_code = emu.user("mfa").recovery_codes[0]
    async with open_facade(emu, mode) as two_factor:
        first_id = await two_factor.start(loginId=MFA_EMAIL)
        login = await two_factor.two_factor_login({"twoFactorId": first_id, "code": recovery_code})
        second_id = await two_factor.start(loginId=MFA_EMAIL)
        with pytest.raises(InvalidCodeError) as raised:
            await two_factor.two_factor_login({"twoFactorId": second_id, "code": recovery_code})

    assert login.status_code == 200
    assert raised.value.status_code == 421


async def test_a_wrong_code_is_421_and_the_challenge_stays_open(mode: str, emu: EmulatorServer) -> None:
    async with open_facade(emu, mode) as two_factor:
        two_factor_id = await two_factor.start(loginId=MFA_EMAIL)
        right_code = await delivered_code(emu, two_factor, two_factor_id, EMAIL_METHOD)
        wrong_code = f"{(int(right_code) + 1) % 1_000_000:06d}"
        with pytest.raises(InvalidCodeError) as raised:
            await two_factor.two_factor_login({"twoFactorId": two_factor_id, "code": wrong_code})
        retried = await two_factor.two_factor_login({"twoFactorId": two_factor_id, "code": right_code})

    assert (raised.value.status_code, raised.value.body) == (421, "")
    assert retried.status_code == 200


async def test_an_expired_two_factor_id_is_404(mode: str, emu: EmulatorServer) -> None:
    async with open_facade(emu, mode) as two_factor:
        two_factor_id = await two_factor.start(loginId=MFA_EMAIL)
        emu.advance(TWO_FACTOR_ID_LIFETIME_SECONDS + 1)
        with pytest.raises(NotFoundError) as raised:
            await two_factor.two_factor_login({"twoFactorId": two_factor_id, "code": emu.totp_code("mfa")})
    assert raised.value.status_code == 404


async def test_a_blank_code_is_400(mode: str, emu: EmulatorServer) -> None:
    async with open_facade(emu, mode) as two_factor:
        two_factor_id = await two_factor.start(loginId=MFA_EMAIL)
        with pytest.raises(BadRequestError) as raised:
            await two_factor.two_factor_login({"twoFactorId": two_factor_id, "code": ""})
    assert raised.value.result is not None
    assert error_codes(raised.value.result) == ["[blank]code"]
    assert "[blank]code" in str(raised.value)


async def test_a_user_who_must_change_password_gets_203(mode: str, emu: EmulatorServer) -> None:
    async with open_facade(emu, mode) as two_factor:
        two_factor_id = await two_factor.start(loginId="dinesh")
        login = await two_factor.two_factor_login(
            {"twoFactorId": two_factor_id, "code": emu.totp_code("change_password")}
        )

    assert login.status_code == 203
    assert isinstance(login.result, LoginChangePasswordResponse)  # 203 has a model of its own
    assert login.result.change_password_id
    assert login.result.change_password_reason == "Administrative"
    assert "token" not in login.result.to_dict()


async def test_a_locked_user_is_409_with_the_actions(mode: str, emu: EmulatorServer) -> None:
    async with open_facade(emu, mode) as two_factor:
        two_factor_id = await two_factor.start(loginId="erlich")
        with pytest.raises(LoginPreventedError) as raised:
            await two_factor.two_factor_login({"twoFactorId": two_factor_id, "code": emu.totp_code("locked")})

    assert raised.value.result is not None
    [action] = raised.value.result.actions or []
    assert (action.reason_code, action.localized_name) == ("suspicious", "Account lock")


async def test_an_expired_user_is_410(mode: str, emu: EmulatorServer) -> None:
    async with open_facade(emu, mode) as two_factor:
        two_factor_id = await two_factor.start(loginId="bighead")
        with pytest.raises(UserExpiredError) as raised:
            await two_factor.two_factor_login({"twoFactorId": two_factor_id, "code": emu.totp_code("expired")})
    assert (raised.value.status_code, raised.value.body) == (410, "")


async def test_state_given_to_start_comes_back_from_login(mode: str, emu: EmulatorServer) -> None:
    state = {"returnTo": "/checkout", "attempt": 2, "flags": [True, None], "nested": {"a": "b"}}
    async with open_facade(emu, mode) as two_factor:
        two_factor_id = await two_factor.start(loginId=MFA_EMAIL, state=state)
        login = await two_factor.two_factor_login({"twoFactorId": two_factor_id, "code": emu.totp_code("mfa")})

    assert login.result is not None
    assert login.result.state
    assert login.result.state.to_dict() == state
    assert login.result.state["returnTo"] == "/checkout"


# ---------------------------------------------------------------- send for login


async def test_each_send_replaces_the_codes_sent_before(mode: str, emu: EmulatorServer) -> None:
    async with open_facade(emu, mode) as two_factor:
        two_factor_id = await two_factor.start(loginId=MFA_EMAIL)
        old_code = await delivered_code(emu, two_factor, two_factor_id, EMAIL_METHOD)
        new_code = await delivered_code(emu, two_factor, two_factor_id, SMS_METHOD)
        if new_code == old_code:  # one chance in a million; a third send makes them differ
            new_code = await delivered_code(emu, two_factor, two_factor_id, SMS_METHOD)
        with pytest.raises(InvalidCodeError):
            await two_factor.two_factor_login({"twoFactorId": two_factor_id, "code": old_code})
        login = await two_factor.two_factor_login({"twoFactorId": two_factor_id, "code": new_code})
    assert login.status_code == 200


async def test_send_for_an_unknown_two_factor_id_is_a_server_error(mode: str, emu: EmulatorServer) -> None:
    # FusionAuth answers an empty 500 here (fusionauth-issues#2315), and so does the emulator.
    async with open_facade(emu, mode) as two_factor:
        with pytest.raises(ServerError) as raised:
            await two_factor.send_two_factor_code_for_login_using_method("no-such-id", {"methodId": EMAIL_METHOD})
    assert (raised.value.status_code, raised.value.body) == (500, "")
    assert emu.outbox == []


@pytest.mark.parametrize("method_id", ["NOPE", "KLRT"], ids=["unknown", "authenticator"])
async def test_send_to_a_method_that_cannot_receive_a_code_is_400(
    mode: str, emu: EmulatorServer, method_id: str
) -> None:
    async with open_facade(emu, mode) as two_factor:
        two_factor_id = await two_factor.start(loginId=MFA_EMAIL)
        with pytest.raises(BadRequestError) as raised:
            await two_factor.send_two_factor_code_for_login_using_method(two_factor_id, {"methodId": method_id})
    assert raised.value.result is not None
    assert error_codes(raised.value.result) == ["[invalid]methodId"]


# ---------------------------------------------------------------- send for enable/disable


async def test_send_for_enabling_an_sms_method(mode: str, emu: EmulatorServer) -> None:
    user = emu.user("email_only")
    async with open_facade(emu, mode) as two_factor:
        sent = await two_factor.send_two_factor_code_for_enable_disable(
            {"method": "sms", "mobilePhone": "+15555550199", "userId": user.id, "messageType": "SMS"}
        )
    assert (sent.status_code, sent.result) == (200, None)
    [message] = emu.outbox
    assert (message.purpose, message.method, message.destination, message.user_id) == (
        "enable",
        "sms",
        "+15555550199",
        user.id,
    )


async def test_send_for_disabling_a_method(mode: str, emu: EmulatorServer) -> None:
    user = emu.user("mfa")
    async with open_facade(emu, mode) as two_factor:
        sent = await two_factor.send_two_factor_code_for_enable_disable({"methodId": EMAIL_METHOD, "userId": user.id})
    assert sent.status_code == 200
    [message] = emu.outbox
    assert (message.purpose, message.method_id, message.destination) == ("disable", EMAIL_METHOD, MFA_EMAIL)


async def test_send_for_enabling_without_a_destination_is_400(mode: str, emu: EmulatorServer) -> None:
    async with open_facade(emu, mode) as two_factor:
        with pytest.raises(BadRequestError) as raised:
            await two_factor.send_two_factor_code_for_enable_disable({"method": "email", "userId": emu.user("mfa").id})
    assert raised.value.result is not None
    assert error_codes(raised.value.result) == ["[blank]email"]


# ---------------------------------------------------------------- secret


async def test_secret_with_the_users_jwt(mode: str, emu: EmulatorServer) -> None:
    async with open_facade(emu, mode) as two_factor:
        response = await two_factor.generate_two_factor_secret_using_jwt(emu.mint_jwt("mfa"))

    assert response.status_code == 200
    assert response.result is not None
    secret, secret_base32 = response.result.secret, response.result.secret_base32_encoded
    assert isinstance(secret, str)
    assert len(secret) == 20
    assert secret_base32 == base64.b32encode(secret.encode("ascii")).decode("ascii")


@pytest.mark.parametrize("jwt_kind", ["garbage", "expired", "api key"])
async def test_secret_with_a_bad_jwt_is_401(mode: str, emu: EmulatorServer, jwt_kind: str) -> None:
    jwt = {
        "garbage": "not.a.jwt",
        "expired": emu.mint_jwt("mfa", ttl_seconds=0),
        "api key": emu.api_key,  # the API key is no bearer token
    }[jwt_kind]
    async with open_facade(emu, mode) as two_factor:
        with pytest.raises(AuthenticationError) as raised:
            await two_factor.generate_two_factor_secret_using_jwt(jwt)
    assert (raised.value.status_code, raised.value.body) == (401, "")


# ---------------------------------------------------------------- API key


async def test_a_wrong_api_key_is_401_on_every_call_that_needs_one(mode: str, emu: EmulatorServer) -> None:
    user_id = emu.user("mfa").id
    async with open_facade(emu, mode, api_key="not-the-key") as two_factor:
        with pytest.raises(AuthenticationError):
            await two_factor.retrieve_two_factor_status(UNKNOWN_TRUST, user_id=user_id)
        with pytest.raises(AuthenticationError):
            await two_factor.start_two_factor_login({"loginId": MFA_EMAIL})
        with pytest.raises(AuthenticationError):
            await two_factor.send_two_factor_code_for_enable_disable(
                {"method": "email", "email": MFA_EMAIL, "userId": user_id}
            )
    assert emu.outbox == []


async def test_login_and_send_by_id_need_no_api_key(mode: str, emu: EmulatorServer) -> None:
    """The twoFactorId is their credential: a wrong API key in the Client does not matter to them."""
    async with open_facade(emu, mode) as with_key:
        two_factor_id = await with_key.start(loginId=MFA_EMAIL)
    async with open_facade(emu, mode, api_key="not-the-key") as two_factor:
        code = await delivered_code(emu, two_factor, two_factor_id, EMAIL_METHOD)
        login = await two_factor.two_factor_login({"twoFactorId": two_factor_id, "code": code})
    assert login.status_code == 200


def test_the_package_logs_no_code_at_debug(emu: EmulatorServer, caplog: pytest.LogCaptureFixture) -> None:
    """A sync walk through start, send and login at DEBUG: ids and codes stay out of every log line."""
    caplog.set_level(logging.DEBUG)
    with Client(emu.base_url, api_key=emu.api_key) as client:
        two_factor = TwoFactorController(client)
        started = two_factor.start_two_factor_login({"loginId": MFA_EMAIL})
        assert started.result is not None
        two_factor_id = str(started.result.two_factor_id)
        two_factor.send_two_factor_code_for_login_using_method(two_factor_id, {"methodId": EMAIL_METHOD})
        code = emu.latest_code(two_factor_id=two_factor_id)
        assert code is not None
        login = two_factor.two_factor_login({"twoFactorId": two_factor_id, "code": code})

    assert isinstance(login.result, LoginResponse)  # 203 has its own model, without a token
    secrets = [two_factor_id, code, str(login.result.token), emu.api_key]
    lines = [record.getMessage() for record in caplog.records]
    assert any("/api/two-factor/send/{twoFactorId}" in line for line in lines)
    assert not [line for line in lines if any(secret in line for secret in secrets)]
