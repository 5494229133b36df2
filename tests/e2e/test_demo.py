"""`scripts/demo.py` (``nox -s demo``) walks the multi-factor journey, names every call, and prints no secret.

The demo runs as a user would run it (a subprocess) against its own emulator, a running one (``--url``) and a
server named by FUSIONAUTH_* variables (pointed at the emulator); once more in this process, with every value
FusionAuth handed out or was given recorded, to prove that none of them is printed.
"""

from __future__ import annotations

import contextlib
import functools
import importlib.util
import inspect
import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from fusionauth_two_factor import LoginController, TwoFactorController
from fusionauth_two_factor.emulator.seed import default_seed
from fusionauth_two_factor.emulator.server import EmulatorServer

DEMO = Path(__file__).resolve().parents[2] / "scripts" / "demo.py"
STEP_CALLS = [
    "[1/15] login(",
    "[2/15] generate_two_factor_secret_using_jwt(",
    "[3/15] enable_two_factor(",
    "[4/15] login(",
    "[5/15] two_factor_login(",
    "[6/15] login(",
    "[7/15] retrieve_two_factor_status(None, ",
    "[8/15] retrieve_two_factor_status(",
    "[9/15] send_two_factor_code_for_enable_disable(",
    "[10/15] enable_two_factor(",
    "[11/15] login(",
    "[12/15] two_factor_login(",
    "[13/15] two_factor_login(",
    "[14/15] disable_two_factor(",
    "[15/15] login(",
]
STATUSES = [200, 200, 200, 242, 200, 200, 242, 200, 200, 200, 242, 421, 200, 200, 200]
ENROL = "enrol"  # the seeded user without MFA
ENROL_EMAIL = "monica@piedpiper.com"
ENROL_PASSWORD = "pied-piper-7"
QR_BLOCKS = re.compile("[\N{UPPER HALF BLOCK}\N{LOWER HALF BLOCK}\N{FULL BLOCK}]{20,}")
# What a leaked value would look like: a JWT, an opaque id (twoFactorId, trust id, refresh token: 43 URL-safe
# characters; capitals or digits tell it from a long method name), an otpauth secret, a recovery code, or a
# six-digit code (user ids, which are no secret, are taken out first: they hold many six-digit runs).
JWT_SHAPE = re.compile(r"eyJ[\w-]+\.[\w-]+")
OPAQUE_ID_SHAPE = re.compile(r"(?=[\w-]*[A-Z0-9])[\w-]{32,}")
OTPAUTH_SECRET = re.compile(r"secret=[A-Z2-7]")
RECOVERY_CODE_SHAPE = re.compile(r"[0-9A-Z]{5}-[0-9A-Z]{5}")
SIX_DIGITS = re.compile(r"(?<!\d)\d{6}(?!\d)")
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
# The fields of requests and answers that hold secrets, as FusionAuth names them.
SECRET_FIELDS = {
    "code",
    "password",
    "recoveryCodes",
    "refreshToken",
    "secret",
    "secretBase32Encoded",
    "token",
    "twoFactorId",
    "twoFactorTrustId",
}


def run_demo(*args: str, pythonpath: str | None = None, **environ: str) -> subprocess.CompletedProcess[str]:
    env = {name: value for name, value in os.environ.items() if not name.startswith("FUSIONAUTH_")}
    env.update(environ, PYTHONUNBUFFERED="1")
    if pythonpath is not None:
        env["PYTHONPATH"] = os.pathsep.join([pythonpath, *filter(None, [env.get("PYTHONPATH")])])
    return subprocess.run(  # noqa: S603 - this interpreter, a fixed script
        [sys.executable, str(DEMO), *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=90,  # the FUSIONAUTH_* mode waits up to 30 s for the authenticator's next code
        check=False,
    )


def step_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("[")]


def statuses(output: str) -> list[int]:
    return [int(status) for status in re.findall(r"^ +-> HTTP (\d+):", output, re.MULTILINE)]


def assert_steps(output: str, calls: list[str]) -> None:
    lines = step_lines(output)
    assert [line[: len(call)] for line, call in zip(lines, calls, strict=True)] == calls
    # Every step that ran says what it is for.
    assert output.count("Why: ") == len([line for line in lines if ": skipped (" not in line])


def assert_no_secret_shapes(output: str) -> None:
    assert not JWT_SHAPE.search(output)
    without_user_ids = UUID.sub("<user id>", output)
    assert not OPAQUE_ID_SHAPE.search(without_user_ids)
    assert not SIX_DIGITS.search(without_user_ids)
    assert not OTPAUTH_SECRET.search(output)
    assert not RECOVERY_CODE_SHAPE.search(output)
    assert ENROL_PASSWORD not in output
    seed = default_seed()
    seeded_secrets = [key.key for key in seed.api_keys]
    for user in seed.users:
        seeded_secrets += [*user.recovery_codes, *(m.secret for m in user.methods if m.secret)]
        seeded_secrets += [user.totp_secret_base32] if user.totp_secret_base32 else []
    assert not [secret for secret in seeded_secrets if secret in output]


