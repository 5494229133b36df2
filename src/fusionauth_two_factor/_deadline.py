"""The whole call's deadline, inside every socket operation of the Client's own sync pool.

httpx2's timeouts bound each socket operation, not a call: a server that trickles its answer one
byte every half second never trips a 1 s read timeout. The drivers in `_transport` check the
deadline between the chunks of a body and, on async paths, cancel the whole attempt at the
deadline. A blocking sync call cannot be cancelled from outside, so the Client's own sync pool
sends through this network backend, which gives every connect, read and write no more time than
the call has left: headers trickled byte by byte end at the deadline too.
"""

from __future__ import annotations

import contextlib
import contextvars
import socket
import ssl
import threading
import time
import typing
import weakref
from collections.abc import Callable, Iterable, Iterator

import httpcore2
import httpx2

_DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar("fusionauth_two_factor_deadline", default=None)

TimeoutClass = type[httpcore2.TimeoutException]


@contextlib.contextmanager
def deadline(at: float) -> Iterator[None]:
    """Within this block, the own pool's socket operations end by `at` (a `time.monotonic()` instant)."""
    token = _DEADLINE.set(at)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def _bounded(timeout: float | None, timeout_class: TimeoutClass) -> float | None:
    at = _DEADLINE.get()
    if at is None:
        return timeout
    remaining = at - time.monotonic()
    if remaining <= 0:
        raise timeout_class("the call's deadline has passed")
    return remaining if timeout is None else min(timeout, remaining)


class _DeadlineStream(httpcore2.NetworkStream):
    def __init__(self, stream: httpcore2.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _bounded(timeout, httpcore2.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _bounded(timeout, httpcore2.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore2.NetworkStream:
        bounded = _bounded(timeout, httpcore2.ConnectTimeout)
        return _DeadlineStream(self._stream.start_tls(ssl_context, server_hostname, bounded))

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
        bounded = _bounded(timeout, httpcore2.ConnectTimeout)
        return self._track(self._backend.connect_tcp(host, port, bounded, local_address, socket_options))

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[typing.Any] | None = None
    ) -> httpcore2.NetworkStream:
        bounded = _bounded(timeout, httpcore2.ConnectTimeout)
        return self._track(self._backend.connect_unix_socket(path, bounded, socket_options))

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


def sync_transport() -> tuple[httpx2.HTTPTransport, Callable[[], None]]:
    """httpx2's own transport (TLS, pooling, HTTP/1.1 as usual) on the deadline backend, and its interrupt.

    httpcore2 takes its network backend only when its pool is built, and httpx2's transport does
    not pass one through: the backend is set on the pool before its first connection exists. A
    test over a trickling loopback server guards this against a change in httpx2.
    """
    transport = httpx2.HTTPTransport()
    backend = _DeadlineBackend()
    transport._pool._network_backend = backend
    return transport, backend.interrupt
