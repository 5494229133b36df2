"""The whole multi-factor journey through the facade, over a real socket against the emulator.

A user without MFA (seed alias ``enrol``) logs in with a password, enrols an authenticator (its code
computed with pyotp from the secret, as the user's app would), logs in with a second factor and a
trusted computer, adds an email method with a sent code, recovers with a recovery code, renames a
method and disables every method (query, body and JWT forms) until a password is enough again. Then
the password login's other documented answers (202, 203 after the second factor, 212, 213, 401, 404,
409, 410) and each new operation's documented error answers. Every test runs through the sync and the async
controllers (``mode``), on the emulator's fake clock (``emu.advance``).
"""

from __future__ import annotations

import dataclasses
import logging
import re
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import pyotp
import pytest

from fusionauth_two_factor import (
    AsyncLoginController,
    AsyncTwoFactorController,
    AuthenticationError,
    BadRequestError,
    Client,
    InvalidCodeError,
    LoginController,
    LoginPreventedError,
    NotFoundError,
    TwoFactorController,
    UserExpiredError,
    error_codes,
)
from fusionauth_two_factor.emulator.seed import Seed, default_seed
from fusionauth_two_factor.emulator.server import EmulatorServer

from ._awaited import Awaited

ENROL = "enrol"  # the seeded user without MFA: monica@piedpiper.com, password pied-piper-7
ENROL_EMAIL = "monica@piedpiper.com"
ENROL_PASSWORD = "pied-piper-7"
ENROL_PHONE = "+15555550107"
APPLICATION_ID = "3c219e58-ed0e-4b18-ad48-f4f92793ae32"
UNKNOWN_USER = "99999999-0000-0000-0000-000000000000"
RECOVERY_CODE_FORMAT = re.compile(r"[0-9A-Z]{5}-[0-9A-Z]{5}")
TOTP_STEP_SECONDS = 30
ONE_TIME_CODE_LIFETIME_SECONDS = 60  # the seeded tenant's twoFactorOneTimeCodeTimeToLiveInSeconds


@dataclass(frozen=True)
class Apis:
    login: Awaited  # LoginController or AsyncLoginController
    two_factor: Awaited  # TwoFactorController or AsyncTwoFactorController


@asynccontextmanager
async def open_apis(emu: EmulatorServer, mode: str, *, api_key: str | None = None) -> AsyncIterator[Apis]:
    # No retries: every answer the emulator gives is the one under test.
    async with Client(emu.base_url, api_key=api_key or emu.api_key, max_retries=0) as client:
        if mode == "sync":
            yield Apis(Awaited(LoginController(client)), Awaited(TwoFactorController(client)))
        else:
            yield Apis(Awaited(AsyncLoginController(client)), Awaited(AsyncTwoFactorController(client)))


def password_login(**more: Any) -> dict[str, Any]:
    return {"loginId": ENROL_EMAIL, "password": ENROL_PASSWORD, "applicationId": APPLICATION_ID, **more}