def test_the_demo_walks_the_journey_against_its_own_emulator() -> None:
    result = run_demo()

    assert result.returncode == 0, result.stderr
    assert_steps(result.stdout, STEP_CALLS)
    assert statuses(result.stdout) == STATUSES
    assert f"as {ENROL_EMAIL}" in result.stdout
    assert QR_BLOCKS.search(result.stdout), "the QR code of the authenticator URI"
    assert "otpauth://" not in result.stdout  # the URI holds the secret: only its QR code is shown
    assert "10 recovery codes: *****-***** " in result.stdout
    assert "InvalidCodeError raised" in result.stdout
    assert "moved the emulator's fake clock on 30 s" in result.stdout
    assert "methods: authenticator (" in result.stdout
    assert re.search(r"methods: authenticator \(\w+\), email \(\w+\)", result.stdout)
    assert "Success: 15 of 15 steps ran, each with the expected outcome." in result.stdout
    assert_no_secret_shapes(result.stdout + result.stderr)


def test_without_the_qr_extra_the_demo_prints_the_uri_with_its_secret_masked(tmp_path: Path) -> None:
    blocked = tmp_path / "segno"
    blocked.mkdir()
    (blocked / "__init__.py").write_text('raise ImportError("segno is not installed (blocked by the test)")\n')

    result = run_demo(pythonpath=str(tmp_path))

    assert result.returncode == 0, result.stderr
    assert not QR_BLOCKS.search(result.stdout)
    (uri,) = re.findall(r"authenticator app URI: (\S+)", result.stdout)
    assert uri.startswith("otpauth://totp/FusionAuth%20demo:monica%40piedpiper.com?secret=****")
    assert "&issuer=FusionAuth%20demo&algorithm=SHA1&digits=6&period=30" in uri
    assert 'install the qr extra: pip install "fusionauth-two-factor[qr]"' in result.stdout
    assert "Success: 15 of 15 steps ran" in result.stdout
    assert_no_secret_shapes(result.stdout + result.stderr)


def test_the_demo_against_a_running_emulator(emu: EmulatorServer) -> None:
    started_ms = emu.clock.now_ms()

    result = run_demo("--url", emu.base_url)

    assert result.returncode == 0, result.stderr
    assert_steps(result.stdout, STEP_CALLS)
    assert statuses(result.stdout) == STATUSES
    assert f"the emulator at {emu.base_url}" in result.stdout
    assert "emulator's outbox (GET /_emulator/outbox/latest -> HTTP 200: email to monica@piedpiper.com)" in (
        result.stdout
    )
    # The demo really went through the emulator: the enabling code was emailed, the fake clock moved on for
    # the authenticator's next code, and at the end the user has no method left.
    (message,) = emu.outbox
    assert (message.purpose, message.method, message.destination) == ("enable", "email", ENROL_EMAIL)
    assert emu.clock.now_ms() - started_ms == 30_000
    assert emu.user(ENROL).methods == []
    assert_no_secret_shapes(result.stdout + result.stderr)
    assert message.code not in result.stdout


