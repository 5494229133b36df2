"""The Client's own asyncio pool (`_async_pool.AsyncPool`) against raw servers on the test's loop.

What its docstring promises beyond tests/test_async_backends.py: a kept-alive connection reused,
and one never reused when it was to be closed, the server closed it, sent something unasked on it,
or its keep-alive expired; an answer's head limited to 100 KiB and a malformed answer refused;
chunked, large, unframed, gzip-encoded answers and interim ones read right; the pool's limits and
its pool timeout; the request's bytes those of the own sync pool, the header lines checked before
anything is sent; aclose() ending a call that waits on its answer.

Each server answers exactly the bytes its test gives, so that the framing is the test's own.
"""

from __future__ import annotations

import asyncio
import gc
import gzip
import json
import socket
import threading
import time
import warnings
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any

import httpx2
import pytest
from support import API_KEY, ENDLESS_FRAMING, MALFORMED_ANSWERS, TRUST_ID, USER_ID, chunked, fixture_bytes

from fusionauth_two_factor import (
    APIConnectionError,
    APITimeoutError,
    AsyncTwoFactorController,
    Client,
    ClientClosedError,
    TwoFactorController,
    _constants,
)
from fusionauth_two_factor._async_pool import AsyncPool
from fusionauth_two_factor._sync_pool import SyncPool
from fusionauth_two_factor._wire import AsyncReply, Origin, WireRequest, build

pytest.importorskip("httptools", reason="the speedups extra is not installed")

BODY = b'{"secret": "s", "secretBase32Encoded": "b"}'
TIMEOUTS = {"connect": 2.0, "read": 2.0, "write": 2.0, "pool": 2.0}
PATIENCE = 5.0  # the longest any wait on the other side may take before the test fails


def ok(extra: str = "", body: bytes = BODY, version: str = "HTTP/1.1") -> bytes:
    head = f"{version} 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n{extra}\r\n"
    return head.encode() + body


# --- a raw server on the test's own loop -------------------------------------------------------


class Peer:
    """One connection accepted by a RawServer: reads whole requests, writes whatever bytes it is given."""

    def __init__(self, server: RawServer, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.server = server
        self.reader = reader
        self.writer = writer

    async def request(self) -> bytes | None:
        """The next request as received (head and Content-Length body), or None once the client hung up."""
        try:
            head = await self.reader.readuntil(b"\r\n\r\n")
        except (asyncio.IncompleteReadError, ConnectionError):
            self.server.hung_up.set()
            return None
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        request = head + await self.reader.readexactly(length)
        self.server.requests.append(request)
        self.server.request_seen.set()
        return request

    async def send(self, data: bytes) -> None:
        self.writer.write(data)
        await self.writer.drain()

    async def hang_up(self) -> None:
        self.writer.close()
        await self.writer.wait_closed()
        self.server.closed.set()


Handle = Callable[[Peer, int], Awaitable[None]]  # the connection and its number (0 first)


class RawServer:
    def __init__(self, handle: Handle) -> None:
        self._handle = handle
        self.connections = 0
        self.requests: list[bytes] = []
        self.peers: list[Peer] = []
        self.request_seen = asyncio.Event()  # set at each request received
        self.hung_up = asyncio.Event()  # set each time a client closed a connection
        self.closed = asyncio.Event()  # set each time the server closed one itself
        self._tasks: set[asyncio.Task[Any]] = set()
        self._server: asyncio.Server | None = None

    async def start(self) -> RawServer:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        return self

    @property
    def url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.sockets[0].getsockname()[1]}"

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        number, self.connections = self.connections, self.connections + 1
        peer = Peer(self, reader, writer)
        self.peers.append(peer)
        try:
            await self._handle(peer, number)
        except (ConnectionError, asyncio.CancelledError):
            pass  # the client went away first, or close() ended the handler (not re-raised: asyncio would log it)
        finally:
            writer.close()

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        for peer in self.peers:
            peer.writer.close()


def keep_alive(answer: Callable[[int], bytes] = lambda _: ok(), close_after: int | None = None) -> Handle:
    """Answer each request on a connection with `answer(its number on the connection)`; hang up after `close_after`."""

    async def handle(peer: Peer, _: int) -> None:
        served = 0
        while close_after is None or served < close_after:
            if await peer.request() is None:
                return
            await peer.send(answer(served))
            served += 1
        await peer.hang_up()

    return handle


async def split_answers(peer: Peer, _: int) -> None:
    """Each answer's head with part of its body, the rest a moment later: the reply is handed on before it
    is complete, so that its connection stays busy until the reply is read or closed."""
    while await peer.request() is not None:
        await peer.send(ok()[:-5])
        await asyncio.sleep(0.02)
        await peer.send(ok()[-5:])


