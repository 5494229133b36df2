"""Hostile and broken servers on loopback: no call hangs, no answer exhausts memory, no redirect is
followed, only the package's own exceptions escape; sync and async, over both async transports.

Each server here is a raw socket that reads one request and then runs a script: trickle the head or
the body a byte at a time, send a huge or decompression-bomb body, redirect, or send broken gzip.
Every loop is bounded in count and time.
"""

from __future__ import annotations

import asyncio
import functools
import gzip
import socket
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from typing import Any

import httpx2
import pytest
from support import API_KEY, JWT, USER_ID, LoopbackServer

from fusionauth_two_factor import (
    ApiError,
    APITimeoutError,
    AsyncTwoFactorController,
    Client,
    ClientClosedError,
    ClientUsageError,
    RequestOptions,
    ResponseParseError,
    ResponseTooLargeError,
    TwoFactorController,
)
from fusionauth_two_factor._wire import Httpx2Wire

SECRET_JSON = b'{"secret": "8MJJfCY4ERBtotvenSc3", "secretBase32Encoded": "HBGUUSTGINMTIRKSIJ2G65DWMVXFGYZT"}'
Script = Callable[[socket.socket], None]


class RawServer(LoopbackServer):
    """A loopback server that reads each request's head and answers with `script`."""

    def __init__(self, script: Script) -> None:
        self.script = script
        self.heads: list[bytes] = []
        super().__init__(self._read_head_and_answer)

    def _read_head_and_answer(self, connection: socket.socket) -> None:
        head = b""
        try:
            while b"\r\n\r\n" not in head and len(head) < 65536:
                chunk = connection.recv(4096)
                if not chunk:
                    return
                head += chunk
            self.heads.append(head)
            self.script(connection)
        except OSError:
            return  # the client gave up: that is what these tests provoke


@pytest.fixture
def serve() -> Iterator[Callable[[Script], RawServer]]:
    servers: list[RawServer] = []

    def start(script: Script) -> RawServer:
        servers.append(RawServer(script))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


def head(status: int = 200, reason: bytes = b"OK", **headers: str | int) -> bytes:
    lines = [b"HTTP/1.1 %d %s" % (status, reason)]
    lines += [f"{name.replace('_', '-')}: {value}".encode() for name, value in headers.items()]
    return b"\r\n".join(lines) + b"\r\n\r\n"


def trickle(data: bytes, every: float, limit: float = 6.0) -> Script:
    """Send `data` one byte every `every` seconds, for at most `limit` seconds."""

    def script(connection: socket.socket) -> None:
        ends = time.monotonic() + limit
        for byte in data:
            if time.monotonic() > ends:
                return
            connection.sendall(bytes([byte]))
            time.sleep(every)

    return script


def send(data: bytes) -> Script:
    def script(connection: socket.socket) -> None:
        connection.sendall(data)

    return script


def call_secret(mode: str, client: Client, options: RequestOptions | None = None) -> Any:
    """The secret call (a GET, so retries are allowed), sync or async on the given transport."""
    if mode == "sync":
        with client:
            return TwoFactorController(client).generate_two_factor_secret_using_jwt(JWT, request_options=options)

    async def run() -> Any:
        async with client:
            return await AsyncTwoFactorController(client).generate_two_factor_secret_using_jwt(
                JWT, request_options=options
            )

    return asyncio.run(run())


