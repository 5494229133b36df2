"""Injectable clocks: the emulator never reads the wall clock directly.

Every lifetime the emulator enforces (``twoFactorId`` 300 s, delivered codes 60 s, trusts 30 days, JWT expiry,
TOTP time steps) is computed from a :class:`Clock`, so tests can swap in a :class:`FakeClock` and move time
forward with :meth:`FakeClock.advance` instead of sleeping.
"""

from __future__ import annotations

import threading
import time
from typing import Protocol, runtime_checkable

__all__ = ["Clock", "FakeClock", "SystemClock"]


@runtime_checkable
class Clock(Protocol):
    """Anything that can tell the current instant in milliseconds since the Unix epoch."""

    def now_ms(self) -> int:
        """Return the current instant, in integer milliseconds since the epoch (UTC)."""
        ...


class SystemClock:
    """The real wall clock."""

    def now_ms(self) -> int:
        return time.time_ns() // 1_000_000


class FakeClock:
    """A manually driven clock; thread-safe, because the server thread reads it while a test advances it.

    ``start_ms`` defaults to the current wall-clock time truncated to a whole second, so minted JWTs carry
    plausible ``iat``/``exp`` values.
    """

    def __init__(self, start_ms: int | None = None) -> None:
        self._lock = threading.Lock()
        self._now_ms = start_ms if start_ms is not None else (time.time_ns() // 1_000_000_000) * 1000

    def now_ms(self) -> int:
        with self._lock:
            return self._now_ms

    def advance(self, seconds: float) -> int:
        """Move time forward by ``seconds`` (may be fractional; must not be negative); return the new instant."""
        if seconds < 0:
            raise ValueError("a FakeClock only moves forward")
        with self._lock:
            self._now_ms += round(seconds * 1000)
            return self._now_ms

    def set(self, now_ms: int) -> None:
        """Jump to an absolute instant (used by per-test resets)."""
        with self._lock:
            self._now_ms = now_ms

    def __repr__(self) -> str:
        return f"FakeClock(now_ms={self.now_ms()})"
