"""The Client's own sync pool: httpcore2's connection pool, sent to without httpx2's Client in between.

httpx2's `Client.send` and the `Request`/`Response` objects around it cost more than the HTTP
exchange itself on loopback (see BENCHMARKS.md). This pool is the one httpx2's `HTTPTransport`
builds (its TLS context from `httpx2.create_ssl_context()`: certifi or truststore, SSL_CERT_FILE
and SSL_CERT_DIR, as httpx2 does; its default limits; HTTP/1.1 keep-alive), given requests
straight from `WireRequest`. What `httpx2.Client.send` would add is not needed here: no auth
flow (the headers are built in full), no cookies (none is kept, none sent), no redirects (never
followed), no event hooks (a caller who wants them passes their own client). httpcore2's errors
become the httpx2 errors httpx2's transport raises for them, so the retry rules see the same ones.

Imported by the Client when it creates its sync pool, never by `import fusionauth_two_factor`.
"""

from __future__ import annotations

import contextlib
import socket
import ssl
import threading
import typing
import weakref
from collections.abc import Iterable, Iterator

import httpcore2
import httpx2

from ._deadline import bounded
from ._wire import Reply, Timeouts, WireRequest, decoded, log_request_line

# httpcore2's errors, each with the httpx2 error httpx2's transport raises for it.
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
}


def _translated(error: Exception) -> Exception:
    """The httpx2 error for an httpcore2 one (the most specific class first); any other error as it is."""
    for cls in type(error).__mro__:
        mapped = _ERRORS.get(cls)
        if mapped is not None:
            return mapped(str(error))
    return error


class SyncPool:
    """httpx2's connection pool on the deadline backend: the Client's own sync wire."""

    def __init__(self) -> None:
        self._transport = httpx2.HTTPTransport()
        self._backend = _DeadlineBackend()
        # httpcore2 takes its network backend only when its pool is built, and httpx2's transport
        # does not pass one through: it is set before the pool's first connection exists. A test
        # over a trickling loopback server guards this against a change in httpx2.
        self._pool = self._transport._pool
        self._pool._network_backend = self._backend

    def send(self, request: WireRequest, timeouts: Timeouts) -> Reply:
        origin = request.origin
        core_request = httpcore2.Request(
            request.method,
            httpcore2.URL(scheme=origin.scheme, host=origin.host, port=origin.port, target=request.target),
            headers=request.headers,
            content=request.body,
            extensions={"timeout": timeouts},
        )
        try:
            response = self._pool.handle_request(core_request)
        except Exception as error:
            raise _translated(error) from None
        extensions = response.extensions
        log_request_line(
            request,
            extensions.get("http_version", b"HTTP/1.1").decode("ascii", "ignore"),
            response.status,
            extensions.get("reason_phrase", b"").decode("ascii", "ignore"),
        )
        headers = httpx2.Headers(response.headers)
        chunks = _chunks(response)
        if "content-encoding" in headers:
            chunks = decoded(response.status, headers, chunks)
        return Reply(response.status, headers, chunks, response.close)

    def close(self) -> None:
        """Wake the calls blocked on a socket (they end with ClientClosedError), then close every connection."""
        self._backend.interrupt()
        self._transport.close()


def _chunks(response: httpcore2.Response) -> Iterator[bytes]:
    try:
        yield from typing.cast(Iterable[bytes], response.stream)
    except Exception as error:
        raise _translated(error) from None


class _DeadlineStream(httpcore2.NetworkStream):
    def __init__(self, stream: httpcore2.NetworkStream) -> None:
        self._stream = stream

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
        return _DeadlineStream(self._stream.start_tls(ssl_context, server_hostname, limit))

    def get_extra_info(self, info: str) -> typing.Any:
        return self._stream.get_extra_info(info)


class _DeadlineBackend(httpcore2.NetworkBackend):
    def __init__(self) -> None:
        self._backend = httpcore2.SyncBackend()
        self._streams: weakref.WeakSet[_DeadlineStream] = weakref.WeakSet()
        self._lock = threading.Lock()

    def _track(self, stream: httpcore2.NetworkStream) -> _DeadlineStream:
        tracked = _DeadlineStream(stream)
        with self._lock:
            self._streams.add(tracked)
        return tracked

    def interrupt(self) -> None:
        """Wake every socket operation blocked in another thread: the Client is being closed.

        Closing a socket does not wake a `recv` blocked on it; shutting it down does, and the
        call then ends at once instead of at its timeout.
        """
        with self._lock:
            streams = list(self._streams)
        for stream in streams:
            sock = stream.get_extra_info("socket")
            if isinstance(sock, socket.socket):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

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