Serve = Callable[..., Awaitable[RawServer]]


@pytest.fixture
async def serve() -> AsyncIterator[Serve]:
    servers: list[RawServer] = []

    async def start(handle: Handle | None = None) -> RawServer:
        servers.append(RawServer(handle or keep_alive()))
        return await servers[-1].start()

    yield start
    for server in servers:
        await server.close()


@pytest.fixture
async def pool() -> AsyncIterator[AsyncPool]:
    pool = AsyncPool()
    yield pool
    await pool.aclose()


@pytest.fixture
def sync_pool() -> Iterator[SyncPool]:
    pool = SyncPool()
    yield pool
    pool.close()


def get(server: RawServer, path: str = "/api/x") -> WireRequest:
    return build(Origin(server.url), method="GET", path=path, params=None, headers={}, json_body=None)


async def read(reply: AsyncReply) -> bytes:
    try:
        return b"".join([chunk async for chunk in reply.chunks])
    finally:
        await reply.aclose()


async def fetch(through: AsyncPool, server: RawServer, **timeouts: float) -> bytes:
    return await read(await through.send(get(server), {**TIMEOUTS, **timeouts}))


async def within(awaitable: Awaitable[Any], seconds: float = PATIENCE) -> Any:
    return await asyncio.wait_for(awaitable, seconds)


def own_client(server: RawServer, **settings: Any) -> Client:
    """A Client whose async calls go through an AsyncPool (asserted: the pool under test)."""
    settings.setdefault("api_key", API_KEY)
    settings.setdefault("max_retries", 0)
    client = Client(server.url, **settings)
    assert isinstance(client._async_pool(), AsyncPool)
    return client


def status_call(client: Client, **options: Any) -> Any:
    return AsyncTwoFactorController(client).retrieve_two_factor_status(TRUST_ID, user_id=USER_ID, **options)


STATUS = fixture_bytes("status_response.json")


# --- reuse -------------------------------------------------------------------------------------


async def test_a_kept_alive_connection_is_reused(serve: Serve, pool: AsyncPool) -> None:
    server = await serve()
    assert [await fetch(pool, server) for _ in range(3)] == [BODY] * 3
    assert server.connections == 1
    assert len(server.requests) == 3


async def test_calls_through_the_client_reuse_one_connection(serve: Serve) -> None:
    server = await serve(keep_alive(lambda _: ok(body=STATUS)))
    async with own_client(server) as client:
        for _ in range(3):
            assert (await status_call(client)).status_code == 200
    assert server.connections == 1


@pytest.mark.parametrize(
    "answer",
    [ok("Connection: close\r\n"), ok(version="HTTP/1.0"), ok("connection: CLOSE\r\n")],
    ids=["connection-close", "http-1.0", "connection-close-any-case"],
)
async def test_an_answer_that_closes_its_connection_is_not_reused(serve: Serve, pool: AsyncPool, answer: bytes) -> None:
    # The server keeps the connection open all the same: the pool must not send another request on it.
    server = await serve(keep_alive(lambda _: answer))
    assert await fetch(pool, server) == BODY
    assert await fetch(pool, server) == BODY
    assert server.connections == 2
    await within(server.hung_up.wait())  # the first one was closed by the pool


async def test_an_http_1_0_answer_with_keep_alive_is_not_reused(serve: Serve, pool: AsyncPool) -> None:
    # As the sync pool (h11): no HTTP/1.0 connection is reused, keep-alive or not.
    server = await serve(keep_alive(lambda _: ok("Connection: keep-alive\r\n", version="HTTP/1.0")))
    assert await fetch(pool, server) == BODY
    assert await fetch(pool, server) == BODY
    assert server.connections == 2


async def test_an_idle_connection_the_server_closed_is_not_reused(serve: Serve, pool: AsyncPool) -> None:
    server = await serve(keep_alive(close_after=1))
    assert await fetch(pool, server) == BODY
    await within(server.closed.wait())
    await asyncio.sleep(0.05)  # the FIN reaches the pool's socket (loopback: at once)
    # Reused, the request would meet "Server disconnected without sending a response".
    assert await fetch(pool, server) == BODY
    assert server.connections == 2


async def test_a_connection_whose_keep_alive_expired_is_not_reused(
    serve: Serve, pool: AsyncPool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_constants, "KEEPALIVE_EXPIRY", 0.1)
    server = await serve()
    await fetch(pool, server)
    await fetch(pool, server)
    assert server.connections == 1  # within its keep-alive
    await asyncio.sleep(0.15)
    assert await fetch(pool, server) == BODY
    assert server.connections == 2
    await within(server.hung_up.wait())  # the expired one was closed, not left open


