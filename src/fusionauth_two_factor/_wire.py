"""What goes on the wire and what comes back: requests built from parts parsed once per Client.

httpx2 parses and validates the whole URL, character by character, for every request it builds;
on a status call that is about a sixth of the time. Here the base URL is parsed once (`Origin`),
and a call only adds the path and query the generated `_get_kwargs` gives, already
percent-encoded, encoded the way httpx2 encodes them: the bytes on the wire are the ones an
`httpx2.Request` of the same arguments would send (tests/test_wire.py compares them). A caller's
own httpx2 client is given the same request as an `httpx2.Request` (`Httpx2Wire`).

A wire sends a request and hands back a `Reply`: the status, the headers and the body as decoded
chunks, for the drivers to read against the call's limits. The Client's own pools are wires of
their own (`_sync_pool`, `_async_pool`); a caller's httpx2 client is wrapped here.
"""

from __future__ import annotations

import json
import logging
import re
import urllib.parse
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Protocol

import httpx2

from ._redaction import NotPickled, RedactedRequest, redacted_url_text

if TYPE_CHECKING:
    from ._response import HeaderSource

# httpx2 refuses a URL, or a query, longer than this (httpx2._urlparse.MAX_URL_LENGTH).
MAX_URL_LENGTH = 65536
# The methods to which httpx2 adds `Content-Length: 0` when they carry no body.
_BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "QUERY"})

# httpx2's Client logs each request there at INFO; the own pools, which bypass it, write the same line.
_HTTPX2_LOGGER = logging.getLogger("httpx2")

Timeouts = Mapping[str, float | None]  # connect, read, write and pool, as httpx2 and httpcore2 take them


class InvalidRequestURL(ValueError):
    """The arguments make a URL that httpx2 would refuse (too long)."""


# Plain classes with slots, here and for the other objects made for every call: a dataclass
# compiles its methods when the module is imported (import cost), and a frozen one's __init__ sets
# each field through object.__setattr__ (a cost on every call).


class Origin:
    """The base URL of a Client, parsed once: where every request goes, and the path prefix it starts with."""

    __slots__ = ("host", "host_header", "port", "prefix", "root", "scheme")

    def __init__(self, base_url: str) -> None:
        url = httpx2.URL(base_url)
        netloc = url.netloc.decode("ascii")
        self.scheme: bytes = url.raw_scheme
        self.host: bytes = url.raw_host
        self.port: int | None = url.port  # None for the scheme's default port
        self.host_header = netloc  # host[:port], as httpx2 writes it
        self.root = f"{url.scheme}://{netloc}"
        self.prefix = url.raw_path.decode("ascii").rstrip("/")  # percent-encoded, without its trailing slash

    def __repr__(self) -> str:
        return f"Origin({self.root + self.prefix!r})"


class WireRequest(NotPickled):
    """One request, ready to send: its target and headers hold ids, codes and keys, so its repr shows neither."""

    __slots__ = ("body", "headers", "method", "origin", "target")

    def __init__(
        self, method: str, origin: Origin, target: str, headers: list[tuple[str, str]], body: bytes | None
    ) -> None:
        self.method = method
        self.origin = origin
        self.target = target  # the percent-encoded path and query: what the request line names
        self.headers = headers  # in order, Host and Content-Length included; ASCII (checked before)
        self.body = body

    @property
    def url(self) -> str:
        return self.origin.root + self.target

    def __repr__(self) -> str:
        return f"<{type(self).__name__}({self.method!r}, {redacted_url_text(self.url)!r})>"


def build(
    origin: Origin,
    *,
    method: str,
    path: str,
    params: Mapping[str, Any] | None,
    headers: Mapping[str, str],
    json_body: object | None,
) -> WireRequest:
    """The request httpx2.Request(method, base_url + path, params=, headers=, json=) would be, as bytes.

    `path` is the generated one: every argument in it percent-encoded already (quote(safe="")).
    """
    head = RequestHead(origin, method, headers)
    lines = list(head.bodyless if json_body is None else head.with_body)
    return finish(origin, head.method, path, params, lines, json_body=json_body)


