"""HTTP/1.1 as both own pools speak it with httptools: the request's bytes, and the rules for reading an answer.

The sync pool (`_sync_pool`, over blocking sockets) and the async pool (`_async_pool`, an
asyncio.Protocol) differ in how bytes arrive, not in what they make of them: both write a request
as `RequestBytes` makes it and hand what they receive to an `AnswerReader`, which feeds httptools'
response parser (llhttp, in C) and keeps the answer's status, headers and body. What a reader does,
as h11 does in the sync pool without httptools:

- at most 100 KiB of an answer's head is read, of the trailer fields after a chunked body (which
  are not added to its headers), and of whatever else comes between two pieces of its body (a
  chunk's size line and extensions); interim answers (100 Continue...) are skipped, their bodies too;
- a malformed answer, or one cut short, is a RemoteProtocolError; a hang-up before its head is
  whole is "Server disconnected without sending a response." (httpcore2's message). Refused as h11
  refuses them: a status below 100, a Transfer-Encoding other than `chunked` alone. Refused where
  h11 reads them (llhttp's rules, RFC 9112 allows either): a bare LF line end, a folded header
  line, Content-Length together with Transfer-Encoding, Content-Length given twice;
- a connection is not fit for another exchange after `Connection: close`, an HTTP/1.0 answer, or
  bytes after the answer (another answer, garbage) that nobody asked for.

httptools is imported by `load_httptools()`, when a pool that uses it is created; this module
imports neither it nor asyncio.
"""

from __future__ import annotations

import re
from types import ModuleType
from typing import Any

import httpx2

from ._redaction import NotPickled
from ._wire import WireRequest

MAX_HEAD_BYTES = 100 * 1024  # h11's max_incomplete_event_size, as the sync pool gives it without httptools
CHECKED_HEADERS_KEPT = 64  # distinct lists of request headers whose serialised lines are remembered
# What h11 accepts (RFC 9110), in ASCII as the sync pool sends: a token for a method or header
# name; a header value of visible characters, spaces and tabs inside, never CR, LF or NUL; a
# request target without whitespace.
_TOKEN = re.compile(r"[-!#$%&'*+.^_`|~0-9A-Za-z]+").fullmatch
_FIELD_VALUE = re.compile(r"(?:[\x21-\x7e](?:[ \t\x21-\x7e]*[\x21-\x7e])?)?").fullmatch
_TARGET = re.compile(r"[\x21-\x7e]+").fullmatch


def load_httptools() -> ModuleType:
    """httptools, or ImportError when the `speedups` extra is not installed."""
    import httptools  # noqa: PLC0415 - only when the first pool that reads with it is created

    return httptools


class RequestBytes(NotPickled):
    """A request's line, header lines and body, as h11 writes them; refused as h11 refuses them.

    Never pickled or copied: the lines it remembers hold the API key.

    A Client sends the same headers call after call (its key, tenant, agent): the lines of a list
    of headers are checked and made once, and remembered for the next call that sends the same list.
    """

    __slots__ = ("_lines",)

    def __init__(self) -> None:
        self._lines: dict[tuple[tuple[str, str], ...], bytes] = {}

    def __call__(self, request: WireRequest) -> bytes:
        method, target = request.method, request.target
        if _TOKEN(method) is None:
            raise httpx2.LocalProtocolError("Illegal method characters")
        if _TARGET(target) is None:
            raise httpx2.LocalProtocolError("Illegal target characters")
        key = tuple(request.headers)
        lines = self._lines.get(key)
        if lines is None:
            lines = _checked_header_lines(request.headers)
            if len(self._lines) >= CHECKED_HEADERS_KEPT:
                self._lines.clear()  # bounded: a body's Content-Length varies from call to call
            self._lines[key] = lines
        head = f"{method} {target} HTTP/1.1\r\n".encode("ascii") + lines
        return head + request.body if request.body else head


def _checked_header_lines(headers: list[tuple[str, str]]) -> bytes:
    """The header lines and the blank line after them, each name and value checked as h11 checks them."""
    lines = []
    for name, value in headers:
        if _TOKEN(name) is None:
            raise httpx2.LocalProtocolError("Illegal header name")
        if _FIELD_VALUE(value) is None:
            raise httpx2.LocalProtocolError("Illegal header value")
        lines.append(f"{name}: {value}\r\n")
    lines.append("\r\n")
    return "".join(lines).encode("ascii")


