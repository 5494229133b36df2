"""A local, faithful stand-in for FusionAuth's login and Multi-Factor (MFA) APIs, for tests and demos.

Password login (``/api/login``, 242 when a second factor is due), the two-factor login, step-up, status, enabling,
renaming and disabling methods, recovery codes and delivered codes (``app.py`` lists every endpoint and status).

Install with the ``emulator`` extra: ``pip install '.[emulator]'`` at the root of a clone. Independent of the
client package: nothing here imports ``fusionauth_two_factor`` and the client never imports this.

Python API:

- :class:`EmulatorServer` runs uvicorn in a background thread on 127.0.0.1 (port 0 = free port); ``start()``
  returns the base URL; usable as a context manager; exposes ``state``, ``clock``, ``api_key``, ``user()``,
  ``latest_code()``, ``totp_code()``, ``mint_jwt()``, ``advance()``.
- :class:`EmulatorState` is the in-memory world and the endpoint semantics (``outbox``, ``latest_code``,
  ``mint_jwt``, ``reset``, ...); :func:`create_app` wraps one in a Starlette app (also usable with
  ``httpx2.ASGITransport``).
- :class:`FakeClock` / :class:`SystemClock` implement the :class:`Clock` protocol.
- :func:`default_seed` / :func:`load_seed` / :class:`Seed` describe the seeded data (format: see ``seed.py``).
- Command: ``fusionauth-two-factor-emulator`` (``cli.py``); pytest fixtures: ``pytest_plugin.py``.
"""

from .app import JSON_CONTENT_TYPE, create_app
from .clock import Clock, FakeClock, SystemClock
from .errors import ApiError
from .models import OutboxMessage
from .seed import Seed, SeedError, default_seed, load_seed
from .server import EmulatorServer
from .state import EmulatorState

__all__ = [
    "JSON_CONTENT_TYPE",
    "ApiError",
    "Clock",
    "EmulatorServer",
    "EmulatorState",
    "FakeClock",
    "OutboxMessage",
    "Seed",
    "SeedError",
    "SystemClock",
    "create_app",
    "default_seed",
    "load_seed",
]
