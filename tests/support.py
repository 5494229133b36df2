"""Test support shared by the test modules: constants, a scripted fake FusionAuth behind
httpx2.MockTransport, `Api`, which calls a method through the sync or the async controller, and
`LoopbackServer`, a raw TCP server on 127.0.0.1 for the tests that need real sockets.

(A module of its own rather than conftest.py: test folders have conftest modules of their own, and
`from conftest import ...` would pick whichever comes first on sys.path.)
"""

from __future__ import annotations

import asyncio
import json
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import httpx2
from fusionauth_two_factor_generated.types import Unset

from fusionauth_two_factor import (
    AsyncLoginController,
    AsyncTwoFactorController,
    Client,
    LoginController,
    TwoFactorController,
)

T = TypeVar("T")

FIXTURES = Path(__file__).parent / "fixtures"
BASE_URL = "https://auth.example.com"
API_KEY = "4737ea8520bd454caabb7cb3d36e14bc1832c0d3f70a4189b82598670f11b1bd"
TENANT_ID = "f24aca2b-ce4a-4dad-951a-c9d690e71415"
USER_ID = "00000000-0000-0001-0000-000000000000"
APPLICATION_ID = "10000000-0000-0002-0000-000000000001"
JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJlLXNlY3JldA"
TWO_FACTOR_ID = "YkQY5Gsyo4RlfmDciBGRmvfj3RmatUqrbjoIZ19fmw4"
TRUST_ID = "cGdnqk6DR3hNxwYMWh0ddVb3bMDBw-y24KfpT2cr1c4"
CODE = "987654"


# Answers neither own pool's parser (httptools, h11) takes, by what is wrong in them.
MALFORMED_ANSWERS = {
    "protocol name": b"HTXP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}",
    "status code": b"HTTP/1.1 2x0 OK\r\nContent-Length: 2\r\n\r\n{}",
    "content-length": b"HTTP/1.1 200 OK\r\nContent-Length: two\r\n\r\n{}",
    "chunk size": b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
    # Parsed by httptools, refused by h11: taken for an interim answer, its body would lead the next one's.
    "status below 100": b'HTTP/1.1 099 Odd\r\nContent-Length: 11\r\n\r\n{"evil": 1}',
    # Parsed by httptools, refused by h11: the body would be handed on still gzipped.
    "coding before chunked": (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n"),
    "transfer-encoding twice": (
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n"
    ),
}
# The start of an answer whose chunk framing never ends: a trailer field, or a chunk's extension,
# followed by bytes without a line end for as long as the client reads.
ENDLESS_FRAMING = {
    "trailer field": b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\nX-Trailer: ",
    "chunk extension": b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2;ext=",
}


def chunked(body: bytes, trailers: bytes) -> bytes:
    """A 200 answer whose body comes as one chunk, followed by `trailers` (header lines, each ending in CRLF)."""
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
    return head + f"{len(body):x}\r\n".encode() + body + b"\r\n0\r\n" + trailers + b"\r\n"


def chosen_async_pool() -> object:
    """What the Client would take for its own async wire on a fresh asyncio loop (`_client.own_async_pool()`).

    A pool it gives is closed again on that loop.
    """
    from fusionauth_two_factor import _client  # noqa: PLC0415 - read when called: tests patch own_async_pool

    async def chosen() -> object:
        pool = _client.own_async_pool()
        if pool is not None:
            await pool.aclose()
        return pool

    return asyncio.run(chosen())


def _secrets_in_fixtures() -> list[str]:
    login = json.loads((FIXTURES / "login_response.json").read_text())
    secret = json.loads((FIXTURES / "secret_response.json").read_text())
    return [login["token"], login["refreshToken"], secret["secret"], secret["secretBase32Encoded"]]


KNOWN_SECRETS = [API_KEY, JWT, CODE, TWO_FACTOR_ID, TRUST_ID, *_secrets_in_fixtures()]


def fixture_json(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text())


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


Answer = httpx2.Response | Exception


@dataclass
class FakeFusionAuth:
    """Answers requests from a script, one answer per request, and records what was sent."""

    answers: list[Answer] = field(default_factory=list)
    requests: list[httpx2.Request] = field(default_factory=list)

    def reply(self, status: int = 200, *, json_body: Any = None, content: bytes | str = b"", **headers: str) -> None:
        if json_body is not None:
            content = json.dumps(json_body).encode()
            headers.setdefault("content_type", "application/json;charset=UTF-8")
        self.answers.append(
            httpx2.Response(status, content=content, headers={k.replace("_", "-"): v for k, v in headers.items()})
        )

    def fail(self, error: Exception) -> None:
        self.answers.append(error)

    def handle(self, request: httpx2.Request) -> httpx2.Response:
        request.read()
        self.requests.append(request)
        if not self.answers:
            raise AssertionError(f"unexpected request {request.method} {request.url}")
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer

    @property
    def last(self) -> httpx2.Request:
        return self.requests[-1]


class Api:
    """Calls a controller method by name through the sync or the async controller."""

    def __init__(self, mode: str, client: Client) -> None:
        self.mode = mode
        self.client = client
        self.sync = TwoFactorController(client)
        self.async_ = AsyncTwoFactorController(client)

    def call(self, method: str, *args: Any, **kwargs: Any) -> Any:
        if self.mode == "sync":
            return getattr(self.sync, method)(*args, **kwargs)
        return asyncio.run(getattr(self.async_, method)(*args, **kwargs))

    def login(self, *args: Any, **kwargs: Any) -> Any:
        """The password login, through LoginController or AsyncLoginController."""
        if self.mode == "sync":
            return LoginController(self.client).login(*args, **kwargs)
        return asyncio.run(AsyncLoginController(self.client).login(*args, **kwargs))


def make_client(server: FakeFusionAuth, **settings: Any) -> Client:
    transport = httpx2.MockTransport(server.handle)
    settings.setdefault("api_key", API_KEY)
    return Client(
        BASE_URL,
        http_client=httpx2.Client(transport=transport),
        async_http_client=httpx2.AsyncClient(transport=transport),
        **settings,
    )


def present(value: T | Unset | None) -> T:
    """Narrow an optional model attribute for the type checker, failing the test when it is absent."""
    assert value is not None
    assert not isinstance(value, Unset)
    return value


class LoopbackServer:
    """A TCP server on 127.0.0.1 that gives each connection it accepts to `handle`, on a thread of its own.

    The connection has a 5 s timeout, so that a handler waiting on a client that went away cannot hang
    the test run, and is closed when `handle` returns. A subclass sets what its handler uses before it
    calls this __init__: connections are accepted from then on.
    """

    def __init__(self, handle: Callable[[socket.socket], None]) -> None:
        self._handle = handle
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.2)  # how often the accept loop looks whether close() was called
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def port(self) -> int:
        return int(self._listener.getsockname()[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._listener.accept()
            except TimeoutError:
                continue
            threading.Thread(target=self._run_handler, args=(connection,), daemon=True).start()

    def _run_handler(self, connection: socket.socket) -> None:
        with connection:
            connection.settimeout(5)
            self._handle(connection)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self._listener.close()
