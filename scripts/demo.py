"""Walk the complete two-factor flow through the facade, printing each call and what came back.

    nox -s demo                                   # against an emulator started in this process
    python scripts/demo.py                        # the same, in an environment with .[emulator] installed
    python scripts/demo.py --url http://127.0.0.1:9011   # against `fusionauth-two-factor-emulator`
    FUSIONAUTH_URL=https://auth.example.com FUSIONAUTH_API_KEY=... FUSIONAUTH_USER_ID=... python scripts/demo.py

The eight steps: (1) generate_two_factor_secret_using_jwt, (2) retrieve_two_factor_status before any
trust (242), (3) start_two_factor_login, (4) send_two_factor_code_for_login_using_method with the
user's email method, (5) read the code, (6) two_factor_login with trustComputer (200, token,
twoFactorTrustId), (7) retrieve_two_factor_status with that trust (200), (8)
send_two_factor_code_for_enable_disable to enable an SMS method (an email method when the user has
no mobile phone). Tokens, ids and secrets are printed shortened, codes masked: never in full.
The exit status is 0 only when every step gave the expected outcome, so this is a smoke test too.

Emulator (default, or ``--url``): the API key and the user come from ``GET /_emulator/info`` (the
user by alias, ``--user``, default ``mfa``), the JWT from ``POST /_emulator/jwt`` and the delivered
code from ``GET /_emulator/outbox/latest``. Start one with ``fusionauth-two-factor-emulator``.

A real FusionAuth (used when ``FUSIONAUTH_URL`` is set and ``--url`` is not given):

    FUSIONAUTH_URL          the server, such as https://auth.example.com (required)
    FUSIONAUTH_API_KEY      an API key allowed to call /api/two-factor/* (required)
    FUSIONAUTH_USER_ID      the user; when absent, the subject of FUSIONAUTH_JWT is used
    FUSIONAUTH_LOGIN_ID     optional: start the login by this email or username instead of the user id
    FUSIONAUTH_TENANT_ID    optional: sent as X-FusionAuth-TenantId (needed with several tenants)
    FUSIONAUTH_JWT          optional: the user's access token for step 1; step 1 is skipped without it
    FUSIONAUTH_TOTP_SECRET  optional: the user's authenticator secret (Base32, as in the otpauth URI);
                            step 5 then computes the authenticator code (with pyotp, from the
                            emulator extra) instead of asking for the
                            emailed one. Without it the demo prompts for the emailed code (hidden
                            input), which needs an interactive terminal.

The user needs an email two-factor method and MFA enabled, and the tenant an email (and, for step
8, SMS) configuration: the demo really sends a code by email and one by SMS or email.
"""

from __future__ import annotations

import argparse
import base64
import binascii
import getpass
import json
import os
import sys
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

import httpx2

from fusionauth_two_factor import ApiResponse, Client, FusionAuthError, TwoFactorController

STEP_COUNT = 8
DEFAULT_EMULATOR_USER = "mfa"
# The facade takes the trust id as a path segment; an id that names no trust asks "would this user
# be challenged on a computer that has not been trusted yet?" (FusionAuth answers 242 if so).
NO_TRUST_YET = "not-trusted-yet"
ISSUER = "FusionAuth demo"
START_STATE = {"returnTo": "/account/security"}
HELPER_TIMEOUT_SECONDS = 10

ResultT = TypeVar("ResultT")
# A code source returns (the code, how it was obtained); it is given the twoFactorId of the login.
CodeSource = Callable[[str], tuple[str, str]]


class DemoFailure(Exception):
    """A step did not produce the expected outcome, or the demo is not configured; the message says which."""


@dataclass(frozen=True)
class Target:
    """Where the demo runs, as whom, and how it gets what a real application gets elsewhere (JWT, code)."""

    description: str
    base_url: str
    api_key: str
    tenant_id: str | None
    user_id: str
    login_id: str | None
    jwt: str | None
    read_code: CodeSource


class Steps:
    """Numbers and prints the steps; remembers the current one so that a failure can name it."""

    def __init__(self) -> None:
        self.current = 0
        self.skipped = 0

    def begin(self, call: str) -> None:
        self.current += 1
        print(f"[{self.current}/{STEP_COUNT}] {call}")

    def outcome(self, status: int, summary: str) -> None:
        print(f"      -> HTTP {status}: {summary}")

    def note(self, text: str) -> None:
        print(f"      {text}")

    def skip(self, call: str, reason: str) -> None:
        self.begin(f"{call}: skipped ({reason})")
        self.skipped += 1


