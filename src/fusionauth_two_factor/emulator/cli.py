"""``fusionauth-two-factor-emulator``: serve the emulator until interrupted.

    fusionauth-two-factor-emulator [--host 127.0.0.1] [--port 9011] [--seed FILE] [--fake-clock]
                                   [--log-level warning]

Prints the base URL, the seeded API key and the seeded users, then serves until Ctrl-C / SIGTERM.
Also runnable as ``python -m fusionauth_two_factor.emulator``.
"""

from __future__ import annotations

import argparse
import ipaddress
import signal
import sys
import threading
from collections.abc import Sequence
from types import FrameType

import uvicorn

from .app import create_app
from .clock import Clock, FakeClock, SystemClock
from .seed import Seed, SeedError, default_seed, load_seed
from .server import base_url_for, bind_socket
from .state import EmulatorState

__all__ = ["build_parser", "main"]

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 9011


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fusionauth-two-factor-emulator",
        description="A local stand-in for FusionAuth's two-factor (MFA) API, for tests and demos.",
    )
    parser.add_argument("--host", default=DEFAULT_HOST, help=f"interface to bind (default {DEFAULT_HOST})")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port, 0 = any free (default {DEFAULT_PORT})")
    parser.add_argument("--seed", metavar="FILE", help="seed JSON file (default: the packaged default seed)")
    parser.add_argument(
        "--fake-clock",
        action="store_true",
        help="run on a fake clock that only moves via POST /_emulator/clock/advance",
    )
    parser.add_argument(
        "--log-level", default="warning", choices=["critical", "error", "warning", "info", "debug"], help="uvicorn"
    )
    return parser


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def _banner(url: str, seed: Seed, fake_clock: bool) -> str:
    lines = [f"FusionAuth two-factor emulator listening on {url}"]
    if seed.api_keys:
        lines.append(f"API key: {seed.api_key}")
    for user in seed.users:
        methods = ", ".join(f"{m.method} ({m.id})" for m in user.methods) or "no MFA"
        lines.append(f"  user {user.alias or '-'}: {user.email or user.username} id={user.id} [{methods}]")
    lines.append(f"Delivered codes: {url}/_emulator/outbox   Seed details: {url}/_emulator/info")
    if fake_clock:
        lines.append(f'Fake clock: POST {url}/_emulator/clock/advance {{"seconds": N}}')
    lines.append("Press Ctrl-C to stop.")
    return "\n".join(lines) + "\n"


def _exit_quietly(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(0)


def _install_signal_handlers() -> None:
    """Make Ctrl-C / SIGTERM end the process with status 0 and no traceback.

    uvicorn handles both signals while serving (graceful shutdown), restores these handlers, then re-raises the
    signal, which lands here.
    """
    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, _exit_quietly)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        seed = load_seed(args.seed) if args.seed else default_seed()
    except (OSError, SeedError) as exc:
        sys.stderr.write(f"fusionauth-two-factor-emulator: cannot load seed: {exc}\n")
        return 2
    clock: Clock = FakeClock() if args.fake_clock else SystemClock()
    state = EmulatorState(seed, clock)
    try:
        sock = bind_socket(args.host, args.port)
    except OSError as exc:
        sys.stderr.write(f"fusionauth-two-factor-emulator: cannot bind {args.host}:{args.port}: {exc.strerror}\n")
        return 1
    if not _is_loopback(args.host):
        sys.stderr.write("warning: the emulator is reachable beyond this machine; its /_emulator routes are open.\n")
    _install_signal_handlers()
    sys.stdout.write(_banner(base_url_for(sock), seed, args.fake_clock))
    sys.stdout.flush()
    config = uvicorn.Config(
        create_app(state, bind_host=args.host),
        log_level=args.log_level,
        access_log=False,
        lifespan="off",
        server_header=False,
    )
    try:
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        sock.close()
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
