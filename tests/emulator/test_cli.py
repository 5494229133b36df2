"""The ``fusionauth-two-factor-emulator`` command (run as ``python -m fusionauth_two_factor.emulator``)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import httpx2
import pytest

from fusionauth_two_factor.emulator.cli import build_parser
from fusionauth_two_factor.emulator.seed import default_seed

from ._subprocess import child_env, read_until, spawn_emulator, stop


def test_parser_defaults() -> None:
    args = build_parser().parse_args([])
    assert (args.host, args.port, args.seed, args.fake_clock) == ("127.0.0.1", 9011, None, False)


def test_cli_serves_and_prints_url_and_api_key() -> None:
    proc = spawn_emulator("--port", "0", "--fake-clock")
    try:
        lines = read_until(proc, "Press Ctrl-C")
        banner = "\n".join(lines)
        url = lines[0].rsplit(" ", 1)[1]
        assert url.startswith("http://127.0.0.1:")
        api_key = next(line.split(": ", 1)[1] for line in lines if line.startswith("API key: "))
        assert api_key == default_seed().api_key
        assert "richard@piedpiper.com" in banner
        assert "emulatorTOTPsecret01" not in banner  # secrets are not printed

        mfa_user = default_seed().user("mfa").id
        status = httpx2.get(
            f"{url}/api/two-factor/status", params={"userId": mfa_user}, headers={"Authorization": api_key}
        )
        assert status.status_code == 242
        assert httpx2.get(f"{url}/api/two-factor/status", params={"userId": mfa_user}).status_code == 401
        now = httpx2.get(f"{url}/_emulator/clock").json()["now"]
        assert httpx2.post(f"{url}/_emulator/clock/advance", json={"seconds": 5}).json() == {"now": now + 5000}
    finally:
        assert stop(proc) == 0
    assert proc.stderr is not None
    assert api_key not in proc.stderr.read()  # nothing secret is logged


def test_cli_with_a_seed_file_and_real_clock(tmp_path: Path) -> None:
    seed = {
        "tenants": [{"id": "aaaaaaaa-0000-0000-0000-000000000000"}],
        "apiKeys": [{"key": "my-own-key"}],
        "users": [{"id": "aaaaaaaa-0000-0000-0000-000000000001", "email": "solo@example.com"}],
    }
    path = tmp_path / "seed.json"
    path.write_text(json.dumps(seed))
    proc = spawn_emulator("--port", "0", "--seed", str(path))
    try:
        lines = read_until(proc, "Press Ctrl-C")
        url = lines[0].rsplit(" ", 1)[1]
        assert "API key: my-own-key" in lines
        response = httpx2.post(
            f"{url}/api/two-factor/start", json={"loginId": "solo@example.com"}, headers={"Authorization": "my-own-key"}
        )
        assert response.status_code == 200
        assert "methods" not in response.json()
        assert httpx2.post(f"{url}/_emulator/clock/advance", json={"seconds": 5}).status_code == 400
    finally:
        stop(proc)


@pytest.mark.parametrize("content", ["{", '{"tenants": []}'])
def test_cli_rejects_a_bad_seed(tmp_path: Path, content: str) -> None:
    path = tmp_path / "seed.json"
    path.write_text(content)
    result = subprocess.run(  # noqa: S603 - fixed interpreter and arguments
        [sys.executable, "-m", "fusionauth_two_factor.emulator", "--seed", str(path), "--port", "0"],
        capture_output=True,
        text=True,
        env=child_env(),
        timeout=30,
        check=False,
    )
    assert result.returncode == 2
    assert "cannot load seed" in result.stderr
