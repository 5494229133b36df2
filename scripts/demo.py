"""Take one user from no multi-factor authentication (MFA) through enrolment, MFA logins and recovery, and back.

    nox -s demo                                   # against an emulator started in this process
    python scripts/demo.py                        # the same, in an environment with .[emulator,qr] installed
    python scripts/demo.py --url http://127.0.0.1:9011   # against `fusionauth-two-factor-emulator`
    FUSIONAUTH_URL=https://auth.example.com FUSIONAUTH_API_KEY=... FUSIONAUTH_LOGIN_ID=... \\
        FUSIONAUTH_PASSWORD=... python scripts/demo.py

Every step names the facade method it calls and says in plain words what it is for:

    1  login                                  a password is enough: the user has no MFA yet (200)
    2  generate_two_factor_secret_using_jwt   a secret for an authenticator app, shown as a QR code
    3  enable_two_factor                      the app's first code turns the authenticator on (recovery codes)
    4  login                                  now the password alone is not enough (242, a twoFactorId)
    5  two_factor_login                       the app's code completes it; "trust this computer"
    6  login                                  with that trust the password is enough again here (200)
    7  retrieve_two_factor_status             without the trust: a second factor is due (242)
    8  retrieve_two_factor_status             with the trust: it is not (200)
    9  send_two_factor_code_for_enable_disable   an email code, to add email as a second method
    10 enable_two_factor                      the emailed code turns the email method on
    11 login                                  a new login offers both methods (242)
    12 two_factor_login                       a wrong code is refused (InvalidCodeError, 421)
    13 two_factor_login                       a recovery code, as after losing the phone (200)
    14 disable_two_factor                     another recovery code turns every method off
    15 login                                  a password is enough again (200)

The demo plays the user's authenticator app itself (pyotp, from the emulator extra): it computes the codes
from the secret it enrolled. Codes, recovery codes, secrets and the password are printed masked, tokens and
ids shortened: never in full. The QR code is printed with the `qr` extra (segno); without it the demo prints
the otpauth URI with its secret masked and says how to install the extra. The exit status is 0 only when every
step gave the expected outcome, so this is a smoke test too.

Emulator (default, or ``--url``): the user is chosen by ``--user`` (alias, id or email; default ``enrol``, the
seeded user without MFA); the API key comes from ``GET /_emulator/info``, the password from the packaged seed
(``--password`` for a seed of your own), the emailed code from ``GET /_emulator/outbox/latest``. On a fake clock
(the default here; ``fusionauth-two-factor-emulator --fake-clock``) the demo moves the clock on 30 s where the
user would wait for the app's next code.

A real FusionAuth (used when ``FUSIONAUTH_URL`` is set and ``--url`` is not given):

    FUSIONAUTH_URL             the server, such as https://auth.example.com (required)
    FUSIONAUTH_API_KEY         an API key allowed to call /api/login, /api/two-factor/* and /api/user/two-factor/*
    FUSIONAUTH_LOGIN_ID        the user's email or username (required): a user WITHOUT MFA, which the demo
                               enrols and, at the end, turns MFA off for again
    FUSIONAUTH_PASSWORD        the user's password (required)
    FUSIONAUTH_APPLICATION_ID  optional: the application to log in to
    FUSIONAUTH_TENANT_ID       optional: sent as X-FusionAuth-TenantId (needed with several tenants)

The tenant needs the authenticator method enabled, and the email method with an email configuration for steps
9-10. The emailed code is typed in (hidden input); without an interactive terminal steps 9-10 are skipped. The
demo waits for the authenticator's next code (at most 30 s) before using it a second time.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from importlib import resources
from typing import Any, Protocol, TypeVar

import httpx2
import pyotp

from fusionauth_two_factor import (
    ApiResponse,
    Client,
    FusionAuthError,
    InvalidCodeError,
    LoginController,
    TwoFactorController,
)
from fusionauth_two_factor.enrolment import TerminalBackground, authenticator_uri, qr_terminal
from fusionauth_two_factor.models import (
    LoginResponse,
    LoginTwoFactorRequiredResponse,
    TwoFactorMethod,
    TwoFactorResponse,
)

STEP_COUNT = 15
DEFAULT_EMULATOR_USER = "enrol"
ISSUER = "FusionAuth demo"
METHOD_NAME = "Demo authenticator"
TOTP_STEP_SECONDS = 30
HELPER_TIMEOUT_SECONDS = 10
INDENT = " " * 6
WIDTH = 110  # the explanations are wrapped to this many columns
QR_INSTALL = 'pip install "fusionauth-two-factor[qr]"'

ModelT = TypeVar("ModelT")
# Reads the code sent to the user's email for enabling a method: (the code, how it was obtained).
SentCodeReader = Callable[[str], tuple[str, str]]


class DemoFailure(Exception):
    """A step did not produce the expected outcome, or the demo is not configured; the message says which."""


class AppClock(Protocol):
    """The time the user's authenticator app goes by: the server's, so that its codes are the server's."""

    def now(self) -> float:
        """Seconds since the epoch."""
        ...

    def wait_for_next_code(self) -> str:
        """Let the app show its next code (a new 30-second step); say how."""
        ...


class WallClock:
    def now(self) -> float:
        return time.time()

    def wait_for_next_code(self) -> str:
        wait = TOTP_STEP_SECONDS - self.now() % TOTP_STEP_SECONDS
        time.sleep(wait)
        return f"waited {wait:.0f} s for the app's next code"


class EmulatorClock:
    """The emulator's clock: a fake one is moved on instead of waited for."""

    def __init__(self, helper: httpx2.Client) -> None:
        self._helper = helper

    def _read(self) -> dict[str, Any]:
        answer = self._helper.get("/_emulator/clock")
        expect(answer.status_code == 200, f"GET /_emulator/clock answered {answer.status_code}")
        clock: dict[str, Any] = answer.json()
        return clock

    def now(self) -> float:
        return float(self._read()["now"]) / 1000

    def wait_for_next_code(self) -> str:
        if not self._read()["fake"]:
            return WallClock().wait_for_next_code()
        moved = self._helper.post("/_emulator/clock/advance", json={"seconds": TOTP_STEP_SECONDS})
        expect(moved.status_code == 200, f"POST /_emulator/clock/advance answered {moved.status_code}")
        return f"moved the emulator's fake clock on {TOTP_STEP_SECONDS} s instead of waiting for the app's next code"


@dataclass(frozen=True)
class Target:
    """Where the demo runs, as whom, and how it gets what a real user gets elsewhere (the time, an email)."""

    description: str
    base_url: str
    api_key: str
    tenant_id: str | None
    login_id: str
    password: str
    application_id: str | None
    clock: AppClock
    read_sent_code: SentCodeReader | None  # None: the emailed code cannot be read, steps 9-10 are skipped


class AuthenticatorApp:
    """Plays the user's authenticator app: the codes of the enrolled secret, at the server's time."""

    def __init__(self, secret: str, secret_base32: str, clock: AppClock) -> None:
        self.secret = secret  # what enable_two_factor is given with the first code
        self._totp = pyotp.TOTP(secret_base32)  # pyotp's defaults are FusionAuth's: HMAC-SHA1, 6 digits, 30 s
        self._clock = clock

    def code(self) -> str:
        return self._totp.at(self._clock.now())

    def next_code(self) -> tuple[str, str]:
        how = self._clock.wait_for_next_code()
        return self.code(), how

    def wrong_code(self) -> str:
        """Six digits that are none of the codes a server accepts now (one 30-second step either side)."""
        now = self._clock.now()
        accepted = {self._totp.at(now + steps * TOTP_STEP_SECONDS) for steps in (-1, 0, 1)}
        return next(code for code in ("000000", "111111", "222222", "333333") if code not in accepted)


