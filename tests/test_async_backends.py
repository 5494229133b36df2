"""The async controller over real loopback sockets, through both pools the Client may choose:
httpx2's own, and its own asyncio pool, which it uses by default when the `speedups` extra is installed.

Every promise of the async path must hold on both: results, error classes by status, connection
and timeout errors (with the same retry decisions), per-call timeouts, no cookies, aclose().
"""

from __future__ import annotations

import asyncio
import json
import socket
import subprocess
import sys
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, cast

import pytest
from support import API_KEY, CODE, TRUST_ID, TWO_FACTOR_ID, USER_ID, fixture_bytes

from fusionauth_two_factor import (
    APIConnectionError,
    APITimeoutError,
    AsyncTwoFactorController,
    AuthenticationError,
    BadRequestError,
    Client,
    InvalidCodeError,
    LoginPreventedError,
    NotFoundError,
    RateLimitError,
    RequestOptions,
    ServerError,
    UserExpiredError,
)
from fusionauth_two_factor._async_pool import AsyncPool
from fusionauth_two_factor._client import own_async_pool
from fusionauth_two_factor._drivers import WholeBody, _attempt_async
from fusionauth_two_factor._exchange import Answer as WireAnswer
from fusionauth_two_factor._exchange import Attempt
from fusionauth_two_factor._wire import AsyncReply, AsyncWire, Timeouts, WireRequest
from fusionauth_two_factor.models import LoginResponse, TwoFactorStatusResponse, User

LOGIN = {"twoFactorId": TWO_FACTOR_ID, "code": CODE}


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    truncate: bool = False  # announce the body's length but close after half of it


HANG_UP = "hang up"  # read the request, then close the connection without answering
Answer = Reply | str


@dataclass
class Seen:
    method: str
    path: str
    header_lines: list[tuple[str, str]]  # as sent: names keep their case

    @property
    def headers(self) -> dict[str, str]:
        return {name.lower(): value for name, value in self.header_lines}


class LoopbackFusionAuth:
    """A real HTTP/1.1 keep-alive server on 127.0.0.1, in threads, answering from a script."""

    def __init__(self, port: int = 0) -> None:
        self.answers: list[Answer] = []
        self.requests: list[Seen] = []
        self.open_connections = 0
        self._lock = threading.Lock()
        self._server = _QuietServer(("127.0.0.1", port), _handler_for(self))
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def reply(self, status: int = 200, body: bytes = b"", **options: Any) -> None:
        headers = {"Content-Type": "application/json;charset=UTF-8"} if body else {}
        headers.update(options.pop("headers", {}))
        self.answers.append(Reply(status, body, headers, **options))

    def next_answer(self, seen: Seen) -> Answer:
        with self._lock:
            self.requests.append(seen)
            return self.answers.pop(0) if self.answers else Reply(599, b"unexpected request")

    def count_connection(self, change: int) -> None:
        with self._lock:
            self.open_connections += change

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that gave up (a timeout test) breaks the pipe: not worth a traceback."""


def _handler_for(owner: LoopbackFusionAuth) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as FusionAuth

        def setup(self) -> None:
            super().setup()
            owner.count_connection(+1)

        def finish(self) -> None:
            owner.count_connection(-1)
            super().finish()

        def do_GET(self) -> None:
            self._answer()

        def do_POST(self) -> None:
            self._answer()

        def log_message(self, format: str, *args: Any) -> None:
            pass  # quiet

        def _answer(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            answer = owner.next_answer(Seen(self.command, self.path, self.headers.items()))
            if isinstance(answer, str):
                self.close_connection = True
                return
            time.sleep(answer.delay)
            self.send_response(answer.status)
            for name, value in answer.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(answer.body)))
            self.end_headers()
            if answer.truncate:
                self.wfile.write(answer.body[: len(answer.body) // 2])
                self.close_connection = True
            else:
                self.wfile.write(answer.body)

    return Handler


@pytest.fixture
def fusionauth() -> Iterator[LoopbackFusionAuth]:
    server = LoopbackFusionAuth()
    yield server
    server.close()


@pytest.fixture(params=["httpx2", "own"])
def backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Which pool the Client's own async calls use in this test: httpx2's AsyncClient, or its own."""
    if request.param == "own":
        pytest.importorskip("httptools", reason="the speedups extra is not installed")
    else:
        monkeypatch.setattr("fusionauth_two_factor._client.own_async_pool", lambda: None)
    return str(request.param)


