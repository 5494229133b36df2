"""Fixtures: a fake FusionAuth (`server`), `api`, which runs each test twice, through the sync and
the async controller, and the emulator (`emu`) for the end-to-end and emulator tests."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator

import pytest
from support import KNOWN_SECRETS, Api, FakeFusionAuth, make_client

from fusionauth_two_factor.emulator.server import EmulatorServer

# The emulator's fixtures, enabled the way the README tells users to (pytest reads pytest_plugins in
# the top-level conftest only): fusionauth_emulator, fusionauth_emulator_seed, fusionauth_emulator_server.
pytest_plugins = ["fusionauth_two_factor.emulator.pytest_plugin"]


@pytest.fixture(autouse=True)
def no_secret_in_any_log(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """Every test runs with the package and httpcore2 at DEBUG and httpx2 at INFO; no captured
    line may hold a secret."""
    # set_level also sets the capture handler's level, so the lower level goes last.
    caplog.set_level(logging.INFO, logger="httpx2")
    caplog.set_level(logging.DEBUG, logger="httpcore2")
    caplog.set_level(logging.DEBUG, logger="fusionauth_two_factor")
    yield
    for record in caplog.get_records("call"):
        line = record.getMessage()
        leaked = [secret for secret in KNOWN_SECRETS if secret in line]
        assert not leaked, f"a secret reached the log ({record.name}): {line[:200]}"


@pytest.fixture
def server() -> FakeFusionAuth:
    return FakeFusionAuth()


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def api(mode: str, server: FakeFusionAuth) -> Api:
    return Api(mode, make_client(server))


@pytest.fixture
def make_api(mode: str, server: FakeFusionAuth) -> Callable[..., Api]:
    """An Api whose Client takes the given settings (tenant_id=..., timeout=..., ...)."""
    return lambda **settings: Api(mode, make_client(server, **settings))


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[float]]:
    """Records the waits between retries instead of sleeping, sync and async."""
    recorded: list[float] = []

    def fake_sleep(seconds: float, closed: object) -> None:
        recorded.append(seconds)

    async def fake_async_sleep(seconds: float) -> None:
        recorded.append(seconds)

    monkeypatch.setattr("fusionauth_two_factor._drivers._sleep_sync", fake_sleep)
    monkeypatch.setattr("fusionauth_two_factor._drivers._sleep_async", fake_async_sleep)
    yield recorded


@pytest.fixture
def emu(fusionauth_emulator: EmulatorServer) -> EmulatorServer:
    """The running emulator (fresh seeded state and fake clock for every test), under a short name."""
    return fusionauth_emulator