class Steps:
    """Numbers and prints the steps; remembers the current one so that a failure can name it."""

    def __init__(self) -> None:
        self.current = 0
        self.skipped = 0

    def begin(self, call: str, why: str) -> None:
        self.current += 1
        print(f"\n[{self.current}/{STEP_COUNT}] {call}")
        print(textwrap.fill(why, WIDTH, initial_indent=f"{INDENT}Why: ", subsequent_indent=INDENT + "     "))

    def outcome(self, status: int, summary: str) -> None:
        print(f"{INDENT}-> HTTP {status}: {summary}")

    def note(self, text: str) -> None:
        print(f"{INDENT}{text}")

    def skip(self, call: str, reason: str) -> None:
        self.current += 1
        self.skipped += 1
        print(f"\n[{self.current}/{STEP_COUNT}] {call}: skipped ({reason})")


def shortened(value: str) -> str:
    """The first four characters and the length: enough to tell tokens and ids apart, too little to use one."""
    return f"{value[:4]}...({len(value)} chars)"


def masked(code: str) -> str:
    """A code, recovery code, secret or password as stars (a recovery code keeps its dash): nothing of it shows."""
    return "".join("-" if character == "-" else "*" for character in code)


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise DemoFailure(message)


def text(value: object, what: str) -> str:
    """A field the step needs: a non-empty string (a missing field is the generated model's UNSET)."""
    if not isinstance(value, str) or not value:
        raise DemoFailure(f"the response has no {what}")
    return value


def body_of(response: ApiResponse[Any], model: type[ModelT]) -> ModelT:
    """The body of a call whose statuses have models of their own (a login: 200, 203, 242 ...)."""
    if not isinstance(response.result, model):
        raise DemoFailure(f"the HTTP {response.status_code} response has no {model.__name__}")
    return response.result


# ---------------------------------------------------------------- the journey