OpenClient = Callable[..., Client]


@pytest.fixture
async def open_client(backend: str) -> AsyncIterator[OpenClient]:
    """Clients whose own AsyncClient (the one under test) is closed after the test."""
    clients: list[Client] = []

    def open_one(base_url: str, **settings: Any) -> Client:
        settings.setdefault("api_key", API_KEY)
        clients.append(Client(base_url, **settings))
        return clients[-1]

    yield open_one
    for client in clients:
        await client.aclose()


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def status_call(client: Client, **options: Any) -> Any:
    return AsyncTwoFactorController(client).retrieve_two_factor_status(TRUST_ID, user_id=USER_ID, **options)


def login_call(client: Client, **options: Any) -> Any:
    return AsyncTwoFactorController(client).two_factor_login(LOGIN, **options)


# --- which transport ---------------------------------------------------------------------------


async def test_the_client_uses_the_transport_under_test(
    backend: str, open_client: OpenClient, fusionauth: LoopbackFusionAuth
) -> None:
    client = open_client(fusionauth.url)
    fusionauth.reply(200, fixture_bytes("status_response.json"))
    await status_call(client)
    assert client._async_wire is not None
    assert isinstance(client._async_wire, AsyncPool) is (backend == "own")


async def test_the_own_pool_is_the_default_on_asyncio_when_installed() -> None:
    pytest.importorskip("httptools", reason="the speedups extra is not installed")
    pool = own_async_pool()
    assert isinstance(pool, AsyncPool)
    await pool.aclose()


async def test_no_own_pool_where_the_environment_names_a_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    # The own pool would ignore the proxy: httpx2's AsyncClient honours it.
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.invalid:3128")
    assert own_async_pool() is None


async def test_no_own_pool_without_httptools(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "httptools", None)  # import httptools raises ImportError
    assert own_async_pool() is None


def test_no_own_pool_outside_asyncio() -> None:
    # The Client asks from inside its first async call; no asyncio loop there means trio.
    assert own_async_pool() is None


def test_importing_the_package_does_not_import_the_http_stacks() -> None:
    """httptools, asyncio, httpcore2, h11 and anyio are imported when a pool is created, not with the package."""
    stacks = "{'httptools', 'asyncio', 'httpcore2', 'h11', 'anyio'}"
    code = f"import sys, fusionauth_two_factor; print(sorted({stacks} & set(sys.modules)))"
    run = [sys.executable, "-c", code]
    imported = subprocess.run(run, check=True, capture_output=True, text=True).stdout  # noqa: S603 - fixed code
    assert imported.strip() == "[]"


# --- answers -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("status", "required"), [(200, False), (242, True)])
async def test_status_answers(
    open_client: OpenClient, fusionauth: LoopbackFusionAuth, status: int, required: bool
) -> None:
    fusionauth.reply(status, fixture_bytes("status_response.json"))
    response = await status_call(open_client(fusionauth.url))
    assert response.status_code == status
    assert response.two_factor_required is required
    assert isinstance(response.result, TwoFactorStatusResponse)
    seen = fusionauth.requests[-1]
    assert (seen.method, seen.path) == ("GET", f"/api/two-factor/status/{TRUST_ID}?userId={USER_ID}")
    assert ("Authorization", API_KEY) in seen.header_lines  # as httpx2's own transport writes it


async def test_login_answer_is_parsed(open_client: OpenClient, fusionauth: LoopbackFusionAuth) -> None:
    fusionauth.reply(200, fixture_bytes("login_response.json"))
    response = await login_call(open_client(fusionauth.url))
    assert isinstance(response.result, LoginResponse)
    assert isinstance(response.result.user, User)
    assert str(response.result.user.id) == USER_ID
    seen = fusionauth.requests[-1]
    assert "authorization" not in seen.headers  # the twoFactorId is the credential


async def test_a_large_answer_read_in_chunks_is_parsed(open_client: OpenClient, fusionauth: LoopbackFusionAuth) -> None:
    # Too large to arrive with its headers: read chunk by chunk, not handed on whole.
    body = fixture_bytes("login_response.json") + b" " * 600_000
    fusionauth.reply(200, body)
    response = await login_call(open_client(fusionauth.url))
    assert isinstance(response.result, LoginResponse)
    assert str(response.result.user.id) == USER_ID


