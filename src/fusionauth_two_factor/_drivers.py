"""The I/O of a call: perform the steps `exchange` yields, blocking or awaitable, on a wire (`_wire`).

Both drivers read each answer as a stream, counting what they read against the call's limit
(after decompression) and, sync, its deadline; the async driver cancels an attempt at the
deadline. Anything the HTTP library raises becomes an outcome for `exchange`, which alone decides
what it means: the drivers raise nothing of their own.
"""

from __future__ import annotations

import threading
import time
from contextlib import AbstractContextManager

import httpx2

from ._deadline import CancelledAt, deadline, running_asyncio_loop
from ._exchange import Answer, Attempt, ClientClosed, DeadlineReached, Exchange, Outcome, RefusedBody, ResultT
from ._response import ApiResponse
from ._wire import AsyncReply, AsyncWire, Reply, SyncWire

_CANCEL_GRACE = 0.5  # seconds; a phase's own timeout, clipped to the deadline, rings first and names the phase


class WholeBody:
    """A body a wire has read to its end, and its connection released, before handing the reply on.

    The async driver takes it whole, and does not close the reply (there is nothing left to close).

    Most answers are small and arrive with their headers; iterating over them (a coroutine per
    step, and StopAsyncIteration raised at the end) costs more than the rest of reading them.
    Still an async iterator of its one chunk, for any other reader.
    """

    __slots__ = ("_taken", "data")

    def __init__(self, data: bytes) -> None:
        self.data = data
        self._taken = False

    def __aiter__(self) -> WholeBody:
        return self

    async def __anext__(self) -> bytes:
        if self._taken or not self.data:
            raise StopAsyncIteration
        self._taken = True
        return self.data


class _TooLarge(Exception):
    pass


class _Late(Exception):
    pass


class _Body:
    """The chunks of one answer, refused once they exceed the limit or the deadline has passed."""

    def __init__(self, attempt: Attempt) -> None:
        self._attempt = attempt
        self._chunks: list[bytes] = []
        self._size = 0

    def add(self, chunk: bytes) -> None:
        self._size += len(chunk)
        if self._size > self._attempt.max_response_bytes:
            raise _TooLarge
        if time.monotonic() > self._attempt.deadline:
            raise _Late
        self._chunks.append(chunk)

    def answer(self, reply: Reply | AsyncReply) -> Answer:
        return Answer(reply.status_code, reply.headers, b"".join(self._chunks))


def _unread(response: Reply | AsyncReply, failure: Exception) -> Outcome:
    if isinstance(failure, _Late):
        return DeadlineReached()
    return RefusedBody(response.status_code, response.headers, too_large=isinstance(failure, _TooLarge))


def _as_outcome(error: Exception, closed: threading.Event) -> Outcome:
    if closed.is_set():
        return ClientClosed()
    if isinstance(error, httpx2.TransportError):
        return error
    # Anything else from the HTTP library (an httpx2.Client closed under us, a transport's own
    # error class) is a failed exchange too; only its kind is kept.
    return httpx2.TransportError(type(error).__name__)


def _sleep_sync(seconds: float, closed: threading.Event) -> None:
    closed.wait(seconds)  # ends early when the Client is closed


async def _sleep_async(seconds: float) -> None:
    import anyio  # noqa: PLC0415 - imported at the first async call, not with the package (6 ms)

    await anyio.sleep(seconds)  # anyio: works under asyncio and trio, like httpx2


def run_sync(wire: SyncWire, steps: Exchange[ResultT], closed: threading.Event) -> ApiResponse[ResultT]:
    outcome: Outcome = None
    try:
        while True:
            step = steps.send(outcome)
            if isinstance(step, Attempt):
                outcome = _attempt_sync(wire, step, closed)
            else:
                _sleep_sync(step, closed)
                outcome = ClientClosed() if closed.is_set() else None
    except StopIteration as done:
        return done.value  # type: ignore[no-any-return]


def _attempt_sync(wire: SyncWire, attempt: Attempt, closed: threading.Event) -> Outcome:
    if closed.is_set():
        return ClientClosed()
    try:
        with deadline(attempt.deadline):
            response = wire.send(attempt.request, attempt.timeouts)
            body = _Body(attempt)
            try:
                for chunk in response.chunks:
                    body.add(chunk)
            except (_TooLarge, _Late) as failure:
                return _unread(response, failure)
            except httpx2.DecodingError:
                return RefusedBody(response.status_code, response.headers, too_large=False)
            finally:
                response.close()
            return body.answer(response)
    except Exception as error:  # every failure of the library is an outcome
        return _as_outcome(error, closed)


async def run_async(wire: AsyncWire, steps: Exchange[ResultT], closed: threading.Event) -> ApiResponse[ResultT]:
    outcome: Outcome = None
    try:
        while True:
            step = steps.send(outcome)
            if isinstance(step, Attempt):
                outcome = await _attempt_async(wire, step, closed)
            else:
                await _sleep_async(step)
                outcome = ClientClosed() if closed.is_set() else None
    except StopIteration as done:
        return done.value  # type: ignore[no-any-return]


async def _attempt_async(wire: AsyncWire, attempt: Attempt, closed: threading.Event) -> Outcome:
    if closed.is_set():
        return ClientClosed()
    # Cancelled at the deadline wherever it is: connecting, waiting for headers, or reading. A
    # moment later than the phase limits (clipped to the deadline by `exchange`), so that a
    # phase that runs out is reported as that phase; the cancel is for answers that trickle.
    cancel_at = attempt.deadline + _CANCEL_GRACE
    loop = running_asyncio_loop()
    scope: AbstractContextManager[object]
    if loop is None:  # trio: anyio's cancel scope, which httpx2 uses there too
        import anyio  # noqa: PLC0415 - imported at the first async call, not with the package (6 ms)

        scope = anyio.move_on_after(max(cancel_at - time.monotonic(), 0))
    else:
        scope = CancelledAt(loop, cancel_at)  # no timer of its own: much cheaper than anyio's scope
    try:
        with scope:
            response = await wire.send(attempt.request, attempt.timeouts)
            body = _Body(attempt)
            chunks = response.chunks
            try:
                if type(chunks) is WholeBody:
                    if chunks.data:  # as iterating: an empty body adds no chunk, so no deadline test
                        body.add(chunks.data)
                else:
                    async for chunk in chunks:
                        body.add(chunk)
            except (_TooLarge, _Late) as failure:
                return _unread(response, failure)
            except httpx2.DecodingError:
                return RefusedBody(response.status_code, response.headers, too_large=False)
            finally:
                if type(chunks) is not WholeBody:
                    await response.aclose()
            return body.answer(response)
        return DeadlineReached()
    except Exception as error:  # every failure of the library is an outcome
        return _as_outcome(error, closed)
