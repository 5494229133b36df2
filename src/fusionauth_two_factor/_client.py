"""`Client`: the configuration and the connection pools shared by the controllers."""

from __future__ import annotations

import ipaddress
import threading
import warnings
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

import httpx2

from ._constants import DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT
from ._deadline import running_asyncio_loop
from ._drivers import run_async, run_sync
from ._errors import ClientClosedError, ClientUsageError
from ._exchange import exchange
from ._frames import clear_locals_on_error
from ._operations import Operation
from ._response import ApiResponse
from ._transport import (
    CallLimits,
    PreparedCall,
    RequestOptions,
    ResultT,
    Settings,
    checked_max_response_bytes,
    checked_max_retries,
    prepare,
)
from ._validation import header_value, http_object, required_uuid
from ._wire import AsyncWire, Httpx2AsyncWire, Httpx2Wire, Origin, SyncWire

if TYPE_CHECKING:
    import asyncio
    import uuid  # loaded by the first id checked (_validation), not with the package


class Client:
    """Where FusionAuth is and how to authenticate; owns one connection pool per kind of I/O.

    Args:
        base_url: FusionAuth's address, such as ``https://auth.example.com`` (a path prefix is kept).
        api_key: the API key for the calls that need one (status, start, send for enable/disable).
        tenant_id: sent as ``X-FusionAuth-TenantId`` on every call when given.
        timeout: seconds, or an ``httpx2.Timeout``; default connect 5 s, read/write 15 s, pool 10 s.
        max_retries: retries of a failed attempt where that is safe (see the README); default 2.
        max_response_bytes: the most of an answer that is read (after decompression); a larger
            one raises ResponseTooLargeError. Default 4 MiB.
        http_client / async_http_client: your own httpx2 clients, for proxies, TLS settings,
            transports or event hooks. This Client then does not close them. Their base URL,
            default headers and cookies are not used: every request is built here in full.

    Use it as a context manager (``with`` for sync calls, ``async with`` for async ones), or call
    ``close()`` / ``aclose()``, to release connections. A closed Client refuses calls.
    """

    @clear_locals_on_error  # a refused api_key must not stay in the frames of the error
    def __init__(
        self,
        base_url: str,
        api_key: str | None = None,
        tenant_id: str | uuid.UUID | None = None,
        *,
        timeout: float | httpx2.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        http_client: httpx2.Client | None = None,
        async_http_client: httpx2.AsyncClient | None = None,
    ) -> None:
        checked_base_url = _checked_base_url(base_url, with_api_key=api_key is not None)
        self._settings = Settings(
            base_url=checked_base_url,
            origin=Origin(checked_base_url),
            api_key=None if api_key is None else header_value(api_key, "api_key"),
            tenant_id=None if tenant_id is None else required_uuid(tenant_id, "tenant_id"),
            limits=CallLimits(timeout),
            max_retries=checked_max_retries(max_retries),
            max_response_bytes=checked_max_response_bytes(max_response_bytes),
        )
        # What sends the calls: the caller's clients, or the Client's own pools (created at first use).
        self._sync_wire: SyncWire | None = (
            None
            if http_client is None
            else Httpx2Wire(http_object(http_client, httpx2.Client, "http_client"), owned=False)
        )
        self._async_wire: AsyncWire | None = (
            None
            if async_http_client is None
            else Httpx2AsyncWire(http_object(async_http_client, httpx2.AsyncClient, "async_http_client"), owned=False)
        )
        self._owns_async_http = async_http_client is None
        self._async_loop: asyncio.AbstractEventLoop | None = None  # the loop the own async pool belongs to
        self._pools = threading.Lock()  # the lazily created pools are created once, even under races
        self._closed = threading.Event()  # set by close(): calls are refused, waits end early
        self._entered_sync = False

    @property
    def base_url(self) -> str:
        return self._settings.base_url

    @property
    def tenant_id(self) -> str | None:
        return self._settings.tenant_id

    def __repr__(self) -> str:
        api_key = "None" if self._settings.api_key is None else "'<redacted>'"
        return f"Client(base_url={self.base_url!r}, api_key={api_key}, tenant_id={self.tenant_id!r})"

    def _prepare(
        self,
        operation: Operation[ResultT],
        arguments: dict[str, Any],
        *,
        jwt: str | None = None,
        options: RequestOptions | None = None,
    ) -> PreparedCall[ResultT]:
        return prepare(self._settings, operation, arguments, jwt=jwt, options=options)

    def _send(self, call: PreparedCall[ResultT]) -> ApiResponse[ResultT]:
        return run_sync(self._sync_pool(), exchange(call), self._closed)

    async def _send_async(self, call: PreparedCall[ResultT]) -> ApiResponse[ResultT]:
        return await run_async(self._async_pool(), exchange(call), self._closed)

    def _sync_pool(self) -> SyncWire:
        self._refuse_if_closed()
        wire = self._sync_wire
        if wire is not None:
            return wire
        with self._pools:
            if self._sync_wire is None:
                self._sync_wire = own_sync_wire()
            return self._sync_wire

    def _async_pool(self) -> AsyncWire:
        self._refuse_if_closed()
        if self._entered_sync and self._owns_async_http:
            raise ClientUsageError(
                "this Client was opened with `with`, which closes only its sync pool: use `async with Client(...)` "
                "(or call `await client.aclose()`) for async calls"
            )
        # Once made, the pool serves every call on its loop (a caller's client: on any loop) without
        # the lock: the lock only keeps two calls from both making one, and a pool is replaced only
        # after its loop has closed, never under a call that runs on it.
        wire = self._async_wire
        if wire is not None and (not self._owns_async_http or running_asyncio_loop() is self._async_loop):
            return wire
        with self._pools:
            loop = running_asyncio_loop()
            if self._async_wire is not None and self._owns_async_http and loop is not self._async_loop:
                if self._async_loop is not None and not self._async_loop.is_closed():
                    raise ClientUsageError(
                        "this Client's async pool belongs to another running event loop: use one Client per loop"
                    )
                # The pool's loop has ended (asyncio.run() was called again): a new pool serves this
                # loop, and the old one's idle connections, which no loop will close, are closed now.
                abandoned, self._async_wire = self._async_wire, None
                _close_abandoned(abandoned)
            if self._async_wire is None:
                self._async_wire = own_async_wire()
                self._async_loop = loop
            return self._async_wire

    def _refuse_if_closed(self) -> None:
        if self._closed.is_set():
            raise ClientClosedError("this Client is closed (close() or aclose() was called): create a new Client")

    def close(self) -> None:
        """Close the sync connection pool (if this Client created it); later calls are refused.

        Calls still in flight end with ClientClosedError, and retries waiting to be sent are not sent.
        """
        self._closed.set()
        with self._pools:
            wire, self._sync_wire = self._sync_wire, None
        if wire is not None:
            wire.close()  # a caller's own client is left open

    async def aclose(self) -> None:
        """Close both connection pools (those this Client created); later calls are refused."""
        self._closed.set()
        with self._pools:
            wire, self._async_wire = self._async_wire, None
        if wire is not None:
            await wire.aclose()  # a caller's own client is left open
        self.close()

    def __enter__(self) -> Self:
        self._entered_sync = True
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        await self.aclose()


