"""The pytest plugin, enabled the documented way (``pytest_plugins``) in a separate pytest run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ._subprocess import child_env

CONFTEST = 'pytest_plugins = ["fusionauth_two_factor.emulator.pytest_plugin"]\n'

TESTS = """
import httpx2

SEEN = {}


def test_first(fusionauth_emulator):
    emu = fusionauth_emulator
    SEEN["url"] = emu.base_url
    SEEN["now"] = emu.clock.now_ms()
    assert emu.base_url.startswith("http://127.0.0.1:")
    headers = {"Authorization": emu.api_key}
    started = httpx2.post(emu.base_url + "/api/two-factor/start", json={"loginId": "richard"}, headers=headers).json()
    recovery = emu.seed.user("mfa").recovery_codes[0]
    body = {"twoFactorId": started["twoFactorId"], "code": recovery}
    assert httpx2.post(emu.base_url + "/api/two-factor/login", json=body).status_code == 200
    httpx2.post(emu.base_url + "/_emulator/outbox")  # 405, harmless
    emu.state.user("mfa").methods.clear()
    emu.advance(3600)


def test_second_gets_a_fresh_world(fusionauth_emulator):
    emu = fusionauth_emulator
    assert emu.base_url == SEEN["url"]  # same server for the session ...
    assert len(emu.user("mfa").recovery_codes) == 10  # ... but state is reloaded
    assert len(emu.user("mfa").methods) == 3
    assert emu.clock.now_ms() < SEEN["now"] + 3600 * 1000  # and the fake clock is reset
    assert emu.outbox == []
    assert len(emu.mint_jwt("mfa").split(".")) == 3
"""


def test_plugin_fixtures_reset_between_tests(tmp_path: Path) -> None:
    (tmp_path / "conftest.py").write_text(CONFTEST)
    (tmp_path / "test_inner.py").write_text(TESTS)
    result = subprocess.run(  # noqa: S603 - fixed interpreter and arguments
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
        capture_output=True,
        text=True,
        env=child_env(),
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout
