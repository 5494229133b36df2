"""FusionAuth's official Python client (``fusionauth-client``) and the facade see the same outcomes.

Each scenario of the table runs twice against the emulator, from the same fresh state and the same
fake-clock instant: once through the facade (sync controller), once through ``FusionAuthClient``.
Every call's status and body must be equal, with the values that are random per run (ids, tokens,
codes, secrets) replaced by a placeholder, and the statuses must be the ones the table expects.
This checks the emulator against what FusionAuth's own client sends and expects, and the facade's
parsed results (``to_dict()``, error bodies) against what the official client hands its caller.

The requests themselves are compared in ``test_official_client_requests.py``.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pyotp
import pytest

# fusionauth-client ships no type information (and the typecheck session does not install it).
from fusionauth.fusionauth_client import FusionAuthClient  # type: ignore[import-not-found, import-untyped, unused-ignore]
from fusionauth.rest_client import ClientResponse  # type: ignore[import-not-found, import-untyped, unused-ignore]

from fusionauth_two_factor import ApiError, ApiResponse, Client, LoginController, TwoFactorController
from fusionauth_two_factor.emulator.seed import Seed, default_seed
from fusionauth_two_factor.emulator.server import EmulatorServer

MFA_EMAIL = "richard@piedpiper.com"
UNKNOWN_USER = "99999999-0000-0000-0000-000000000000"
UNKNOWN_TRUST = "no-such-trust"
# Values that differ from run to run; their presence and JSON type are still compared.
RANDOM_PER_RUN = frozenset(
    {
        "changePasswordId",
        "code",
        "recoveryCodes",
        "refreshToken",
        "refreshTokenId",
        "secret",
        "secretBase32Encoded",
        "token",
        "trustToken",
        "twoFactorId",
        "twoFactorTrustId",
    }
)

ERROR_LISTS = frozenset({"fieldErrors", "generalErrors"})
# A method enabled during the scenario gets a fresh random id.
RANDOM_IN_METHODS = frozenset({"id"})


@dataclass(frozen=True)
class Outcome:
    """What a caller gets back: the status and the JSON body (None when there is none)."""

    status: int
    body: Any

    def field(self, name: str) -> Any:
        assert isinstance(self.body, dict), self
        return self.body[name]


class Driver:
    """Every operation both clients have, by the official client's names and argument order; records every
    outcome. ``two_factor_trust_id=None`` asks for the status without a trust id."""

    def __init__(self) -> None:
        self.outcomes: list[tuple[str, Outcome]] = []

    def _record(self, operation: str, outcome: Outcome) -> Outcome:
        self.outcomes.append((operation, outcome))
        return outcome

    def retrieve_two_factor_status(self, user_id: str, two_factor_trust_id: str | None) -> Outcome:
        raise NotImplementedError

    def retrieve_two_factor_status_with_request(self, request: dict[str, Any]) -> Outcome:
        raise NotImplementedError

    def start_two_factor_login(self, request: dict[str, Any]) -> Outcome:
        raise NotImplementedError

    def two_factor_login(self, request: dict[str, Any]) -> Outcome:
        raise NotImplementedError

    def send_two_factor_code_for_enable_disable(self, request: dict[str, Any]) -> Outcome:
        raise NotImplementedError

    def generate_two_factor_secret(self) -> Outcome:
        raise NotImplementedError

    def generate_two_factor_secret_using_jwt(self, encoded_jwt: str) -> Outcome:
        raise NotImplementedError

    def send_two_factor_code_for_login_using_method(self, two_factor_id: str, request: dict[str, Any]) -> Outcome:
        raise NotImplementedError

    def login(self, request: dict[str, Any]) -> Outcome:
        raise NotImplementedError

    def enable_two_factor(self, user_id: str, request: dict[str, Any]) -> Outcome:
        raise NotImplementedError

    def update_two_factor(self, user_id: str, request: dict[str, Any]) -> Outcome:
        raise NotImplementedError

    def disable_two_factor(self, user_id: str, method_id: str, code: str) -> Outcome:
        raise NotImplementedError

    def disable_two_factor_with_request(self, user_id: str, request: dict[str, Any]) -> Outcome:
        raise NotImplementedError

    def generate_two_factor_recovery_codes(self, user_id: str) -> Outcome:
        raise NotImplementedError

    def retrieve_two_factor_recovery_codes(self, user_id: str) -> Outcome:
        raise NotImplementedError


class FacadeDriver(Driver):
    def __init__(self, client: Client) -> None:
        super().__init__()
        self._two_factor = TwoFactorController(client)
        self._login = LoginController(client)

    def _outcome(self, operation: str, call: Callable[[], ApiResponse[Any]]) -> Outcome:
        try:
            response = call()
        except ApiError as error:
            if error.result is not None:
                body = error.result.to_dict()
            else:
                body = json.loads(error.body) if error.body else None
            return self._record(operation, Outcome(error.status_code, body))
        result = None if response.result is None else response.result.to_dict()
        return self._record(operation, Outcome(response.status_code, result))

    def retrieve_two_factor_status(self, user_id: str, two_factor_trust_id: str | None) -> Outcome:
        return self._outcome(
            "retrieve_two_factor_status",
            lambda: self._two_factor.retrieve_two_factor_status(two_factor_trust_id, user_id=user_id),
        )

    def retrieve_two_factor_status_with_request(self, request: dict[str, Any]) -> Outcome:
        return self._outcome(
            "retrieve_two_factor_status_with_request",
            lambda: self._two_factor.retrieve_two_factor_status_with_request(request),
        )

    def start_two_factor_login(self, request: dict[str, Any]) -> Outcome:
        return self._outcome("start_two_factor_login", lambda: self._two_factor.start_two_factor_login(request))

    def two_factor_login(self, request: dict[str, Any]) -> Outcome:
        return self._outcome("two_factor_login", lambda: self._two_factor.two_factor_login(request))

    def send_two_factor_code_for_enable_disable(self, request: dict[str, Any]) -> Outcome:
        return self._outcome(
            "send_two_factor_code_for_enable_disable",
            lambda: self._two_factor.send_two_factor_code_for_enable_disable(request),
        )

    def generate_two_factor_secret(self) -> Outcome:
        return self._outcome("generate_two_factor_secret", self._two_factor.generate_two_factor_secret)

    def generate_two_factor_secret_using_jwt(self, encoded_jwt: str) -> Outcome:
        return self._outcome(
            "generate_two_factor_secret_using_jwt",
            lambda: self._two_factor.generate_two_factor_secret_using_jwt(encoded_jwt),
        )

    def send_two_factor_code_for_login_using_method(self, two_factor_id: str, request: dict[str, Any]) -> Outcome:
        return self._outcome(
            "send_two_factor_code_for_login_using_method",
            lambda: self._two_factor.send_two_factor_code_for_login_using_method(two_factor_id, request),
        )

    def login(self, request: dict[str, Any]) -> Outcome:
        return self._outcome("login", lambda: self._login.login(request))

    def enable_two_factor(self, user_id: str, request: dict[str, Any]) -> Outcome:
        return self._outcome("enable_two_factor", lambda: self._two_factor.enable_two_factor(user_id, request))

    def update_two_factor(self, user_id: str, request: dict[str, Any]) -> Outcome:
        return self._outcome("update_two_factor", lambda: self._two_factor.update_two_factor(user_id, request))

    def disable_two_factor(self, user_id: str, method_id: str, code: str) -> Outcome:
        return self._outcome(
            "disable_two_factor",
            lambda: self._two_factor.disable_two_factor(user_id, method_id=method_id, code=code),
        )

    def disable_two_factor_with_request(self, user_id: str, request: dict[str, Any]) -> Outcome:
        return self._outcome(
            "disable_two_factor_with_request",
            lambda: self._two_factor.disable_two_factor_with_request(user_id, request),
        )

    def generate_two_factor_recovery_codes(self, user_id: str) -> Outcome:
        return self._outcome(
            "generate_two_factor_recovery_codes", lambda: self._two_factor.generate_two_factor_recovery_codes(user_id)
        )

    def retrieve_two_factor_recovery_codes(self, user_id: str) -> Outcome:
        # The facade warns (FusionAuth deprecated the call); the official client 1.69.0 does not.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            return self._outcome(
                "retrieve_two_factor_recovery_codes",
                lambda: self._two_factor.retrieve_two_factor_recovery_codes(user_id),
            )


def official_outcome(response: ClientResponse) -> Outcome:
    """The body as the official client hands it over: ``success_response``, or ``error_response``,
    which is parsed JSON for a 400 and the raw ``requests`` response for other errors."""
    if response.success_response is not None:
        return Outcome(response.status, response.success_response)
    error = response.error_response
    if isinstance(error, dict):
        return Outcome(response.status, error)
    if error is not None and error.content:
        return Outcome(response.status, error.json())
    return Outcome(response.status, None)


class OfficialDriver(Driver):
    def __init__(self, client: FusionAuthClient) -> None:
        super().__init__()
        self._client = client

    def _call(self, operation: str, *args: Any) -> Outcome:
        """The official client's method of the same name, with the same arguments."""
        return self._record(operation, official_outcome(getattr(self._client, operation)(*args)))

    def retrieve_two_factor_status(self, user_id: str, two_factor_trust_id: str | None) -> Outcome:
        return self._call("retrieve_two_factor_status", user_id, None, two_factor_trust_id)

    def retrieve_two_factor_status_with_request(self, request: dict[str, Any]) -> Outcome:
        return self._call("retrieve_two_factor_status_with_request", request)

    def start_two_factor_login(self, request: dict[str, Any]) -> Outcome:
        return self._call("start_two_factor_login", request)

    def two_factor_login(self, request: dict[str, Any]) -> Outcome:
        return self._call("two_factor_login", request)

    def send_two_factor_code_for_enable_disable(self, request: dict[str, Any]) -> Outcome:
        return self._call("send_two_factor_code_for_enable_disable", request)

    def generate_two_factor_secret_using_jwt(self, encoded_jwt: str) -> Outcome:
        return self._call("generate_two_factor_secret_using_jwt", encoded_jwt)

    def send_two_factor_code_for_login_using_method(self, two_factor_id: str, request: dict[str, Any]) -> Outcome:
        return self._call("send_two_factor_code_for_login_using_method", two_factor_id, request)

    def generate_two_factor_secret(self) -> Outcome:
        return self._call("generate_two_factor_secret")

    def login(self, request: dict[str, Any]) -> Outcome:
        return self._call("login", request)

    def enable_two_factor(self, user_id: str, request: dict[str, Any]) -> Outcome:
        return self._call("enable_two_factor", user_id, request)

    def update_two_factor(self, user_id: str, request: dict[str, Any]) -> Outcome:
        return self._call("update_two_factor", user_id, request)

    def disable_two_factor(self, user_id: str, method_id: str, code: str) -> Outcome:
        return self._call("disable_two_factor", user_id, method_id, code)

    def disable_two_factor_with_request(self, user_id: str, request: dict[str, Any]) -> Outcome:
        return self._call("disable_two_factor_with_request", user_id, request)

    def generate_two_factor_recovery_codes(self, user_id: str) -> Outcome:
        return self._call("generate_two_factor_recovery_codes", user_id)

    def retrieve_two_factor_recovery_codes(self, user_id: str) -> Outcome:
        return self._call("retrieve_two_factor_recovery_codes", user_id)


