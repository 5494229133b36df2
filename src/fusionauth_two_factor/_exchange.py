"""A call's logic without I/O: attempts, retries and waits within one deadline, and what each answer means.

`exchange` is a generator: it yields an `Attempt` (the request, by when it must be answered, how
much of the answer may be read) or the seconds to wait, and is sent back the outcome. The drivers
in `_drivers` only perform those steps, so the sync and async paths cannot drift apart.
"""

from __future__ import annotations

import codecs
import functools
import logging
import time
import urllib.parse
from collections.abc import Callable, Generator
from typing import TYPE_CHECKING, Any, TypeVar

import httpx2

from ._constants import MAX_RETRY_AFTER
from ._errors import (
    APIConnectionError,
    APITimeoutError,
    ClientClosedError,
    ResponseParseError,
    ResponseTooLargeError,
    api_error_class,
    call_site,
)
from ._response import ApiResponse, HeaderSource, HeldHeaders
from ._retry import backoff_delay, may_retry_error, may_retry_status, retry_after_seconds
from ._transport import PreparedCall
from ._wire import Timeouts, WireRequest

if TYPE_CHECKING:
    from ._operations import Operation

logger = logging.getLogger("fusionauth_two_factor")

ResultT = TypeVar("ResultT")


@functools.cache
def _parse_answer() -> Callable[[Operation[Any], int, bytes], tuple[object, str | None]]:
    # The answer checks (_shapes) and the uuid module they use are loaded by the first answer, not
    # with the package: together they were about a fifth of the package's own import time.
    from ._parsing import parse_answer  # noqa: PLC0415 - see above

    return parse_answer


# Plain classes with slots: made for every call, and a dataclass costs at import (see _wire.Origin).
class Attempt:
    """One try at the request: to be answered by `deadline` (a `time.monotonic()` instant).

    `timeouts` are the limits of each phase (connect, read, write, pool), none beyond the deadline.
    """

    __slots__ = ("deadline", "max_response_bytes", "request", "timeouts")

    def __init__(
        self, request: WireRequest, deadline: float, max_response_bytes: int, timeouts: Timeouts | None = None
    ) -> None:
        self.request = request  # its URL may hold a twoFactorId, its headers a key: not in a repr
        self.deadline = deadline
        self.max_response_bytes = max_response_bytes
        self.timeouts: Timeouts = {} if timeouts is None else timeouts

    def __repr__(self) -> str:
        return f"Attempt(deadline={self.deadline!r}, max_response_bytes={self.max_response_bytes!r})"


class Answer(HeldHeaders):
    """An HTTP answer whose body was read in full (and decoded) within the limits."""

    __slots__ = ("content", "status_code")

    def __init__(self, status_code: int, headers: HeaderSource, content: bytes) -> None:
        self.status_code = status_code
        self._headers = headers  # Set-Cookie carries tokens: neither it nor the content in a repr
        self.content = content

    def __repr__(self) -> str:
        return f"Answer(status_code={self.status_code!r})"

    @property
    def text(self) -> str:
        charset = httpx2.Response(self.status_code, headers=self.headers).charset_encoding or "utf-8"
        try:
            codecs.lookup(charset)
        except LookupError:
            charset = "utf-8"
        return self.content.decode(charset, errors="replace")


class RefusedBody(HeldHeaders):
    """An answer whose body was not read: too large, or not decodable."""

    __slots__ = ("status_code", "too_large")

    def __init__(self, status_code: int, headers: HeaderSource, *, too_large: bool) -> None:
        self.status_code = status_code
        self._headers = headers
        self.too_large = too_large

    def __repr__(self) -> str:
        return f"RefusedBody(status_code={self.status_code!r}, too_large={self.too_large!r})"


class DeadlineReached:
    """The whole call's timeout ran out during the attempt."""


class ClientClosed:
    """The Client was closed during the attempt or the wait before it."""