class Journey:
    """The fifteen steps; each method is one or two of them and returns what the later ones need."""

    def __init__(self, target: Target, client: Client, steps: Steps, qr_background: TerminalBackground) -> None:
        self.target = target
        self.login_api = LoginController(client)
        self.two_factor = TwoFactorController(client)
        self.steps = steps
        self.qr_background = qr_background

    def run(self) -> None:
        user_id, jwt = self.password_is_enough(
            "the user logs in with a password. They have no MFA yet, so that is enough: FusionAuth answers 200 "
            "with an access token (a JWT), which the next step uses.",
            hint="the demo needs a user without MFA (choose another with --user)",
        )
        app = self.new_authenticator(jwt)
        recovery_codes = self.enable_authenticator(user_id, app)
        two_factor_id, methods = self.second_factor_is_due(
            "the same password login now gets 242: the password was right, and a second factor is due. The "
            "answer carries a twoFactorId (valid for minutes) and the methods the user can use."
        )
        authenticator_ids = [text(method.id, "method id") for method in methods if method.method == "authenticator"]
        expect(bool(authenticator_ids), "the 242 answer offers no authenticator method")
        trust_id = self.complete_and_trust(two_factor_id, app)
        self.log_in_with_trust(trust_id)
        self.status_without_and_with_trust(user_id, trust_id)
        self.add_email_method(user_id)
        two_factor_id, _ = self.second_factor_is_due("a later login: 242 again, offering every method the user has.")
        self.refuse_wrong_code(two_factor_id, app)
        self.log_in_with_recovery_code(two_factor_id, recovery_codes[0])
        self.turn_mfa_off(user_id, authenticator_ids[0], recovery_codes[1])
        self.password_is_enough("with no method left, a password is enough again: 200.", hint="MFA should be off")

    # -- requests as the steps print them (the password masked)

    def password_login(self, **more: str) -> dict[str, str]:
        login_body = {"loginId": self.target.login_id, "password": self.target.password, **more}
        if self.target.application_id is not None:
            login_body["applicationId"] = self.target.application_id
        return login_body

    def shown_login(self, **more: str) -> str:
        shown = [f"loginId={self.target.login_id!r}", "password=(hidden)"]
        shown += [f"{name}={shortened(value)}" for name, value in more.items()]
        if self.target.application_id is not None:
            shown.append(f"applicationId={self.target.application_id!r}")
        return f"login({{{', '.join(shown)}}})"

    # -- the steps

    def password_is_enough(self, why: str, *, hint: str) -> tuple[str, str]:
        """Steps 1 and 15: a password login answered 200; the user id and the access token."""
        self.steps.begin(self.shown_login(), why)
        login = self.login_api.login(self.password_login())
        expect(login.status_code == 200, f"expected 200, got {login.status_code}: {hint}")
        logged_in = body_of(login, LoginResponse)
        token = text(logged_in.token, "token")
        user_id = str(logged_in.user.id) if logged_in.user.id else ""
        expect(bool(user_id), "the login answer names no user")
        self.steps.outcome(login.status_code, f"two_factor_required=False, token {shortened(token)}, user {user_id}")
        return user_id, token

    def second_factor_is_due(self, why: str) -> tuple[str, list[TwoFactorMethod]]:
        """Steps 4 and 11: a password login answered 242; the twoFactorId and the methods offered."""
        self.steps.begin(self.shown_login(), why)
        login = self.login_api.login(self.password_login())
        expect(login.two_factor_required, f"expected 242 (a second factor is due), got {login.status_code}")
        two_factor_id = text(body_of(login, LoginTwoFactorRequiredResponse).two_factor_id, "twoFactorId")
        methods = body_of(login, LoginTwoFactorRequiredResponse).methods or []
        offered = ", ".join(f"{method.method} ({method.id})" for method in methods) or "none"
        self.steps.outcome(
            login.status_code, f"two_factor_required=True, twoFactorId {shortened(two_factor_id)}, methods: {offered}"
        )
        return two_factor_id, methods

    def new_authenticator(self, jwt: str) -> AuthenticatorApp:
        self.steps.begin(
            f"generate_two_factor_secret_using_jwt(encoded_jwt={shortened(jwt)})",
            "to add an authenticator app (Google Authenticator, 1Password, ...), FusionAuth makes a secret; the "
            "user's own JWT authorizes this, not the API key. The app reads the secret from a QR code.",
        )
        secret_response = self.two_factor.generate_two_factor_secret_using_jwt(jwt)
        secret = text(secret_response.result.secret, "secret")
        secret_base32 = text(secret_response.result.secret_base32_encoded, "secretBase32Encoded")
        self.steps.outcome(secret_response.status_code, f"secret {masked(secret)} (hidden)")
        # fusionauth_two_factor.enrolment: the otpauth:// URI an authenticator app reads, and its QR code.
        uri = authenticator_uri(secret_response, issuer=ISSUER, account_name=self.target.login_id)
        try:
            qr_code = qr_terminal(uri, background=self.qr_background)
        except ImportError:
            self.steps.note(f"authenticator app URI: {uri.replace(secret_base32, masked(secret_base32))}")
            self.steps.note(
                f"(the secret is hidden here; for the QR code of the URI install the qr extra: {QR_INSTALL})"
            )
        else:
            self.steps.note("the QR code of enrolment.authenticator_uri(...), by enrolment.qr_terminal:")
            print(qr_code)
        self.steps.note("here the demo plays the app: it computes the app's codes from the secret")
        return AuthenticatorApp(secret, secret_base32, self.target.clock)

    def enable_authenticator(self, user_id: str, app: AuthenticatorApp) -> list[str]:
        code = app.code()
        self.steps.begin(
            f"enable_two_factor({user_id!r}, {{method='authenticator', secret={masked(app.secret)}, "
            f"code={masked(code)}, name={METHOD_NAME!r}}})",
            "the user types the code their app shows. That proves the app holds the secret, and FusionAuth turns "
            "the authenticator method on. For the first method it answers with ten recovery codes, the way back "
            "in without the phone: shown once, to be kept somewhere safe.",
        )
        enabled = self.two_factor.enable_two_factor(
            user_id, {"method": "authenticator", "secret": app.secret, "code": code, "name": METHOD_NAME}
        )
        recovery_codes = body_of(enabled, TwoFactorResponse).recovery_codes  # a first method's answer has them
        expect(len(recovery_codes) >= 2, f"expected the recovery codes of a first method, got {len(recovery_codes)}")
        self.steps.outcome(
            enabled.status_code, f"{len(recovery_codes)} recovery codes: {' '.join(map(masked, recovery_codes))}"
        )
        return recovery_codes

    def complete_and_trust(self, two_factor_id: str, app: AuthenticatorApp) -> str:
        code, how = app.next_code()
        self.steps.begin(
            f"two_factor_login({{twoFactorId={shortened(two_factor_id)}, code={masked(code)}, trustComputer=True}})",
            "the user types the app's code to finish logging in, and ticks 'trust this computer': FusionAuth "
            "returns a twoFactorTrustId to keep (in a cookie, say) so that this computer is not asked again.",
        )
        self.steps.note(how)
        login = self.two_factor.two_factor_login({"twoFactorId": two_factor_id, "code": code, "trustComputer": True})
        expect(login.status_code == 200, f"expected 200, got {login.status_code}")
        token = text(body_of(login, LoginResponse).token, "token")
        trust_id = text(body_of(login, LoginResponse).two_factor_trust_id, "twoFactorTrustId")
        self.steps.outcome(login.status_code, f"token {shortened(token)}, twoFactorTrustId {shortened(trust_id)}")
        return trust_id

    def log_in_with_trust(self, trust_id: str) -> None:
        self.steps.begin(
            self.shown_login(twoFactorTrustId=trust_id),
            "the next login from the trusted computer sends the trust along: no second factor is asked for.",
        )
        login = self.login_api.login(self.password_login(twoFactorTrustId=trust_id))
        expect(login.status_code == 200, f"expected 200, got {login.status_code}: the trust should skip the challenge")
        token = text(body_of(login, LoginResponse).token, "token")
        self.steps.outcome(login.status_code, f"two_factor_required=False, token {shortened(token)}")

    def status_without_and_with_trust(self, user_id: str, trust_id: str) -> None:
        self.steps.begin(
            f"retrieve_two_factor_status(None, user_id={user_id!r})",
            "an application can ask beforehand whether a login would need a second factor. From a computer "
            "without a trust it would: 242.",
        )
        untrusted = self.two_factor.retrieve_two_factor_status(None, user_id=user_id)
        self.steps.outcome(untrusted.status_code, f"two_factor_required={untrusted.two_factor_required}")
        expect(untrusted.two_factor_required, f"expected 242 (a second factor is due), got {untrusted.status_code}")

        self.steps.begin(
            f"retrieve_two_factor_status({shortened(trust_id)}, user_id={user_id!r})",
            "the same question with the trust from step 5: no second factor is needed, 200.",
        )
        trusted = self.two_factor.retrieve_two_factor_status(trust_id, user_id=user_id)
        self.steps.outcome(trusted.status_code, f"two_factor_required={trusted.two_factor_required}")
        expect(not trusted.two_factor_required, f"expected 200 (trusted), got {trusted.status_code}")

    def add_email_method(self, user_id: str) -> None:
        send_call = "send_two_factor_code_for_enable_disable"
        if self.target.read_sent_code is None:
            reason = "the emailed code has to be typed in: run the demo in a terminal"
            self.steps.skip(send_call, reason)
            self.steps.skip("enable_two_factor (email method)", reason)
            return
        expect("@" in self.target.login_id, "the email method needs the login id to be the user's email address")
        email = self.target.login_id
        send_body = {"method": "email", "email": email, "userId": user_id}
        self.steps.begin(
            f"{send_call}({send_body})",
            "a second method, for when the phone is not at hand: email. To prove the address is the user's, "
            "FusionAuth first sends a code to it.",
        )
        sent = self.two_factor.send_two_factor_code_for_enable_disable(send_body)
        self.steps.outcome(sent.status_code, f"a code is on its way to {email}")
        code, how = self.target.read_sent_code(user_id)
        self.steps.note(f"{how}: code {masked(code)}")

        self.steps.begin(
            f"enable_two_factor({user_id!r}, {{method='email', email={email!r}, code={masked(code)}}})",
            "the emailed code turns the email method on. It is not the first method, so there are no new "
            "recovery codes: 200 with no body.",
        )
        enabled = self.two_factor.enable_two_factor(user_id, {"method": "email", "email": email, "code": code})
        expect(enabled.status_code == 200, f"expected 200, got {enabled.status_code}")
        self.steps.outcome(enabled.status_code, "the email method is on")

    def refuse_wrong_code(self, two_factor_id: str, app: AuthenticatorApp) -> None:
        wrong = app.wrong_code()
        self.steps.begin(
            f"two_factor_login({{twoFactorId={shortened(two_factor_id)}, code={masked(wrong)}}})",
            "a mistyped code is refused with 421, which the client raises as InvalidCodeError. The twoFactorId "
            "stays valid for another try.",
        )
        try:
            self.two_factor.two_factor_login({"twoFactorId": two_factor_id, "code": wrong})
        except InvalidCodeError as error:
            self.steps.outcome(error.status_code, f"InvalidCodeError raised: {error}")
        else:
            raise DemoFailure("a wrong code was accepted")

    def log_in_with_recovery_code(self, two_factor_id: str, recovery_code: str) -> None:
        self.steps.begin(
            f"two_factor_login({{twoFactorId={shortened(two_factor_id)}, code={masked(recovery_code)}}})",
            "the user has lost their phone: one of the recovery codes from step 3 logs them in instead. Each "
            "recovery code works once.",
        )
        login = self.two_factor.two_factor_login({"twoFactorId": two_factor_id, "code": recovery_code})
        expect(login.status_code == 200, f"expected 200, got {login.status_code}")
        token = text(body_of(login, LoginResponse).token, "token")
        self.steps.outcome(login.status_code, f"logged in, token {shortened(token)}")

    def turn_mfa_off(self, user_id: str, method_id: str, recovery_code: str) -> None:
        self.steps.begin(
            f"disable_two_factor({user_id!r}, method_id={method_id!r}, code={masked(recovery_code)})",
            "still without the phone, the user turns MFA off, to set it up again on a new one. Disabling takes "
            "the method's current code or a recovery code; a recovery code removes every method at once.",
        )
        disabled = self.two_factor.disable_two_factor(user_id, method_id=method_id, code=recovery_code)
        self.steps.outcome(disabled.status_code, "every method is off: the user has no MFA")


