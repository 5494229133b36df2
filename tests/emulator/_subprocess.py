"""Helpers for tests that run the emulator (or pytest) in a child process."""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

import fusionauth_two_factor.emulator

SRC = Path(fusionauth_two_factor.emulator.__file__).resolve().parents[2]


def child_env() -> dict[str, str]:
    """The current environment, with this checkout's ``src`` first on PYTHONPATH."""
    env = dict(os.environ)
    inherited = [str(Path(p).resolve()) for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]
    env["PYTHONPATH"] = os.pathsep.join([str(SRC), *inherited])
    env["PYTHONUNBUFFERED"] = "1"
    return env


def spawn_emulator(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(  # noqa: S603 - fixed interpreter and arguments
        [sys.executable, "-m", "fusionauth_two_factor.emulator", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=child_env(),
    )


def read_until(proc: subprocess.Popen[str], marker: str, timeout: float = 20.0) -> list[str]:
    """Read stdout lines until one contains ``marker``; fail on timeout or exit."""
    stdout = proc.stdout
    assert stdout is not None
    lines_queue: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:
        for line in stdout:
            lines_queue.put(line.rstrip("\n"))
            if marker in line:
                return
        lines_queue.put(None)

    threading.Thread(target=pump, daemon=True).start()
    lines: list[str] = []
    deadline = time.monotonic() + timeout
    while (remaining := deadline - time.monotonic()) > 0:
        try:
            line = lines_queue.get(timeout=remaining)
        except queue.Empty:
            break
        if line is None:
            break
        lines.append(line)
        if marker in line:
            return lines
    raise AssertionError(f"{marker!r} not seen; stdout={lines!r} exit={proc.poll()!r}")


def stop(proc: subprocess.Popen[str]) -> int:
    proc.terminate()
    try:
        return proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        raise