# ---------------------------------------------------------------- the scenarios


def start(driver: Driver, **request: Any) -> str:
    two_factor_id: str = driver.start_two_factor_login(request).field("twoFactorId")
    return two_factor_id


def delivered_code(driver: Driver, emu: EmulatorServer, two_factor_id: str, method_id: str) -> str:
    driver.send_two_factor_code_for_login_using_method(two_factor_id, {"methodId": method_id})
    code = emu.latest_code(two_factor_id=two_factor_id)
    assert code is not None
    return code


def trusted_login_with_an_emailed_code(driver: Driver, emu: EmulatorServer) -> None:
    user_id = emu.user("mfa").id
    driver.retrieve_two_factor_status(user_id, UNKNOWN_TRUST)
    two_factor_id = start(driver, loginId=MFA_EMAIL)
    code = delivered_code(driver, emu, two_factor_id, "UYTR")
    login = driver.two_factor_login({"twoFactorId": two_factor_id, "code": code, "trustComputer": True})
    driver.retrieve_two_factor_status(user_id, login.field("twoFactorTrustId"))


def authenticator_code_with_state(driver: Driver, emu: EmulatorServer) -> None:
    two_factor_id = start(driver, userId=emu.user("mfa").id, state={"returnTo": "/pay", "attempt": 2})
    driver.two_factor_login({"twoFactorId": two_factor_id, "code": emu.totp_code("mfa")})