# ---------------------------------------------------------------- targets


def seeded_password(user: dict[str, Any]) -> str | None:
    """The password the packaged seed gives this emulator user (the emulator itself keeps only a hash)."""
    seed = json.loads(resources.files("fusionauth_two_factor.emulator").joinpath("default_seed.json").read_text())
    passwords = [entry.get("password") for entry in seed["users"] if entry["id"] == user["id"]]
    return passwords[0] if passwords and isinstance(passwords[0], str) else None


def emulator_target(helper: httpx2.Client, args: argparse.Namespace, description: str) -> Target:
    """A running emulator, reached by ``helper``: the API key and the user from its /_emulator routes."""
    base_url = str(helper.base_url).rstrip("/")
    info = helper.get("/_emulator/info")
    expect(info.status_code == 200, f"{base_url} is not the emulator: GET /_emulator/info answered {info.status_code}")
    users = [user for user in info.json()["users"] if args.user in (user["alias"], user["id"], user["email"])]
    expect(bool(users), f"the emulator has no user {args.user!r}")
    user = users[0]
    password = args.password or seeded_password(user)
    expect(password is not None, f"the packaged seed has no password for {args.user!r}: pass --password")
    applications = [app["id"] for app in info.json()["applications"] if app["tenantId"] == user["tenantId"]]

    def read_outbox(user_id: str) -> tuple[str, str]:
        latest = helper.get("/_emulator/outbox/latest", params={"userId": user_id, "purpose": "enable"})
        expect(latest.status_code == 200, f"no code was delivered: GET /_emulator/outbox/latest {latest.status_code}")
        message = latest.json()
        return message["code"], (
            f"read from the emulator's outbox (GET /_emulator/outbox/latest -> HTTP {latest.status_code}: "
            f"{message['method']} to {message['destination']})"
        )

    return Target(
        description=description,
        base_url=base_url,
        api_key=info.json()["apiKey"],
        tenant_id=user["tenantId"],
        login_id=user["email"],
        password=str(password),
        application_id=applications[0] if applications else None,
        clock=EmulatorClock(helper),
        read_sent_code=read_outbox,
    )


