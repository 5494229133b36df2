"""Fixtures for the contract tests: a Prism mock server that validates every request against the spec.

Prism is pinned in tools/prism/package-lock.json and installed with
``npm ci --prefix tools/prism --ignore-scripts`` (the ``contract`` nox session does it and sets ``PRISM_BIN``).
Without it, the Prism tests are skipped with a reason; with ``PRISM_BIN`` set to a missing file they fail,
because then an install was expected and went wrong.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx2
import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
SPEC_PATH = REPO_ROOT / "openapi" / "two-factor.yaml"
PROJECT_PRISM_BIN = REPO_ROOT / "tools" / "prism" / "node_modules" / ".bin" / "prism"
PRISM_STARTUP_SECONDS = 60.0

# Prism needs no network: the spec has no remote $ref, and mock mode makes no outbound calls. Its only
# telemetry, @scarf/scarf, runs as an npm postinstall script, which `npm ci --ignore-scripts` never runs;
# the variables below switch it (and any other well-behaved telemetry) off anyway.
NO_TELEMETRY_ENV = {"SCARF_ANALYTICS": "false", "DO_NOT_TRACK": "1"}


@dataclass(frozen=True)
class PrismServer:
    base_url: str
    log_path: Path

    def log_tail(self, lines: int = 40) -> str:
        """The end of Prism's own log, to show in an assertion message."""
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])


def find_prism_binary() -> Path | None:
    """``PRISM_BIN`` when set (it must exist), else the project-local install, else ``None``."""
    configured = os.environ.get("PRISM_BIN")
    if configured:
        path = Path(configured)
        if not path.is_absolute():
            path = REPO_ROOT / path
        if not path.exists():
            pytest.fail(f"PRISM_BIN={configured} does not exist; run `npm ci --prefix tools/prism --ignore-scripts`")
        return path
    return PROJECT_PRISM_BIN if PROJECT_PRISM_BIN.exists() else None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_answering(base_url: str, process: subprocess.Popen[bytes], log_path: Path) -> None:
    """Poll until Prism answers any HTTP request; fail with its log if it exits or takes too long."""
    deadline = time.monotonic() + PRISM_STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"Prism exited with {process.returncode}:\n{log_path.read_text(errors='replace')}")
        try:
            # Any answer will do (this one is a 401: no JWT); a refused connection means not listening yet.
            httpx2.get(f"{base_url}/api/two-factor/secret", timeout=2.0)
        except httpx2.TransportError:
            time.sleep(0.2)
            continue
        return
    pytest.fail(f"Prism did not answer within {PRISM_STARTUP_SECONDS} s:\n{log_path.read_text(errors='replace')}")


@pytest.fixture(scope="session")
def prism() -> Iterator[PrismServer]:
    """``prism mock openapi/two-factor.yaml --errors`` on 127.0.0.1 and a free port, for the whole session."""
    binary = find_prism_binary()
    if binary is None:
        pytest.skip(
            "Prism is not installed: run `nox -s contract`, or `npm ci --prefix tools/prism --ignore-scripts` "
            "(or set PRISM_BIN)"
        )
    if shutil.which("node") is None:
        pytest.skip("Prism is installed but `node` is not on PATH")
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    command = [str(binary), "mock", str(SPEC_PATH), "--host", "127.0.0.1", "--port", str(port), "--errors"]
    with tempfile.TemporaryDirectory(prefix="prism-") as log_dir:
        log_path = Path(log_dir) / "prism.log"
        with log_path.open("wb") as log_file:
            process = subprocess.Popen(  # noqa: S603 - a fixed command line built from our own paths
                command, stdout=log_file, stderr=subprocess.STDOUT, env={**os.environ, **NO_TELEMETRY_ENV}
            )
            try:
                wait_until_answering(base_url, process, log_path)
                yield PrismServer(base_url=base_url, log_path=log_path)
            finally:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