async def test_a_whole_body_iterates_as_its_one_chunk() -> None:
    assert [chunk async for chunk in WholeBody(b"{}")] == [b"{}"]
    assert [chunk async for chunk in WholeBody(b"")] == []


@pytest.mark.parametrize(
    ("status", "error_class"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (404, NotFoundError),
        (409, LoginPreventedError),
        (410, UserExpiredError),
        (421, InvalidCodeError),
        (429, RateLimitError),
        (500, ServerError),
        (503, ServerError),
    ],
)
async def test_each_error_status_raises_its_class(
    open_client: OpenClient, fusionauth: LoopbackFusionAuth, status: int, error_class: type[Exception]
) -> None:
    body = {400: fixture_bytes("errors_400.json"), 409: fixture_bytes("login_prevented_409.json")}.get(status, b"")
    fusionauth.reply(status, body)
    with pytest.raises(error_class) as caught:
        await login_call(open_client(fusionauth.url, max_retries=0))
    assert getattr(caught.value, "status_code", None) == status
    assert getattr(caught.value, "body", None) == body.decode()


# --- connections and timeouts ------------------------------------------------------------------


async def test_a_refused_connection_is_a_connection_error(open_client: OpenClient) -> None:
    with pytest.raises(APIConnectionError, match="could not connect") as caught:
        await login_call(open_client(f"http://127.0.0.1:{closed_port()}", max_retries=0))
    assert not isinstance(caught.value, APITimeoutError)
    assert caught.value.retries == 0