def typed_code(_user_id: str) -> tuple[str, str]:
    return getpass.getpass(f"{INDENT}type the code from the email (hidden): ").strip(), "typed in"


def real_server_target(environ: dict[str, str]) -> Target:
    """A real FusionAuth, described by FUSIONAUTH_* variables (see the module docstring)."""
    required = {
        "FUSIONAUTH_API_KEY": "an API key allowed to call /api/login and the MFA APIs",
        "FUSIONAUTH_LOGIN_ID": "the email or username of a user without MFA",
        "FUSIONAUTH_PASSWORD": "that user's password",
    }
    for name, meaning in required.items():
        expect(bool(environ.get(name)), f"set {name} ({meaning})")
    return Target(
        description=f"FusionAuth at {environ['FUSIONAUTH_URL']}",
        base_url=environ["FUSIONAUTH_URL"],
        api_key=environ["FUSIONAUTH_API_KEY"],
        tenant_id=environ.get("FUSIONAUTH_TENANT_ID") or None,
        login_id=environ["FUSIONAUTH_LOGIN_ID"],
        password=environ["FUSIONAUTH_PASSWORD"],
        application_id=environ.get("FUSIONAUTH_APPLICATION_ID") or None,
        clock=WallClock(),
        read_sent_code=typed_code if sys.stdin.isatty() else None,
    )