def recovery_code_twice(driver: Driver, emu: EmulatorServer) -> None:
    recovery_code = emu.user("mfa").recovery_codes[0]
    for _ in range(2):
        driver.two_factor_login({"twoFactorId": start(driver, loginId=MFA_EMAIL), "code": recovery_code})


def wrong_code(driver: Driver, emu: EmulatorServer) -> None:
    two_factor_id = start(driver, loginId=MFA_EMAIL)
    code = delivered_code(driver, emu, two_factor_id, "UYTR")
    driver.two_factor_login({"twoFactorId": two_factor_id, "code": f"{(int(code) + 1) % 1_000_000:06d}"})


def blank_code(driver: Driver, emu: EmulatorServer) -> None:
    driver.two_factor_login({"twoFactorId": start(driver, loginId=MFA_EMAIL), "code": ""})


def expired_two_factor_id(driver: Driver, emu: EmulatorServer) -> None:
    two_factor_id = start(driver, loginId=MFA_EMAIL)
    emu.advance(301)
    driver.send_two_factor_code_for_login_using_method(two_factor_id, {"methodId": "UYTR"})
    driver.two_factor_login({"twoFactorId": two_factor_id, "code": emu.totp_code("mfa")})


def login_of(alias: str, login_id: str) -> Callable[[Driver, EmulatorServer], None]:
    def scenario(driver: Driver, emu: EmulatorServer) -> None:
        driver.two_factor_login({"twoFactorId": start(driver, loginId=login_id), "code": emu.totp_code(alias)})

    return scenario


