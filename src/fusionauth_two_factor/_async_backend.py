"""Which pool the Client's own async calls use: an aiohttp session where it can, else httpx2's.

httpx2's own async pool is the main cost of a call once many are in flight: on loopback, with 32
calls in flight, it is several times slower than aiohttp (see BENCHMARKS.md). With the ``aiohttp``
extra installed, the Client's own async calls therefore go to an aiohttp session, straight from
their `WireRequest` (`AiohttpBackedTransport.send`: no httpx2.Request or Response is built), and
the rest of the package sees httpx2's headers and exceptions only. The same session also serves
as an httpx2 transport (`handle_async_request`).

The transport is written here, on aiohttp's public API, rather than taken from httpx-aiohttp,
whose transport departs from httpx2's in what this package promises: it maps a refused connection
to ConnectTimeout (a timeout, not a connection error) and a server that hangs up after the request
was sent to ConnectTimeout too, which the retry rules take for "never sent", so a login would be
replayed; and its session keeps cookies. Here:

- each aiohttp error becomes the httpx2 exception httpx2's own transport raises in the same case;
- the session keeps no cookies, and aiohttp's own hidden repeat of a GET is off: the Client's
  retry rules decide, wait and count every retry;
- timeouts follow each attempt's limits: connect and read as they are (the read timeout is
  aiohttp's sock_read, set on the loop's one timer: `_connector_class`), and
  connect + pool as aiohttp's limit on waiting for the pool and connecting. aiohttp has no write
  timeout; these requests are a few hundred bytes, written at once into the socket buffer.

What aiohttp writes differs from httpx2's bytes in two ways it does not let a caller change: it
sends one header per name whatever the case (a later ``accept`` replaces ``Accept``), and it gives
a DELETE without a body ``Content-Length: 0`` (tests/test_loopback.py compares the bytes).

aiohttp runs on asyncio only; under trio the Client keeps httpx2's own transport. aiohttp is imported
when the first async pool is created, never by ``import fusionauth_two_factor``.
"""

from __future__ import annotations

import functools
import importlib
import time
from collections.abc import AsyncIterator
from types import ModuleType
from typing import Any, ClassVar

import httpx2

from ._deadline import Alarm, running_asyncio_loop
from ._drivers import WholeBody
from ._wire import AsyncReply, Timeouts, WireRequest, decoded_async, has_content_type, log_request_line

# httpx2's default pool size and keep-alive, which aiohttp's connector is given too.
DEFAULT_LIMITS = httpx2.Limits(max_connections=100, max_keepalive_connections=20)
# aiohttp's methods that it gives a Content-Type of its own (application/octet-stream) when none is set.
_TYPED_METHODS = frozenset({"PATCH", "POST", "PUT"})
_NO_CONTENT_TYPE = ("Content-Type",)
_KNOWN_TIMEOUTS = 8  # aiohttp timeouts kept for reuse: the Client's and a few per-call ones
ErrorClasses = list[tuple[type[BaseException], type[httpx2.TransportError]]]


def default_async_transport() -> httpx2.AsyncBaseTransport | None:
    """The aiohttp-backed transport when the extra is installed and the loop is asyncio.

    None means httpx2's default transport (an httpx2.AsyncClient of the Client's own). Called by the
    Client when it creates its own async pool, inside its first async call, so a running loop tells
    which library runs it.
    """
    if running_asyncio_loop() is None or proxies_from_environment():
        return None
    try:
        return AiohttpBackedTransport()
    except ImportError:
        return None


def proxies_from_environment() -> bool:
    # httpx2 routes through the proxies named by HTTP_PROXY, HTTPS_PROXY, ALL_PROXY... only on its
    # own transport (given a transport, an AsyncClient ignores them), and aiohttp ignores them too:
    # where the environment names a proxy, the Client keeps httpx2's transport so that it is used.
    import urllib.request  # noqa: PLC0415 - only when the first AsyncClient is created

    proxies = urllib.request.getproxies()
    proxies.pop("no", None)  # NO_PROXY lists exceptions; it names no proxy
    return bool(proxies)


