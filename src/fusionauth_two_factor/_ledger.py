"""Which connections one of the own pools holds, and the rules for reusing, making and keeping them.

The sync pool (`_sync_pool`, guarded by a lock, waiting on a condition) and the async pool
(`_async_pool`, on one event loop, waiting on futures) wait differently for a free slot; what they
do with their connections is this, written once:

- at most `MAX_CONNECTIONS` at once, idle, busy or being made; when every slot is taken and some
  hold idle connections (to another origin), the oldest idle one gives way;
- an idle connection is reused for its own origin only, the most recently used first; every
  idle one whose keep-alive (`KEEPALIVE_EXPIRY`) has expired is closed first, whatever its origin,
  as httpcore2 does on each request; one the server closed or wrote to while idle is closed;
- a connection given back goes idle only if its exchange ended cleanly, and no more than
  `MAX_KEEPALIVE_CONNECTIONS` stay idle (the oldest is closed).

The limits are read from `_constants` when used, so that a test may lower them.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

import httpx2

from . import _constants

if TYPE_CHECKING:
    from ._wire import Origin

OriginKey = tuple[bytes, bytes, int]  # scheme, host, port: the connections to one origin
# The schemes a Client takes (`_client` refuses a base URL of any other), with their default ports.
_DEFAULT_PORTS = {b"http": 80, b"https": 443}


def origin_key(origin: Origin) -> OriginKey:
    """The key of `origin`'s connections; httpx2.UnsupportedProtocol for a scheme neither pool speaks."""
    default_port = _DEFAULT_PORTS.get(origin.scheme)
    if default_port is None:
        raise httpx2.UnsupportedProtocol(f"Request URL has an unsupported protocol '{origin.scheme.decode()}://'.")
    return origin.scheme, origin.host, origin.port or default_port


def pool_closed() -> httpx2.ConnectError:
    """What a call waiting for, or given, a connection of a pool being closed raises."""
    return httpx2.ConnectError("the Client's connection pool is closed")


def no_slot_in_time() -> httpx2.PoolTimeout:
    """What a call raises when every connection stayed busy for its pool timeout."""
    return httpx2.PoolTimeout("no connection came free within the pool timeout")


class Pooled(Protocol):
    """What a pool's connection tells its ledger."""

    expire_at: float  # while idle: the time.monotonic() instant its keep-alive ends

    @property
    def key(self) -> object:
        """Its origin: scheme, host and port."""

    def reusable(self) -> bool:
        """After an exchange: whether it ended cleanly on both sides, so that another may follow."""

    def quiet_while_idle(self) -> bool:
        """While idle: whether the server has neither closed it nor sent anything on it."""

    def close(self) -> None: ...


C = TypeVar("C", bound=Pooled)


class Ledger(Generic[C]):
    """The connections of one pool: idle (oldest first), busy, and how many are being made.

    Not thread-safe by itself: the sync pool calls it under its lock, the async pool from its loop.
    """

    __slots__ = ("busy", "connecting", "idle")

    def __init__(self) -> None:
        self.idle: list[C] = []
        self.busy: set[C] = set()
        self.connecting = 0

    def take_idle(self, key: object) -> C | None:
        """The most recently used idle connection to `key` still fit for reuse, now busy; the unfit ones met are closed.

        The idle list is oldest first and each one's keep-alive was set to the same length when it
        went in, so the expired ones are at its head.
        """
        idle = self.idle
        now = time.monotonic()
        while idle and idle[0].expire_at < now:
            idle.pop(0).close()
        for index in range(len(idle) - 1, -1, -1):
            connection = idle[index]
            if connection.key != key:
                continue
            del idle[index]
            # Expired too (a keep-alive changed at run time breaks the order the head's check relies on).
            if now <= connection.expire_at and connection.quiet_while_idle():
                self.busy.add(connection)
                return connection
            connection.close()
        return None

    def reserve(self) -> bool:
        """Whether a new connection may be made now; if so, it is counted as being made (`made` or `not_made` next)."""
        if len(self.idle) + len(self.busy) + self.connecting >= _constants.MAX_CONNECTIONS:
            if not self.idle:
                return False
            self.idle.pop(0).close()  # every slot taken, some by idle connections elsewhere: the oldest gives way
        self.connecting += 1
        return True

    def not_made(self) -> None:
        """A connection reserved was not made (failed, or the pool closed meanwhile)."""
        self.connecting -= 1

    def made(self, connection: C) -> None:
        """A connection reserved was made, and is busy."""
        self.connecting -= 1
        self.busy.add(connection)

    def give_back(self, connection: C) -> bool:
        """A connection's exchange is over: idle again (True) if it ended cleanly, else closed.

        One that is not busy (given back before, or the pool was closed) is closed again, which
        does nothing more.
        """
        if connection not in self.busy:
            connection.close()
            return False
        self.busy.discard(connection)
        if not connection.reusable():
            connection.close()
            return False
        connection.expire_at = time.monotonic() + _constants.KEEPALIVE_EXPIRY
        self.idle.append(connection)
        if len(self.idle) > _constants.MAX_KEEPALIVE_CONNECTIONS:
            self.idle.pop(0).close()
        return True

    def drain(self) -> list[C]:
        """Every connection held, idle or busy, taken out of the ledger: the pool is being closed."""
        connections = [*self.idle, *self.busy]
        self.idle.clear()
        self.busy.clear()
        return connections