def send_replaces_earlier_codes(driver: Driver, emu: EmulatorServer) -> None:
    two_factor_id = start(driver, loginId=MFA_EMAIL)
    old_code = delivered_code(driver, emu, two_factor_id, "UYTR")
    new_code = delivered_code(driver, emu, two_factor_id, "PQSM")
    if new_code == old_code:  # one chance in a million; the scenario then does not apply
        pytest.skip("the two delivered codes happen to be equal")
    driver.two_factor_login({"twoFactorId": two_factor_id, "code": old_code})
    driver.two_factor_login({"twoFactorId": two_factor_id, "code": new_code})


def unknown_ids(driver: Driver, emu: EmulatorServer) -> None:
    driver.start_two_factor_login({"loginId": "nobody@piedpiper.com"})
    driver.start_two_factor_login({"userId": UNKNOWN_USER})
    driver.retrieve_two_factor_status(UNKNOWN_USER, UNKNOWN_TRUST)
    driver.send_two_factor_code_for_login_using_method("no-such-id", {"methodId": "UYTR"})
    driver.two_factor_login({"twoFactorId": "no-such-id", "code": "123456"})
    driver.send_two_factor_code_for_login_using_method(start(driver, loginId=MFA_EMAIL), {"methodId": "KLRT"})


def trust_expires_after_30_days(driver: Driver, emu: EmulatorServer) -> None:
    user_id = emu.user("mfa").id
    two_factor_id = start(driver, loginId=MFA_EMAIL)
    login = driver.two_factor_login({"twoFactorId": two_factor_id, "code": emu.totp_code("mfa"), "trustComputer": True})
    emu.advance(30 * 24 * 3600)
    driver.retrieve_two_factor_status(user_id, login.field("twoFactorTrustId"))
    driver.retrieve_two_factor_status(emu.user("no_mfa").id, UNKNOWN_TRUST)