class RequestHead:
    """The first header lines of every request of one operation from one Client, as `build` would write them.

    Where httpx2 puts what it adds: Host first, Content-Length: 0 next where it adds that to a
    request without a body, then the headers given (a body's framing comes last, in `finish`).
    Worked out once per operation, so that a call only adds the lines of its own.
    """

    __slots__ = ("bodyless", "method", "with_body")

    def __init__(self, origin: Origin, method: str, headers: Mapping[str, str]) -> None:
        self.method = method.upper()
        first = [("Host", origin.host_header)]
        self.with_body: tuple[tuple[str, str], ...] = (*first, *headers.items())
        if self.method in _BODY_METHODS:
            first.append(("Content-Length", "0"))
        self.bodyless: tuple[tuple[str, str], ...] = (*first, *headers.items())


def finish(
    origin: Origin,
    method: str,
    path: str,
    params: Mapping[str, Any] | None,
    lines: list[tuple[str, str]],
    *,
    json_body: object | None,
) -> WireRequest:
    """`build`'s request, from its header lines so far (`RequestHead`'s and the headers given, in order).

    `method` is in upper case; the lines of the body's framing are added here, last.
    """
    path = origin.prefix + path
    if len(origin.root) + len(path) > MAX_URL_LENGTH:
        raise InvalidRequestURL("URL too long")
    if "/." in path:
        # A "." or ".." segment (an id of dots): httpx2 removes dot segments, and so does its URL here.
        path = httpx2.URL(origin.root + path).raw_path.decode("ascii")
    target = path
    if params:
        pairs = []  # a loop, not a comprehension: on Python 3.11 that is a function call of its own
        for name, value in params.items():
            encoded_name = _QUERY_NAMES.get(name)
            if encoded_name is None:
                encoded_name = _form_encoded(name)
                if len(_QUERY_NAMES) < _MAX_QUERY_NAMES:
                    _QUERY_NAMES[name] = encoded_name
            pairs.append(f"{encoded_name}={_form_encoded(value if type(value) is str else _query_value(value))}")
        query = "&".join(pairs)
        if len(query) > MAX_URL_LENGTH:
            raise InvalidRequestURL("query too long")
        target = f"{path}?{query}"
    body = None
    if json_body is not None:
        # As httpx2 encodes `json=`: compact, UTF-8, no NaN. Its Content-Type only where none is given.
        body = json.dumps(json_body, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")
        typed = has_content_type(lines)
        lines.append(("Content-Length", str(len(body))))
        if not typed:
            lines.append(("Content-Type", "application/json"))
    return WireRequest(method, origin, target, lines, body)


def has_content_type(lines: list[tuple[str, str]]) -> bool:
    """Whether header lines carry a Content-Type, in any case."""
    return any(name.lower() == "content-type" for name, _ in lines)


def log_request_line(request: WireRequest, http_version: str, status_code: int, reason: str) -> None:
    """httpx2's INFO line for a request ('HTTP Request: GET <url> "HTTP/1.1 200 OK"'), as its Client writes it.

    Whoever watches httpx2's log keeps seeing every call; the filter on that logger redacts the ids.
    """
    if _HTTPX2_LOGGER.isEnabledFor(logging.INFO):
        _HTTPX2_LOGGER.info(
            'HTTP Request: %s %s "%s %d %s"', request.method, request.url, http_version, status_code, reason
        )


# What urllib.parse.quote_plus leaves as it is: most values (UUIDs, method ids) need no quoting at all.
# A regular expression: for a UUID, about half the instructions of testing each character against a set.
_FORM_SAFE = re.compile("[A-Za-z0-9_.~-]*").fullmatch
# The query names, encoded: the generated code's own few (userId, applicationId, methodId, code), each
# encoded once. Bounded all the same, for any other caller of `build`.
_QUERY_NAMES: dict[str, str] = {}
_MAX_QUERY_NAMES = 64


def _form_encoded(text: str) -> str:
    # As httpx2 encodes a query (urllib.parse.urlencode, quote_plus), without quoting what is safe.
    return text if _FORM_SAFE(text) is not None else urllib.parse.quote_plus(text)


def _query_value(value: object) -> str:
    # As httpx2.QueryParams writes a primitive value.
    if value is True:
        return "true"
    if value is False:
        return "false"
    return "" if value is None else str(value)


def as_httpx2_request(request: WireRequest, timeouts: Timeouts) -> httpx2.Request:
    """The same request for an httpx2 client: the same bytes, through its transport and hooks."""
    # Host and Content-Length are given, so httpx2 adds neither; the URL is canonical already.
    return RedactedRequest(
        request.method,
        request.url,
        headers=request.headers,
        content=request.body,
        extensions={"timeout": dict(timeouts)},
    )


class Reply:
    """An answer whose body is still to be read: `chunks` decoded, `close` releasing the connection."""

    __slots__ = ("chunks", "close", "headers", "status_code")

    def __init__(
        self, status_code: int, headers: HeaderSource, chunks: Iterator[bytes], close: Callable[[], None]
    ) -> None:
        self.status_code = status_code
        self.headers = headers
        self.chunks = chunks
        self.close = close


class AsyncReply:
    __slots__ = ("aclose", "chunks", "headers", "status_code")

    def __init__(
        self,
        status_code: int,
        headers: HeaderSource,
        chunks: AsyncIterator[bytes],
        aclose: Callable[[], Awaitable[None]],
    ) -> None:
        self.status_code = status_code
        self.headers = headers
        self.chunks = chunks
        self.aclose = aclose


class SyncWire(Protocol):
    def send(self, request: WireRequest, timeouts: Timeouts) -> Reply: ...

    def close(self) -> None:
        """Release the connections, waking any call blocked on one; a caller's own client is left open."""


class AsyncWire(Protocol):
    async def send(self, request: WireRequest, timeouts: Timeouts) -> AsyncReply: ...

    async def aclose(self) -> None: ...


class Httpx2Wire:
    """Sends through an httpx2.Client (a caller's, or the Client's own where a proxy is configured)."""

    def __init__(self, client: httpx2.Client, *, owned: bool) -> None:
        self.client = client
        self._owned = owned

    def send(self, request: WireRequest, timeouts: Timeouts) -> Reply:
        # Streamed, so that the driver reads it against the limits; never a redirect followed.
        response = self.client.send(as_httpx2_request(request, timeouts), stream=True, follow_redirects=False)
        return Reply(response.status_code, response.headers, response.iter_bytes(), response.close)

    def close(self) -> None:
        if self._owned:
            self.client.close()


class Httpx2AsyncWire:
    """Sends through an httpx2.AsyncClient: a caller's, or the Client's own one where its own pool is not used."""

    def __init__(self, client: httpx2.AsyncClient, *, owned: bool) -> None:
        self.client = client
        self._owned = owned

    async def send(self, request: WireRequest, timeouts: Timeouts) -> AsyncReply:
        httpx2_request = as_httpx2_request(request, timeouts)
        response = await self.client.send(httpx2_request, stream=True, follow_redirects=False)
        return AsyncReply(response.status_code, response.headers, response.aiter_bytes(), response.aclose)

    async def aclose(self) -> None:
        if self._owned:
            await self.client.aclose()


class _RawStream(httpx2.SyncByteStream):
    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks

    def __iter__(self) -> Iterator[bytes]:
        return self._chunks


class _AsyncRawStream(httpx2.AsyncByteStream):
    def __init__(self, chunks: AsyncIterator[bytes]) -> None:
        self._chunks = chunks

    def __aiter__(self) -> AsyncIterator[bytes]:
        return self._chunks


def decoded(status_code: int, headers: httpx2.Headers, chunks: Iterator[bytes]) -> Iterator[bytes]:
    """The body of an answer with a Content-Encoding, decoded as httpx2 decodes it (gzip, deflate, br, zstd
    as installed), chunk by chunk; a broken encoding raises httpx2.DecodingError, as with httpx2's client.
    """
    return httpx2.Response(status_code, headers=headers, stream=_RawStream(chunks)).iter_bytes()


def decoded_async(status_code: int, headers: httpx2.Headers, chunks: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
    """`decoded`, for an answer read asynchronously."""
    return httpx2.Response(status_code, headers=headers, stream=_AsyncRawStream(chunks)).aiter_bytes()
