"""The whole call's deadline, inside every socket operation of the Client's own sync pool.

httpx2's timeouts bound each socket operation, not a call: a server that trickles its answer one
byte every half second never trips a 1 s read timeout. The drivers check the deadline between the
chunks of a body and, on async paths, cancel the whole attempt at the deadline. A blocking sync
call cannot be cancelled from outside, so the Client's own sync pool (`_sync_pool`) sends through a
network backend that gives every connect, read and write no more time than the call has left
(`bounded`): headers trickled byte by byte end at the deadline too.

Nothing here imports httpcore2: `import fusionauth_two_factor` must stay cheap (see BENCHMARKS.md).
"""

from __future__ import annotations

import contextlib
import contextvars
import time
from collections.abc import Iterator

_DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar("fusionauth_two_factor_deadline", default=None)


@contextlib.contextmanager
def deadline(at: float) -> Iterator[None]:
    """Within this block, the own pool's socket operations end by `at` (a `time.monotonic()` instant)."""
    token = _DEADLINE.set(at)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def bounded(timeout: float | None, timeout_class: type[Exception]) -> float | None:
    """`timeout`, cut to what the call has left; `timeout_class` is raised when nothing is left."""
    at = _DEADLINE.get()
    if at is None:
        return timeout
    remaining = at - time.monotonic()
    if remaining <= 0:
        raise timeout_class("the call's deadline has passed")
    return remaining if timeout is None else min(timeout, remaining)