def _optional_module(name: str) -> ModuleType:
    # Imported by name: the type check must pass with and without the optional extra installed.
    return importlib.import_module(name)


class AiohttpBackedTransport(httpx2.AsyncBaseTransport):
    """One aiohttp session, with httpx2's error classes: the Client's own async wire, and an httpx2 transport.

    Raises ImportError when the ``aiohttp`` extra is not installed.
    """

    def __init__(self, limits: httpx2.Limits = DEFAULT_LIMITS) -> None:
        self._aiohttp = _optional_module("aiohttp")
        self._yarl = _optional_module("yarl")
        self._errors = _error_classes(self._aiohttp)
        self._limits = limits
        self._session: Any = None  # opened by the first request: a session needs a running loop
        self._timeouts: dict[tuple[float | None, ...], Any] = {}

    async def send(self, request: WireRequest, timeouts: Timeouts) -> AsyncReply:
        """The Client's own async calls: straight to the session, no httpx2.Request or Response in between."""
        answer = await self._request(request.method, request.url, request.headers, request.body, timeouts)
        version = answer.version
        # The line's version said without formatting it each time: nearly every answer is HTTP/1.1.
        said = "HTTP/1.1" if version == (1, 1) else f"HTTP/{version.major}.{version.minor}"
        log_request_line(request, said, answer.status, answer.reason or "")
        content = answer.content
        chunks: AsyncIterator[bytes]
        if "Content-Encoding" in answer.headers:  # aiohttp's headers: case-insensitive, in C
            chunks = decoded_async(answer.status, httpx2.Headers(answer.raw_headers), _Chunks(content, self._errors))
        elif content.is_eof():
            # A small answer arrives with its headers, whole: handed on as it is, with no read to
            # await, and its connection released now (the driver does not close a WholeBody).
            chunks = WholeBody(content.read_nowait())
            answer.release()
            return AsyncReply(answer.status, answer.raw_headers, chunks, _released)
        else:
            chunks = _Chunks(content, self._errors)
        return AsyncReply(answer.status, answer.raw_headers, chunks, functools.partial(_release, answer))

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        """The same, as an httpx2 transport: for an httpx2.AsyncClient of the caller's over aiohttp."""
        answer = await self._request(
            request.method,
            str(request.url),
            _header_lines(request.headers),
            request.content or None,
            request.extensions.get("timeout", {}),
        )
        reason = (answer.reason or "").encode("utf-8", "replace")  # a server may send any bytes there
        return httpx2.Response(
            answer.status,
            headers=answer.raw_headers,
            stream=_AiohttpBody(answer, self._errors),
            extensions={"http_version": b"HTTP/1.1", "reason_phrase": reason},
        )

    async def _request(
        self, method: str, url: str, headers: list[tuple[str, str]], body: bytes | None, timeouts: Timeouts
    ) -> Any:
        session = self._session or self._open_session()
        # No Content-Type the request does not carry: none to a POST without a body (aiohttp would
        # say application/octet-stream), as httpx2's own transport. Asked for only where aiohttp
        # would add one: skipping any header makes it rebuild the request's headers.
        skip = None
        if (body is not None or method in _TYPED_METHODS) and not has_content_type(headers):
            skip = _NO_CONTENT_TYPE
        context = session.request(
            method,
            # Encoded already (by httpx2's rules, see _wire): quoting it again would change it.
            self._yarl.URL(url, encoded=True),
            headers=headers,
            data=body,
            skip_auto_headers=skip,
            timeout=self._client_timeout(timeouts),
            allow_redirects=False,  # the Client never follows redirects
            auto_decompress=False,  # decoded as httpx2 decodes, counted against the limit
        )
        try:
            return await context.__aenter__()
        except Exception as error:
            raise _translated(error, self._errors) from error

    def _open_session(self) -> Any:
        aiohttp = self._aiohttp
        connector = _connector_class(aiohttp)(
            limit=self._limits.max_connections or 0,  # 0 is aiohttp's "no limit", httpx2's None
            keepalive_timeout=self._limits.keepalive_expiry,
            ssl=httpx2.create_ssl_context(),  # the same verification as httpx2's own transport
        )
        session = aiohttp.ClientSession(
            connector=connector,
            cookie_jar=aiohttp.DummyCookieJar(),
            request_class=_request_class(aiohttp),
        )
        # aiohttp repeats a GET once, unseen, when the server hangs up; here the Client's retry rules
        # decide, wait and count every retry (max_retries=0 means one attempt).
        session._retry_connection = False
        self._session = session
        return session

    def _client_timeout(self, timeout: Timeouts) -> Any:
        limits = timeout.get("connect"), timeout.get("read"), timeout.get("pool")
        known = self._timeouts.get(limits)  # the Client's own limits, the same for every first attempt
        if known is not None:
            return known
        connect, read, pool = limits
        # aiohttp's `connect` spans waiting for the pool and connecting: both of httpx2's limits.
        waiting = None if connect is None or pool is None else connect + pool
        made = self._aiohttp.ClientTimeout(connect=waiting, sock_connect=connect, sock_read=read)
        if len(self._timeouts) < _KNOWN_TIMEOUTS:  # a retry's limits are cut to what is left: not kept
            self._timeouts[limits] = made
        return made

    async def aclose(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None


class _AiohttpBody(httpx2.AsyncByteStream):
    """An aiohttp answer's body as httpx2 reads a stream: chunk by chunk, released when closed."""

    def __init__(self, answer: Any, errors: ErrorClasses) -> None:
        self._answer = answer
        self._errors = errors

    def __aiter__(self) -> AsyncIterator[bytes]:
        return _Chunks(self._answer.content, self._errors)

    async def aclose(self) -> None:
        await _release(self._answer)


class _Chunks:
    """An aiohttp answer's body, chunk by chunk, translating aiohttp's errors.

    What iter_any() yields (readany's b"" is the end). A class, not an async generator: asyncio
    registers every async generator at its first step in the loop's weak set, and unregisters it
    when it is collected, which costs more than the step itself.
    """

    __slots__ = ("_content", "_errors")

    def __init__(self, content: Any, errors: ErrorClasses) -> None:
        self._content = content
        self._errors = errors

    def __aiter__(self) -> _Chunks:
        return self

    async def __anext__(self) -> bytes:
        try:
            chunk: bytes = await self._content.readany()
        except Exception as error:
            raise _translated(error, self._errors) from error
        if not chunk:
            raise StopAsyncIteration
        return chunk


async def _released() -> None:
    """The close of a reply whose connection was released already."""


async def _release(answer: Any) -> None:
    # A body read to its end leaves a connection fit for reuse; one abandoned midway does not.
    if answer.content.at_eof():
        answer.release()
    else:
        answer.close()


@functools.cache
def _request_class(aiohttp: ModuleType) -> Any:
    """aiohttp's ClientRequest, without the Accept-Encoding it adds: httpx2's own transport adds none.

    Not asked for by skip_auto_headers on the session: that makes aiohttp rebuild the headers of
    every request (update_auto_headers) to leave one out.
    """

    class Request(aiohttp.ClientRequest):  # type: ignore[misc,name-defined]
        DEFAULT_HEADERS: ClassVar[dict[str, str]] = {
            name: value for name, value in aiohttp.ClientRequest.DEFAULT_HEADERS.items() if name != "Accept-Encoding"
        }

    return Request


# aiohttp's ResponseHandler methods the Handler below replaces (two) or calls (one).
_TIMER_METHODS = ("_reschedule_timeout", "_drop_timeout", "_on_read_timeout")


@functools.cache
def _connector_class(aiohttp: ModuleType) -> Any:
    """aiohttp's TCPConnector, whose connections keep aiohttp's read timeout on the loop's one timer.

    aiohttp's protocol sets its read timeout (sock_read) again at every chunk it receives, as a
    TimerHandle of its own (loop.call_later, and a cancel of the last one): two per small call, a
    tenth of its cost. Here the same two methods set an `_deadline.Alarm` instead; when it rings,
    aiohttp's own `_on_read_timeout` reports it (ServerTimeoutError: httpx2.ReadTimeout). When,
    and what for, are aiohttp's: after the request is sent, again at each chunk, not while
    reading is paused, dropped at the end of the body.
    """
    handler_class = importlib.import_module("aiohttp.client_proto").ResponseHandler
    if not all(hasattr(handler_class, name) for name in _TIMER_METHODS):
        # Another aiohttp than the ones this was written for: its own timers, the same limits.
        return aiohttp.TCPConnector

    class Handler(handler_class):  # type: ignore[misc,valid-type]
        _alarm: Alarm | None = None

        def _reschedule_timeout(self) -> None:
            timeout = self._read_timeout
            if timeout:
                alarm = self._alarm
                if alarm is None:
                    alarm = self._alarm = Alarm(self._loop, self._on_read_timeout)
                alarm.set(time.monotonic() + timeout)
            elif self._alarm is not None:
                self._alarm.clear()

        def _drop_timeout(self) -> None:
            if self._alarm is not None:
                self._alarm.clear()

    class Connector(aiohttp.TCPConnector):  # type: ignore[misc,name-defined]
        def __init__(self, **options: Any) -> None:
            super().__init__(**options)
            # What aiohttp makes the protocol of each new connection with. Private, as the two
            # methods above: where aiohttp has no such factory, or those methods (checked above),
            # its own timers are kept. tests/test_async_read_limit.py checks that the pinned
            # aiohttp's connections get this Handler, and that aiohttp touches its read timer
            # nowhere else (a timer these methods did not clear would ring on an idle connection).
            factory = getattr(self, "_factory", None)
            if isinstance(factory, functools.partial) and factory.func is handler_class:
                self._factory = functools.partial(Handler, *factory.args, **factory.keywords)

    return Connector


def _header_lines(headers: httpx2.Headers) -> list[tuple[str, str]]:
    # The names as given, not lower-cased: on the wire as httpx2's own transport writes them.
    return [(name.decode(headers.encoding), value.decode(headers.encoding)) for name, value in headers.raw]


def _error_classes(aiohttp: ModuleType) -> ErrorClasses:
    """aiohttp's errors, most specific first, each with the httpx2 error raised in the same case."""
    return [
        (aiohttp.ConnectionTimeoutError, httpx2.ConnectTimeout),  # connecting, or waiting for the pool
        (aiohttp.ServerTimeoutError, httpx2.ReadTimeout),  # SocketTimeoutError: waiting for the answer
        (aiohttp.ClientConnectorError, httpx2.ConnectError),  # refused, DNS, TLS handshake
        (aiohttp.ServerFingerprintMismatch, httpx2.ConnectError),
        # From here on the request may have reached the server: never to be taken for "not sent".
        (aiohttp.ServerDisconnectedError, httpx2.RemoteProtocolError),
        (aiohttp.ClientPayloadError, httpx2.RemoteProtocolError),  # the body ended early
        (aiohttp.ClientResponseError, httpx2.RemoteProtocolError),  # a malformed status line or header
        (aiohttp.ClientConnectionError, httpx2.ReadError),  # reset or closed while waiting
        (aiohttp.ClientError, httpx2.TransportError),
    ]


def _translated(error: Exception, errors: ErrorClasses) -> Exception:
    """The httpx2 error for an aiohttp one; any other error as it is."""
    for aiohttp_class, httpx_class in errors:
        if isinstance(error, aiohttp_class):
            return httpx_class(str(error) or type(error).__name__)
    return error
