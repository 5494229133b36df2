"""The Client's own sync pool: HTTP/1.1 connections of its own over httpcore2's sockets, read by httptools or h11.

httpx2's `Client.send` and the `Request`/`Response` objects around it cost more than the HTTP
exchange itself on loopback (see BENCHMARKS.md), and so did the layers of httpcore2's pool below
it (a request queue rebuilt and scanned twice per call, `Trace` context managers around every
phase, a `PoolByteStream` around the connection's byte stream, three writes per request). This
pool keeps what those layers did and drops the bookkeeping:

- the limits of httpx2's `HTTPTransport()` (at most 100 connections, 20 kept idle, an idle one
  dropped after 5 s), a pool timeout while all 100 are busy, one thread per connection at a time;
- an idle connection is reused only if its keep-alive has not expired and its socket has nothing
  to read (a server that closed it, as httpcore2 checks); one whose request could not be written,
  whose answer was not read to its end, broke, or was to be closed (`Connection: close`, HTTP/1.0)
  is closed, never reused, and so is every idle one whose keep-alive expired;
- the bytes sent are h11's, one write per request, read 64 KiB at a time; with the `speedups` extra
  a connection writes them itself and httptools parses the answer (`_http1`, as the async pool
  does: h11 cost more than the rest of the exchange on a 10 KB answer, see BENCHMARKS.md);
  without it, h11 is given the events httpcore2 gives it and reads the answer as httpcore2 does,
  events up to 100 KiB;
- sockets, TCP_NODELAY and TLS are httpcore2's `SyncBackend`'s, with httpx2's TLS context
  (`httpx2.create_ssl_context()`: certifi or truststore, SSL_CERT_FILE and SSL_CERT_DIR), ALPN
  "http/1.1" and the host as SNI, as httpcore2 connects;
- every connect, read and write is cut to the call's deadline (`_DeadlineBackend`), and so is the
  wait for a free connection;
- httpcore2's and h11's errors become the httpx2 errors httpx2's transport raises for them, so the
  retry rules see the same ones.

What `httpx2.Client.send` would add is not needed here: no auth flow (the headers are built in
full), no cookies (none is kept, none sent), no redirects (never followed), no event hooks (a
caller who wants them passes their own client).

Imported by the Client when it creates its sync pool, never by `import fusionauth_two_factor`.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import ssl
import threading
import time
import typing
import weakref
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import h11
import httpcore2
import httpx2

from ._deadline import bounded
from ._http1 import CHECKED_HEADERS_KEPT, MAX_HEAD_BYTES, AnswerReader, RequestBytes, load_httptools
from ._ledger import Ledger, OriginKey, no_slot_in_time, origin_key, pool_closed
from ._redaction import NotPickled
from ._wire import Origin, Reply, Timeouts, WireRequest, decoded, log_request_line

# As httpcore2's HTTP11Connection reads and bounds an answer.
_READ_BYTES = 64 * 1024
# httpcore2's loggers: at DEBUG, this pool writes there the lines httpcore2's pool wrote (its `Trace`).
_HTTP11_LOG = logging.getLogger("httpcore2.http11")
_CONNECTION_LOG = logging.getLogger("httpcore2.connection")

# httpcore2's and h11's errors, each with the httpx2 error httpx2's transport raises for it (h11's
# as httpcore2 maps them first).
_ERRORS: dict[type[Exception], type[httpx2.TransportError]] = {
    httpcore2.ConnectTimeout: httpx2.ConnectTimeout,
    httpcore2.ReadTimeout: httpx2.ReadTimeout,
    httpcore2.WriteTimeout: httpx2.WriteTimeout,
    httpcore2.PoolTimeout: httpx2.PoolTimeout,
    httpcore2.TimeoutException: httpx2.TimeoutException,
    httpcore2.ConnectError: httpx2.ConnectError,
    httpcore2.ReadError: httpx2.ReadError,
    httpcore2.WriteError: httpx2.WriteError,
    httpcore2.NetworkError: httpx2.NetworkError,
    httpcore2.ProxyError: httpx2.ProxyError,
    httpcore2.UnsupportedProtocol: httpx2.UnsupportedProtocol,
    httpcore2.RemoteProtocolError: httpx2.RemoteProtocolError,
    httpcore2.LocalProtocolError: httpx2.LocalProtocolError,
    httpcore2.ProtocolError: httpx2.ProtocolError,
    h11.RemoteProtocolError: httpx2.RemoteProtocolError,
    h11.LocalProtocolError: httpx2.LocalProtocolError,
}


def _translated(error: Exception) -> Exception:
    """The httpx2 error for an httpcore2 or h11 one (the most specific class first); any other error as it is."""
    for cls in type(error).__mro__:
        mapped = _ERRORS.get(cls)
        if mapped is not None:
            return mapped(str(error))
    return error


def _trace(logger: logging.Logger, event: str, **info: object) -> None:
    """One of httpcore2's DEBUG lines, as its `Trace` writes it ("send_request_headers.started request=...")."""
    logger.debug(" ".join([event, *(f"{name}={value!r}" for name, value in info.items())]))


