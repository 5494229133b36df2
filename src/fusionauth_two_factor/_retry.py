"""When a failed attempt may be repeated, and how long to wait first.

The rule that matters: a call with a side effect (sending a code, submitting one, starting a
login) is repeated only when the first attempt certainly never reached FusionAuth (the connection
was never made), or when FusionAuth answered 429: it refused the request without processing it.
A read timeout, a reset after sending, or a 502/503/504 is ambiguous (a proxy's 503 proves nothing
about what FusionAuth did): the code may have been sent or consumed.
"""

from __future__ import annotations

import datetime
import email.utils
import math
import random
import time

import httpx2

from ._constants import INITIAL_RETRY_DELAY, MAX_RETRY_DELAY

# The request never left this machine: nothing happened on the server.
_NOT_SENT = (httpx2.ConnectError, httpx2.ConnectTimeout, httpx2.PoolTimeout)
# Worth repeating for calls without side effects only.
_RETRYABLE_STATUS_IF_IDEMPOTENT = frozenset({429, 502, 503, 504})
_REFUSED_UNPROCESSED = 429


def may_retry_error(error: httpx2.TransportError, *, idempotent: bool) -> bool:
    if isinstance(error, _NOT_SENT):
        return True
    return idempotent and isinstance(error, httpx2.TimeoutException | httpx2.NetworkError | httpx2.RemoteProtocolError)


def may_retry_status(status_code: int, *, idempotent: bool) -> bool:
    if status_code == _REFUSED_UNPROCESSED:
        return True
    return idempotent and status_code in _RETRYABLE_STATUS_IF_IDEMPOTENT


def retry_after_seconds(headers: httpx2.Headers) -> float | None:
    """The wait the server asked for (`retry-after-ms`, or `Retry-After` in seconds or as an HTTP date).

    Read defensively, whatever the status: None unless the header holds a finite, non-negative
    wait (garbage, `nan`, `inf`, a negative number or an unreadable date mean "use the normal
    backoff"). The value may still be long; the caller decides whether it is worth waiting for.
    """
    milliseconds = _finite_non_negative(headers.get("retry-after-ms"))
    if milliseconds is not None:
        return milliseconds / 1000
    value = headers.get("retry-after")
    if value is None:
        return None
    seconds = _finite_non_negative(value)
    if seconds is not None:
        return seconds
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if moment.tzinfo is None:  # RFC 9110 dates are in GMT
        moment = moment.replace(tzinfo=datetime.UTC)
    return max(moment.timestamp() - time.time(), 0.0)


def _finite_non_negative(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        number = float(value)
    except ValueError:
        return None
    return number if math.isfinite(number) and number >= 0 else None


def backoff_delay(retries_so_far: int) -> float:
    """Exponential backoff with jitter: about 0.5 s, 1 s, 2 s ... never more than MAX_RETRY_DELAY."""
    delay = min(INITIAL_RETRY_DELAY * 2.0 ** min(retries_so_far, 32), MAX_RETRY_DELAY)
    return delay * (0.75 + random.random() / 4)  # noqa: S311 - jitter, not cryptography
