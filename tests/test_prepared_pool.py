"""Client._async_pool once its pool exists (the path without the lock): every misuse is still refused."""

from __future__ import annotations

import asyncio

import httpx2
import pytest

from fusionauth_two_factor import Client
from fusionauth_two_factor._errors import ClientClosedError, ClientUsageError


async def _pool(client: Client) -> object:
    return client._async_pool()


def test_the_pool_is_made_once_per_loop_and_kept() -> None:
    client = Client("http://127.0.0.1:9")

    async def twice() -> tuple[object, object]:
        return client._async_pool(), client._async_pool()

    first, again = asyncio.run(twice())
    assert first is again
    assert asyncio.run(_pool(client)) is not first  # the first loop has closed: a new pool for the new loop
    asyncio.run(client.aclose())


def test_a_closed_client_is_refused_once_its_pool_exists() -> None:
    client = Client("http://127.0.0.1:9")

    async def use_then_close() -> None:
        client._async_pool()
        await client.aclose()
        with pytest.raises(ClientClosedError):
            client._async_pool()

    asyncio.run(use_then_close())


def test_a_client_opened_with_with_is_refused_once_its_pool_exists() -> None:
    client = Client("http://127.0.0.1:9")

    async def use_then_enter() -> None:
        client._async_pool()
        with client, pytest.raises(ClientUsageError, match="async with"):
            client._async_pool()

    asyncio.run(use_then_enter())
    asyncio.run(client.aclose())


def test_a_pool_of_another_running_loop_is_refused_once_it_exists() -> None:
    client = Client("http://127.0.0.1:9")
    other = asyncio.new_event_loop()  # not closed: its pool may still be in use
    try:
        other.run_until_complete(_pool(client))
        with pytest.raises(ClientUsageError, match="another running event loop"):
            asyncio.run(_pool(client))
    finally:
        other.run_until_complete(client.aclose())
        other.close()


def test_a_callers_async_client_serves_any_loop() -> None:
    http = httpx2.AsyncClient()
    client = Client("http://127.0.0.1:9", async_http_client=http)
    assert asyncio.run(_pool(client)) is asyncio.run(_pool(client))
    asyncio.run(http.aclose())