@contextlib.contextmanager
def on_the_wall_clock(emu: EmulatorServer) -> Iterator[None]:
    """The emulator's fake clock kept on the wall clock, as a real FusionAuth's is.

    In the real-server mode the demo computes the authenticator's codes from the wall clock and
    waits for the app's next code in real time: a fake clock left standing would fall two 30-second
    steps behind when the test starts just before a step ends, and the code would be refused (421).
    """
    stop = threading.Event()

    def follow() -> None:
        while not stop.is_set():
            emu.fake_clock.set(time.time_ns() // 1_000_000)
            stop.wait(0.01)

    follower = threading.Thread(target=follow, daemon=True)
    follower.start()
    try:
        yield
    finally:
        stop.set()
        follower.join()


def test_the_demo_against_a_server_named_by_environment_variables(emu: EmulatorServer) -> None:
    """The real-server mode, pointed at the emulator: no terminal, so the emailed code cannot be typed in."""
    with on_the_wall_clock(emu):
        result = run_demo(
            FUSIONAUTH_URL=emu.base_url,
            FUSIONAUTH_API_KEY=emu.api_key,
            FUSIONAUTH_LOGIN_ID=ENROL_EMAIL,
            FUSIONAUTH_PASSWORD=ENROL_PASSWORD,
        )

    assert result.returncode == 0, result.stderr
    skipped = [
        "[9/15] send_two_factor_code_for_enable_disable: skipped",
        "[10/15] enable_two_factor (email method): skipped",
    ]
    assert_steps(result.stdout, [*STEP_CALLS[:8], *skipped, *STEP_CALLS[10:]])
    assert statuses(result.stdout) == [*STATUSES[:8], *STATUSES[10:]]
    assert f"FusionAuth at {emu.base_url}" in result.stdout
    assert "applicationId" not in result.stdout  # FUSIONAUTH_APPLICATION_ID is not set
    assert re.search(r"waited \d+ s for the app's next code", result.stdout)
    assert "methods: authenticator (" in result.stdout
    assert "Success: 13 of 15 steps ran (2 skipped), each with the expected outcome." in result.stdout
    assert emu.outbox == []
    assert emu.user(ENROL).methods == []
    assert_no_secret_shapes(result.stdout + result.stderr)


def test_the_demo_fails_readably_when_a_step_does_not_give_the_expected_outcome(emu: EmulatorServer) -> None:
    result = run_demo("--url", emu.base_url, "--user", "mfa")  # richard has MFA already

    assert result.returncode == 1
    assert "FAILED at step 1/15: expected 200, got 242: the demo needs a user without MFA" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_demo_names_the_error_fusionauth_answered_with(emu: EmulatorServer) -> None:
    result = run_demo("--url", emu.base_url, "--password", "not-monicas-password")

    assert result.returncode == 1
    assert "FAILED at step 1/15: NotFoundError: login (POST " in result.stderr
    assert "/api/login) failed: HTTP 404" in result.stderr
    assert "not-monicas-password" not in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({}, "set FUSIONAUTH_API_KEY"),
        ({"FUSIONAUTH_API_KEY": "k"}, "set FUSIONAUTH_LOGIN_ID"),
        ({"FUSIONAUTH_API_KEY": "k", "FUSIONAUTH_LOGIN_ID": "a@example.com"}, "set FUSIONAUTH_PASSWORD"),
    ],
)
def test_the_demo_says_what_a_real_server_run_is_missing(environ: dict[str, str], message: str) -> None:
    result = run_demo(FUSIONAUTH_URL="http://127.0.0.1:9", **environ)
    assert result.returncode == 1
    assert f"FAILED at set-up: {message}" in result.stderr


# ---------------------------------------------------------------- every secret, recorded


def secret_values(value: Any, key: str = "") -> Iterator[str]:
    """The strings under SECRET_FIELDS in a request body or an answer (a dict, a list, a generated model)."""
    if hasattr(value, "to_dict"):
        value = value.to_dict()
    if isinstance(value, dict):
        for name, item in value.items():
            yield from secret_values(item, name)
    elif isinstance(value, list):
        for item in value:
            yield from secret_values(item, key)
    elif isinstance(value, str) and key in SECRET_FIELDS:
        yield value


@pytest.fixture
def recorded_secrets(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every secret the demo's calls send or receive: bodies, the JWT and trust arguments, codes, answers."""
    recorded: list[str] = []

    def recording(method: Callable[..., Any]) -> Callable[..., Any]:
        signature = inspect.signature(method)

        @functools.wraps(method)
        def call(*args: Any, **kwargs: Any) -> Any:
            bound = signature.bind(*args, **kwargs)
            for name, argument in bound.arguments.items():
                if name == "body":
                    recorded.extend(secret_values(argument))
                elif name in {"encoded_jwt", "two_factor_trust_id", "two_factor_id", "code"} and argument:
                    recorded.append(argument)
            response = method(*args, **kwargs)
            recorded.extend(secret_values(response.result))
            return response

        return call

    for controller in (LoginController, TwoFactorController):
        for name, method in vars(controller).items():
            if not name.startswith("_") and callable(method):
                monkeypatch.setattr(controller, name, recording(method))
    return recorded


def load_demo(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    spec = importlib.util.spec_from_file_location("demo_under_test", DEMO)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_no_value_fusionauth_handed_out_or_was_given_is_printed(
    emu: EmulatorServer,
    recorded_secrets: list[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    demo = load_demo(monkeypatch)

    assert demo.main(["--url", emu.base_url]) == 0

    output = "".join(capsys.readouterr())
    assert "Success: 15 of 15 steps ran" in output
    recorded = set(recorded_secrets)
    # The password, the secret and its Base32 form, ten recovery codes, the authenticator, emailed and wrong
    # codes, tokens, refresh tokens, twoFactorIds and the trust: all of them went through the facade.
    assert {ENROL_PASSWORD, message_code(emu)} <= recorded
    assert len([value for value in recorded if RECOVERY_CODE_SHAPE.fullmatch(value)]) == 10
    assert len([value for value in recorded if JWT_SHAPE.match(value)]) >= 5
    assert len(recorded) > 25
    assert not [value for value in recorded if re.search(rf"(?<![\w-]){re.escape(value)}(?![\w-])", output)]
    assert_no_secret_shapes(output)


def message_code(emu: EmulatorServer) -> str:
    (message,) = emu.outbox
    return message.code
