"""End-to-end fixtures: the facade against the emulator over a real 127.0.0.1 socket.

The emulator's pytest plugin (``fusionauth_emulator``: one uvicorn server per session, fresh seeded state
and fake clock before every test) is imported here rather than enabled with ``pytest_plugins``: pytest
only accepts ``pytest_plugins`` in the root conftest, and a plain ``pytest`` run from the repository
collects this folder as a sub-directory.
"""

from __future__ import annotations

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