async def test_an_answer_not_read_to_its_end_closes_its_connection(serve: Serve, pool: AsyncPool) -> None:
    # The first answer's head comes with 5 of its 10 body bytes, and the rest never: its reply is
    # closed unread, and the connection (the rest of that body still to come) must not carry the next call.
    async def handle(peer: Peer, number: int) -> None:
        if number == 0:
            await peer.request()
            await peer.send(ok(body=b"0123456789")[:-5])
            await peer.request()  # None: the pool hung up
            return
        await keep_alive()(peer, number)

    server = await serve(handle)
    reply = await pool.send(get(server), TIMEOUTS)
    await reply.aclose()
    await reply.aclose()  # a second close gives nothing back twice
    assert await fetch(pool, server) == BODY
    assert server.connections == 2
    await within(server.hung_up.wait())


async def test_idle_connections_beyond_the_keep_alive_limit_are_closed(
    serve: Serve, pool: AsyncPool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_constants, "MAX_KEEPALIVE_CONNECTIONS", 1)
    server = await serve(split_answers)
    first, second = await pool.send(get(server), TIMEOUTS), await pool.send(get(server), TIMEOUTS)
    assert server.connections == 2  # the first was still busy
    await read(first)
    await read(second)  # two idle: the older one is closed
    await within(server.hung_up.wait())
    for _ in range(3):
        await fetch(pool, server)
    assert server.connections == 2  # the later calls all went over the one kept


# --- what the server sends unasked --------------------------------------------------------------


@pytest.mark.parametrize(
    "extra",
    [ok(), b"garbage\r\n"],
    ids=["a second answer", "garbage"],
)
async def test_bytes_after_the_answer_make_its_connection_not_reused(
    serve: Serve, pool: AsyncPool, extra: bytes
) -> None:
    # Sent in the same write as the answer, so read with it: the answer, whole, is still the call's (as
    # when the extra bytes come a moment later, which only the segmenting of TCP decides), and the
    # connection is dropped rather than reused.
    async def handle(peer: Peer, number: int) -> None:
        first = ok() + extra if number == 0 else ok(body=b'{"n": 2}')  # the extra bytes on the first connection
        await keep_alive(lambda served: first if served == 0 else ok(body=b'{"n": 2}'))(peer, number)

    server = await serve(handle)
    assert await fetch(pool, server) == BODY
    assert await fetch(pool, server) == b'{"n": 2}'  # never the extra bytes, taken for this answer
    assert server.connections == 2


@pytest.mark.parametrize("extra", [ok(), b"garbage\r\n"], ids=["an answer", "garbage"])
async def test_bytes_sent_on_an_idle_connection_make_it_not_reused(serve: Serve, pool: AsyncPool, extra: bytes) -> None:
    # Sent before the next request, while the connection is idle: it would be read as that request's answer.
    sent = asyncio.Event()

    async def handle(peer: Peer, number: int) -> None:
        if number == 0:
            await peer.request()
            await peer.send(ok())
            await asyncio.sleep(0.05)  # the answer is read and the connection idle before the extra bytes
            await peer.send(extra)
            sent.set()
            await peer.request()  # None: the pool hung up
            return
        await keep_alive(lambda _: ok(body=b'{"n": 2}'))(peer, number)

    server = await serve(handle)
    assert await fetch(pool, server) == BODY
    await within(sent.wait())
    await asyncio.sleep(0.05)  # the bytes reach the pool's socket
    assert await fetch(pool, server) == b'{"n": 2}'
    assert server.connections == 2
    assert len(server.requests) == 2  # nothing was sent on the first connection after its answer


# --- malformed answers ---------------------------------------------------------------------------


async def head_then_hold(peer: Peer, data: bytes) -> None:
    """Send `data` after the request, then keep the connection open (the pool must not wait for more)."""
    await peer.request()
    await peer.send(data)
    await peer.request()  # until the pool hangs up


BIG_HEAD = b"HTTP/1.1 200 OK\r\nX-Big: " + b"a" * (101 * 1024)  # never ended: more than 100 KiB so far


async def test_an_answer_head_over_100_kib_is_a_protocol_error(serve: Serve, pool: AsyncPool) -> None:
    server = await serve(lambda peer, _: head_then_hold(peer, BIG_HEAD))
    started = time.monotonic()
    with pytest.raises(httpx2.RemoteProtocolError, match="100 KiB"):
        await fetch(pool, server, read=3.0)
    assert time.monotonic() - started < 2  # refused as it came, not at the read timeout
    await within(server.hung_up.wait())


