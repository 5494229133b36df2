"""pytest fixtures for a running emulator: a fresh FusionAuth world in every test, on a clock that moves only when told.

Enable them in the top-level ``conftest.py`` (pytest reads ``pytest_plugins`` only there), then ask for
``fusionauth_emulator`` in a test::

    # conftest.py
    pytest_plugins = ["fusionauth_two_factor.emulator.pytest_plugin"]


    # test_enrolment.py
    from fusionauth_two_factor import Client, TwoFactorController
    from fusionauth_two_factor.emulator import EmulatorServer
    from fusionauth_two_factor.enrolment import authenticator_uri


    def test_a_user_gets_a_secret_with_their_own_jwt(fusionauth_emulator: EmulatorServer) -> None:
        jwt = fusionauth_emulator.mint_jwt("monica@piedpiper.com")  # a login would give her the same kind of JWT
        with Client(fusionauth_emulator.base_url) as client:  # a JWT call sends no API key
            secret = TwoFactorController(client).generate_two_factor_secret_using_jwt(jwt)
        uri = authenticator_uri(secret, issuer="Pied Piper", account_name="monica@piedpiper.com")
        assert uri.startswith("otpauth://totp/Pied%20Piper:monica%40piedpiper.com?secret=")

Fixtures:

``fusionauth_emulator`` (function scope)
    The running :class:`~.server.EmulatorServer`, reset for this test (see the fixture's docstring).
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
    """One emulator for the whole session, on a free 127.0.0.1 port and a :class:`FakeClock`.

    Not reset between tests: ask for ``fusionauth_emulator`` instead, unless a test wants what earlier tests left.
    """
    server = EmulatorServer(clock=FakeClock())
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def fusionauth_emulator_seed() -> Seed:
    """The data every test starts from: the packaged ``default_seed.json`` (``GET /_emulator/info`` lists its users).

    Override this fixture (same name, in a ``conftest.py`` or a test module) to start from your own, for example
    ``return load_seed(Path(__file__).parent / "seed.json")``.
    """
    return default_seed()


@pytest.fixture
def fusionauth_emulator(fusionauth_emulator_server: EmulatorServer, fusionauth_emulator_seed: Seed) -> EmulatorServer:
    """The running emulator with a fresh world: what a test talks to (``Client(fusionauth_emulator.base_url, ...)``).

    Before the test the state is reloaded from ``fusionauth_emulator_seed`` (challenges, trusts, the outbox and
    used recovery codes are forgotten) and the fake clock is set to the current wall-clock second; after that time
    moves only by ``fusionauth_emulator.advance(seconds)``, so an expiry is a line, not a wait. What a test needs
    besides HTTP: ``.api_key`` (the seed's all-tenant key), ``.mint_jwt(user)`` (an access token for a seeded user,
    as a login would give), ``.totp_code(user)`` (the user's authenticator code now), ``.outbox`` and
    ``.latest_code(...)`` (the codes "sent" by email or SMS), ``.user(alias)``, ``.state`` and ``.seed``.
    """
    fusionauth_emulator_server.fake_clock.set((time.time_ns() // 1_000_000_000) * 1000)
    fusionauth_emulator_server.state.reset(fusionauth_emulator_seed)
    return fusionauth_emulator_server