def shortened(secret: str) -> str:
    """The first four characters and the length: enough to tell values apart, too little to use one."""
    return f"{secret[:4]}...({len(secret)} chars)"


def masked(code: str) -> str:
    return "*" * len(code)


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise DemoFailure(message)


def text(value: object, what: str) -> str:
    """A field the step needs: a non-empty string (a missing field is the generated model's UNSET)."""
    if not isinstance(value, str) or not value:
        raise DemoFailure(f"the response has no {what}")
    return value


def body(response: ApiResponse[ResultT]) -> ResultT:
    if response.result is None:
        raise DemoFailure(f"the HTTP {response.status_code} response has no body")
    return response.result


# ---------------------------------------------------------------- the flow


def run_flow(target: Target, steps: Steps) -> None:  # noqa: PLR0915 - one straight walk through eight steps
    with Client(target.base_url, api_key=target.api_key, tenant_id=target.tenant_id) as client:
        two_factor = TwoFactorController(client)

        # 1. A secret for a new authenticator app: the user's own JWT authorizes this, not the API key.
        if target.jwt is None:
            steps.skip("generate_two_factor_secret_using_jwt", "set FUSIONAUTH_JWT to run it")
        else:
            steps.begin(f"generate_two_factor_secret_using_jwt(encoded_jwt={shortened(target.jwt)})")
            secret_response = two_factor.generate_two_factor_secret_using_jwt(target.jwt)
            result = body(secret_response)
            secret = text(result.secret, "secret")
            secret_base32 = text(result.secret_base_32_encoded, "secretBase32Encoded")
            expect(
                base64.b32encode(secret.encode("ascii")).decode("ascii") == secret_base32,
                "secretBase32Encoded is not the Base32 form of secret",
            )
            account = urllib.parse.quote(target.login_id or target.user_id)
            issuer = urllib.parse.quote(ISSUER)
            steps.outcome(
                secret_response.status_code,
                f"secret {shortened(secret)}, secretBase32Encoded {shortened(secret_base32)}",
            )
            steps.note(
                f"authenticator app URI: otpauth://totp/{issuer}:{account}?secret=<secretBase32Encoded>"
                f"&issuer={issuer}&algorithm=SHA1&digits=6&period=30"
            )

        # 2. Before any trust, the next login of this user asks for a second factor: 242.
        steps.begin(f"retrieve_two_factor_status({NO_TRUST_YET!r}, user_id={target.user_id!r})")
        before = two_factor.retrieve_two_factor_status(NO_TRUST_YET, user_id=target.user_id)
        steps.outcome(before.status_code, f"two_factor_required={before.two_factor_required}")
        expect(
            before.status_code == 242 and before.two_factor_required,
            f"expected 242 (two-factor required), got {before.status_code}: does the user have MFA enabled?",
        )

        # 3. Start a two-factor login: a twoFactorId (the credential of the next calls) and the methods.
        start_body: dict[str, Any] = {"state": START_STATE}
        if target.login_id is not None:
            start_body["loginId"] = target.login_id
        else:
            start_body["userId"] = target.user_id
        shown_id = f"loginId={target.login_id!r}" if target.login_id else f"userId={target.user_id!r}"
        steps.begin(f"start_two_factor_login({{{shown_id}, state={START_STATE}}})")
        started = two_factor.start_two_factor_login(start_body)
        two_factor_id = text(body(started).two_factor_id, "twoFactorId")
        methods = body(started).methods or []
        method_list = ", ".join(f"{method.method} ({method.id})" for method in methods) or "none"
        steps.outcome(started.status_code, f"twoFactorId {shortened(two_factor_id)}, methods: {method_list}")
        email_methods = [method for method in methods if method.method == "email"]
        expect(bool(email_methods), "the user has no email two-factor method to send a code to")
        email_method_id = text(email_methods[0].id, "email method id")

        # 4. Send a code by email. No API key: the twoFactorId is the credential.
        steps.begin(
            f"send_two_factor_code_for_login_using_method({shortened(two_factor_id)}, {{methodId={email_method_id!r}}})"
        )
        sent = two_factor.send_two_factor_code_for_login_using_method(two_factor_id, {"methodId": email_method_id})
        steps.outcome(sent.status_code, f"a code is on its way to {email_methods[0].email or 'the user'}")
        expect(sent.status_code == 200, f"expected 200, got {sent.status_code}")

        # 5. The user reads the code (here: the emulator's outbox, a prompt, or the authenticator).
        steps.begin("read the code")
        code, how = target.read_code(two_factor_id)
        steps.note(f"{how}: code {masked(code)}")

        # 6. Complete the login, asking FusionAuth to trust this computer from now on.
        steps.begin(
            f"two_factor_login({{twoFactorId={shortened(two_factor_id)}, code={masked(code)}, trustComputer=True}})"
        )
        login = two_factor.two_factor_login({"twoFactorId": two_factor_id, "code": code, "trustComputer": True})
        expect(login.status_code == 200, f"expected 200, got {login.status_code}")
        logged_in = body(login)
        token = text(logged_in.token, "token")
        trust_id = text(logged_in.two_factor_trust_id, "twoFactorTrustId")
        user = logged_in.user or None
        user_email = (user.email or None) if user else None
        echoed_state = logged_in.state.to_dict() if logged_in.state else None
        steps.outcome(
            login.status_code,
            f"token {shortened(token)}, twoFactorTrustId {shortened(trust_id)}, "
            f"user {user_email or target.user_id}, state echoed {echoed_state}",
        )
        expect(echoed_state == START_STATE, "the state given to start_two_factor_login was not echoed")

        # 7. With the trust from step 6, the next login needs no second factor: 200.
        steps.begin(f"retrieve_two_factor_status({shortened(trust_id)}, user_id={target.user_id!r})")
        after = two_factor.retrieve_two_factor_status(trust_id, user_id=target.user_id)
        steps.outcome(after.status_code, f"two_factor_required={after.two_factor_required}")
        expect(
            after.status_code == 200 and not after.two_factor_required,
            f"expected 200 (trusted), got {after.status_code}",
        )

        # 8. Enabling a new method starts with a code sent to it (API key; userId names the user).
        mobile_phone = (user.mobile_phone or None) if user else None
        if mobile_phone is not None:
            kind, destination = "sms", {"mobilePhone": mobile_phone}
        elif user_email is not None:
            kind, destination = "email", {"email": user_email}
        else:
            raise DemoFailure("the user has neither a mobile phone nor an email to enable a method for")
        enable_body = {"method": kind, **destination, "userId": target.user_id}
        steps.begin(f"send_two_factor_code_for_enable_disable({enable_body})")
        enabled = two_factor.send_two_factor_code_for_enable_disable(enable_body)
        steps.outcome(
            enabled.status_code, f"a code to confirm the new {kind} method went to {mobile_phone or user_email}"
        )
        expect(enabled.status_code == 200, f"expected 200, got {enabled.status_code}")