async def test_an_answer_head_just_under_100_kib_is_read(serve: Serve, pool: AsyncPool) -> None:
    big = "X-Big: " + "a" * (95 * 1024) + "\r\n"
    server = await serve(keep_alive(lambda _: ok(big)))
    reply = await pool.send(get(server), TIMEOUTS)
    assert httpx2.Headers(reply.headers)["x-big"] == "a" * (95 * 1024)
    assert await read(reply) == BODY


async def test_an_answer_head_over_100_kib_is_a_connection_error_through_the_client(serve: Serve) -> None:
    server = await serve(lambda peer, _: head_then_hold(peer, BIG_HEAD))
    async with own_client(server, timeout=3.0) as client:
        with pytest.raises(APIConnectionError, match=r"the connection failed \(RemoteProtocolError\)") as caught:
            await status_call(client)
    assert not isinstance(caught.value, APITimeoutError)


@pytest.mark.parametrize("answer", list(MALFORMED_ANSWERS.values()), ids=list(MALFORMED_ANSWERS))
async def test_a_malformed_answer_is_a_protocol_error(serve: Serve, pool: AsyncPool, answer: bytes) -> None:
    server = await serve(lambda peer, _: head_then_hold(peer, answer))
    with pytest.raises(httpx2.RemoteProtocolError, match="malformed"):
        await fetch(pool, server)
    await within(server.hung_up.wait())  # closed, never reused


async def test_a_malformed_status_line_is_a_connection_error_through_the_client(serve: Serve) -> None:
    server = await serve(lambda peer, _: head_then_hold(peer, b"HTTP/1.1 abc OK\r\n\r\n"))
    async with own_client(server) as client:
        with pytest.raises(APIConnectionError, match=r"the connection failed \(RemoteProtocolError\)"):
            await status_call(client)


# --- how bodies come ---------------------------------------------------------------------------


