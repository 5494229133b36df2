"""The whole call's deadline: inside every socket operation of the own sync pool, and around async attempts.

httpx2's timeouts bound each socket operation, not a call: a server that trickles its answer one
byte every half second never trips a 1 s read timeout. The drivers check the deadline between the
chunks of a body and, on async paths, cancel the whole attempt at the deadline. A blocking sync
call cannot be cancelled from outside, so the Client's own sync pool (`_sync_pool`) sends through a
network backend that gives every connect, read and write no more time than the call has left
(`bounded`): headers trickled byte by byte end at the deadline too.

On asyncio an attempt is cancelled at its deadline by `CancelledAt` (one timer per loop, not one
per attempt); under trio the async driver keeps anyio's cancel scope. The own async pool's read
timeouts ring on the same timer (`Alarm`).

Nothing here imports httpcore2 or asyncio: `import fusionauth_two_factor` must stay cheap (see
BENCHMARKS.md); asyncio is taken from sys.modules, where a running asyncio loop has put it.
"""

from __future__ import annotations

import contextlib
import contextvars
import math
import sys
import time
import weakref
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    import asyncio

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


# --- async: the attempts in flight on an asyncio loop, cancelled at their deadlines ----------------
#
# A timer per attempt (anyio's move_on_after, asyncio.timeout) costs more than the rest of the
# driver: every timer is a Python TimerHandle pushed on the loop's heap, compared there by a Python
# __lt__, and a cancelled one stays in the heap until the loop sweeps it. With many calls in flight
# that was about a tenth of a call. So each loop has one timer, set for the earliest deadline of
# the attempts in flight there; starting and ending an attempt is a set operation.


def running_asyncio_loop() -> asyncio.AbstractEventLoop | None:
    """The asyncio loop running this code; None under trio (or outside any loop)."""
    # No asyncio loop runs unless asyncio was imported; importing it here would add ~15 ms to
    # `import fusionauth_two_factor`.
    module = sys.modules.get("asyncio")
    if module is None:
        return None
    try:
        loop: asyncio.AbstractEventLoop = module.get_running_loop()
    except RuntimeError:
        return None
    return loop


class CancelledAt:
    """While entered, the current asyncio task is cancelled once `time.monotonic()` reaches `at`.

    As anyio's move_on_after: the cancellation is delivered again (every `_AGAIN` seconds) until the
    block ends, so code inside that swallows one does not run on past the deadline; all of ours are
    swallowed at the end of the block (`expired` says they happened); any other cancellation of the
    task goes on. Once expired, `at` is the instant of the next delivery.
    """

    __slots__ = ("_cancelling", "_cancels", "_task", "_watches", "at", "expired")

    def __init__(self, loop: asyncio.AbstractEventLoop, at: float) -> None:
        task = sys.modules["asyncio"].current_task(loop)
        if task is None:
            raise RuntimeError("CancelledAt is entered by an asyncio task")
        self.at = at
        self.expired = False
        self._task: asyncio.Task[Any] = task
        self._cancelling = 0
        self._cancels = 0
        self._watches = _watches_of(loop)

    def __enter__(self) -> CancelledAt:
        self._cancelling = self._task.cancelling()  # cancellations already requested are not ours
        self._watches.add(self)
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: object) -> bool:
        self._watches.discard(self)
        if not self.expired:
            return False
        # Ours are taken back, each of them; if the task was also cancelled by someone else, that goes on.
        for _ in range(self._cancels):
            self._task.uncancel()
        if self._task.cancelling() > self._cancelling:
            return False
        return exc_type is not None and issubclass(exc_type, sys.modules["asyncio"].CancelledError)

    def expire(self) -> None:
        self.expired = True
        self._cancels += 1
        self._task.cancel()
        self.at = time.monotonic() + _AGAIN  # still watched: cancelled again if the block has not ended by then