Outcome = Answer | RefusedBody | httpx2.TransportError | DeadlineReached | ClientClosed | None
Exchange = Generator[Attempt | float, Outcome, ApiResponse[ResultT]]


def exchange(call: PreparedCall[ResultT]) -> Exchange[ResultT]:
    retries = 0
    deadline = time.monotonic() + call.budget
    limits = call.phases
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise _timeout(call, "total", retries)
        # No phase may take longer than the call has left (the first attempt has the whole budget,
        # which is its longest limit).
        timeouts = limits if retries == 0 else {name: min(limit, remaining) for name, limit in limits.items() if limit}
        started = time.perf_counter()
        outcome = yield Attempt(call.request, deadline, call.max_response_bytes, timeouts)
        if logger.isEnabledFor(logging.DEBUG):  # here, not in _log: a call fewer on every attempt
            _log(call, outcome, started, retries)
        if not isinstance(outcome, Answer):
            delay = _retry_after_failure(call, outcome, retries, deadline)
        elif 200 <= outcome.status_code < 300:
            return _success(call, outcome, retries)
        else:
            delay = _retry_after_answer(call, outcome, retries, deadline)
        yield from _wait(call, delay)
        retries += 1


def _retry_after_failure(call: PreparedCall[Any], outcome: Outcome, retries: int, deadline: float) -> float:
    """The wait before the next attempt after an attempt that got no readable answer; else the error is raised."""
    if isinstance(outcome, ClientClosed):
        raise ClientClosedError(f"{_where(call)}: the Client was closed during the call")
    if isinstance(outcome, DeadlineReached):
        raise _timeout(call, "total", retries)
    if isinstance(outcome, RefusedBody):
        raise _refused(call, outcome, retries)
    if not isinstance(outcome, httpx2.TransportError):
        raise TypeError(f"a driver answered {type(outcome).__name__}")  # an internal error, never expected
    left = deadline - time.monotonic()
    delay = backoff_delay(retries)
    if retries < call.max_retries and may_retry_error(outcome, idempotent=call.operation.idempotent) and delay < left:
        return delay
    raise _transport_error(call, outcome, retries)


def _retry_after_answer(call: PreparedCall[Any], answer: Answer, retries: int, deadline: float) -> float:
    """The wait before the next attempt after an error answer worth repeating; else the ApiError is raised."""
    retry_after = retry_after_seconds(answer.headers)
    if retries < call.max_retries and may_retry_status(answer.status_code, idempotent=call.operation.idempotent):
        delay = backoff_delay(retries) if retry_after is None else retry_after
        # A wait longer than the cap, or than the call has left, is not taken: the error says
        # `retry_after`, and the caller decides.
        if delay <= MAX_RETRY_AFTER and delay < deadline - time.monotonic():
            return delay
    raise _api_error(call, answer, retries, retry_after)


def _wait(call: PreparedCall[Any], seconds: float) -> Generator[float, Outcome, None]:
    if isinstance((yield seconds), ClientClosed):
        raise ClientClosedError(f"{_where(call)}: the Client was closed while the call waited to retry")


def _log(call: PreparedCall[Any], outcome: Outcome, started: float, retries: int) -> None:
    if isinstance(outcome, Answer | RefusedBody):
        result = f"{outcome.status_code} in"
    else:
        result = "deadline reached after" if isinstance(outcome, DeadlineReached) else f"{type(outcome).__name__} after"
    elapsed_ms = (time.perf_counter() - started) * 1000
    logger.debug(
        "%s %s -> %s %.1f ms (retries so far: %d)",
        call.request.method,
        call.operation.path_template,
        result,
        elapsed_ms,
        retries,
    )


def _where(call: PreparedCall[Any]) -> str:
    return call_site(call.operation.name, call.request.method, call.url_for_messages)


def _suffix(retries: int) -> str:
    return f" after {retries} retries" if retries else ""