# ---------------------------------------------------------------- targets


def emulator_target(helper: httpx2.Client, user_alias: str, description: str) -> Target:
    """A running emulator, reached by ``helper``: credentials, user, JWT and codes from its /_emulator routes."""
    base_url = str(helper.base_url).rstrip("/")
    info = helper.get("/_emulator/info")
    expect(info.status_code == 200, f"{base_url} is not the emulator: GET /_emulator/info answered {info.status_code}")
    users = [user for user in info.json()["users"] if user_alias in (user["alias"], user["id"], user["email"])]
    expect(bool(users), f"the emulator has no user {user_alias!r}")
    user = users[0]
    minted = helper.post("/_emulator/jwt", json={"userId": user["id"]})
    expect(minted.status_code == 200, f"POST /_emulator/jwt answered {minted.status_code}")

    def read_outbox(two_factor_id: str) -> tuple[str, str]:
        latest = helper.get("/_emulator/outbox/latest", params={"twoFactorId": two_factor_id})
        expect(latest.status_code == 200, f"no code was delivered: GET /_emulator/outbox/latest {latest.status_code}")
        message = latest.json()
        return message["code"], (
            f"GET /_emulator/outbox/latest -> HTTP {latest.status_code}: "
            f"{message['method']} to {message['destination']}"
        )

    return Target(
        description=description,
        base_url=base_url,
        api_key=info.json()["apiKey"],
        tenant_id=user["tenantId"],
        user_id=user["id"],
        login_id=user["email"],
        jwt=minted.json()["token"],
        read_code=read_outbox,
    )


