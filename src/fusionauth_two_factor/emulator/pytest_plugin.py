"""pytest fixtures for a running emulator.

Enable in a ``conftest.py``::

    pytest_plugins = ["fusionauth_two_factor.emulator.pytest_plugin"]

Fixtures:

``fusionauth_emulator`` (function scope)
    The running :class:`~.server.EmulatorServer` (``.base_url``, ``.state``, ``.clock``/``.fake_clock``,
    ``.advance(s)``, ``.api_key``, ``.seed``, ``.user(alias)``, ``.latest_code(...)``, ``.outbox``,
    ``.totp_code(user)``, ``.mint_jwt(user)``). One uvicorn server is shared by the whole session on a free
    127.0.0.1 port, but **every test gets a fresh world**: before each test the state is reloaded from
    ``fusionauth_emulator_seed`` (challenges, trusts, outbox, consumed recovery codes are forgotten) and the
    :class:`~.clock.FakeClock` is set back to the current wall-clock second. Time then only moves when the test
    calls ``fusionauth_emulator.advance(seconds)``.
``fusionauth_emulator_seed`` (function scope)
    The :class:`~.seed.Seed` each test starts from; the packaged default. Override it in a ``conftest.py`` or a
    test module to run against your own data.
``fusionauth_emulator_server`` (session scope)
    The shared server, without the per-test reset.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from .clock import FakeClock
from .seed import Seed, default_seed
from .server import EmulatorServer

__all__ = ["fusionauth_emulator", "fusionauth_emulator_seed", "fusionauth_emulator_server"]


@pytest.fixture(scope="session")
def fusionauth_emulator_server() -> Iterator[EmulatorServer]:
    server = EmulatorServer(clock=FakeClock())
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def fusionauth_emulator_seed() -> Seed:
    return default_seed()


@pytest.fixture
def fusionauth_emulator(fusionauth_emulator_server: EmulatorServer, fusionauth_emulator_seed: Seed) -> EmulatorServer:
    fusionauth_emulator_server.fake_clock.set((time.time_ns() // 1_000_000_000) * 1000)
    fusionauth_emulator_server.state.reset(fusionauth_emulator_seed)
    return fusionauth_emulator_server
