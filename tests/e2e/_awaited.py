"""`Awaited`: a sync or an async controller whose methods are all awaited, so one test body drives both."""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from typing import Any


class Awaited:
    """``Awaited(TwoFactorController(c))`` and ``Awaited(AsyncTwoFactorController(c))`` are called the same way:
    the sync controller's methods are called directly, the async one's awaited."""

    def __init__(self, controller: object) -> None:
        self._controller = controller

    def __getattr__(self, name: str) -> Callable[..., Awaitable[Any]]:
        method = getattr(self._controller, name)

        async def call(*args: Any, **kwargs: Any) -> Any:
            outcome = method(*args, **kwargs)
            return await outcome if inspect.isawaitable(outcome) else outcome

        return call