def jwt_subject(jwt: str) -> str | None:
    """The ``sub`` claim, read without verifying the signature: only to know whom the JWT is for."""
    try:
        payload = jwt.split(".")[1]
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    except (IndexError, ValueError, binascii.Error):
        return None
    subject = claims.get("sub") if isinstance(claims, dict) else None
    return subject if isinstance(subject, str) else None


def real_server_target(environ: dict[str, str]) -> Target:
    """A real FusionAuth, described by FUSIONAUTH_* variables (see the module docstring)."""
    api_key = environ.get("FUSIONAUTH_API_KEY")
    expect(bool(api_key), "set FUSIONAUTH_API_KEY (an API key allowed to call /api/two-factor/*)")
    jwt = environ.get("FUSIONAUTH_JWT") or None
    user_id = environ.get("FUSIONAUTH_USER_ID") or (jwt_subject(jwt) if jwt else None)
    expect(bool(user_id), "set FUSIONAUTH_USER_ID (or FUSIONAUTH_JWT, whose subject is the user)")
    totp_secret = environ.get("FUSIONAUTH_TOTP_SECRET") or None

    def read_code(two_factor_id: str) -> tuple[str, str]:
        if totp_secret is not None:
            # pyotp comes with the emulator extra the demo runs with; its defaults are FusionAuth's
            # settings (RFC 6238, HMAC-SHA1, 6 digits, 30-second steps).
            import pyotp  # noqa: PLC0415 - only this mode computes codes

            return pyotp.TOTP(totp_secret).now(), "computed from FUSIONAUTH_TOTP_SECRET (authenticator code)"
        expect(
            sys.stdin.isatty(),
            "a real server's emailed code cannot be read by the demo: run it in a terminal to type the code, "
            "or set FUSIONAUTH_TOTP_SECRET",
        )
        return getpass.getpass("      type the code from the email (hidden): ").strip(), "typed in"

    return Target(
        description=f"FusionAuth at {environ['FUSIONAUTH_URL']}",
        base_url=environ["FUSIONAUTH_URL"],
        api_key=str(api_key),
        tenant_id=environ.get("FUSIONAUTH_TENANT_ID") or None,
        user_id=str(user_id),
        login_id=environ.get("FUSIONAUTH_LOGIN_ID") or None,
        jwt=jwt,
        read_code=read_code,
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
            # Imported here: a run against a real server needs only the client, not the emulator extra.
            from fusionauth_two_factor.emulator import EmulatorServer  # noqa: PLC0415

            base_url = stack.enter_context(EmulatorServer()).base_url
            description = f"an emulator started by this demo at {base_url}"
        helper = stack.enter_context(httpx2.Client(base_url=base_url, timeout=HELPER_TIMEOUT_SECONDS))
        yield emulator_target(helper, args.user, description)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--url", help="a running emulator (fusionauth-two-factor-emulator), such as http://127.0.0.1:9011"
    )
    parser.add_argument(
        "--user",
        default=DEFAULT_EMULATOR_USER,
        help=f"emulator user alias, id or email (default {DEFAULT_EMULATOR_USER})",
    )
    args = parser.parse_args(argv)
    steps = Steps()
    try:
        with chosen_target(args, dict(os.environ)) as target:
            print(f"Two-factor demo against {target.description}\n")
            run_flow(target, steps)
            ran = STEP_COUNT - steps.skipped
            skipped = f" ({steps.skipped} skipped)" if steps.skipped else ""
            print(f"\nSuccess: {ran} of {STEP_COUNT} steps ran{skipped}, each with the expected outcome.")
    except (DemoFailure, FusionAuthError, httpx2.HTTPError) as error:
        where = f"step {steps.current}/{STEP_COUNT}" if steps.current else "set-up"
        reason = (
            f"no answer from the emulator's /_emulator routes ({error})"
            if isinstance(error, httpx2.HTTPError)
            else error
        )
        print(f"\nFAILED at {where}: {reason}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