def enable_and_disable(driver: Driver, emu: EmulatorServer) -> None:
    user_id = emu.user("mfa").id
    driver.send_two_factor_code_for_enable_disable({"method": "sms", "mobilePhone": "+15555550199", "userId": user_id})
    driver.send_two_factor_code_for_enable_disable({"methodId": "UYTR", "userId": user_id})
    driver.send_two_factor_code_for_enable_disable({"method": "email", "userId": user_id})
    driver.send_two_factor_code_for_enable_disable({"method": "fax", "email": MFA_EMAIL, "userId": user_id})


def secret(driver: Driver, emu: EmulatorServer) -> None:
    driver.generate_two_factor_secret_using_jwt(emu.mint_jwt("mfa"))
    driver.generate_two_factor_secret_using_jwt(emu.mint_jwt("mfa", ttl_seconds=0))
    driver.generate_two_factor_secret_using_jwt("not.a.jwt")


def every_api_key_call(driver: Driver, emu: EmulatorServer) -> None:
    user_id = emu.user("mfa").id
    driver.retrieve_two_factor_status(user_id, UNKNOWN_TRUST)
    driver.start_two_factor_login({"loginId": MFA_EMAIL})
    driver.send_two_factor_code_for_enable_disable({"method": "email", "email": MFA_EMAIL, "userId": user_id})


# ---- the whole multi-factor journey (the operations added for it)

ENROL_EMAIL = "monica@piedpiper.com"  # seed alias "enrol": no MFA yet
ENROL_PASSWORD = "pied-piper-7"
APPLICATION_ID = "3c219e58-ed0e-4b18-ad48-f4f92793ae32"


def password(login_id: str = ENROL_EMAIL, secret: str = ENROL_PASSWORD, **more: Any) -> dict[str, Any]:
    return {"loginId": login_id, "password": secret, "applicationId": APPLICATION_ID, **more}