@pytest.fixture(params=["sync", "async-httpx2", "async-own"])
def path(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """How the call travels: the sync pool, or async over httpx2's pool or the Client's own asyncio pool."""
    name = str(request.param)
    if name == "async-httpx2":
        monkeypatch.setattr("fusionauth_two_factor._client.own_async_pool", lambda: None)
    elif name == "async-own":
        pytest.importorskip("httptools", reason="the speedups extra is not installed")
    return "sync" if name == "sync" else "async"


@pytest.mark.parametrize(
    "script",
    [
        trickle(head(200, Content_Length=len(SECRET_JSON)) + SECRET_JSON, every=0.1),  # the body, and the head
        lambda connection: (
            connection.sendall(head(200, Content_Length=len(SECRET_JSON))),
            trickle(SECRET_JSON, 0.25)(connection),
        ),
    ],
    ids=["head-and-body", "body"],
)
def test_a_trickling_server_does_not_hold_a_call_past_its_timeout(
    path: str, serve: Callable[[Script], RawServer], script: Script
) -> None:
    server = serve(script)
    started = time.monotonic()
    with pytest.raises(APITimeoutError) as caught:
        call_secret(path, Client(server.url, timeout=1, max_retries=3))
    elapsed = time.monotonic() - started
    # 1 s, plus the async cancel's 0.5 s grace, with a margin for a loaded machine (1.85 s seen once
    # with several benchmark runs going): not 12 s of trickle.
    assert elapsed < 2.5, elapsed
    assert "timeout" in str(caught.value)
    assert caught.value.phase in {"read", "total"}


def test_retries_and_waits_fit_in_the_timeout(path: str, serve: Callable[[Script], RawServer]) -> None:
    # Every attempt answers 503 after 0.4 s: with timeout=1 the call must give up in about a second,
    # not wait out max_retries=5 attempts and their backoff.
    def slow_unavailable(connection: socket.socket) -> None:
        time.sleep(0.4)
        connection.sendall(head(503, b"Service Unavailable", Content_Length=2) + b"{}")

    server = serve(slow_unavailable)
    started = time.monotonic()
    with pytest.raises((ApiError, APITimeoutError)):  # the 503, or the timeout of the attempt that had no time
        call_secret(path, Client(server.url, timeout=1, max_retries=5))
    assert time.monotonic() - started < 1.8
    assert len(server.heads) <= 3


def test_a_huge_body_is_refused_while_reading(path: str, serve: Callable[[Script], RawServer]) -> None:
    body = b" " * (3 * 1024 * 1024)  # announced honestly: the limit is on what is read
    server = serve(send(head(200, Content_Length=len(body), Content_Type="application/json") + body))
    with pytest.raises(ResponseTooLargeError) as caught:
        call_secret(path, Client(server.url, max_response_bytes=1024 * 1024))
    assert caught.value.body == ""
    assert "max_response_bytes=1048576" in str(caught.value)


@pytest.mark.parametrize("encoding", ["gzip", "deflate"])
def test_a_decompression_bomb_is_refused_at_the_limit(
    path: str, serve: Callable[[Script], RawServer], encoding: str
) -> None:
    bomb = _bomb(encoding)
    assert len(bomb) < 256 * 1024
    server = serve(send(head(200, Content_Length=len(bomb), Content_Encoding=encoding) + bomb))
    started = time.monotonic()
    with pytest.raises(ResponseTooLargeError):
        call_secret(path, Client(server.url))  # the default limit, 4 MiB
    assert time.monotonic() - started < 5


@functools.cache
def _bomb(encoding: str) -> bytes:
    """64 MiB of zeros, compressed to about 64 KiB: sixteen times the default limit once inflated."""
    inflated = bytes(64 * 1024 * 1024)
    return gzip.compress(inflated, compresslevel=9) if encoding == "gzip" else zlib.compress(inflated, 9)


def test_no_accept_encoding_is_sent(path: str, serve: Callable[[Script], RawServer]) -> None:
    server = serve(send(head(200, Content_Length=len(SECRET_JSON)) + SECRET_JSON))
    call_secret(path, Client(server.url))
    assert b"accept-encoding" not in server.heads[0].lower()


def test_broken_gzip_is_a_package_error(path: str, serve: Callable[[Script], RawServer]) -> None:
    broken = b"\x1f\x8b\x08\x00not really gzip at all"
    server = serve(send(head(200, Content_Length=len(broken), Content_Encoding="gzip") + broken))
    with pytest.raises(ResponseParseError, match="Content-Encoding could not be decoded"):
        call_secret(path, Client(server.url, max_retries=0))


def test_a_reason_phrase_that_is_not_utf8_is_read(path: str, serve: Callable[[Script], RawServer]) -> None:
    server = serve(send(head(200, reason=b"\xff\xfe OK", Content_Length=len(SECRET_JSON)) + SECRET_JSON))
    assert call_secret(path, Client(server.url)).status_code == 200


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_a_redirect_is_never_followed_even_by_a_client_told_to(
    status: int, serve: Callable[[Script], RawServer]
) -> None:
    elsewhere = serve(send(head(200, Content_Length=len(SECRET_JSON)) + SECRET_JSON))
    location = f"{elsewhere.url}/steal?code=1"
    redirecting = serve(send(head(status, b"Moved", Location=location, Content_Length=0)))
    users_client = httpx2.Client(follow_redirects=True)
    client = Client(redirecting.url, http_client=users_client)
    with pytest.raises(ApiError) as caught:
        TwoFactorController(client).two_factor_login({"twoFactorId": "id-secret", "code": "123456"})
    assert caught.value.status_code == status
    assert caught.value.redirect_origin == elsewhere.url
    assert f"a redirect to {elsewhere.url}, not followed" in str(caught.value)
    assert "steal" not in str(caught.value)
    assert elsewhere.heads == []
    users_client.close()


def test_an_async_client_told_to_follow_redirects_does_not_either(serve: Callable[[Script], RawServer]) -> None:
    elsewhere = serve(send(head(200, Content_Length=len(SECRET_JSON)) + SECRET_JSON))
    redirecting = serve(send(head(307, b"Moved", Location=elsewhere.url, Content_Length=0)))

    async def run() -> None:
        async with httpx2.AsyncClient(follow_redirects=True) as users_client:
            client = Client(redirecting.url, async_http_client=users_client)
            await AsyncTwoFactorController(client).generate_two_factor_secret_using_jwt(JWT)

    with pytest.raises(ApiError, match="not followed"):
        asyncio.run(run())
    assert elsewhere.heads == []


@pytest.mark.parametrize(
    "timeout",
    [float("inf"), 1e308, float("nan"), 0, -1, httpx2.Timeout(None), httpx2.Timeout(0), httpx2.Timeout(5, read=None)],
    ids=["inf", "1e308", "nan", "zero", "negative", "Timeout(None)", "Timeout(0)", "no-read-limit"],
)
def test_timeouts_must_be_finite_and_positive(timeout: Any) -> None:
    with pytest.raises(ValueError, match="positive and finite"):
        Client("https://auth.example.com", timeout=timeout)
    with pytest.raises(ValueError, match="positive and finite"):
        RequestOptions(timeout=timeout)


@pytest.mark.parametrize("name", ["Content-Length", "transfer-encoding", "Host", "Connection", "Upgrade", "TE"])
def test_framing_headers_are_refused_up_front(name: str) -> None:
    with pytest.raises(ValueError, match="frames the message"):
        RequestOptions(extra_headers={name: "1"})


def test_an_id_too_long_for_a_url_is_refused_before_sending() -> None:
    client = Client("https://auth.example.com", api_key=API_KEY, http_client=httpx2.Client(transport=_no_sending()))
    with pytest.raises(ValueError, match="makes the request URL invalid") as caught:
        TwoFactorController(client).retrieve_two_factor_status("x" * 70000, user_id=USER_ID)
    assert "xxxx" not in str(caught.value)


def _no_sending() -> httpx2.MockTransport:
    def refuse(request: httpx2.Request) -> httpx2.Response:
        raise AssertionError("nothing may be sent")

    return httpx2.MockTransport(refuse)


def test_a_closed_client_refuses_calls_sync_and_async() -> None:
    client = Client("https://auth.example.com", api_key=API_KEY)
    client.close()
    with pytest.raises(ClientClosedError, match=r"close\(\)"):
        TwoFactorController(client).generate_two_factor_secret_using_jwt(JWT)
    with pytest.raises(ClientClosedError):
        asyncio.run(AsyncTwoFactorController(client).generate_two_factor_secret_using_jwt(JWT))


def test_a_sync_with_refuses_async_calls_clearly() -> None:
    async def run() -> None:
        with Client("https://auth.example.com") as client:
            await AsyncTwoFactorController(client).generate_two_factor_secret_using_jwt(JWT)

    with pytest.raises(ClientUsageError, match="async with"):
        asyncio.run(run())


def close_during_a_call(client: Client, after: float) -> tuple[float, list[BaseException], bool]:
    """Makes the secret call on a thread of its own and closes the client `after` seconds in: how long
    the call took to end after close() (waiting 5 s at most), what it raised, whether it still runs."""
    errors: list[BaseException] = []

    def call() -> None:
        try:
            TwoFactorController(client).generate_two_factor_secret_using_jwt(JWT)
        except BaseException as error:
            errors.append(error)

    worker = threading.Thread(target=call)
    worker.start()
    time.sleep(after)
    started = time.monotonic()
    client.close()
    worker.join(5)
    return time.monotonic() - started, errors, worker.is_alive()


def test_close_ends_a_call_in_flight_and_leaves_no_connection_open(serve: Callable[[Script], RawServer]) -> None:
    answered = threading.Event()

    def slow(connection: socket.socket) -> None:
        answered.wait(5)

    server = serve(slow)
    client = Client(server.url, timeout=5)
    seconds, errors, still_running = close_during_a_call(client, after=0.3)
    answered.set()
    assert not still_running
    assert seconds < 2
    assert len(errors) == 1 and isinstance(errors[0], ClientClosedError), errors
    assert client._sync_wire is None


def test_close_ends_a_retry_that_is_waiting(serve: Callable[[Script], RawServer]) -> None:
    server = serve(send(head(503, b"Unavailable", Retry_After=10, Content_Length=2) + b"{}"))
    client = Client(server.url, timeout=30)
    seconds, errors, _ = close_during_a_call(client, after=0.5)
    assert seconds < 2  # not the 10 s the server asked for
    assert len(errors) == 1 and isinstance(errors[0], ClientClosedError), errors
    assert len(server.heads) == 1


def test_concurrent_first_calls_create_one_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    created: list[Httpx2Wire] = []
    gate = threading.Barrier(32)

    def counting_wire() -> Httpx2Wire:
        time.sleep(0.01)  # widen the race window
        answering = httpx2.MockTransport(lambda _: httpx2.Response(200, content=SECRET_JSON))
        created.append(Httpx2Wire(httpx2.Client(transport=answering), owned=True))
        return created[-1]

    monkeypatch.setattr("fusionauth_two_factor._client.own_sync_wire", counting_wire)
    client = Client("https://auth.example.com")

    def call() -> None:
        gate.wait(5)
        TwoFactorController(client).generate_two_factor_secret_using_jwt(JWT)

    threads = [threading.Thread(target=call) for _ in range(32)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    client.close()
    assert len(created) == 1


def test_one_client_serves_one_event_loop_after_another(serve: Callable[[Script], RawServer]) -> None:
    server = serve(send(head(200, Content_Length=len(SECRET_JSON)) + SECRET_JSON))
    client = Client(server.url)

    async def call() -> int:
        return (await AsyncTwoFactorController(client).generate_two_factor_secret_using_jwt(JWT)).status_code

    assert asyncio.run(call()) == 200
    assert asyncio.run(call()) == 200  # a new loop: the first loop's pool went with it


def test_two_running_event_loops_on_one_client_get_a_clear_error(serve: Callable[[Script], RawServer]) -> None:
    server = serve(send(head(200, Content_Length=len(SECRET_JSON)) + SECRET_JSON))
    client = Client(server.url)
    first_loop = asyncio.new_event_loop()
    ready = threading.Event()
    stop = threading.Event()

    def run_first_loop() -> None:
        async def keep_running() -> None:
            await AsyncTwoFactorController(client).generate_two_factor_secret_using_jwt(JWT)
            ready.set()
            while not stop.is_set():
                await asyncio.sleep(0.01)

        first_loop.run_until_complete(keep_running())

    thread = threading.Thread(target=run_first_loop)
    thread.start()
    assert ready.wait(5)
    try:
        with pytest.raises(ClientUsageError, match="another running event loop"):
            asyncio.run(AsyncTwoFactorController(client).generate_two_factor_secret_using_jwt(JWT))
    finally:
        stop.set()
        thread.join(5)
        first_loop.close()


def test_a_status_with_an_absurd_retry_after_does_not_wait(path: str, serve: Callable[[Script], RawServer]) -> None:
    server = serve(send(head(502, b"Bad Gateway", Retry_After=3600, Content_Length=0)))
    started = time.monotonic()
    with pytest.raises(ApiError) as caught:
        call_secret(path, Client(server.url, api_key=API_KEY))
    assert time.monotonic() - started < 2
    assert caught.value.retry_after == 3600.0
    assert len(server.heads) == 1


def test_a_post_without_a_body_carries_no_content_type(path: str, serve: Callable[[Script], RawServer]) -> None:
    codes = b'{"recoveryCodes": ["B7K2M-Q9XWP"]}'
    server = serve(send(head(200, Content_Length=len(codes)) + codes))
    client = Client(server.url, api_key=API_KEY)
    if path == "sync":
        with client:
            TwoFactorController(client).generate_two_factor_recovery_codes(USER_ID)
    else:

        async def run() -> None:
            async with client:
                await AsyncTwoFactorController(client).generate_two_factor_recovery_codes(USER_ID)

        asyncio.run(run())
    assert server.heads[0].startswith(b"POST /api/user/two-factor/recovery-code/")
    assert b"content-type" not in server.heads[0].lower()


def test_the_own_pools_keep_no_cookie(path: str, serve: Callable[[Script], RawServer]) -> None:
    answer = head(200, Set_Cookie="access_token=eyJsecret; Path=/; HttpOnly", Content_Length=len(SECRET_JSON))
    server = serve(send(answer + SECRET_JSON))
    client = Client(server.url)
    if path == "sync":
        with client:
            for _ in range(2):
                TwoFactorController(client).generate_two_factor_secret_using_jwt(JWT)
    else:

        async def run() -> None:
            async with client:
                for _ in range(2):
                    await AsyncTwoFactorController(client).generate_two_factor_secret_using_jwt(JWT)

        asyncio.run(run())
    assert len(server.heads) == 2
    assert b"cookie" not in server.heads[1].lower()