async def test_a_chunked_answer_is_read_whole_and_its_connection_reused(serve: Serve, pool: AsyncPool) -> None:
    parts = [BODY[:10], BODY[10:11], BODY[11:]]

    async def handle(peer: Peer, _: int) -> None:
        while await peer.request() is not None:
            await peer.send(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
            for part in parts:  # each in a write of its own
                await peer.send(f"{len(part):x}\r\n".encode() + part + b"\r\n")
                await asyncio.sleep(0.01)
            await peer.send(b"0\r\n\r\n")

    server = await serve(handle)
    assert await fetch(pool, server) == BODY
    assert await fetch(pool, server) == BODY
    assert server.connections == 1  # the last chunk ended the answer: the connection was fit for reuse


async def test_trailer_fields_are_not_among_the_answers_headers(serve: Serve, pool: AsyncPool) -> None:
    # Read after the body: a trailer must not add headers (a Retry-After the retry rules would read).
    server = await serve(keep_alive(lambda _: chunked(BODY, b"Retry-After: 99\r\nX-Trailer: t\r\n")))
    reply = await pool.send(get(server), TIMEOUTS)
    assert await read(reply) == BODY
    assert [name.lower() for name, _ in reply.headers] == [b"content-type", b"transfer-encoding"]


async def test_trailers_beyond_100_kib_are_refused(serve: Serve, pool: AsyncPool) -> None:
    trailers = b"".join(b"X-Pad-%d: %s\r\n" % (number, b"p" * 1000) for number in range(120))
    server = await serve(keep_alive(lambda _: chunked(BODY, trailers)))
    with pytest.raises(httpx2.RemoteProtocolError):
        await within(fetch(pool, server))


@pytest.mark.parametrize("start", list(ENDLESS_FRAMING.values()), ids=list(ENDLESS_FRAMING))
async def test_endless_chunk_framing_is_refused_as_it_comes(serve: Serve, pool: AsyncPool, start: bytes) -> None:
    async def handle(peer: Peer, _: int) -> None:
        await peer.request()
        await peer.send(start)
        for _ in range(64):  # 4 MiB, never a line end
            await peer.send(b"a" * 65536)

    server = await serve(handle)
    started = time.monotonic()
    with pytest.raises(httpx2.RemoteProtocolError, match="exceed 100 KiB"):
        await within(fetch(pool, server, read=3.0))
    assert time.monotonic() - started < 2  # refused as it came, not at the read timeout


async def test_an_answer_whole_but_paused_and_closed_unread_leaves_its_connection_reading(
    serve: Serve, pool: AsyncPool
) -> None:
    # The read that completes the answer also puts more than 256 KiB of it untaken: reading pauses,
    # and the reply is closed without taking the rest. Reused, the connection must read again (it
    # was given back paused, and the next call timed out). Whether the last 70 KB come in that one
    # read is TCP's to decide: if they do not, reading paused before the end and the connection is
    # dropped instead; the next call must succeed either way.
    sizes = (1000, 200_000, 70_000)

    async def handle(peer: Peer, number: int) -> None:
        if number > 0:
            await keep_alive()(peer, number)
            return
        await peer.request()
        await peer.send(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % sum(sizes) + b"a" * sizes[0])
        for size in sizes[1:]:
            await asyncio.sleep(0.1)
            await peer.send(b"b" * size)
        await keep_alive()(peer, number)

    server = await serve(handle)
    reply = await pool.send(get(server), TIMEOUTS)
    chunks = reply.chunks.__aiter__()
    assert len(await chunks.__anext__()) == sizes[0]
    await asyncio.sleep(0.5)  # the rest arrives, untaken
    await reply.aclose()
    assert await within(fetch(pool, server, read=1.0)) == BODY


async def test_a_large_body_read_slowly_arrives_whole(serve: Serve, pool: AsyncPool) -> None:
    # Far more than the 256 KiB reading pauses above, and than the sockets' buffers hold: the reply is
    # not read for a while, then read chunk by chunk with a pause between.
    body = bytes(range(256)) * (64 * 1024)  # 16 MiB, each byte's place telling
    server = await serve(keep_alive(lambda _: ok(body=body)))
    reply = await pool.send(get(server), TIMEOUTS)
    await asyncio.sleep(0.2)
    # Reading paused: the server could not write it all (were the pool reading on, it would hold it all).
    assert server.peers[0].writer.transport.get_write_buffer_size() > 0
    received = bytearray()
    async for chunk in reply.chunks:
        received += chunk
        if len(received) < 1024 * 1024:
            await asyncio.sleep(0.001)
    await reply.aclose()
    assert len(received) == len(body)
    assert received == body
    assert await fetch(pool, server) == body  # complete: its connection reused
    assert server.connections == 1


async def test_a_large_body_through_the_client_is_parsed(serve: Serve) -> None:
    body = STATUS[:-1] + b" " * (1024 * 1024) + STATUS[-1:]
    server = await serve(keep_alive(lambda _: ok(body=body)))
    async with own_client(server) as client:
        response = await status_call(client)
    assert response.status_code == 200
    assert response.result.to_dict() == json.loads(STATUS)


@pytest.mark.parametrize(
    "head",
    [b"HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n", b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n"],
    ids=["http-1.0", "http-1.1-connection-close"],
)
async def test_a_body_without_a_length_ends_when_the_connection_does(
    serve: Serve, pool: AsyncPool, head: bytes
) -> None:
    async def handle(peer: Peer, _: int) -> None:
        await peer.request()
        await peer.send(head + BODY[:10])
        await asyncio.sleep(0.02)
        await peer.send(BODY[10:])
        await peer.hang_up()

    server = await serve(handle)
    assert await fetch(pool, server) == BODY
    assert await fetch(pool, server) == BODY
    assert server.connections == 2


async def test_a_gzip_answer_is_decoded_and_its_connection_reused(serve: Serve, pool: AsyncPool) -> None:
    packed = gzip.compress(BODY)
    server = await serve(keep_alive(lambda _: ok("Content-Encoding: gzip\r\n", body=packed)))
    reply = await pool.send(get(server), TIMEOUTS)
    assert httpx2.Headers(reply.headers)["content-encoding"] == "gzip"
    assert await read(reply) == BODY
    assert await fetch(pool, server) == BODY
    assert server.connections == 1


async def test_a_gzip_answer_is_parsed_through_the_client(serve: Serve) -> None:
    server = await serve(keep_alive(lambda _: ok("Content-Encoding: gzip\r\n", body=gzip.compress(STATUS))))
    async with own_client(server) as client:
        response = await status_call(client)
    assert response.status_code == 200
    assert response.result.to_dict() == json.loads(STATUS)


@pytest.mark.parametrize("apart", [False, True], ids=["one write", "two writes"])
async def test_an_interim_answer_is_skipped(serve: Serve, pool: AsyncPool, apart: bool) -> None:
    interim = b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n"
    final = ok("X-Final: yes\r\n")

    async def handle(peer: Peer, _: int) -> None:
        while await peer.request() is not None:
            if apart:
                await peer.send(interim)
                await asyncio.sleep(0.02)
                await peer.send(final)
            else:
                await peer.send(interim + final)

    server = await serve(handle)
    reply = await pool.send(get(server), TIMEOUTS)
    assert reply.status_code == 200
    headers = httpx2.Headers(reply.headers)
    assert headers["x-final"] == "yes"
    assert "link" not in headers  # the interim answer's headers are not the answer's
    assert await read(reply) == BODY
    assert await fetch(pool, server) == BODY
    assert server.connections == 1


async def test_the_read_timeout_bounds_each_wait_not_the_whole_body(serve: Serve, pool: AsyncPool) -> None:
    body = b"x" * 6

    async def handle(peer: Peer, number: int) -> None:
        await peer.request()
        await peer.send(ok(body=body)[:-6])
        for index in range(6):  # 0.6 s in all, a byte each 0.1 s
            await asyncio.sleep(0.1)
            await peer.send(body[index : index + 1])
        await peer.request()

    server = await serve(handle)
    assert await fetch(pool, server, read=0.4) == body


async def test_a_body_stalled_longer_than_the_read_timeout_is_a_read_timeout(serve: Serve, pool: AsyncPool) -> None:
    async def handle(peer: Peer, _: int) -> None:
        await peer.request()
        await peer.send(ok(body=b"0123456789")[:-5])  # half the body, then nothing
        await peer.request()

    server = await serve(handle)
    started = time.monotonic()
    reply = await pool.send(get(server), {**TIMEOUTS, "read": 0.2})
    with pytest.raises(httpx2.ReadTimeout):
        await read(reply)
    assert time.monotonic() - started < 1.5
    await within(server.hung_up.wait())  # a connection timed out is closed


async def test_a_scheme_the_pool_does_not_speak_is_refused_before_connecting(pool: AsyncPool) -> None:
    request = build(Origin("ws://127.0.0.1:1"), method="GET", path="/", params=None, headers={}, json_body=None)
    with pytest.raises(httpx2.UnsupportedProtocol, match="'ws://'"):
        await pool.send(request, TIMEOUTS)
    assert pool._ledger.connecting == 0  # refused before a slot was reserved


# --- limits ------------------------------------------------------------------------------------


@pytest.fixture
async def one_held(serve: Serve, pool: AsyncPool, monkeypatch: pytest.MonkeyPatch) -> tuple[RawServer, AsyncReply]:
    """A pool allowed one connection, and the reply that holds it (its body still coming)."""
    monkeypatch.setattr(_constants, "MAX_CONNECTIONS", 1)
    server = await serve(split_answers)
    return server, await pool.send(get(server), TIMEOUTS)


async def test_a_call_waits_for_the_one_connection_allowed(
    pool: AsyncPool, one_held: tuple[RawServer, AsyncReply]
) -> None:
    server, held = one_held
    second = asyncio.ensure_future(fetch(pool, server))
    await asyncio.sleep(0.1)
    assert not second.done()  # waiting for the connection
    assert len(server.requests) == 1
    assert await read(held) == BODY
    assert await within(second) == BODY
    assert server.connections == 1  # the freed one, reused


async def test_every_connection_busy_is_a_pool_timeout(pool: AsyncPool, one_held: tuple[RawServer, AsyncReply]) -> None:
    server, held = one_held
    started = time.monotonic()
    with pytest.raises(httpx2.PoolTimeout):
        await fetch(pool, server, pool=0.2)
    assert 0.15 < time.monotonic() - started < 1.5
    assert await read(held) == BODY
    assert await fetch(pool, server) == BODY  # the pool still works, over the one connection
    assert server.connections == 1


async def test_every_connection_busy_is_a_pool_timeout_through_the_client(
    serve: Serve, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_constants, "MAX_CONNECTIONS", 1)
    answer_now = asyncio.Event()

    async def handle(peer: Peer, _: int) -> None:
        while await peer.request() is not None:
            await answer_now.wait()
            await peer.send(ok(body=STATUS))

    server = await serve(handle)
    async with own_client(server, timeout=httpx2.Timeout(5.0, pool=0.2)) as client:
        first = asyncio.ensure_future(status_call(client))
        await within(server.request_seen.wait())  # the one connection is busy
        with pytest.raises(APITimeoutError) as caught:
            await status_call(client)
        assert caught.value.phase == "pool"
        answer_now.set()
        assert (await within(first)).status_code == 200
    assert len(server.requests) == 1


async def test_an_idle_connection_elsewhere_gives_way_when_every_slot_is_taken(
    serve: Serve, pool: AsyncPool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_constants, "MAX_CONNECTIONS", 1)
    first, second = await serve(), await serve()
    await fetch(pool, first)  # idle, to the first server
    assert await fetch(pool, second, pool=0.5) == BODY  # no pool timeout: the idle one was closed
    await within(first.hung_up.wait())


# --- the request's bytes -----------------------------------------------------------------------


def raw_request(server: RawServer, method: str, body: bytes | None, headers: list[tuple[str, str]]) -> WireRequest:
    origin = Origin(server.url)
    return WireRequest(method, origin, "/api/x?a=1&b=%2F", [("Host", origin.host_header), *headers], body)


@pytest.mark.parametrize(
    ("method", "body", "headers"),
    [
        ("GET", None, [("Accept", "application/json"), ("Authorization", API_KEY)]),
        ("POST", b'{"a": 1}', [("Content-Type", "application/json"), ("Content-Length", "8")]),
        ("DELETE", None, [("X-Mixed-Case", "1"), ("x-mixed-case", "2"), ("X-Empty", "")]),
    ],
    ids=["get", "post", "delete-without-body"],
)
async def test_the_request_bytes_are_the_sync_pools(
    serve: Serve, pool: AsyncPool, sync_pool: SyncPool, method: str, body: bytes | None, headers: list[tuple[str, str]]
) -> None:
    server = await serve()
    request = raw_request(server, method, body, headers)
    assert await read(await pool.send(request, TIMEOUTS)) == BODY
    reply = await asyncio.to_thread(sync_pool.send, request, TIMEOUTS)  # the server runs on this loop
    assert await asyncio.to_thread(lambda: b"".join(reply.chunks)) == BODY
    reply.close()
    own, sync = server.requests
    assert own == sync
    lines = "".join(f"{name}: {value}\r\n" for name, value in request.headers)
    assert own == f"{method} /api/x?a=1&b=%2F HTTP/1.1\r\n{lines}\r\n".encode() + (body or b"")


async def test_the_client_sends_one_request_in_the_sync_pools_bytes(serve: Serve) -> None:
    server = await serve(keep_alive(lambda _: ok(body=STATUS)))
    async with own_client(server) as client:
        await status_call(client)
    with Client(server.url, api_key=API_KEY, max_retries=0) as client:
        await asyncio.to_thread(TwoFactorController(client).retrieve_two_factor_status, TRUST_ID, user_id=USER_ID)
    own, sync = server.requests
    assert own == sync
    assert own.startswith(f"GET /api/two-factor/status/{TRUST_ID}?userId={USER_ID} HTTP/1.1\r\nHost: ".encode())


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("X-A", "a\r\nInjected: 1"),
        ("X-A", "a\nInjected: 1"),
        ("X-A", "a\rb"),
        ("X-A", "a\x00b"),
        ("X-A", " padded"),
        ("X-A", "padded\t"),
        ("X A", "a"),
        ("X-A:", "a"),
        ("", "a"),
        ("X-A\r\nInjected", "a"),
    ],
)
async def test_a_header_h11_refuses_is_refused_before_anything_is_sent(
    serve: Serve, pool: AsyncPool, sync_pool: SyncPool, name: str, value: str
) -> None:
    server = await serve()
    good = raw_request(server, "GET", None, [("X-A", "a")])
    bad = raw_request(server, "GET", None, [(name, value)])
    for request in (bad, good, bad, good):  # a list checked once is remembered; a refused one never is
        if request is bad:
            with pytest.raises(httpx2.LocalProtocolError):
                await pool.send(request, TIMEOUTS)
        else:
            assert await read(await pool.send(request, TIMEOUTS)) == BODY
    assert len(server.requests) == 2
    assert all(b"Injected" not in request for request in server.requests)
    with pytest.raises(httpx2.LocalProtocolError):  # as the own sync pool (h11) refuses it
        await asyncio.to_thread(sync_pool.send, bad, TIMEOUTS)
    assert len(server.requests) == 2