class _CoreRequest:
    """What httpcore2's lines showed of a request: its method only (`<Request [b'GET']>`)."""

    __slots__ = ("method",)

    def __init__(self, method: str) -> None:
        self.method = method.encode("ascii")

    def __repr__(self) -> str:
        return f"<Request [{self.method!r}]>"


class _Head:
    """An answer's status line and headers, as either kind of connection read them."""

    __slots__ = ("headers", "reason", "status", "version")

    def __init__(self, status: int, version: str, reason: bytes, headers: list[tuple[bytes, bytes]]) -> None:
        self.status = status
        self.version = version  # "HTTP/1.1"
        self.reason = reason
        self.headers = headers  # as received: names in their case, made into httpx2.Headers only when read


def _written(stream: httpcore2.NetworkStream, data: bytes, timeout: float | None) -> bool:
    """The request's bytes in one write: False if it failed, its answer to be read all the same.

    As httpcore2: a server may answer (an error, then close) before it has read the whole request,
    so a failed write is followed by reading that answer; the connection, part of the request
    perhaps unsent, is then closed.
    """
    try:
        stream.write(data, timeout)
    except httpcore2.WriteError:
        return False
    return True


class _Socket(NotPickled):
    """What both kinds of connection do with their socket stream while the pool holds them.

    Never pickled or copied, as neither is what they hold: a request's bytes, an answer's tokens.
    """

    __slots__ = ()
    stream: httpcore2.NetworkStream  # each kind's own slot

    def quiet_while_idle(self) -> bool:
        # Readable while idle: the server closed it (or sent what nobody asked for), as httpcore2 checks.
        return not self.stream.get_extra_info("is_readable")

    def close(self) -> None:
        self.stream.close()


class _H11Connection(_Socket):
    """One HTTP/1.1 connection spoken with h11 (without the `speedups` extra): its socket stream and h11's state."""

    __slots__ = ("_requests", "expire_at", "key", "state", "stream", "write_failed")

    def __init__(self, key: OriginKey, stream: httpcore2.NetworkStream, requests: _H11Requests) -> None:
        self.key = key
        self.stream = stream
        self._requests = requests
        self.state = h11.Connection(our_role=h11.CLIENT, max_incomplete_event_size=MAX_HEAD_BYTES)
        self.expire_at = 0.0  # while idle: the time.monotonic() instant its keep-alive ends
        # h11 counts the request as sent once it made its bytes: a write that failed is known only here.
        self.write_failed = False

    def send_request(self, request: WireRequest, timeout: float | None) -> None:
        state = self.state
        # The events httpcore2 gives h11 for the request (its body, b"" when none, as one Data
        # event), written at once: the same bytes in one write instead of up to three.
        data = state.send(self._requests(request))
        data += state.send(h11.Data(data=request.body or b""))
        data += state.send(h11.EndOfMessage())
        self.write_failed = not _written(self.stream, data, timeout)

    def read_head(self, timeout: float | None) -> _Head:
        while True:
            event = self._next_event(timeout)
            if type(event) is h11.Response or (type(event) is h11.InformationalResponse and event.status_code == 101):
                version = "HTTP/" + event.http_version.decode("ascii", "ignore")
                return _Head(event.status_code, version, event.reason, event.headers.raw_items())

    def body(self, timeout: float | None) -> Iterator[bytes]:
        while True:
            event = self._next_event(timeout)
            if type(event) is h11.Data:
                yield bytes(event.data)
            elif type(event) is h11.EndOfMessage or event is h11.PAUSED:
                return

    def reusable(self) -> bool:
        """Whether the exchange ended cleanly on both sides, so that another may follow (not `Connection: close`)."""
        state = self.state
        # Bytes after the answer (another answer, garbage) were not asked for: the next call would read them.
        return (
            not self.write_failed
            and state.our_state is h11.DONE
            and state.their_state is h11.DONE
            and not state.trailing_data[0]
        )

    def recycle(self) -> None:
        self.state.start_next_cycle()

    def _next_event(self, timeout: float | None) -> typing.Any:
        while True:
            event = self.state.next_event()
            if event is not h11.NEED_DATA:
                return event
            data = self.stream.read(_READ_BYTES, timeout)
            if not data and self.state.their_state is h11.SEND_RESPONSE:
                # h11 would call it a ConnectionClosed in the wrong state; httpcore2's message says what happened.
                raise httpcore2.RemoteProtocolError("Server disconnected without sending a response.")
            self.state.receive_data(data)