def _close_abandoned(wire: AsyncWire) -> None:
    """Close the own async pool of a loop that has closed (its sockets directly: no loop runs their close)."""
    from ._async_pool import AsyncPool  # noqa: PLC0415 - loaded already if the wire is one

    if isinstance(wire, AsyncPool):
        wire.close_abandoned()


def own_sync_wire() -> SyncWire:
    """The Client's own sync pool (`_sync_pool`: HTTP/1.1 over httpcore2's sockets), unless a proxy is named.

    httpx2's own Client routes through the proxies named by HTTP_PROXY, HTTPS_PROXY, ALL_PROXY (and
    honours NO_PROXY); the own pool would ignore them, so a proxied Client keeps httpx2's.
    """
    if proxies_from_environment():
        http = httpx2.Client()
        _refuse_cookies(http.cookies)
        return Httpx2Wire(http, owned=True)
    from ._sync_pool import SyncPool  # noqa: PLC0415 - httpcore2 and h11 only when a pool is needed

    return SyncPool()


def own_async_wire() -> AsyncWire:
    """The Client's own async pool: `own_async_pool()` where it can be used, else an httpx2.AsyncClient."""
    pool = own_async_pool()
    if pool is not None:
        return pool
    http = httpx2.AsyncClient()
    _refuse_cookies(http.cookies)
    return Httpx2AsyncWire(http, owned=True)


def own_async_pool() -> AsyncWire | None:
    """The own asyncio pool (`_async_pool`), or None under trio, where a proxy is named, or without httptools.

    Called by the Client when it creates its own async pool, inside its first async call, so a
    running loop tells which library runs it.
    """
    if running_asyncio_loop() is None or proxies_from_environment():
        return None
    try:
        from ._async_pool import AsyncPool  # noqa: PLC0415 - asyncio and httptools only when a pool is needed

        return AsyncPool()
    except ImportError:  # the `speedups` extra is not installed
        return None


def proxies_from_environment() -> bool:
    """Whether HTTP_PROXY, HTTPS_PROXY, ALL_PROXY... name a proxy.

    httpx2 routes through them only on its own transports, and the own pools ignore them: where the
    environment names a proxy, the Client keeps httpx2's pools so that it is used.
    """
    import urllib.request  # noqa: PLC0415 - only when the Client creates a pool

    proxies = urllib.request.getproxies()
    proxies.pop("no", None)  # NO_PROXY lists exceptions; it names no proxy
    return bool(proxies)


def _refuse_cookies(cookies: httpx2.Cookies) -> None:
    # A login answer sets access_token / refresh_token cookies. A pooled client shared by many
    # users must not keep them: the policy below stores none.
    import http.cookiejar  # noqa: PLC0415 - only where an httpx2 client of our own is created

    cookies.jar.set_policy(http.cookiejar.DefaultCookiePolicy(allowed_domains=[]))


def _checked_base_url(base_url: object, *, with_api_key: bool) -> str:
    if not isinstance(base_url, str):
        raise TypeError(f"base_url must be a str, not {type(base_url).__name__}")
    try:
        url = httpx2.URL(base_url)
    except httpx2.InvalidURL:
        raise ValueError("base_url is not a valid URL") from None
    if url.scheme not in {"http", "https"} or not url.host:
        raise ValueError("base_url must be an http:// or https:// URL with a host, such as https://auth.example.com")
    # An empty query or fragment ('https://host?') parses as none, yet the base URL would not be
    # the prefix of every request URL: any '?' or '#' begins one.
    if url.userinfo or "?" in base_url or "#" in base_url:
        raise ValueError("base_url must not contain credentials, a query or a fragment")
    if with_api_key and url.scheme == "http" and not _is_loopback(url.host):
        warnings.warn(
            "base_url is plain http:// to another host: the API key (and every code and token) travels "
            "unencrypted; use https://",
            UserWarning,
            stacklevel=4,  # past Client.__init__ and its wrapper (_frames): the line that creates the Client
        )
    return str(url).rstrip("/")


def _is_loopback(host: str) -> bool:
    # RFC 6761: localhost and its subdomains resolve to the loopback interface.
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
