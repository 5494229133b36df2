"""Keep a call's secrets out of the frame locals that error trackers record.

Sentry (by default) and ``traceback.TracebackException(capture_locals=True)`` show the repr of every
local of every frame an exception passed through. Inside a call those are the caller's
twoFactorId, code or JWT (as arguments), the request's headers with the API key, and the frames of
httpx2 and httpcore2. So when an exception leaves a public method, the locals of the frames it
passed through inside the call are cleared, and so are those of the exceptions chained to it
inside the call. The frames themselves stay: the traceback still says where it happened.
"""

from __future__ import annotations

import functools
import inspect
import sys
import traceback
from collections.abc import Callable, Coroutine
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def clear_locals_on_error(method: Callable[P, R]) -> Callable[P, R]:
    """`method`, whose exceptions leave without the locals of the frames inside it."""
    if inspect.iscoroutinefunction(method):
        return _awaitable(method)  # type: ignore[return-value]

    @functools.wraps(method)
    def blocking(*args: P.args, **kwargs: P.kwargs) -> R:
        # The caller's exception being handled, if any, is their own: its frames are left alone.
        # sys.exception(): sys.exc_info()[1] without building a tuple on every call.
        outside = id(sys.exception())
        try:
            return method(*args, **kwargs)
        except BaseException as error:
            del args, kwargs  # this frame is in the traceback too
            _clear_locals(error, outside)
            raise

    return blocking


def _awaitable(method: Callable[P, Coroutine[Any, Any, R]]) -> Callable[P, Coroutine[Any, Any, R]]:
    @functools.wraps(method)
    async def awaitable(*args: P.args, **kwargs: P.kwargs) -> R:
        outside = id(sys.exception())
        try:
            return await method(*args, **kwargs)
        except BaseException as error:
            del args, kwargs
            _clear_locals(error, outside)
            raise

    return awaitable


def clear_locals_of_public_methods(cls: type[Any]) -> None:
    """Wrap every public method that `cls` defines with `clear_locals_on_error`."""
    for name, method in list(vars(cls).items()):
        if not name.startswith("_") and inspect.isfunction(method):
            setattr(cls, name, clear_locals_on_error(method))


def _clear_locals(error: BaseException, outside: int) -> None:
    pending, seen = [error], {outside}
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        traceback.clear_frames(current.__traceback__)  # skips the frames still running (this one)
        pending.extend(linked for linked in (current.__cause__, current.__context__) if linked is not None)
