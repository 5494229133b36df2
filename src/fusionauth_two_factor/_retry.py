"""When a failed attempt may be repeated, and how long to wait first.

The rule that matters: a call with a side effect (sending a code, submitting one, starting a
login) is repeated only when the first attempt certainly never reached FusionAuth (the connection
was never made), or when FusionAuth itself said "try again after" (429/503 with Retry-After).
A read timeout or a reset after sending is ambiguous: the code may have been sent or consumed.
"""

from __future__ import annotations

import email.utils
import random
import time

import httpx2

from ._constants import INITIAL_RETRY_DELAY, MAX_RETRY_AFTER, MAX_RETRY_DELAY

# The request never left this machine: nothing happened on the server.
_NOT_SENT = (httpx2.ConnectError, httpx2.ConnectTimeout, httpx2.PoolTimeout)
# Worth repeating for calls without side effects only.
_RETRYABLE_STATUS_IF_IDEMPOTENT = frozenset({429, 502, 503, 504})
_STATUS_WITH_RETRY_AFTER = frozenset({429, 503})


def may_retry_error(error: httpx2.TransportError, *, idempotent: bool) -> bool:
    if isinstance(error, _NOT_SENT):
        return True
    return idempotent and isinstance(error, httpx2.TimeoutException | httpx2.NetworkError | httpx2.RemoteProtocolError)


def may_retry_status(status_code: int, retry_after: float | None, *, idempotent: bool) -> bool:
    if status_code in _STATUS_WITH_RETRY_AFTER and retry_after is not None:
        return retry_after <= MAX_RETRY_AFTER
    return idempotent and status_code in _RETRYABLE_STATUS_IF_IDEMPOTENT


def retry_after_seconds(headers: httpx2.Headers) -> float | None:
    """The wait the server asked for: `retry-after-ms`, or `Retry-After` in seconds or as an HTTP date."""
    milliseconds = headers.get("retry-after-ms")
    if milliseconds is not None:
        try:
            return max(float(milliseconds) / 1000, 0.0)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(float(value), 0.0)
    except ValueError:
        pass
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(moment.timestamp() - time.time(), 0.0)


def backoff_delay(retries_so_far: int) -> float:
    """Exponential backoff with jitter: about 0.5 s, 1 s, 2 s ... never more than MAX_RETRY_DELAY."""
    delay = min(INITIAL_RETRY_DELAY * 2.0**retries_so_far, MAX_RETRY_DELAY)
    return delay * (0.75 + random.random() / 4)  # noqa: S311 - jitter, not cryptography
