"""`scripts/demo.py` (``nox -s demo``) runs the whole flow, says what it does, and prints no secret."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from fusionauth_two_factor.emulator.seed import default_seed
from fusionauth_two_factor.emulator.server import EmulatorServer

DEMO = Path(__file__).resolve().parents[2] / "scripts" / "demo.py"
STEP_CALLS = [
    "[1/8] generate_two_factor_secret_using_jwt(",
    "[2/8] retrieve_two_factor_status(",
    "[3/8] start_two_factor_login(",
    "[4/8] send_two_factor_code_for_login_using_method(",
    "[5/8] read the code",
    "[6/8] two_factor_login(",
    "[7/8] retrieve_two_factor_status(",
    "[8/8] send_two_factor_code_for_enable_disable(",
]
# What a leaked JWT, opaque id (twoFactorId, trust id, refresh token: 43 URL-safe characters) or
# Base32 authenticator secret would look like in the output. An opaque id has capitals or digits,
# which tells it from a long method name such as generate_two_factor_secret_using_jwt.
JWT_SHAPE = re.compile(r"eyJ[\w-]+\.[\w-]+")
OPAQUE_ID_SHAPE = re.compile(r"(?=[\w-]*[A-Z0-9])[\w-]{32,}")
OTPAUTH_SECRET = re.compile(r"secret=[A-Z2-7]")
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def run_demo(*args: str, **environ: str) -> subprocess.CompletedProcess[str]:
    env = {name: value for name, value in os.environ.items() if not name.startswith("FUSIONAUTH_")}
    env.update(environ, PYTHONUNBUFFERED="1")
    return subprocess.run(  # noqa: S603 - this interpreter, a fixed script
        [sys.executable, str(DEMO), *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=60,
        check=False,
    )


def step_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("[")]


def assert_no_secret_shapes(output: str) -> None:
    assert not JWT_SHAPE.search(output)
    assert not OPAQUE_ID_SHAPE.search(UUID.sub("<user id>", output))  # user ids are no secret
    assert not OTPAUTH_SECRET.search(output)
    seed = default_seed()
    seeded_secrets = [key.key for key in seed.api_keys]
    for user in seed.users:
        seeded_secrets += [*user.recovery_codes, *(m.secret for m in user.methods if m.secret)]
        seeded_secrets += [user.totp_secret_base32] if user.totp_secret_base32 else []
    assert not [secret for secret in seeded_secrets if secret in output]


def assert_codes_not_shown(output: str, codes: list[str]) -> None:
    assert codes
    # As whole numbers: a user id such as 00000000-0000-... holds many six-digit substrings.
    assert not [code for code in codes if re.search(rf"(?<!\d){code}(?!\d)", output)]


def test_the_demo_walks_the_whole_flow_against_its_own_emulator() -> None:
    result = run_demo()

    assert result.returncode == 0, result.stderr
    lines = step_lines(result.stdout)
    assert [line[: len(call)] for line, call in zip(lines, STEP_CALLS, strict=True)] == STEP_CALLS
    outcomes = [line.strip() for line in result.stdout.splitlines() if line.strip().startswith("-> HTTP")]
    assert [outcome.split(":")[0] for outcome in outcomes] == [
        "-> HTTP 200",  # secret
        "-> HTTP 242",  # status before trusting
        "-> HTTP 200",  # start
        "-> HTTP 200",  # send by email
        "-> HTTP 200",  # login
        "-> HTTP 200",  # status with the trust
        "-> HTTP 200",  # send for enabling
    ]
    assert "two_factor_required=True" in outcomes[1]
    assert "two_factor_required=False" in outcomes[5]
    assert "otpauth://totp/" in result.stdout
    assert "Success: 8 of 8 steps ran" in result.stdout
    assert_no_secret_shapes(result.stdout + result.stderr)


def test_the_demo_against_a_running_emulator_reads_the_outbox(emu: EmulatorServer) -> None:
    result = run_demo("--url", emu.base_url, "--user", "email_only")

    assert result.returncode == 0, result.stderr
    assert len(step_lines(result.stdout)) == 8
    assert "GET /_emulator/outbox/latest -> HTTP 200: email to jared@piedpiper.com" in result.stdout
    login_message, enable_message = emu.outbox
    assert (login_message.purpose, login_message.method_id) == ("login", "JDEM")
    # jared has no mobile phone: the demo enables an email method instead of an SMS one.
    assert (enable_message.purpose, enable_message.method) == ("enable", "email")
    assert_no_secret_shapes(result.stdout + result.stderr)
    assert_codes_not_shown(result.stdout + result.stderr, [message.code for message in emu.outbox])


def test_the_demo_against_a_server_named_by_environment_variables(emu: EmulatorServer) -> None:
    """The real-server mode, pointed at the emulator: codes from the TOTP secret, the user from the JWT."""
    totp_secret = default_seed().user("mfa").totp_secret_base32
    assert totp_secret is not None
    result = run_demo(
        FUSIONAUTH_URL=emu.base_url,
        FUSIONAUTH_API_KEY=emu.api_key,
        FUSIONAUTH_JWT=emu.mint_jwt("mfa"),
        FUSIONAUTH_LOGIN_ID="richard",
        FUSIONAUTH_TOTP_SECRET=totp_secret,
    )

    assert result.returncode == 0, result.stderr
    assert "computed from FUSIONAUTH_TOTP_SECRET" in result.stdout
    assert f"user_id={emu.user('mfa').id!r}" in result.stdout  # the JWT's subject
    assert "start_two_factor_login({loginId='richard'" in result.stdout
    assert_no_secret_shapes(result.stdout + result.stderr)


def test_the_demo_fails_readably_when_a_step_does_not_give_the_expected_outcome(emu: EmulatorServer) -> None:
    result = run_demo("--url", emu.base_url, "--user", "no_mfa")

    assert result.returncode == 1
    assert "FAILED at step 2/8: expected 242 (two-factor required), got 200" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"FUSIONAUTH_URL": "http://127.0.0.1:9"}, "set FUSIONAUTH_API_KEY"),
        ({"FUSIONAUTH_URL": "http://127.0.0.1:9", "FUSIONAUTH_API_KEY": "k"}, "set FUSIONAUTH_USER_ID"),
    ],
)
def test_the_demo_says_what_a_real_server_run_is_missing(environ: dict[str, str], message: str) -> None:
    result = run_demo(**environ)
    assert result.returncode == 1
    assert f"FAILED at set-up: {message}" in result.stderr


def test_without_a_terminal_or_totp_secret_a_real_server_run_stops_at_the_code(emu: EmulatorServer) -> None:
    result = run_demo(
        FUSIONAUTH_URL=emu.base_url, FUSIONAUTH_API_KEY=emu.api_key, FUSIONAUTH_USER_ID=emu.user("mfa").id
    )
    assert result.returncode == 1
    assert "[1/8] generate_two_factor_secret_using_jwt: skipped (set FUSIONAUTH_JWT to run it)" in result.stdout
    assert "FAILED at step 5/8: a real server's emailed code cannot be read by the demo" in result.stderr