async def test_connect_errors_are_retried_even_for_a_login(
    open_client: OpenClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Nothing listens at first; the server comes up during the wait before the retry.
    port = closed_port()
    servers: list[LoopbackFusionAuth] = []

    async def start_server_instead_of_sleeping(seconds: float) -> None:
        servers.append(LoopbackFusionAuth(port))
        servers[-1].reply(200, fixture_bytes("login_response.json"))

    monkeypatch.setattr("fusionauth_two_factor._drivers._sleep_async", start_server_instead_of_sleeping)
    try:
        response = await login_call(open_client(f"http://127.0.0.1:{port}", max_retries=2))
        assert response.retries == 1
        assert len(servers[0].requests) == 1
    finally:
        for server in servers:
            server.close()


async def test_a_refused_connection_is_retried_up_to_the_limit(open_client: OpenClient, sleeps: list[float]) -> None:
    with pytest.raises(APIConnectionError) as caught:
        await login_call(open_client(f"http://127.0.0.1:{closed_port()}", max_retries=2))
    assert caught.value.retries == 2
    assert len(sleeps) == 2


async def test_a_hang_up_after_the_request_does_not_replay_a_login(
    open_client: OpenClient, fusionauth: LoopbackFusionAuth, sleeps: list[float]
) -> None:
    fusionauth.answers.append(HANG_UP)
    with pytest.raises(APIConnectionError, match=r"the connection failed \(RemoteProtocolError\)") as caught:
        await login_call(open_client(fusionauth.url, max_retries=2))
    assert caught.value.retries == 0
    assert len(fusionauth.requests) == 1  # the code may have been consumed: never sent twice
    assert sleeps == []


async def test_a_hang_up_is_retried_for_a_status_call(
    open_client: OpenClient, fusionauth: LoopbackFusionAuth, sleeps: list[float]
) -> None:
    fusionauth.answers.append(HANG_UP)
    fusionauth.reply(200, fixture_bytes("status_response.json"))
    response = await status_call(open_client(fusionauth.url, max_retries=2))
    assert response.retries == 1
    assert len(fusionauth.requests) == 2


async def test_no_retries_means_one_attempt(open_client: OpenClient, fusionauth: LoopbackFusionAuth) -> None:
    fusionauth.answers.append(HANG_UP)
    with pytest.raises(APIConnectionError):
        await status_call(open_client(fusionauth.url, max_retries=0))
    assert len(fusionauth.requests) == 1  # no transport of its own accord repeats the call


async def test_a_tls_failure_is_a_connection_error(open_client: OpenClient, fusionauth: LoopbackFusionAuth) -> None:
    https_url = fusionauth.url.replace("http://", "https://")  # TLS to a plain HTTP server
    with pytest.raises(APIConnectionError, match="could not connect"):
        await status_call(open_client(https_url, max_retries=0))


async def test_a_body_cut_short_is_a_connection_error(open_client: OpenClient, fusionauth: LoopbackFusionAuth) -> None:
    fusionauth.reply(200, fixture_bytes("login_response.json"), truncate=True)
    with pytest.raises(APIConnectionError, match=r"the connection failed \(RemoteProtocolError\)"):
        await login_call(open_client(fusionauth.url, max_retries=0))


async def test_a_read_timeout_against_a_silent_socket(open_client: OpenClient) -> None:
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        client = open_client(f"http://127.0.0.1:{silent.getsockname()[1]}", timeout=0.2, max_retries=0)
        started = time.monotonic()
        with pytest.raises(APITimeoutError) as caught:
            await status_call(client)
    assert caught.value.phase == "read"
    assert time.monotonic() - started < 2


async def test_a_per_call_timeout_shorter_than_the_clients(
    open_client: OpenClient, fusionauth: LoopbackFusionAuth
) -> None:
    fusionauth.reply(200, fixture_bytes("status_response.json"), delay=1.5)
    client = open_client(fusionauth.url, timeout=10, max_retries=0)
    started = time.monotonic()
    with pytest.raises(APITimeoutError) as caught:
        await status_call(client, request_options=RequestOptions(timeout=0.2))
    assert caught.value.phase == "read"
    assert time.monotonic() - started < 1.2


async def test_a_per_call_timeout_longer_than_the_clients(
    open_client: OpenClient, fusionauth: LoopbackFusionAuth
) -> None:
    fusionauth.reply(200, fixture_bytes("status_response.json"), delay=0.5)
    client = open_client(fusionauth.url, timeout=0.1, max_retries=0)
    response = await status_call(client, request_options=RequestOptions(timeout=5))
    assert response.status_code == 200


# --- state between calls -----------------------------------------------------------------------


async def test_login_cookies_are_not_kept(open_client: OpenClient, fusionauth: LoopbackFusionAuth) -> None:
    cookie = "access_token=eyJsecret; Path=/; HttpOnly"
    fusionauth.reply(200, fixture_bytes("login_response.json"), headers={"Set-Cookie": cookie})
    fusionauth.reply(200)
    client = open_client(fusionauth.url)
    response = await login_call(client)
    assert response.headers["set-cookie"] == cookie
    await AsyncTwoFactorController(client).send_two_factor_code_for_login_using_method(TWO_FACTOR_ID, {"methodId": "K"})
    assert "cookie" not in fusionauth.requests[-1].headers


async def test_calls_share_one_connection_and_aclose_closes_it(
    open_client: OpenClient, fusionauth: LoopbackFusionAuth
) -> None:
    client = open_client(fusionauth.url)
    for _ in range(3):
        fusionauth.reply(200, fixture_bytes("status_response.json"))
        await status_call(client)
    assert fusionauth.open_connections == 1
    await client.aclose()
    deadline = time.monotonic() + 5
    while fusionauth.open_connections and time.monotonic() < deadline:
        await asyncio.sleep(0.01)
    assert fusionauth.open_connections == 0


async def test_many_calls_in_flight(open_client: OpenClient, fusionauth: LoopbackFusionAuth) -> None:
    client = open_client(fusionauth.url)
    for _ in range(20):
        fusionauth.reply(200, json.dumps({"trusts": []}).encode())
    responses = await asyncio.gather(*(status_call(client) for _ in range(20)))
    assert [response.status_code for response in responses] == [200] * 20


@pytest.mark.parametrize("whole", [True, False], ids=["handed on whole", "iterated"])
async def test_an_empty_body_read_after_the_attempts_deadline_is_the_answer_either_way(whole: bool) -> None:
    """An empty body adds no chunk, so it is never "late": a body handed on whole (WholeBody) as one iterated."""

    async def no_chunks() -> AsyncIterator[bytes]:
        return
        yield b""

    class Wire:
        async def send(self, request: WireRequest, timeouts: Timeouts) -> AsyncReply:
            async def closed() -> None:
                return None

            chunks = WholeBody(b"") if whole else no_chunks()
            return AsyncReply(200, [(b"Content-Length", b"0")], chunks, closed)

    late = Attempt(cast(WireRequest, None), deadline=time.monotonic() - 0.1, max_response_bytes=1024)
    outcome = await _attempt_async(cast(AsyncWire, Wire()), late, threading.Event())
    assert isinstance(outcome, WireAnswer)
    assert (outcome.status_code, outcome.content) == (200, b"")
