"""Run the emulator with uvicorn in a background thread (tests, demos) and talk to it from Python.

    with EmulatorServer(clock=FakeClock()) as emulator:    # 127.0.0.1, a free port
        httpx2.get(emulator.base_url + "/api/two-factor/status", params={"userId": ...},
                  headers={"Authorization": emulator.api_key})
        emulator.clock.advance(301)

The uvicorn access log is off (paths carry ``twoFactorId``/``twoFactorTrustId`` credentials) and uvicorn logs at
``warning``; the emulator itself never logs keys, codes, secrets or tokens.
"""

from __future__ import annotations

import socket
import threading
import time
from types import TracebackType
from typing import Any

import uvicorn

from .app import create_app
from .clock import Clock, FakeClock
from .models import OutboxMessage, User
from .seed import Seed
from .state import EmulatorState

__all__ = ["EmulatorServer", "bind_socket"]


def bind_socket(host: str, port: int) -> socket.socket:
    """A listening-ready TCP socket bound to ``host:port`` (port 0 picks a free port)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def base_url_for(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


class EmulatorServer:
    """A running emulator: uvicorn in a daemon thread, plus Python access to its state.

    ``state`` defaults to a fresh :class:`EmulatorState` built from ``seed`` (default seed) and ``clock``
    (default: the system clock). ``host`` defaults to 127.0.0.1 and ``port`` to 0 (a free port).
    """

    def __init__(
        self,
        state: EmulatorState | None = None,
        *,
        seed: Seed | None = None,
        clock: Clock | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        log_level: str = "warning",
    ) -> None:
        self.state = state if state is not None else EmulatorState(seed, clock)
        self.host = host
        self.port = port
        self.log_level = log_level
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._socket: socket.socket | None = None
        self._base_url: str | None = None

    # ---- lifecycle

    def start(self, timeout: float = 10.0) -> str:
        """Start serving; return the base URL (``http://127.0.0.1:<port>``)."""
        if self._server is not None:
            return self.base_url
        sock = bind_socket(self.host, self.port)
        config = uvicorn.Config(
            create_app(self.state, bind_host=self.host),
            log_level=self.log_level,
            access_log=False,
            lifespan="off",
            server_header=False,
        )
        server = uvicorn.Server(config)
        thread = threading.Thread(
            target=server.run, kwargs={"sockets": [sock]}, name="fusionauth-emulator", daemon=True
        )
        self._server, self._thread, self._socket = server, thread, sock
        self._base_url = base_url_for(sock)
        thread.start()
        deadline = time.monotonic() + timeout
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("the FusionAuth emulator did not start")
            time.sleep(0.01)
        return self._base_url

    def stop(self, timeout: float = 10.0) -> None:
        """Stop serving and release the port (idempotent)."""
        server, thread, sock = self._server, self._thread, self._socket
        self._server = self._thread = self._socket = None
        if server is not None:
            server.should_exit = True
        if thread is not None and thread.is_alive():
            thread.join(timeout)
        if sock is not None:
            sock.close()

    def __enter__(self) -> EmulatorServer:
        self.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.stop()

    # ---- conveniences for tests and demos

    @property
    def base_url(self) -> str:
        if self._base_url is None:
            raise RuntimeError("the emulator is not started")
        return self._base_url

    @property
    def clock(self) -> Clock:
        return self.state.clock

    @property
    def fake_clock(self) -> FakeClock:
        """The clock, when it is a :class:`FakeClock` (``TypeError`` otherwise)."""
        if not isinstance(self.state.clock, FakeClock):
            raise TypeError("this emulator runs on a real clock")
        return self.state.clock

    @property
    def seed(self) -> Seed:
        return self.state.seed

    @property
    def api_key(self) -> str:
        """The default (all-tenant) API key of the seed."""
        return self.state.api_key

    @property
    def outbox(self) -> list[OutboxMessage]:
        return self.state.outbox

    def user(self, handle: str) -> User:
        """A live user by alias (``mfa``, ``email_only``, ``no_mfa``, ...), id, email or username."""
        return self.state.user(handle)

    def latest_code(self, **filters: Any) -> str | None:
        """See :meth:`EmulatorState.latest_code` (filters: two_factor_id, user_id, destination, method, purpose)."""
        return self.state.latest_code(**filters)

    def totp_code(self, user: str, *, method_id: str | None = None) -> str:
        return self.state.totp_code(user, method_id=method_id)

    def mint_jwt(self, user: str, **kwargs: Any) -> str:
        """See :meth:`EmulatorState.mint_jwt`."""
        return self.state.mint_jwt(user, **kwargs)

    def advance(self, seconds: float) -> int:
        """Advance the fake clock."""
        return self.fake_clock.advance(seconds)