class _H11Requests(NotPickled):
    """h11's Request events, the headers of each checked by h11 once per distinct list of headers.

    A Client sends the same headers call after call (its key, tenant, agent); only the target
    changes. h11 checks and normalises headers (names, values: no CR, LF or NUL, one Host) when
    it builds an event from a list, and takes the result of that, its `headers`, as already
    checked: so a list seen before reuses the checked headers h11 made of it. The method and
    the target are checked by h11 on every call. Never pickled or copied: the headers hold the API key.
    """

    __slots__ = ("_checked",)

    def __init__(self) -> None:
        self._checked: dict[tuple[tuple[str, str], ...], h11.Request] = {}

    def __call__(self, request: WireRequest) -> h11.Request:
        key = tuple(request.headers)
        checked = self._checked.get(key)
        if checked is None:
            event = h11.Request(method=request.method, target=request.target, headers=request.headers)
            if len(self._checked) >= CHECKED_HEADERS_KEPT:
                self._checked.clear()  # bounded: a body's Content-Length varies from call to call
            self._checked[key] = event
            return event
        return h11.Request(method=request.method, target=request.target, headers=checked.headers)


class _ParsedConnection(_Socket, AnswerReader):
    """One HTTP/1.1 connection whose answers httptools parses (the `speedups` extra), by `_http1`'s rules."""

    __slots__ = ("_requests", "expire_at", "key", "stream", "write_failed")

    def __init__(
        self, key: OriginKey, stream: httpcore2.NetworkStream, requests: RequestBytes, parser_class: Any
    ) -> None:
        self.key = key
        self.stream = stream
        self._requests = requests
        self.expire_at = 0.0  # while idle: the time.monotonic() instant its keep-alive ends
        self.write_failed = False  # as the h11 connection's
        super().__init__(parser_class)

    def send_request(self, request: WireRequest, timeout: float | None) -> None:
        data = self._requests(request)
        self.reset(in_exchange=True)
        self.write_failed = not _written(self.stream, data, timeout)

    def read_head(self, timeout: float | None) -> _Head:
        while not self.head_done:
            self._receive(timeout)
        return _Head(self.status, self.version, self.reason, self.headers)

    def body(self, timeout: float | None) -> Iterator[bytes]:
        while True:
            if self.chunks:
                yield self.take_body()
            if self.complete:
                return
            self._receive(timeout)

    def reusable(self) -> bool:
        return not self.write_failed and self.fit_for_reuse()

    def recycle(self) -> None:
        """Nothing to do: `send_request` readies the reader for the next answer."""

    def _receive(self, timeout: float | None) -> None:
        data = self.stream.read(_READ_BYTES, timeout)
        if data:
            self.feed(data)
            return
        error = self.ended(None)
        if error is not None:
            raise error


_Connection = _H11Connection | _ParsedConnection


def _connection_kind() -> Callable[[OriginKey, httpcore2.NetworkStream], _Connection]:
    """How a pool makes its connections: parsed by httptools with the `speedups` extra, else spoken with h11.

    Each kind remembers the request headers it checked for the whole pool.
    """
    try:
        parser_class = load_httptools().HttpResponseParser
    except ImportError:
        h11_requests = _H11Requests()
        return lambda key, stream: _H11Connection(key, stream, h11_requests)
    request_bytes = RequestBytes()
    return lambda key, stream: _ParsedConnection(key, stream, request_bytes, parser_class)