def authenticator_code(emu: EmulatorServer, secret_base32: str) -> str:
    """The code the user's authenticator app shows now (the emulator's clock), from the enrolment secret."""
    return pyotp.TOTP(secret_base32).at(emu.clock.now_ms() // 1000)


def latest_code(emu: EmulatorServer, **filters: Any) -> str:
    code = emu.latest_code(user_id=emu.user(ENROL).id, **filters)
    assert code is not None, filters
    return code


def codes_of(raised: pytest.ExceptionInfo[BadRequestError]) -> list[str]:
    """The error codes of a 400's ``Errors`` body."""
    assert raised.value.result is not None
    return error_codes(raised.value.result)


def another_code(code: str) -> str:
    """A six-digit code that is certainly not ``code``."""
    return f"{(int(code) + 1) % 1_000_000:06d}"


async def enrol_authenticator(emu: EmulatorServer, apis: Apis) -> tuple[str, list[str], Any]:
    """Enable an authenticator for ``enrol`` from a fresh secret; its Base32 secret, the recovery codes, the answer."""
    secret = await apis.two_factor.generate_two_factor_secret()
    assert secret.status_code == 200
    assert isinstance(secret.result.secret, str)
    secret_base32 = secret.result.secret_base32_encoded
    assert isinstance(secret_base32, str)
    enabled = await apis.two_factor.enable_two_factor(
        emu.user(ENROL).id,
        {
            "method": "authenticator",
            "secret": secret.result.secret,
            "code": authenticator_code(emu, secret_base32),
            "name": "Phone app",
        },
    )
    assert enabled.status_code == 200
    recovery_codes = enabled.result.recovery_codes
    assert isinstance(recovery_codes, list)
    return secret_base32, recovery_codes, enabled


async def challenge(apis: Apis) -> Any:
    """A password login that asks for a second factor; its result (``two_factor_id``, ``methods``)."""
    login = await apis.login.login(password_login())
    assert (login.status_code, login.two_factor_required) == (242, True)
    assert isinstance(login.result.two_factor_id, str)
    return login.result


def method_id(emu: EmulatorServer, kind: str) -> str:
    (method,) = [method for method in emu.user(ENROL).methods if method.method == kind]
    return method.id


# ---------------------------------------------------------------- the journey


async def test_from_no_mfa_through_enrolment_recovery_and_back(
    mode: str, emu: EmulatorServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="fusionauth_two_factor")
    user_id = emu.user(ENROL).id
    secrets: list[str] = [ENROL_PASSWORD]  # none of these may reach a log line
    async with open_apis(emu, mode) as apis:
        # A password is enough while the user has no method.
        first = await apis.login.login(password_login())
        assert (first.status_code, first.two_factor_required) == (200, False)
        assert first.result.user.id == uuid.UUID(user_id)
        assert isinstance(first.result.token, str)
        no_mfa = await apis.two_factor.retrieve_two_factor_status(None, user_id=user_id)
        assert (no_mfa.status_code, no_mfa.two_factor_required) == (200, False)

        # Enrol an authenticator: the first method answers with ten recovery codes.
        secret_base32, recovery_codes, enabled = await enrol_authenticator(emu, apis)
        secrets += [secret_base32, *recovery_codes]
        assert not [code for code in recovery_codes if code in repr(enabled)], "a recovery code in a repr"
        assert len(recovery_codes) == 10
        assert len(set(recovery_codes)) == 10
        assert all(RECOVERY_CODE_FORMAT.fullmatch(code) for code in recovery_codes), "XXXXX-XXXXX"
        assert [(m.method, m.name) for m in emu.user(ENROL).methods] == [("authenticator", "Phone app")]

        # Now the password login asks for a second factor, offering the new method.
        asked = await challenge(apis)
        assert [(m.method, m.name) for m in asked.methods] == [("authenticator", "Phone app")]
        emu.advance(TOTP_STEP_SECONDS)  # the next code, as a user logging in later would type
        code = authenticator_code(emu, secret_base32)
        trusted = await apis.two_factor.two_factor_login(
            {"twoFactorId": asked.two_factor_id, "code": code, "trustComputer": True}
        )
        assert trusted.status_code == 200
        assert trusted.result.user.id == uuid.UUID(user_id)
        trust_id = trusted.result.two_factor_trust_id
        assert isinstance(trust_id, str)
        secrets += [code, trust_id]

        # The trust skips the challenge.
        with_trust = await apis.login.login(password_login(twoFactorTrustId=trust_id))
        assert (with_trust.status_code, with_trust.two_factor_required) == (200, False)
        assert isinstance(with_trust.result.token, str)

        # The status, without and with the trust, by GET and by POST (FusionAuth 1.62+).
        untrusted = await apis.two_factor.retrieve_two_factor_status(None, user_id=user_id)
        assert (untrusted.status_code, untrusted.two_factor_required) == (242, True)
        assert untrusted.result.trusts == []
        trusted_status = await apis.two_factor.retrieve_two_factor_status(trust_id, user_id=user_id)
        assert (trusted_status.status_code, trusted_status.two_factor_required) == (200, False)
        for action in ("login", "stepUp", "changePassword"):
            posted = await apis.two_factor.retrieve_two_factor_status_with_request(
                {"userId": user_id, "action": action}
            )
            assert (posted.status_code, posted.two_factor_required) == (242, True), action
        posted_trusted = await apis.two_factor.retrieve_two_factor_status_with_request(
            {"userId": user_id, "twoFactorTrustId": trust_id, "applicationId": APPLICATION_ID}
        )
        assert (posted_trusted.status_code, posted_trusted.two_factor_required) == (200, False)
        assert posted_trusted.result.two_factor_trust_id == trust_id

        # Add an email method with a sent code; a wrong code is refused first.
        sent = await apis.two_factor.send_two_factor_code_for_enable_disable(
            {"method": "email", "email": ENROL_EMAIL, "userId": user_id}
        )
        assert (sent.status_code, sent.result) == (200, None)
        email_code = latest_code(emu, purpose="enable", method="email")
        secrets.append(email_code)
        email_method = {"method": "email", "email": ENROL_EMAIL, "name": "Inbox"}
        with pytest.raises(InvalidCodeError) as wrong:
            await apis.two_factor.enable_two_factor(user_id, {**email_method, "code": another_code(email_code)})
        assert wrong.value.status_code == 421
        assert email_code not in str(wrong.value)
        added = await apis.two_factor.enable_two_factor(user_id, {**email_method, "code": email_code})
        assert (added.status_code, added.result) == (200, None)  # not the first method: no new recovery codes
        offered = await challenge(apis)
        assert [m.method for m in offered.methods] == ["authenticator", "email"]

        # A recovery code completes a login once.
        recovered = await apis.two_factor.two_factor_login(
            {"twoFactorId": offered.two_factor_id, "code": recovery_codes[0]}
        )
        assert recovered.status_code == 200
        with pytest.raises(InvalidCodeError):
            await apis.two_factor.two_factor_login(
                {"twoFactorId": (await challenge(apis)).two_factor_id, "code": recovery_codes[0]}
            )

        # New recovery codes invalidate every old one; the deprecated retrieval shows none (FusionAuth 1.68+).
        regenerated = await apis.two_factor.generate_two_factor_recovery_codes(user_id)
        new_codes = regenerated.result.recovery_codes
        secrets += new_codes
        assert not [code for code in new_codes if code in repr(regenerated)], "a recovery code in a repr"
        assert regenerated.status_code == 200
        assert len(new_codes) == 10
        assert not set(new_codes) & set(recovery_codes)
        with pytest.raises(InvalidCodeError):
            await apis.two_factor.two_factor_login(
                {"twoFactorId": (await challenge(apis)).two_factor_id, "code": recovery_codes[1]}
            )
        with pytest.deprecated_call(match="generate_two_factor_recovery_codes"):
            retrieved = await apis.two_factor.retrieve_two_factor_recovery_codes(user_id)
        assert (retrieved.status_code, retrieved.result.recovery_codes) == (200, [])
        renewed = await apis.two_factor.two_factor_login(
            {"twoFactorId": (await challenge(apis)).two_factor_id, "code": new_codes[0]}
        )
        assert renewed.status_code == 200

        # Rename the email method (FusionAuth 1.68+); the next challenge shows the new name.
        email_id = method_id(emu, "email")
        renamed = await apis.two_factor.update_two_factor(user_id, {"methodId": email_id, "name": "Work email"})
        assert (renamed.status_code, renamed.result) == (200, None)
        assert [m.name for m in (await challenge(apis)).methods] == ["Phone app", "Work email"]

        # A third method, self-service with the user's JWT: SMS.
        jwt = emu.mint_jwt(ENROL)
        await apis.two_factor.send_two_factor_code_for_enable_disable(
            {"method": "sms", "mobilePhone": ENROL_PHONE, "userId": user_id}
        )
        sms_code = latest_code(emu, purpose="enable", method="sms")
        by_jwt = await apis.two_factor.enable_two_factor_using_jwt(
            jwt, {"method": "sms", "mobilePhone": ENROL_PHONE, "code": sms_code}
        )
        assert (by_jwt.status_code, by_jwt.result) == (200, None)
        assert [m.method for m in emu.user(ENROL).methods] == ["authenticator", "email", "sms"]

        # Disable them one by one: email by query string, SMS with the JWT, the authenticator by body.
        await apis.two_factor.send_two_factor_code_for_enable_disable({"methodId": email_id, "userId": user_id})
        disable_code = latest_code(emu, purpose="disable", method="email")
        secrets.append(disable_code)
        by_query = await apis.two_factor.disable_two_factor(user_id, method_id=email_id, code=disable_code)
        assert (by_query.status_code, by_query.result) == (200, None)
        sms_id = method_id(emu, "sms")
        await apis.two_factor.send_two_factor_code_for_enable_disable({"methodId": sms_id, "userId": user_id})
        sms_disable_code = latest_code(emu, purpose="disable", method="sms")
        secrets.append(sms_disable_code)
        jwt_disabled = await apis.two_factor.disable_two_factor_using_jwt(jwt, method_id=sms_id, code=sms_disable_code)
        assert jwt_disabled.status_code == 200
        assert [m.method for m in emu.user(ENROL).methods] == ["authenticator"]
        emu.advance(TOTP_STEP_SECONDS)
        last_code = authenticator_code(emu, secret_base32)
        by_body = await apis.two_factor.disable_two_factor_with_request(
            user_id, {"methodId": method_id(emu, "authenticator"), "code": last_code}
        )
        assert by_body.status_code == 200

        # The last method is gone: MFA is off, its recovery codes with it, and a password is enough again.
        assert emu.user(ENROL).methods == []
        assert emu.user(ENROL).recovery_codes == []
        off = await apis.two_factor.retrieve_two_factor_status(None, user_id=user_id)
        assert (off.status_code, off.two_factor_required) == (200, False)
        again = await apis.login.login(password_login())
        assert (again.status_code, again.two_factor_required) == (200, False)
        assert isinstance(again.result.token, str)

    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "DELETE /api/user/two-factor/{userId} -> 200" in logged
    leaked = [secret for secret in secrets if secret in logged]
    assert not leaked, "a password, code, secret or trust id reached the log"


async def test_a_jwt_disable_of_the_last_method_turns_mfa_off(mode: str, emu: EmulatorServer) -> None:
    """Self-service all the way: enable with the JWT, disable with the JWT and a recovery code (every method)."""
    user_id = emu.user(ENROL).id
    async with open_apis(emu, mode) as apis:
        secret = await apis.two_factor.generate_two_factor_secret_using_jwt(emu.mint_jwt(ENROL))
        secret_base32 = secret.result.secret_base32_encoded
        enabled = await apis.two_factor.enable_two_factor_using_jwt(
            emu.mint_jwt(ENROL),
            {
                "method": "authenticator",
                "secretBase32Encoded": secret_base32,
                "code": authenticator_code(emu, secret_base32),
            },
        )
        assert enabled.status_code == 200
        assert len(enabled.result.recovery_codes) == 10
        await apis.two_factor.send_two_factor_code_for_enable_disable(
            {"method": "email", "email": ENROL_EMAIL, "userId": user_id}
        )
        await apis.two_factor.enable_two_factor(
            user_id, {"method": "email", "email": ENROL_EMAIL, "code": latest_code(emu, purpose="enable")}
        )
        assert len(emu.user(ENROL).methods) == 2

        # A recovery code removes every method at once, whichever methodId names.
        removed = await apis.two_factor.disable_two_factor_using_jwt(
            emu.mint_jwt(ENROL), method_id=method_id(emu, "email"), code=enabled.result.recovery_codes[3]
        )
        assert removed.status_code == 200
        assert emu.user(ENROL).methods == []
        status = await apis.two_factor.retrieve_two_factor_status_with_request({"userId": user_id})
        assert (status.status_code, status.two_factor_required) == (200, False)
        assert (await apis.login.login(password_login())).status_code == 200


# ---------------------------------------------------------------- documented error answers


async def test_a_wrong_password_or_an_unknown_login_id_is_404(mode: str, emu: EmulatorServer) -> None:
    async with open_apis(emu, mode) as apis:
        with pytest.raises(NotFoundError) as wrong_password:
            await apis.login.login(password_login(password="not-the-password"))
        with pytest.raises(NotFoundError):
            await apis.login.login(password_login(loginId="nobody@piedpiper.com"))
        with pytest.raises(BadRequestError) as blank:
            await apis.login.login({"loginId": ENROL_EMAIL})
    assert wrong_password.value.status_code == 404
    assert "not-the-password" not in str(wrong_password.value)
    assert codes_of(blank) == ["[blank]password"]


SEEDED_PASSWORDS = {
    "change_password": "pied-piper-4",
    "unverified": "pied-piper-8",
    "unverified_registration": "pied-piper-9",
}


@pytest.mark.parametrize(
    ("alias", "status"), [("unverified", 212), ("unverified_registration", 213)], ids=["212", "213"]
)
async def test_a_password_login_of_an_unverified_user_or_registration(
    mode: str, emu: EmulatorServer, alias: str, status: int
) -> None:
    user = emu.user(alias)
    async with open_apis(emu, mode) as apis:
        login = await apis.login.login(password_login(loginId=user.email, password=SEEDED_PASSWORDS[alias]))
    assert (login.status_code, login.two_factor_required) == (status, False)
    assert login.result.user.id == uuid.UUID(user.id)


async def test_a_password_login_of_a_user_not_registered_for_the_application_is_202(
    mode: str, emu: EmulatorServer
) -> None:
    emu.user(ENROL).registrations.clear()
    async with open_apis(emu, mode) as apis:
        login = await apis.login.login(password_login())
    assert login.status_code == 202
    assert isinstance(login.result.token, str)


async def test_a_password_change_comes_after_the_second_factor(mode: str, emu: EmulatorServer) -> None:
    user = emu.user("change_password")
    async with open_apis(emu, mode) as apis:
        asked = await apis.login.login(password_login(loginId=user.email, password=SEEDED_PASSWORDS["change_password"]))
        assert asked.status_code == 242
        completed = await apis.two_factor.two_factor_login(
            {"twoFactorId": asked.result.two_factor_id, "code": emu.totp_code("change_password")}
        )
    assert completed.status_code == 203
    assert isinstance(completed.result.change_password_id, str)


async def test_locked_and_expired_users_are_refused_before_the_challenge(mode: str, emu: EmulatorServer) -> None:
    async with open_apis(emu, mode) as apis:
        with pytest.raises(LoginPreventedError) as locked:
            await apis.login.login(password_login(loginId="erlich", password="pied-piper-5"))
        with pytest.raises(UserExpiredError) as expired:
            await apis.login.login(password_login(loginId="bighead", password="pied-piper-6"))
    assert locked.value.status_code == 409
    assert expired.value.status_code == 410


def seed_requiring_a_key_to_log_in() -> Seed:
    """The default seed, with its application requiring an API key for the password login."""
    seed = default_seed()
    applications = tuple(dataclasses.replace(app, login_requires_api_key=True) for app in seed.applications)
    return dataclasses.replace(seed, applications=applications)


async def test_a_password_login_without_the_key_the_application_requires_is_401(mode: str, emu: EmulatorServer) -> None:
    emu.state.reset(seed_requiring_a_key_to_log_in())
    async with Client(emu.base_url, max_retries=0) as keyless:
        login = Awaited(LoginController(keyless) if mode == "sync" else AsyncLoginController(keyless))
        with pytest.raises(AuthenticationError) as refused:
            await login.login(password_login())
    async with open_apis(emu, mode) as apis:
        with_key = await apis.login.login(password_login())
    assert refused.value.status_code == 401
    assert with_key.status_code == 200


async def test_an_expired_sent_code_does_not_enable(mode: str, emu: EmulatorServer) -> None:
    user_id = emu.user(ENROL).id
    body = {"method": "email", "email": ENROL_EMAIL, "userId": user_id}
    async with open_apis(emu, mode) as apis:
        await apis.two_factor.send_two_factor_code_for_enable_disable(body)
        code = latest_code(emu, purpose="enable")
        emu.advance(ONE_TIME_CODE_LIFETIME_SECONDS + 1)
        with pytest.raises(InvalidCodeError):
            await apis.two_factor.enable_two_factor(user_id, {"method": "email", "email": ENROL_EMAIL, "code": code})
        assert emu.user(ENROL).methods == []

        # A code sent again, used within its lifetime, does.
        await apis.two_factor.send_two_factor_code_for_enable_disable(body)
        emu.advance(ONE_TIME_CODE_LIFETIME_SECONDS - 1)
        fresh = latest_code(emu, purpose="enable")
        enabled = await apis.two_factor.enable_two_factor(
            user_id, {"method": "email", "email": ENROL_EMAIL, "code": fresh}
        )
    assert enabled.status_code == 200
    assert [m.method for m in emu.user(ENROL).methods] == ["email"]


async def test_an_expired_sent_code_does_not_disable(mode: str, emu: EmulatorServer) -> None:
    user = emu.user("email_only")
    async with open_apis(emu, mode) as apis:
        await apis.two_factor.send_two_factor_code_for_enable_disable({"methodId": "JDEM", "userId": user.id})
        code = emu.latest_code(user_id=user.id, purpose="disable")
        assert code is not None
        emu.advance(ONE_TIME_CODE_LIFETIME_SECONDS + 1)
        with pytest.raises(InvalidCodeError):
            await apis.two_factor.disable_two_factor(user.id, method_id="JDEM", code=code)
    assert [m.id for m in emu.user("email_only").methods] == ["JDEM"]


async def test_enable_errors(mode: str, emu: EmulatorServer) -> None:
    user_id = emu.user(ENROL).id
    async with open_apis(emu, mode) as apis:
        secret = (await apis.two_factor.generate_two_factor_secret()).result
        other = (await apis.two_factor.generate_two_factor_secret()).result
        assert secret.secret != other.secret

        def authenticator(secret_base32: str) -> dict[str, Any]:
            return {"method": "authenticator", "secret": secret.secret, "code": authenticator_code(emu, secret_base32)}

        # A code of another secret proves nothing: 421.
        with pytest.raises(InvalidCodeError):
            await apis.two_factor.enable_two_factor(user_id, authenticator(other.secret_base32_encoded))
        with pytest.raises(NotFoundError):
            await apis.two_factor.enable_two_factor(UNKNOWN_USER, authenticator(secret.secret_base32_encoded))
        with pytest.raises(BadRequestError) as no_code:
            await apis.two_factor.enable_two_factor(
                user_id, {"method": "authenticator", "secret": secret.secret, "code": ""}
            )
        with pytest.raises(AuthenticationError):
            await apis.two_factor.enable_two_factor_using_jwt(
                emu.mint_jwt(ENROL, ttl_seconds=0), {"method": "authenticator", "secret": secret.secret, "code": "1"}
            )
    assert codes_of(no_code) == ["[blank]code"]
    assert emu.user(ENROL).methods == []


async def test_disable_errors(mode: str, emu: EmulatorServer) -> None:
    user = emu.user("mfa")
    totp = emu.totp_code("mfa")
    async with open_apis(emu, mode) as apis:
        with pytest.raises(InvalidCodeError) as wrong:
            await apis.two_factor.disable_two_factor(user.id, method_id="KLRT", code=another_code(totp))
        with pytest.raises(InvalidCodeError):
            await apis.two_factor.disable_two_factor_with_request(
                user.id, {"methodId": "KLRT", "code": another_code(totp)}
            )
        with pytest.raises(NotFoundError):
            await apis.two_factor.disable_two_factor(UNKNOWN_USER, method_id="KLRT", code=totp)
        with pytest.raises(BadRequestError) as unknown_method:
            await apis.two_factor.disable_two_factor(user.id, method_id="NOPE", code=totp)
        with pytest.raises(BadRequestError) as blank:
            await apis.two_factor.disable_two_factor_with_request(user.id, {"methodId": "KLRT", "code": ""})
        with pytest.raises(AuthenticationError):
            await apis.two_factor.disable_two_factor_using_jwt("not.a.jwt", method_id="KLRT", code=totp)
    # The code travelled in the query string; the message never shows it.
    assert another_code(totp) not in str(wrong.value)
    assert codes_of(unknown_method) == ["[invalid]methodId"]
    assert codes_of(blank) == ["[blank]code"]
    assert [m.id for m in emu.user("mfa").methods] == ["KLRT", "UYTR", "PQSM"]


async def test_update_errors(mode: str, emu: EmulatorServer) -> None:
    async with open_apis(emu, mode) as apis:
        with pytest.raises(NotFoundError):
            await apis.two_factor.update_two_factor(UNKNOWN_USER, {"methodId": "KLRT", "name": "x"})
        with pytest.raises(BadRequestError) as unknown_method:
            await apis.two_factor.update_two_factor(emu.user("mfa").id, {"methodId": "NOPE", "name": "x"})
        with pytest.raises(BadRequestError) as too_long:
            await apis.two_factor.update_two_factor(emu.user("mfa").id, {"methodId": "KLRT", "name": "x" * 257})
        cleared = await apis.two_factor.update_two_factor(emu.user("mfa").id, {"methodId": "KLRT"})
    assert codes_of(unknown_method) == ["[invalid]methodId"]
    assert codes_of(too_long) == ["[tooLong]name"]
    assert cleared.status_code == 200
    renamed = emu.user("mfa").method("KLRT")
    assert renamed is not None
    assert renamed.name is None  # an omitted name clears it


async def test_recovery_codes_and_status_of_an_unknown_user_are_400(mode: str, emu: EmulatorServer) -> None:
    async with open_apis(emu, mode) as apis:
        with pytest.raises(BadRequestError) as generate:
            await apis.two_factor.generate_two_factor_recovery_codes(UNKNOWN_USER)
        with pytest.raises(BadRequestError) as retrieve, pytest.deprecated_call():
            await apis.two_factor.retrieve_two_factor_recovery_codes(UNKNOWN_USER)
        with pytest.raises(BadRequestError) as status:
            await apis.two_factor.retrieve_two_factor_status(None, user_id=UNKNOWN_USER)
        with pytest.raises(BadRequestError) as posted:
            await apis.two_factor.retrieve_two_factor_status_with_request({"userId": UNKNOWN_USER})
        # The facade refuses a body without the required userId before sending anything.
        with pytest.raises(ValueError, match="userId"):
            await apis.two_factor.retrieve_two_factor_status_with_request({"action": "stepUp"})
    for raised in (generate, retrieve, status, posted):
        assert codes_of(raised) == ["[invalid]userId"]


async def test_the_post_status_checks_the_access_token(mode: str, emu: EmulatorServer) -> None:
    user_id = emu.user("mfa").id
    async with open_apis(emu, mode) as apis:
        valid = await apis.two_factor.retrieve_two_factor_status_with_request(
            {"userId": user_id, "action": "stepUp", "accessToken": emu.mint_jwt("mfa")}
        )
        with pytest.raises(BadRequestError) as expired:
            await apis.two_factor.retrieve_two_factor_status_with_request(
                {"userId": user_id, "action": "stepUp", "accessToken": emu.mint_jwt("mfa", ttl_seconds=0)}
            )
    assert (valid.status_code, valid.two_factor_required) == (242, True)
    assert codes_of(expired) == ["[invalid]accessToken"]


API_KEY_CALLS: dict[str, Callable[[Awaited], Awaitable[Any]]] = {
    "generate_two_factor_secret": lambda api: api.generate_two_factor_secret(),
    "retrieve_two_factor_status (no trust)": lambda api: api.retrieve_two_factor_status(None, user_id=UNKNOWN_USER),
    "retrieve_two_factor_status_with_request": lambda api: api.retrieve_two_factor_status_with_request(
        {"userId": UNKNOWN_USER}
    ),
    "enable_two_factor": lambda api: api.enable_two_factor(UNKNOWN_USER, {"method": "email", "code": "123456"}),
    "update_two_factor": lambda api: api.update_two_factor(UNKNOWN_USER, {"methodId": "KLRT"}),
    "disable_two_factor": lambda api: api.disable_two_factor(UNKNOWN_USER, method_id="KLRT", code="123456"),
    "disable_two_factor_with_request": lambda api: api.disable_two_factor_with_request(
        UNKNOWN_USER, {"methodId": "KLRT", "code": "123456"}
    ),
    "generate_two_factor_recovery_codes": lambda api: api.generate_two_factor_recovery_codes(UNKNOWN_USER),
}


@pytest.mark.parametrize("call", API_KEY_CALLS.values(), ids=API_KEY_CALLS.keys())
async def test_a_wrong_api_key_is_401(
    mode: str, emu: EmulatorServer, call: Callable[[Awaited], Awaitable[Any]]
) -> None:
    async with open_apis(emu, mode, api_key="not-the-key") as apis:
        with pytest.raises(AuthenticationError) as raised:
            await call(apis.two_factor)
    assert raised.value.status_code == 401