def _success(call: PreparedCall[ResultT], answer: Answer, retries: int) -> ApiResponse[ResultT]:
    operation = call.operation
    result: Any = None
    if operation.result_type is not None:
        parsed, failure = _parse_answer()(operation, answer.status_code, answer.content)
        if isinstance(parsed, operation.result_type):
            result = parsed
        elif failure is not None or answer.content or not operation.body_optional:
            # The typed result promised for this call cannot be given: a missing body, one not of
            # the documented shape, or a 2xx FusionAuth does not document here.
            raise ResponseParseError(
                operation=operation.name,
                method=call.request.method,
                url=call.url_for_messages,
                status_code=answer.status_code,
                headers=answer.headers,
                body=answer.text,
                reason=failure or ("no body" if not answer.content else "not an answer FusionAuth documents here"),
                retries=retries,
            )
    response_class = operation.response_classes.for_status(answer.status_code)
    # Positional (see ApiResponse.__init__); the headers as read: made into httpx2.Headers only if the caller looks.
    return response_class(answer.status_code, answer._headers, answer.content, result, retries)


def _api_error(call: PreparedCall[Any], answer: Answer, retries: int, retry_after: float | None) -> Exception:
    parsed, _ = _parse_answer()(call.operation, answer.status_code, answer.content)
    return api_error_class(answer.status_code)(
        operation=call.operation.name,
        method=call.request.method,
        url=call.url_for_messages,
        status_code=answer.status_code,
        headers=answer.headers,
        body=answer.text,
        result=parsed,
        retries=retries,
        retry_after=retry_after,
        redirect_origin=_redirect_origin(answer),
    )


def _redirect_origin(answer: Answer) -> str | None:
    """Where a redirect pointed, as scheme://host[:port] only: its path and query may hold ids."""
    location = answer.headers.get("location")
    if not 300 <= answer.status_code < 400 or location is None:
        return None
    parts = urllib.parse.urlsplit(location)
    return f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}" if parts.netloc else "(the same origin)"


def _refused(call: PreparedCall[Any], refused: RefusedBody, retries: int) -> ResponseParseError:
    fields: dict[str, Any] = {
        "operation": call.operation.name,
        "method": call.request.method,
        "url": call.url_for_messages,
        "status_code": refused.status_code,
        "headers": refused.headers,
        "body": "",
        "retries": retries,
    }
    if refused.too_large:
        return ResponseTooLargeError(reason=f"larger than max_response_bytes={call.max_response_bytes}", **fields)
    return ResponseParseError(reason="its Content-Encoding could not be decoded", **fields)


def _timeout(call: PreparedCall[Any], phase: str, retries: int) -> APITimeoutError:
    """`phase` is connect, read, write or pool (that limit ran out), or total (an answer trickled in)."""
    whole_call = f"the {call.budget:g} s timeout for the whole call ran out"
    message = f"{_where(call)}: {whole_call if phase == 'total' else phase + ' timeout'}{_suffix(retries)}"
    return APITimeoutError(
        message,
        operation=call.operation.name,
        method=call.request.method,
        url=call.url_for_messages,
        phase=phase,
        retries=retries,
    )


def _transport_error(call: PreparedCall[Any], error: httpx2.TransportError, retries: int) -> APIConnectionError:
    # Raised without chaining to `error`: its traceback's frames (httpcore2's) hold the request,
    # and error trackers record every frame's locals. The message names what failed.
    if isinstance(error, httpx2.TimeoutException):
        phases = {
            httpx2.ConnectTimeout: "connect",
            httpx2.ReadTimeout: "read",
            httpx2.WriteTimeout: "write",
            httpx2.PoolTimeout: "pool",
        }
        return _timeout(call, phases.get(type(error), "unknown"), retries)
    if isinstance(error, httpx2.ConnectError):
        reason = "could not connect (refused, DNS or TLS failure)"
    else:
        reason = f"the connection failed ({type(error).__name__})"
    return APIConnectionError(
        f"{_where(call)}: {reason}{_suffix(retries)}",
        operation=call.operation.name,
        method=call.request.method,
        url=call.url_for_messages,
        retries=retries,
    )