class _Answer:
    """The answer being read on a connection: `close` gives the connection back (or closes it) once."""

    __slots__ = ("_connection", "_debug", "_pool")

    def __init__(self, pool: SyncPool, connection: _Connection, debug: _CoreRequest | None) -> None:
        self._pool: SyncPool | None = pool
        self._connection = connection
        self._debug = debug

    def chunks(self, timeout: float | None) -> Iterator[bytes]:
        debug = self._debug
        try:
            if debug:
                _trace(_HTTP11_LOG, "receive_response_body.started", request=debug)
            yield from self._connection.body(timeout)
            if debug:
                _trace(_HTTP11_LOG, "receive_response_body.complete")
        except Exception as error:
            if debug:
                _trace(_HTTP11_LOG, "receive_response_body.failed", exception=error)
            raise _translated(error) from None

    def close(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.release(self._connection, self._debug)


class SyncPool:
    """The Client's own sync wire: a thread-safe pool of keep-alive HTTP/1.1 connections.

    Its answers are parsed by httptools when the `speedups` extra is installed, else by h11.
    """

    def __init__(self) -> None:
        self._ssl_context = httpx2.create_ssl_context()  # as httpx2.HTTPTransport() makes it
        self._backend = _DeadlineBackend()
        self._changed = threading.Condition(threading.Lock())  # guards what follows; notified when a slot frees
        self._ledger: Ledger[_Connection] = Ledger()
        self._closed = False
        self._new_connection = _connection_kind()

    def send(self, request: WireRequest, timeouts: Timeouts) -> Reply:
        # httpcore2's DEBUG lines are written when its logger would have written them.
        debug = _CoreRequest(request.method) if _HTTP11_LOG.isEnabledFor(logging.DEBUG) else None
        try:
            connection = self._acquire(request.origin, timeouts)
        except Exception as error:
            raise _translated(error) from None
        # Until the Reply is returned, whatever is raised (KeyboardInterrupt too) gives the connection back.
        try:
            try:
                head = self._exchange(connection, request, timeouts, debug)
            except Exception as error:
                raise _translated(error) from None
            log_request_line(request, head.version, head.status, head.reason.decode("ascii", "ignore"))
            answer = _Answer(self, connection, debug)
            chunks = answer.chunks(timeouts.get("read"))
            if any(name.lower() == b"content-encoding" for name, _ in head.headers):
                chunks = decoded(head.status, httpx2.Headers(head.headers), chunks)
            return Reply(head.status, head.headers, chunks, answer.close)
        except BaseException:
            self.release(connection, debug)  # unless the answer was read to its end: closed, not reused
            raise

    def _exchange(
        self, connection: _Connection, request: WireRequest, timeouts: Timeouts, debug: _CoreRequest | None
    ) -> _Head:
        """Send the request and read up to the answer's headers."""
        phase = "send_request_headers"
        try:
            if debug:
                _trace(_HTTP11_LOG, "send_request_headers.started", request=debug)
            connection.send_request(request, timeouts.get("write"))
            if debug:  # the head and the body went in that one write
                _trace(_HTTP11_LOG, "send_request_headers.complete")
                _trace(_HTTP11_LOG, "send_request_body.started", request=debug)
                _trace(_HTTP11_LOG, "send_request_body.complete")
                _trace(_HTTP11_LOG, "receive_response_headers.started", request=debug)
            phase = "receive_response_headers"
            head = connection.read_head(timeouts.get("read"))
        except BaseException as error:
            if debug:
                _trace(_HTTP11_LOG, f"{phase}.failed", exception=error)
            raise
        if debug:
            status_line = (head.version.encode("ascii"), head.status, head.reason, head.headers)
            _trace(_HTTP11_LOG, "receive_response_headers.complete", return_value=status_line)
        return head

    def _acquire(self, origin: Origin, timeouts: Timeouts) -> _Connection:
        """An idle connection to `origin` still fit for reuse, or a new one once a slot is free."""
        key = origin_key(origin)
        ends: float | None = None
        with self._changed:
            while True:
                if self._closed:
                    raise pool_closed()
                connection = self._ledger.take_idle(key)
                if connection is not None:
                    return connection
                if self._ledger.reserve():
                    break
                if ends is None:
                    limit = bounded(timeouts.get("pool"), httpcore2.PoolTimeout)
                    ends = float("inf") if limit is None else time.monotonic() + limit
                remaining = ends - time.monotonic()
                if remaining <= 0:
                    raise no_slot_in_time()
                self._changed.wait(None if remaining == float("inf") else remaining)
        stream: httpcore2.NetworkStream | None = None
        try:
            stream = self._connect(key, timeouts.get("connect"))
            connection = self._new_connection(key, stream)
        except BaseException:  # KeyboardInterrupt too: the slot reserved is given back, the socket closed
            if stream is not None:
                stream.close()
            with self._changed:
                self._ledger.not_made()
                self._changed.notify()
            raise
        with self._changed:
            if self._closed:
                self._ledger.not_made()
                stream.close()
                raise pool_closed()
            self._ledger.made(connection)
        return connection

    def _connect(self, key: OriginKey, timeout: float | None) -> httpcore2.NetworkStream:
        scheme, host_bytes, port = key
        host = host_bytes.decode("ascii")
        debug = _CONNECTION_LOG.isEnabledFor(logging.DEBUG)
        phase = "connect_tcp"
        try:
            if debug:
                _trace(_CONNECTION_LOG, "connect_tcp.started", host=host, port=port, timeout=timeout)
            stream = self._backend.connect_tcp(host, port, timeout)
            if debug:
                _trace(_CONNECTION_LOG, "connect_tcp.complete", return_value=stream)
            if scheme == b"https":
                phase = "start_tls"
                if debug:
                    _trace(_CONNECTION_LOG, "start_tls.started", server_hostname=host, timeout=timeout)
                try:
                    self._ssl_context.set_alpn_protocols(["http/1.1"])
                    stream = stream.start_tls(self._ssl_context, server_hostname=host, timeout=timeout)
                except BaseException:
                    stream.close()
                    raise
                if debug:
                    _trace(_CONNECTION_LOG, "start_tls.complete", return_value=stream)
        except BaseException as error:
            if debug:
                _trace(_CONNECTION_LOG, f"{phase}.failed", exception=error)
            raise
        return stream

    def release(self, connection: _Connection, debug: _CoreRequest | None = None) -> None:
        """A connection's answer is done with: idle again if its exchange ended cleanly, else closed."""
        if debug:
            _trace(_HTTP11_LOG, "response_closed.started")
        with self._changed:
            if self._ledger.give_back(connection):
                connection.recycle()  # under the lock: before another thread can take it
            self._changed.notify()
        if debug:
            _trace(_HTTP11_LOG, "response_closed.complete")

    def close(self) -> None:
        """Wake the calls blocked on a socket (they end with ClientClosedError), then close every connection.

        Closed first, so that no connection made or given out while the others are woken escapes.
        """
        with self._changed:
            self._closed = True
            connections = self._ledger.drain()
            self._changed.notify_all()
        self._backend.interrupt()
        for connection in connections:
            connection.close()


class _DeadlineStream(httpcore2.NetworkStream):
    def __init__(self, stream: httpcore2.NetworkStream, backend: _DeadlineBackend) -> None:
        self._stream = stream
        self._backend = backend

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, bounded(timeout, httpcore2.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, bounded(timeout, httpcore2.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore2.NetworkStream:
        limit = bounded(timeout, httpcore2.ConnectTimeout)
        # Tracked in its turn: TLS moves the socket into a new stream, and the TCP one is left empty.
        return self._backend._track(self._stream.start_tls(ssl_context, server_hostname, limit))

    def get_extra_info(self, info: str) -> typing.Any:
        return self._stream.get_extra_info(info)


class _DeadlineBackend(httpcore2.NetworkBackend):
    def __init__(self) -> None:
        self._backend = httpcore2.SyncBackend()
        self._streams: weakref.WeakSet[_DeadlineStream] = weakref.WeakSet()
        self._lock = threading.Lock()

    def _track(self, stream: httpcore2.NetworkStream) -> _DeadlineStream:
        tracked = _DeadlineStream(stream, self)
        with self._lock:
            self._streams.add(tracked)
        return tracked

    def interrupt(self) -> None:
        """Wake every socket operation blocked in another thread: the Client is being closed.

        Closing a socket does not wake a `recv` blocked on it; shutting it down does, and the
        call then ends at once instead of at its timeout. A TLS socket is shut down as a plain one:
        `SSLSocket.shutdown` would also drop its SSL object under the thread reading through it.
        """
        with self._lock:
            streams = list(self._streams)
        for stream in streams:
            sock = stream.get_extra_info("socket")
            if isinstance(sock, socket.socket):
                with contextlib.suppress(OSError):
                    socket.socket.shutdown(sock, socket.SHUT_RDWR)

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[typing.Any] | None = None,
    ) -> httpcore2.NetworkStream:
        limit = bounded(timeout, httpcore2.ConnectTimeout)
        return self._track(self._backend.connect_tcp(host, port, limit, local_address, socket_options))

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[typing.Any] | None = None
    ) -> httpcore2.NetworkStream:
        limit = bounded(timeout, httpcore2.ConnectTimeout)
        return self._track(self._backend.connect_unix_socket(path, limit, socket_options))

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)