async def test_a_refused_header_opens_no_connection(serve: Serve, pool: AsyncPool) -> None:
    server = await serve()
    with pytest.raises(httpx2.LocalProtocolError):
        await pool.send(raw_request(server, "GET", None, [("X-A", "a\r\nInjected: 1")]), TIMEOUTS)
    await asyncio.sleep(0.05)
    assert server.connections == 0


@pytest.mark.parametrize(("method", "target"), [("GET", "/api/x y"), ("GET", "/api/\r\nx"), ("G T", "/api/x")])
async def test_a_method_or_target_h11_refuses_is_refused(
    serve: Serve, pool: AsyncPool, method: str, target: str
) -> None:
    server = await serve()
    await fetch(pool, server)  # the headers of the next request seen before
    request = get(server)
    request.method, request.target = method, target
    with pytest.raises(httpx2.LocalProtocolError):
        await pool.send(request, TIMEOUTS)
    assert len(server.requests) == 1


# --- aclose ------------------------------------------------------------------------------------


async def silent(peer: Peer, _: int) -> None:
    """Read the request, never answer."""
    await peer.request()
    await peer.request()


async def test_aclose_ends_a_call_waiting_on_its_answer(serve: Serve) -> None:
    server = await serve(silent)
    client = own_client(server, timeout=10.0)
    call = asyncio.ensure_future(status_call(client))
    await within(server.request_seen.wait())
    started = time.monotonic()
    await client.aclose()
    with pytest.raises(ClientClosedError):
        await within(call, 2.0)
    assert time.monotonic() - started < 1
    with pytest.raises(ClientClosedError):
        await status_call(client)  # later calls refused
    assert len(server.requests) == 1