@contextmanager
def chosen_target(args: argparse.Namespace, environ: dict[str, str]) -> Iterator[Target]:
    """``--url``, else a real server when FUSIONAUTH_URL is set, else an emulator in this process."""
    if environ.get("FUSIONAUTH_URL") and not args.url:
        yield real_server_target(environ)
        return
    with ExitStack() as stack:
        if args.url:
            base_url, description = args.url, f"the emulator at {args.url}"
        else:
            # Imported here: a run against a real server needs only the client, not the emulator's server.
            from fusionauth_two_factor.emulator import EmulatorServer, FakeClock  # noqa: PLC0415

            # A fake clock, so that waiting for the authenticator's next code takes no time.
            base_url = stack.enter_context(EmulatorServer(clock=FakeClock())).base_url
            description = f"an emulator started by this demo at {base_url}"
        helper = stack.enter_context(httpx2.Client(base_url=base_url, timeout=HELPER_TIMEOUT_SECONDS))
        yield emulator_target(helper, args, description)


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--url", help="a running emulator (fusionauth-two-factor-emulator), such as http://127.0.0.1:9011"
    )
    parser.add_argument(
        "--user",
        default=DEFAULT_EMULATOR_USER,
        help=f"emulator user without MFA: alias, id or email (default {DEFAULT_EMULATOR_USER})",
    )
    parser.add_argument("--password", help="the emulator user's password (default: the packaged seed's)")
    parser.add_argument(
        "--qr-background",
        choices=["dark", "light"],
        default="dark",
        help="the terminal's background, so that the QR code scans (default dark)",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_arguments(argv)
    steps = Steps()
    try:
        with chosen_target(args, dict(os.environ)) as target:
            print(f"Multi-factor journey against {target.description}, as {target.login_id}")
            with Client(target.base_url, api_key=target.api_key, tenant_id=target.tenant_id) as client:
                Journey(target, client, steps, args.qr_background).run()
            ran = STEP_COUNT - steps.skipped
            skipped = f" ({steps.skipped} skipped)" if steps.skipped else ""
            print(f"\nSuccess: {ran} of {STEP_COUNT} steps ran{skipped}, each with the expected outcome.")
    except (DemoFailure, FusionAuthError, httpx2.HTTPError) as error:
        where = f"step {steps.current}/{STEP_COUNT}" if steps.current else "set-up"
        reason = (
            f"no answer from the emulator's /_emulator routes ({error})"
            if isinstance(error, httpx2.HTTPError)
            else f"{type(error).__name__}: {error}"
            if isinstance(error, FusionAuthError)
            else error
        )
        print(f"\nFAILED at {where}: {reason}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
