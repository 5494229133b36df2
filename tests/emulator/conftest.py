"""Fixtures for the emulator tests: plain httpx2 clients for ``emu`` (tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator

import httpx2
import pytest

from fusionauth_two_factor.emulator.server import EmulatorServer


@pytest.fixture
def http(emu: EmulatorServer) -> Iterator[httpx2.Client]:
    """A client sending no credentials."""
    with httpx2.Client(base_url=emu.base_url, timeout=10) as client:
        yield client


@pytest.fixture
def api(emu: EmulatorServer) -> Iterator[httpx2.Client]:
    """A client sending the seeded all-tenant API key."""
    with httpx2.Client(base_url=emu.base_url, headers={"Authorization": emu.api_key}, timeout=10) as client:
        yield client
