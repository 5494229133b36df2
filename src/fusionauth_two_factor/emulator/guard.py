"""What every request passes before a route sees it: the ``Host`` check and the body size limit.

**Host.** ``/_emulator/info`` hands out the seed's API keys and TOTP secrets without authentication, and the packaged
seed needs no API key on ``/api/login``. A web page the developer visits could otherwise read both through DNS
rebinding (its own name re-resolved to 127.0.0.1: the browser then sends ``Host: that-name``). So every route,
FusionAuth's included, is served only for a ``Host`` naming a loopback address (127.0.0.0/8, ::1), ``localhost`` or
the address the server was bound to (a non-loopback bind, which ``cli.py`` warns about); with a wildcard bind
(0.0.0.0, ::) any IP literal, which no rebinding can forge. Anything else is an empty 400, before any handler runs.
The port is not checked: rebinding changes names, not ports.

**Body size.** A body over :data:`MAX_BODY_BYTES` (by ``Content-Length``, or counted while reading a chunked one) is
an empty 413; FusionAuth's request bodies are a few kilobytes.
"""

from __future__ import annotations

import ipaddress

from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["MAX_BODY_BYTES", "RequestGuard"]

MAX_BODY_BYTES = 1024 * 1024
WILDCARD_BINDS = ("0.0.0.0", "::")  # noqa: S104 (names the wildcard binds, binds nothing)


def _host_name(header: str) -> str:
    """The name or address of a ``Host`` value, without port, brackets, case or a trailing dot."""
    value = header.strip().lower()
    if value.startswith("["):
        return value[1 : value.find("]")] if "]" in value else ""
    name, _, port = value.rpartition(":")
    if not name or not port.isdigit():
        name = value
    return name.rstrip(".")


def _ip(name: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(name)
    except ValueError:
        return None


class RequestGuard:
    """ASGI middleware: refuse foreign ``Host`` names (400) and oversized bodies (413), both with an empty body."""

    def __init__(self, app: ASGIApp, *, bind_host: str | None = None) -> None:
        self.app = app
        # An address as given to bind (no port: "2001:db8::5" is not a name with port 5), compared as Host sends it.
        self.bind_host = bind_host.strip().strip("[]").lower().rstrip(".") if bind_host else None

    def host_allowed(self, header: str | None) -> bool:
        name = _host_name(header or "")
        address = _ip(name)
        if name == "localhost" or (address is not None and address.is_loopback):
            return True
        if self.bind_host in WILDCARD_BINDS:
            return address is not None
        return name == self.bind_host

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {key.decode("latin-1"): value.decode("latin-1") for key, value in scope["headers"]}
        if not self.host_allowed(headers.get("host")):
            await _empty(send, 400)
            return
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
            await _empty(send, 413)
            return
        body = await _read_limited(receive)
        if body is None:
            await _empty(send, 413)
            return
        await self.app(scope, _replay(body, receive), send)


async def _read_limited(receive: Receive) -> bytes | None:
    """The whole request body, or ``None`` as soon as it grows past :data:`MAX_BODY_BYTES`."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return b"".join(chunks)  # the client went away; the route sees what came
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    """A ``receive`` that hands the route the body already read, then waits on the real one (disconnects)."""
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if sent:
            return await receive()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replayed


async def _empty(send: Send, status: int) -> None:
    await send({"type": "http.response.start", "status": status, "headers": [(b"content-length", b"0")]})
    await send({"type": "http.response.body", "body": b""})