class AnswerReader(NotPickled):
    """The answer being read on one connection, from the bytes `feed` is given (httptools calls the on_* methods).

    Never pickled or copied: its headers and body hold the answer's tokens.

    `wake()` is called whenever there is more to take (the head, body, the end); a subclass that
    waits for bytes (the async pool's protocol) overrides it.
    """

    __slots__ = (
        "_parser",
        "_trailer_bytes",
        "_unread_framing",
        "broken",
        "chunks",
        "complete",
        "head_done",
        "headers",
        "lost",
        "reason",
        "received",
        "status",
        "version",
    )

    def __init__(self, parser_class: Any) -> None:
        self._parser = parser_class(self)
        self.lost = False  # the connection is gone (closed by either side)
        self.broken = False  # what it received cannot be trusted for another exchange
        self.reset(in_exchange=False)

    def reset(self, *, in_exchange: bool) -> None:
        """Ready for the answer to a request about to be sent (or, not in an exchange, for none)."""
        self.status = 0
        self.version = "HTTP/1.1"
        self.reason = b""
        self.headers: list[tuple[bytes, bytes]] = []
        self.chunks: list[bytes] = []
        # Bytes fed since the answer began, then since its head or the last piece of its body: what
        # neither a header nor the body has taken yet (httptools keeps a field's value until its end).
        self._unread_framing = 0
        self._trailer_bytes = 0
        self.head_done = False
        self.complete = not in_exchange  # nothing is awaited on an idle connection
        self.received = False  # whether any byte of this exchange's answer arrived

    def fit_for_reuse(self) -> bool:
        return self.complete and not self.lost and not self.broken

    def take_body(self) -> bytes:
        """The body received since the last take, b"" when none came."""
        chunks, self.chunks = self.chunks, []
        return chunks[0] if len(chunks) == 1 else b"".join(chunks)

    def wake(self) -> None:
        """More of the answer is in (or it failed): nothing to do for a reader whose caller reads in turn."""

    def feed(self, data: bytes) -> None:
        """Bytes received: a malformed answer, or a head over 100 KiB, is a RemoteProtocolError.

        Bytes that break only after the answer was whole (another answer, garbage) leave it the
        answer: they only make the connection unfit for reuse.
        """
        self.received = True
        self._unread_framing += len(data)
        try:
            self._parser.feed_data(data)
        except Exception as error:  # httptools' HttpParserError (and HttpParserUpgrade), or a callback's
            self.broken = True
            if self.complete:
                return
            raise httpx2.RemoteProtocolError(f"the server's answer is malformed ({type(error).__name__})") from None
        if self._unread_framing > MAX_HEAD_BYTES and not self.complete:
            self.broken = True
            if not self.head_done:
                raise httpx2.RemoteProtocolError("the answer's status line and headers exceed 100 KiB")
            raise httpx2.RemoteProtocolError("the answer's chunk framing or trailer fields exceed 100 KiB")

    def ended(self, error: Exception | None) -> Exception | None:
        """The connection ended (`error`: why, None for a close by the server): what that makes of the answer.

        None when the answer is whole, or was a body without a length, which ends with its
        connection (HTTP/1.0 style); else the error to raise for it.
        """
        self.lost = True
        if self.complete:
            return None
        if self.head_done and error is None and not _framed(self.headers):
            self.complete = True
            self.wake()
            return None
        if error is not None:
            return httpx2.ReadError(str(error) or type(error).__name__)
        if not self.head_done:
            return httpx2.RemoteProtocolError("Server disconnected without sending a response.")
        return httpx2.RemoteProtocolError("peer closed connection without sending complete message body")

    # --- httptools' callbacks (an exception raised here surfaces as its HttpParserCallbackError)

    def on_message_begin(self) -> None:
        if self.head_done:
            # A second answer after this one's head: nothing was asked for. Raised, so that httptools
            # stops before it touches this answer (the connection is then closed, never reused).
            raise _UnaskedAnswer

    def on_status(self, reason: bytes) -> None:
        self.reason += reason

    def on_header(self, name: bytes, value: bytes) -> None:
        if not self.head_done:
            self.headers.append((name, value))
            return
        # A trailer field after a chunked body: not one of the answer's headers (h11 hands them on
        # nowhere either), and bounded as the head is.
        self._trailer_bytes += len(name) + len(value)  # those that came whole within one read too
        if self._trailer_bytes > MAX_HEAD_BYTES:
            raise _TrailersTooLarge

    def on_headers_complete(self) -> None:
        status = self._parser.get_status_code()
        if status < 100:
            raise _Refused  # not a status (h11 refuses it); taken for an interim answer, its body would lead the next
        if status < 200:  # an interim answer (100 Continue...): skipped, as h11 does
            self.reason = b""
            self.headers = []
            return
        self.status = status
        version = self._parser.get_http_version()
        if version != "1.1":
            self.version = "HTTP/" + version
            self.broken = True  # no HTTP/1.0 connection is reused, keep-alive or not, as h11 does
        # httptools would hand on a body still in the encodings named before `chunked`; h11 refuses them.
        codings = [value for name, value in self.headers if name.lower() == b"transfer-encoding"]
        if codings and (len(codings) > 1 or codings[0].strip().lower() != b"chunked"):
            raise _Refused
        self.head_done = True
        self._unread_framing = 0
        if not self._parser.should_keep_alive():  # Connection: close
            self.broken = True
        self.wake()

    def on_body(self, body: bytes) -> None:
        if not self.head_done:  # an interim answer's: none is allowed, none is kept
            return
        self._unread_framing = 0
        self.chunks.append(body)
        self.wake()

    def on_message_complete(self) -> None:
        if not self.head_done:  # the end of an interim answer
            return
        self.complete = True
        self.wake()


class _UnaskedAnswer(Exception):
    pass


class _TrailersTooLarge(Exception):
    pass


class _Refused(Exception):
    """A head httptools parsed that h11 would refuse: raised, so that httptools reports the answer malformed."""


def _framed(headers: list[tuple[bytes, bytes]]) -> bool:
    """Whether an answer says where its body ends (a length, or chunks), so that a close before that is an error."""
    return any(name.lower() in (b"content-length", b"transfer-encoding") for name, _ in headers)