def enrol_then_challenge(driver: Driver, emu: EmulatorServer) -> None:
    user_id = emu.user("enrol").id
    driver.login(password())
    driver.retrieve_two_factor_status(user_id, None)
    secret = driver.generate_two_factor_secret()
    code = pyotp.TOTP(secret.field("secretBase32Encoded")).at(emu.clock.now_ms() // 1000)
    driver.enable_two_factor(user_id, {"method": "authenticator", "secret": secret.field("secret"), "code": code})
    driver.login(password())
    driver.retrieve_two_factor_status(user_id, None)
    driver.retrieve_two_factor_status_with_request({"userId": user_id, "action": "stepUp"})


def password_login_errors(driver: Driver, emu: EmulatorServer) -> None:
    driver.login(password(secret="not-the-password"))
    driver.login(password(login_id="nobody@piedpiper.com"))
    driver.login({"loginId": ENROL_EMAIL})


def trust_skips_the_challenge(driver: Driver, emu: EmulatorServer) -> None:
    user_id = emu.user("mfa").id
    two_factor_id = driver.login(password(MFA_EMAIL, "pied-piper-1")).field("twoFactorId")
    login = driver.two_factor_login({"twoFactorId": two_factor_id, "code": emu.totp_code("mfa"), "trustComputer": True})
    trust_id = login.field("twoFactorTrustId")
    driver.login(password(MFA_EMAIL, "pied-piper-1", twoFactorTrustId=trust_id))
    driver.retrieve_two_factor_status_with_request({"userId": user_id, "twoFactorTrustId": trust_id})
    driver.retrieve_two_factor_status(user_id, trust_id)


def enable_errors(driver: Driver, emu: EmulatorServer) -> None:
    authenticator = {"method": "authenticator", "secret": "a-secret-of-twenty-c"}
    driver.enable_two_factor(emu.user("enrol").id, {**authenticator, "code": "000000"})
    driver.enable_two_factor(UNKNOWN_USER, {**authenticator, "code": "000000"})
    driver.enable_two_factor(emu.user("enrol").id, {**authenticator, "code": ""})


def email_method_lifecycle(driver: Driver, emu: EmulatorServer) -> None:
    """Enable a second email address with a sent code, rename it, disable it with a sent code (query string)."""
    user_id, email = emu.user("mfa").id, "richard+work@piedpiper.com"
    driver.send_two_factor_code_for_enable_disable({"method": "email", "email": email, "userId": user_id})
    code = emu.latest_code(user_id=user_id, purpose="enable")
    driver.enable_two_factor(user_id, {"method": "email", "email": email, "code": code, "name": "Work"})
    (method_id,) = [method.id for method in emu.user("mfa").methods if method.email == email]
    driver.update_two_factor(user_id, {"methodId": method_id, "name": "Work inbox"})
    driver.send_two_factor_code_for_enable_disable({"methodId": method_id, "userId": user_id})
    driver.disable_two_factor(user_id, method_id, emu.latest_code(user_id=user_id, purpose="disable") or "")
    driver.login(password(MFA_EMAIL, "pied-piper-1"))


def recovery_code_disables_everything(driver: Driver, emu: EmulatorServer) -> None:
    user = emu.user("mfa")
    recovery_code = user.recovery_codes[0]
    driver.disable_two_factor_with_request(user.id, {"methodId": "KLRT", "code": recovery_code})
    driver.retrieve_two_factor_status(user.id, None)
    driver.disable_two_factor_with_request(user.id, {"methodId": "KLRT", "code": recovery_code})
    driver.login(password(MFA_EMAIL, "pied-piper-1"))


def disable_errors(driver: Driver, emu: EmulatorServer) -> None:
    user_id = emu.user("mfa").id
    wrong = f"{(int(emu.totp_code('mfa')) + 1) % 1_000_000:06d}"
    driver.disable_two_factor(user_id, "KLRT", wrong)
    driver.disable_two_factor_with_request(user_id, {"methodId": "KLRT", "code": wrong})
    driver.disable_two_factor(UNKNOWN_USER, "KLRT", wrong)
    driver.disable_two_factor(user_id, "NOPE", wrong)


def recovery_codes(driver: Driver, emu: EmulatorServer) -> None:
    user = emu.user("mfa")
    old_code = user.recovery_codes[0]
    driver.generate_two_factor_recovery_codes(user.id)
    driver.retrieve_two_factor_recovery_codes(user.id)
    driver.two_factor_login({"twoFactorId": start(driver, loginId=MFA_EMAIL), "code": old_code})
    driver.generate_two_factor_recovery_codes(UNKNOWN_USER)
    driver.retrieve_two_factor_recovery_codes(UNKNOWN_USER)


def update_errors(driver: Driver, emu: EmulatorServer) -> None:
    driver.update_two_factor(UNKNOWN_USER, {"methodId": "KLRT", "name": "x"})
    driver.update_two_factor(emu.user("mfa").id, {"methodId": "NOPE", "name": "x"})
    driver.update_two_factor(emu.user("mfa").id, {"methodId": "KLRT", "name": "x" * 257})
    driver.update_two_factor(emu.user("mfa").id, {"methodId": "KLRT"})


def every_new_api_key_call(driver: Driver, emu: EmulatorServer) -> None:
    user_id = emu.user("mfa").id
    driver.login(password(MFA_EMAIL, "pied-piper-1"))  # optional, but a key that is given must be valid
    driver.generate_two_factor_secret()
    driver.retrieve_two_factor_status(user_id, None)
    driver.retrieve_two_factor_status_with_request({"userId": user_id})
    driver.enable_two_factor(user_id, {"method": "authenticator", "secret": "a-secret-of-twenty-c", "code": "1"})
    driver.update_two_factor(user_id, {"methodId": "KLRT", "name": "x"})
    driver.disable_two_factor(user_id, "KLRT", "123456")
    driver.disable_two_factor_with_request(user_id, {"methodId": "KLRT", "code": "123456"})
    driver.generate_two_factor_recovery_codes(user_id)
    driver.retrieve_two_factor_recovery_codes(user_id)


TENANT_A = "aaaaaaaa-0000-0000-0000-00000000000a"
TENANT_B = "bbbbbbbb-0000-0000-0000-00000000000b"


def two_tenant_seed() -> Seed:
    def alice(user_id: str, tenant_id: str) -> dict[str, Any]:
        methods = [{"id": "MAIL", "method": "email", "email": "alice@example.com"}]
        return {"id": user_id, "tenantId": tenant_id, "email": "alice@example.com", "twoFactor": {"methods": methods}}

    return Seed.from_dict(
        {
            "tenants": [{"id": TENANT_A}, {"id": TENANT_B}],
            "apiKeys": [{"key": "all-tenants-key"}],
            "users": [
                alice("aaaaaaaa-2222-0000-0000-00000000000a", TENANT_A),
                alice("bbbbbbbb-2222-0000-0000-00000000000b", TENANT_B),
            ],
        }
    )


def tenant_flow(driver: Driver, emu: EmulatorServer) -> None:
    started = driver.start_two_factor_login({"loginId": "alice@example.com"})
    if started.status != 200:
        return
    two_factor_id = started.field("twoFactorId")
    driver.two_factor_login({"twoFactorId": two_factor_id, "code": delivered_code(driver, emu, two_factor_id, "MAIL")})


@dataclass(frozen=True)
class Scenario:
    name: str
    steps: Callable[[Driver, EmulatorServer], None]
    statuses: list[int]
    api_key: str | None = None  # None: the seed's key
    tenant_id: str | None = None
    seed: Callable[[], Seed] = field(default=default_seed)


SCENARIOS = [
    Scenario("trusted login with an emailed code", trusted_login_with_an_emailed_code, [242, 200, 200, 200, 200]),
    Scenario("authenticator code, by userId, state echoed", authenticator_code_with_state, [200, 200]),
    Scenario("a recovery code works once", recovery_code_twice, [200, 200, 200, 421]),
    Scenario("wrong code", wrong_code, [200, 200, 421]),
    Scenario("blank code", blank_code, [200, 400]),
    Scenario("expired twoFactorId", expired_two_factor_id, [200, 500, 404]),
    Scenario("password change required", login_of("change_password", "dinesh"), [200, 203]),
    Scenario("login prevented", login_of("locked", "erlich"), [200, 409]),
    Scenario("user expired", login_of("expired", "bighead"), [200, 410]),
    Scenario("each send replaces earlier codes", send_replaces_earlier_codes, [200, 200, 200, 421, 200]),
    Scenario("unknown users and ids", unknown_ids, [404, 404, 400, 500, 404, 200, 400]),
    Scenario("trust expires after 30 days", trust_expires_after_30_days, [200, 200, 242, 200]),
    Scenario("send for enable and disable", enable_and_disable, [200, 200, 400, 400]),
    Scenario("secret with good and bad JWTs", secret, [200, 401, 401]),
    Scenario("wrong API key", every_api_key_call, [401, 401, 401], api_key="not-the-key"),
    Scenario("several tenants, no tenant header", tenant_flow, [400], seed=two_tenant_seed),
    Scenario("several tenants, tenant header", tenant_flow, [200, 200, 200], tenant_id=TENANT_B, seed=two_tenant_seed),
    Scenario("password login, enrolment, then a challenge", enrol_then_challenge, [200, 200, 200, 200, 242, 242, 242]),
    Scenario("password login errors", password_login_errors, [404, 404, 400]),
    Scenario("a trust skips the challenge", trust_skips_the_challenge, [242, 200, 200, 200, 200]),
    Scenario("enable errors", enable_errors, [421, 404, 400]),
    Scenario("an email method: enable, rename, disable", email_method_lifecycle, [200, 200, 200, 200, 200, 242]),
    Scenario("a recovery code disables every method", recovery_code_disables_everything, [200, 200, 400, 200]),
    Scenario("disable errors", disable_errors, [421, 421, 404, 400]),
    Scenario("recovery codes", recovery_codes, [200, 200, 200, 421, 400, 400]),
    Scenario("update errors", update_errors, [404, 400, 400, 200]),
    Scenario("wrong API key, new operations", every_new_api_key_call, [401] * 10, api_key="not-the-key"),
]


def placeholders(value: Any) -> Any:
    """``value`` with every run-specific value replaced by its JSON type. Error bodies stay whole:
    there ``code`` is an error code such as ``[blank]code`` and keys are field names."""
    if isinstance(value, dict):
        return {key: _placeholder_of_field(key, item) for key, item in value.items()}
    if isinstance(value, list):
        return [placeholders(item) for item in value]
    return value


def _placeholder_of_field(key: str, value: Any) -> Any:
    if key in ERROR_LISTS:
        return value
    if key in RANDOM_PER_RUN:
        return [_random(item) for item in value] if isinstance(value, list) else _random(value)
    if key == "methods" and isinstance(value, list):
        return [_method_placeholders(method) for method in value]
    return placeholders(value)


def _random(value: Any) -> str:
    return f"<{type(value).__name__}>"


def _method_placeholders(method: Any) -> Any:
    if not isinstance(method, dict):
        return placeholders(method)
    return {key: _random(item) if key in RANDOM_IN_METHODS else placeholders(item) for key, item in method.items()}


def run(
    scenario: Scenario, emu: EmulatorServer, start_ms: int, make_driver: Callable[[str, str | None], Driver]
) -> list[tuple[str, Outcome]]:
    emu.fake_clock.set(start_ms)
    emu.state.reset(scenario.seed())
    driver = make_driver(scenario.api_key or emu.api_key, scenario.tenant_id)
    scenario.steps(driver, emu)
    return [(operation, Outcome(outcome.status, placeholders(outcome.body))) for operation, outcome in driver.outcomes]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[scenario.name for scenario in SCENARIOS])
def test_the_official_client_sees_what_the_facade_sees(emu: EmulatorServer, scenario: Scenario) -> None:
    start_ms = emu.clock.now_ms()
    facade_clients: list[Client] = []

    def facade(api_key: str, tenant_id: str | None) -> Driver:
        client = Client(emu.base_url, api_key=api_key, tenant_id=tenant_id, max_retries=0)
        facade_clients.append(client)
        return FacadeDriver(client)

    def official(api_key: str, tenant_id: str | None) -> Driver:
        client = FusionAuthClient(api_key, emu.base_url)
        client.set_tenant_id(tenant_id)
        return OfficialDriver(client)

    try:
        through_facade = run(scenario, emu, start_ms, facade)
    finally:
        for client in facade_clients:
            client.close()
    through_official_client = run(scenario, emu, start_ms, official)

    assert [outcome.status for _, outcome in through_facade] == scenario.statuses
    assert through_official_client == through_facade
