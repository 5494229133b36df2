"""Fixtures for the emulator tests.

The emulator's own pytest plugin provides ``fusionauth_emulator`` (one uvicorn server per session on a free
127.0.0.1 port, state and fake clock reset before every test); it is imported here rather than enabled with
``pytest_plugins`` because that is only allowed in a root conftest.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from fusionauth_two_factor.emulator.pytest_plugin import (  # noqa: F401 - fixtures
    fusionauth_emulator,
    fusionauth_emulator_seed,
    fusionauth_emulator_server,
)
from fusionauth_two_factor.emulator.server import EmulatorServer


@pytest.fixture
def emu(fusionauth_emulator: EmulatorServer) -> EmulatorServer:  # noqa: F811
    return fusionauth_emulator


@pytest.fixture
def http(emu: EmulatorServer) -> Iterator[httpx.Client]:
    """A client sending no credentials."""
    with httpx.Client(base_url=emu.base_url, timeout=10) as client:
        yield client


@pytest.fixture
def api(emu: EmulatorServer) -> Iterator[httpx.Client]:
    """A client sending the seeded all-tenant API key."""
    with httpx.Client(base_url=emu.base_url, headers={"Authorization": emu.api_key}, timeout=10) as client:
        yield client