class Alarm:
    """Calls `ring` once `time.monotonic()` reaches the instant it is set for, on the loop's one timer.

    A timer that is set again and again (the own async pool's read timeout, at every wait for more
    of an answer) costs a set operation here, not a TimerHandle pushed on the loop's heap and cancelled.

    While set, it is held by its loop's entry, and its `ring` (a connection, which holds the loop)
    with it: a loop abandoned with a read still waiting, its connection never closed, stays alive:
    only that loop could ring the alarm (a TimerHandle of the connection's would be a cycle the
    collector frees). The pool clears the alarm when a wait ends and when a connection is closed or lost.
    """

    __slots__ = ("_ring", "_watches", "at")

    def __init__(self, loop: asyncio.AbstractEventLoop, ring: Callable[[], object]) -> None:
        self._ring = ring
        self._watches = _watches_of(loop)
        self.at = math.inf

    def set(self, at: float) -> None:
        """Rings at `at`, whether it was set before or not."""
        self.at = at
        self._watches.add(self)

    def clear(self) -> None:
        self._watches.discard(self)

    def expire(self) -> None:
        self._watches.discard(self)
        self._ring()


# How often an expired block that has not ended yet is cancelled again (anyio: every loop iteration).
_AGAIN = 0.01


class _Watches:
    """The entered `CancelledAt` of one loop, and one timer set for the earliest of their instants.

    Nothing here holds the loop strongly, neither itself nor the timer's handle (which points at its
    loop): the value of a `_WATCHES` entry that did would keep its key, and every loop that ever ran
    a call, alive. A timer superseded by an earlier one is not cancelled but fires to no effect: its
    arming number is no longer the current one.
    """

    __slots__ = ("__weakref__", "_armed_at", "_arming", "_loop", "_watching")

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = weakref.ref(loop)
        self._watching: set[CancelledAt | Alarm] = set()
        self._armed_at = math.inf
        self._arming = 0

    def add(self, watch: CancelledAt | Alarm) -> None:
        self._watching.add(watch)
        if watch.at < self._armed_at:  # rarely: deadlines mostly come in the order the attempts start
            self._arm(watch.at)

    def discard(self, watch: CancelledAt | Alarm) -> None:
        # The timer is left set: it fires at most once per deadline's length, and then re-arms for
        # whoever is still in flight, or stops.
        self._watching.discard(watch)

    def _arm(self, at: float) -> None:
        # Only called on the loop's own thread while it runs (entering a watch, or its timer firing),
        # so the loop is alive.
        loop = cast("asyncio.AbstractEventLoop", self._loop())
        self._armed_at = at
        self._arming += 1
        # The loop's clock need not be time.monotonic() (uvloop has its own): the delay is converted.
        loop.call_at(loop.time() + max(at - time.monotonic(), 0.0), self._expire, self._arming)

    def _expire(self, arming: int) -> None:
        if arming != self._arming:
            return  # superseded by a timer armed for an earlier instant
        self._armed_at = math.inf
        now = time.monotonic()
        expired = [watch for watch in self._watching if watch.at <= now]
        try:
            for watch in expired:
                try:
                    watch.expire()
                except Exception as error:  # an alarm's callback: the other watches still expire
                    cast("asyncio.AbstractEventLoop", self._loop()).call_exception_handler(
                        {"message": "a deadline alarm failed", "exception": error}
                    )
        finally:  # re-armed whatever happened: every other deadline on this loop depends on it
            if self._watching:
                self._arm(min(watch.at for watch in self._watching))


# Per loop, and gone with it. Only the loop's own thread touches its entry.
_WATCHES: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _Watches] = weakref.WeakKeyDictionary()


# The last loop asked about, and its entry: a program mostly runs one loop, and a
# WeakKeyDictionary lookup makes a weak reference each time.
_LAST: tuple[weakref.ref[asyncio.AbstractEventLoop], _Watches] | None = None


def _watches_of(loop: asyncio.AbstractEventLoop) -> _Watches:
    global _LAST  # noqa: PLW0603 - a one-entry cache in front of _WATCHES
    last = _LAST
    if last is not None and last[0]() is loop:
        return last[1]
    watches = _WATCHES.get(loop)
    if watches is None:
        watches = _WATCHES[loop] = _Watches(loop)
    _LAST = (watches._loop, watches)
    return watches
