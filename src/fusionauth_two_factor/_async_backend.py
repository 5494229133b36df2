"""Which transport the Client's own httpx.AsyncClient uses.

Placeholder until the aiohttp-backed fast path lands: httpx's own transport.
"""

from __future__ import annotations

import httpx


def default_async_transport() -> httpx.AsyncBaseTransport | None:
    """None means httpx's default transport."""
    return None
