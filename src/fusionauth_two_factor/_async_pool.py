"""The Client's own async pool on asyncio: HTTP/1.1 connections of its own, answers read by httptools.

aiohttp's `ClientSession.request` was most of an async call's cost on loopback (see
BENCHMARKS.md): a request object, a response object, a stream reader and a timer or two per
call, most of it in Python. Here a connection is an `asyncio.Protocol` that writes the request's
bytes in one write and hands what it receives to httptools' response parser (llhttp, the C
parser Node.js, aiohttp and uvicorn use), which calls back with the status, the headers and the
body. What the pool keeps of the other pools:

- the limits of the own sync pool, which are httpx2's: at most 100 connections, 20 kept idle, an
  idle one dropped after 5 s, a pool timeout while all 100 are busy;
- an idle connection is reused only if its keep-alive has not expired and the server has neither
  closed it nor sent anything on it since; one whose answer was not read to its end, broke, or
  was to be closed (`Connection: close`, HTTP/1.0) is closed, never reused;
- the bytes sent are the own sync pool's (h11's serialisation: the request line, each header line
  as given, the body), the header lines checked as h11 checks them, once per distinct list;
- at most 100 KiB of an answer's head is read (h11's limit in the sync pool), and of the trailer
  fields after a chunked body (which are not added to its headers); the body is read as it
  comes, and reading pauses while more than 256 KiB of it waits to be taken;
- TLS with httpx2's context (`httpx2.create_ssl_context()`), ALPN "http/1.1" and the host as SNI;
  the connect timeout bounds connecting and the TLS handshake together; the read timeout bounds
  each wait for more of the answer, on the loop's one timer (`_deadline.Alarm`);
- every failure is the httpx2 error the other pools raise in the same case, so that the retry
  rules decide the same: refused, DNS and TLS failures are ConnectError (never sent), a hang-up
  before any answer a RemoteProtocolError, a body cut short or a malformed answer too, a reset a
  ReadError.

No cookies are kept or sent, no redirect is followed, no proxy is used: the Client keeps httpx2's
pool where the environment names a proxy (`_client.own_async_wire`). httptools is imported when the
first pool is created, never by `import fusionauth_two_factor`; without it (the `speedups` extra)
the Client's own async calls go through an httpx2.AsyncClient.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import math
import socket
import time
from typing import Any, cast

import httpx2

from ._deadline import Alarm
from ._drivers import WholeBody
from ._http1 import AnswerReader, RequestBytes, load_httptools
from ._ledger import Ledger, OriginKey, no_slot_in_time, origin_key, pool_closed
from ._redaction import NotPickled
from ._wire import AsyncReply, Timeouts, WireRequest, decoded_async, log_request_line

_PAUSE_ABOVE = 256 * 1024  # body bytes received and not yet taken, above which reading pauses


class _Connection(AnswerReader, asyncio.Protocol):
    """One HTTP/1.1 connection, and the answer being read on it (`_http1.AnswerReader`'s rules)."""

    __slots__ = (
        "_alarm",
        "_buffered",
        "_loop",
        "_paused",
        "_read_timeout",
        "_waiter",
        "error",
        "expire_at",
        "key",
        "transport",
    )

    def __init__(self, loop: asyncio.AbstractEventLoop, key: OriginKey, parser_class: Any) -> None:
        self._loop = loop
        self.key = key
        self._alarm = Alarm(loop, self._read_timed_out)
        self._waiter: asyncio.Future[None] | None = None
        self._read_timeout: float | None = None
        self.transport: asyncio.Transport | None = None
        self.expire_at = 0.0  # while idle: the time.monotonic() instant its keep-alive ends
        super().__init__(parser_class)

    def reset(self, *, in_exchange: bool) -> None:
        super().reset(in_exchange=in_exchange)
        self._buffered = 0
        self._paused = False
        self.error: Exception | None = None

    # --- the exchange, as the pool drives it

    def start(self, data: bytes, read_timeout: float | None) -> None:
        """Send a request (its bytes in one write) and await its answer."""
        self.reset(in_exchange=True)
        self._read_timeout = read_timeout
        assert self.transport is not None  # noqa: S101 - set by connection_made, before the pool hands it out
        self.transport.write(data)

    async def head(self) -> None:
        """Until the answer's status and headers are in (or the exchange failed)."""
        while not self.head_done:
            await self._wait()

    async def next_chunk(self) -> bytes:
        """The body received since the last call, b"" at its end."""
        while not self.chunks:
            if self.complete:
                return b""
            await self._wait()
        self._buffered = 0
        if self._paused and self.transport is not None:
            self._paused = False
            self.transport.resume_reading()
        return self.take_body()

    def reusable(self) -> bool:
        return self.fit_for_reuse() and self.error is None

    def quiet_while_idle(self) -> bool:
        return self.reusable()  # data_received while idle breaks it, and a close by the server loses it

    def close(self) -> None:
        self.broken = True
        self._alarm.clear()
        transport = self.transport
        if transport is None:
            return
        if self._loop.is_closed():
            _close_on_closed_loop(transport)
            return
        # abort(), not close(): a TLS transport's close() sends close_notify and waits up to 30 s
        # for the server's, which nothing awaits (a loop that ends meanwhile leaves it open).
        transport.abort()

    async def _wait(self) -> None:
        if self.error is not None:
            raise self.error
        waiter = self._waiter = self._loop.create_future()
        timeout = self._read_timeout
        if timeout is not None:
            self._alarm.set(time.monotonic() + timeout)
        try:
            await waiter
        finally:
            self._waiter = None
            if timeout is not None:
                self._alarm.clear()
        if self.error is not None:
            raise self.error

    def wake(self) -> None:
        waiter = self._waiter
        if waiter is not None and not waiter.done():
            waiter.set_result(None)

    def _fail(self, error: Exception) -> None:
        self.broken = True
        if self.error is None and not self.complete:  # an answer read whole stays the answer; only reuse is lost
            self.error = error
        self.wake()

    def _read_timed_out(self) -> None:
        self._fail(httpx2.ReadTimeout("timed out"))
        self.close()

    def on_body(self, body: bytes) -> None:
        super().on_body(body)
        self._buffered += len(body)
        if self._buffered > _PAUSE_ABOVE and not self._paused and self.transport is not None:
            self._paused = True
            self.transport.pause_reading()

    def on_message_complete(self) -> None:
        super().on_message_complete()
        if self.complete and self._paused and self.transport is not None:
            # Nothing more of the answer is to come: reading again lets an idle connection see the
            # server's close (a paused transport reports none), and never leaves one paused for the next call.
            self._paused = False
            self.transport.resume_reading()

    # --- asyncio's callbacks

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast("asyncio.Transport", transport)  # create_connection's: a stream transport

    def data_received(self, data: bytes) -> None:
        if self.complete:  # sent while idle, or after the answer: nothing was asked for
            self.broken = True
            if self.transport is not None:
                self.transport.close()
            return
        try:
            self.feed(data)
        except httpx2.RemoteProtocolError as error:  # malformed, or a head over 100 KiB
            self._fail(error)
            self.close()
            return
        waiter = self._waiter
        if waiter is not None and not waiter.done() and self._read_timeout is not None:
            # Bytes that completed nothing yet (a head or a chunk's size trickled): the read timeout
            # bounds each wait for more of the answer, not the whole head, so it starts again.
            self._alarm.set(time.monotonic() + self._read_timeout)

    def eof_received(self) -> bool:
        self.lost = True  # not to be reused: the server is done with it
        return False  # the transport closes itself; connection_lost says what that meant

    def connection_lost(self, exc: Exception | None) -> None:
        self._alarm.clear()
        if self.error is not None:
            self.lost = True
            return
        error = self.ended(exc)
        if error is not None:
            self._fail(error)


def _close_on_closed_loop(transport: asyncio.Transport) -> None:
    """Close the socket of a connection whose loop has closed (`aclose` in a later `asyncio.run`).

    `abort()` closes a socket in a callback it schedules on the transport's loop, and a closed loop
    refuses it (RuntimeError) and would never run it: the socket is closed here instead. The server
    sees the close at once (shutdown, on the socket the transport lends); asyncio's own transports
    then have their socket closed as their callback would close it, so that no 'unclosed transport'
    is left for the collector. Another loop's transports keep theirs until they are collected.
    """
    with contextlib.suppress(RuntimeError):  # the TLS transport marks itself closed, then its socket's refuses
        transport.abort()
    lent = transport.get_extra_info("socket")
    if lent is not None:
        with contextlib.suppress(OSError):
            lent.shutdown(socket.SHUT_RDWR)
    ssl_protocol = getattr(transport, "_ssl_protocol", None)  # asyncio's TLS transport: the socket's is below it
    inner = getattr(ssl_protocol, "_transport", None) if ssl_protocol is not None else transport
    sock = getattr(inner, "_sock", None)
    if isinstance(sock, socket.socket):
        sock.close()
        inner._sock = None  # type: ignore[union-attr] # what its connection_lost callback would do


class _Body:
    """An answer's body being read on a connection: its chunks, and `aclose` that gives the connection back once."""

    __slots__ = ("_connection", "_pool")

    def __init__(self, pool: AsyncPool, connection: _Connection) -> None:
        self._pool: AsyncPool | None = pool
        self._connection = connection

    def __aiter__(self) -> _Body:
        return self

    async def __anext__(self) -> bytes:
        chunk = await self._connection.next_chunk()
        if not chunk:
            raise StopAsyncIteration
        return chunk

    async def aclose(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.release(self._connection)


async def _released() -> None:
    """The close of a reply whose connection was given back already."""


class AsyncPool(NotPickled):
    """The Client's own async wire on asyncio: a pool of keep-alive HTTP/1.1 connections on one loop.

    Neither it (the header lines it keeps hold the API key) nor a connection (an answer's tokens) is
    pickled or copied.

    Raises ImportError when httptools (the `speedups` extra) is not installed.
    """

    def __init__(self) -> None:
        self._parser_class = load_httptools().HttpResponseParser
        self._ssl_context = httpx2.create_ssl_context()  # as httpx2's transports make it
        self._ssl_context.set_alpn_protocols(["http/1.1"])
        self._ledger: Ledger[_Connection] = Ledger()
        self._slot_waiters: collections.deque[asyncio.Future[None]] = collections.deque()
        self._closed = False
        self._request_bytes = RequestBytes()

    async def send(self, request: WireRequest, timeouts: Timeouts) -> AsyncReply:
        data = self._request_bytes(request)
        connection = await self._acquire(request, timeouts)
        # Until the reply is returned, whatever is raised (a cancel at the deadline too) closes the connection.
        try:
            connection.start(data, timeouts.get("read"))
            await connection.head()
            status = connection.status
            log_request_line(request, connection.version, status, connection.reason.decode("ascii", "replace"))
            headers = connection.headers
            encoded = any(name.lower() == b"content-encoding" for name, _ in headers)
            if connection.complete and not encoded:
                # The usual answer: in with its head, whole; its connection is given back at once.
                body = connection.chunks[0] if len(connection.chunks) == 1 else b"".join(connection.chunks)
                self.release(connection)
                return AsyncReply(status, headers, WholeBody(body), _released)
            reader = _Body(self, connection)
            if encoded:
                return AsyncReply(
                    status, headers, decoded_async(status, httpx2.Headers(headers), reader), reader.aclose
                )
            return AsyncReply(status, headers, reader, reader.aclose)
        except BaseException:
            self._discard(connection)
            raise

    async def _acquire(self, request: WireRequest, timeouts: Timeouts) -> _Connection:
        """An idle connection to the request's origin still fit for reuse, or a new one once a slot is free."""
        ends: float | None = None  # when the wait for a free slot ends: one pool timeout in all
        key = origin_key(request.origin)
        while True:
            if self._closed:
                raise pool_closed()
            connection = self._ledger.take_idle(key)
            if connection is not None:
                return connection
            if self._ledger.reserve():
                break
            if ends is None:
                pool_timeout = timeouts.get("pool")
                ends = math.inf if pool_timeout is None else time.monotonic() + pool_timeout
            await self._slot_freed(ends)
        try:
            connection = await self._connect(key, timeouts.get("connect"))
        except BaseException:
            self._ledger.not_made()
            self._notify_slot()
            raise
        if self._closed:
            self._ledger.not_made()
            self._notify_slot()
            connection.close()
            raise pool_closed()
        self._ledger.made(connection)
        return connection

    async def _slot_freed(self, ends: float) -> None:
        waiter = asyncio.get_running_loop().create_future()
        self._slot_waiters.append(waiter)
        try:
            await asyncio.wait_for(waiter, None if ends == math.inf else max(ends - time.monotonic(), 0.0))
        except BaseException as error:
            # Given a slot, then timed out or cancelled in the same loop iteration (3.12's wait_for
            # can): the slot goes to the next waiter, never lost.
            if waiter.done() and not waiter.cancelled() and waiter.exception() is None:
                self._notify_slot()
            if isinstance(error, TimeoutError):
                raise no_slot_in_time() from None
            raise

    def _notify_slot(self) -> None:
        while self._slot_waiters:
            waiter = self._slot_waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                return

    async def _connect(self, key: OriginKey, timeout: float | None) -> _Connection:
        scheme, host_bytes, port = key
        host = host_bytes.decode("ascii")
        tls = scheme == b"https"
        loop = asyncio.get_running_loop()
        parser_class = self._parser_class
        try:
            async with asyncio.timeout(timeout):
                _, connection = await loop.create_connection(
                    lambda: _Connection(loop, key, parser_class),
                    host,
                    port,
                    ssl=self._ssl_context if tls else None,
                    server_hostname=host if tls else None,
                )
        except TimeoutError:
            raise httpx2.ConnectTimeout("timed out connecting") from None
        except OSError as error:  # refused, unreachable, DNS (gaierror), TLS (SSLError)
            raise httpx2.ConnectError(str(error) or type(error).__name__) from None
        return connection

    def release(self, connection: _Connection) -> None:
        """A connection's answer is done with: idle again if its exchange ended cleanly, else closed."""
        self._ledger.give_back(connection)
        self._notify_slot()

    def _discard(self, connection: _Connection) -> None:
        connection.close()
        self.release(connection)

    async def aclose(self) -> None:
        """Close every connection; calls waiting on one end with a connection error, those waiting for a slot too."""
        self.close_abandoned()

    def close_abandoned(self) -> None:
        """`aclose`, callable without a loop: for a pool whose loop has closed (its waiters went with it)."""
        self._closed = True
        for connection in self._ledger.drain():
            connection.close()
        while self._slot_waiters:
            waiter = self._slot_waiters.popleft()
            if not waiter.done():
                waiter.set_exception(pool_closed())
