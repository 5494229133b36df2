"""Which transport the Client's own httpx.AsyncClient uses.

httpx's own async pool is the main cost of a call once many are in flight: on loopback, with 32
calls in flight, it is about twenty times slower than aiohttp (see BENCHMARKS.md). With the
``aiohttp`` extra installed, the Client's own AsyncClient therefore sends through aiohttp, by way of
httpx-aiohttp's transport: callers keep httpx's API, and the rest of the package sees httpx
requests, responses and exceptions only.

That transport is wrapped here where it departs from httpx's own in what this package promises:

- errors: httpx-aiohttp maps a refused connection to ConnectTimeout (a timeout error, not a
  connection error), and a server that hangs up after the request was sent to ConnectTimeout too,
  which the retry rules take for "never sent": a login would be replayed. Here each aiohttp error
  becomes the exception httpx's own transport raises in the same situation.
- cookies: an aiohttp session keeps the cookies it is sent; the session here keeps none.

Timeouts follow the request's ``extensions["timeout"]``, as httpx's own transport does: connect and
read as they are, pool as aiohttp's limit on waiting for and opening a connection. aiohttp has no
write timeout; the requests here are a few hundred bytes, written at once into the socket buffer.

aiohttp runs on asyncio only; under trio the Client keeps httpx's own transport. aiohttp is imported
when the first AsyncClient is created, never by ``import fusionauth_two_factor``.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import httpx

# httpx's default pool size and keep-alive, which aiohttp's connector is given too.
DEFAULT_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20)
ErrorClasses = list[tuple[type[BaseException], type[httpx.TransportError]]]


def default_async_transport() -> httpx.AsyncBaseTransport | None:
    """The aiohttp-backed transport when the extra is installed and the loop is asyncio.

    None means httpx's default transport. Called by the Client when it creates its own AsyncClient,
    which it does inside its first async call, so a running loop tells which library runs it.
    """
    if not _running_on_asyncio():
        return None
    try:
        return AiohttpBackedTransport()
    except ImportError:
        return None


def _running_on_asyncio() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


def _optional_module(name: str) -> ModuleType:
    # Imported by name: the type check must pass with and without the optional extra installed.
    return importlib.import_module(name)


class AiohttpBackedTransport(httpx.AsyncBaseTransport):
    """An httpx transport that sends through one aiohttp session, with httpx's error classes.

    Raises ImportError when the ``aiohttp`` extra is not installed.
    """

    def __init__(self, limits: httpx.Limits = DEFAULT_LIMITS) -> None:
        self._aiohttp = _optional_module("aiohttp")
        self._yarl = _optional_module("yarl")
        self._errors = _error_classes(self._aiohttp)
        self._limits = limits
        self._session: Any = None  # opened by the first request: a session needs a running loop
        self._timeouts: dict[tuple[float | None, ...], Any] = {}

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        session = self._session or self._open_session()
        with _translating(self._errors):
            async with session.request(
                request.method,
                # httpx has already encoded the URL: quoting it again would change it.
                self._yarl.URL(str(request.url), encoded=True),
                headers=[(name.decode(), value.decode()) for name, value in request.headers.raw],
                data=request.content or None,
                timeout=self._client_timeout(request.extensions.get("timeout", {})),
                allow_redirects=False,  # httpx decides, and the Client never follows redirects
                auto_decompress=False,  # httpx decodes, as with its own transport
            ) as answer:
                # The Client's own AsyncClient never streams: read the body here, under the same
                # read timeout and error translation as the head.
                body = await answer.read()
        return httpx.Response(
            answer.status,
            headers=answer.raw_headers,
            stream=httpx.ByteStream(body),
            extensions={"http_version": b"HTTP/1.1", "reason_phrase": (answer.reason or "").encode()},
        )

    def _open_session(self) -> Any:
        aiohttp = self._aiohttp
        connector = aiohttp.TCPConnector(
            limit=self._limits.max_connections or 0,  # 0 is aiohttp's "no limit", httpx's None
            keepalive_timeout=self._limits.keepalive_expiry,
            ssl=httpx.create_ssl_context(),  # the same verification as httpx's own transport
        )
        session = aiohttp.ClientSession(connector=connector, cookie_jar=aiohttp.DummyCookieJar())
        # aiohttp repeats a GET once, unseen, when the server hangs up; here the Client's retry rules
        # decide, wait and count every retry (max_retries=0 means one attempt).
        session._retry_connection = False
        self._session = session
        return session

    def _client_timeout(self, timeout: dict[str, float | None]) -> Any:
        connect, read, pool = timeout.get("connect"), timeout.get("read"), timeout.get("pool")
        key = (connect, read, pool)
        if key not in self._timeouts:
            # aiohttp's `connect` spans waiting for the pool and connecting: both of httpx's limits.
            waiting = None if connect is None or pool is None else connect + pool
            self._timeouts[key] = self._aiohttp.ClientTimeout(connect=waiting, sock_connect=connect, sock_read=read)
        return self._timeouts[key]

    async def aclose(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None


def _error_classes(aiohttp: ModuleType) -> ErrorClasses:
    """aiohttp's errors, most specific first, each with the httpx error raised in the same case."""
    return [
        (aiohttp.ConnectionTimeoutError, httpx.ConnectTimeout),  # connecting, or waiting for the pool
        (aiohttp.ServerTimeoutError, httpx.ReadTimeout),  # SocketTimeoutError: waiting for the answer
        (aiohttp.ClientConnectorError, httpx.ConnectError),  # refused, DNS, TLS handshake
        (aiohttp.ServerFingerprintMismatch, httpx.ConnectError),
        # From here on the request may have reached the server: never to be taken for "not sent".
        (aiohttp.ServerDisconnectedError, httpx.RemoteProtocolError),
        (aiohttp.ClientPayloadError, httpx.RemoteProtocolError),  # the body ended early
        (aiohttp.ClientResponseError, httpx.RemoteProtocolError),  # a malformed status line or header
        (aiohttp.ClientConnectionError, httpx.ReadError),  # reset or closed while waiting
        (aiohttp.ClientError, httpx.TransportError),
    ]


@contextlib.contextmanager
def _translating(errors: ErrorClasses) -> Iterator[None]:
    try:
        yield
    except Exception as error:
        for aiohttp_class, httpx_class in errors:
            if isinstance(error, aiohttp_class):
                raise httpx_class(str(error) or type(error).__name__) from error
        raise