async def test_aclose_of_the_pool_ends_a_call_waiting_on_its_answer(serve: Serve) -> None:
    server = await serve(silent)
    pool = AsyncPool()
    call = asyncio.ensure_future(fetch(pool, server, read=10.0))
    await within(server.request_seen.wait())
    started = time.monotonic()
    await pool.aclose()
    with pytest.raises(httpx2.TransportError) as caught:
        await within(call, 2.0)
    assert not isinstance(caught.value, httpx2.TimeoutException)
    assert time.monotonic() - started < 1
    with pytest.raises(httpx2.ConnectError):
        await fetch(pool, server)  # later calls refused, without a connection
    assert server.connections == 1


async def test_aclose_ends_a_call_waiting_for_a_connection(serve: Serve, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_constants, "MAX_CONNECTIONS", 1)
    server = await serve(split_answers)
    pool = AsyncPool()
    await pool.send(get(server), TIMEOUTS)  # held, never read
    waiting = asyncio.ensure_future(fetch(pool, server, pool=10.0))
    await asyncio.sleep(0.05)
    assert not waiting.done()
    await pool.aclose()
    with pytest.raises(httpx2.ConnectError):
        await within(waiting, 1.0)


# --- a pool whose loop has closed ------------------------------------------------------------


class ThreadServer:
    """A server on its own thread (the test's loops come and go): answers every request with STATUS,
    keeps each connection open, and says when the client closed one."""

    def __init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        self.connections = 0
        self.closed_by_client = threading.Semaphore(0)
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                peer, _ = self._listener.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._serve, args=(peer,), daemon=True).start()

    def _serve(self, peer: socket.socket) -> None:
        with peer:
            peer.settimeout(PATIENCE * 2)
            try:
                while data := peer.recv(65536):
                    if b"\r\n\r\n" in data:
                        peer.sendall(ok(body=STATUS))
            except OSError:
                return
            self.closed_by_client.release()  # b"": the client closed it

    def close(self) -> None:
        self._listener.close()


@pytest.fixture
def thread_server() -> Iterator[ThreadServer]:
    server = ThreadServer()
    yield server
    server.close()


def no_unclosed_transport(caught: list[warnings.WarningMessage]) -> None:
    gc.collect()
    assert [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)] == []


def test_aclose_in_a_later_loop_closes_the_first_loops_connections(thread_server: ThreadServer) -> None:
    client = Client(thread_server.url, api_key=API_KEY, max_retries=0)

    async def call(client: Client) -> int:
        assert isinstance(client._async_pool(), AsyncPool)
        status: int = (await status_call(client)).status_code
        return status

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert asyncio.run(call(client)) == 200  # the connection stays idle in the pool; the loop closes
        asyncio.run(client.aclose())  # the README's way: no RuntimeError('Event loop is closed')
        assert thread_server.closed_by_client.acquire(timeout=PATIENCE)
        del client
        no_unclosed_transport(caught)


def test_a_pool_replaced_by_a_later_loops_closes_the_first_loops_connections(thread_server: ThreadServer) -> None:
    client = Client(thread_server.url, api_key=API_KEY, max_retries=0)

    async def call(client: Client) -> int:
        status: int = (await status_call(client)).status_code
        return status

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert asyncio.run(call(client)) == 200
        assert asyncio.run(call(client)) == 200  # a new pool, on a new connection, for the new loop
        assert thread_server.connections == 2
        assert thread_server.closed_by_client.acquire(timeout=PATIENCE)  # the first loop's, unasked
        asyncio.run(client.aclose())
        assert thread_server.closed_by_client.acquire(timeout=PATIENCE)
        del client
        no_unclosed_transport(caught)
