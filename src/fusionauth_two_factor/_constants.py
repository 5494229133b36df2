"""Every tunable default in one place, with the reason for its value."""

from __future__ import annotations

import httpx2

__version__ = "0.2.0"

USER_AGENT = f"fusionauth-two-factor-python/{__version__}"

# FusionAuth answers these calls in milliseconds; a slow network still connects in a few seconds.
# FusionAuth's own Python client waits 1000 s, which turns an outage into a hung worker. The
# longest of the four limits also bounds the whole call, retries and waits included (15 s here).
DEFAULT_TIMEOUT = httpx2.Timeout(connect=5.0, read=15.0, write=15.0, pool=10.0)
# No call may be given longer than this: a timeout of a day is a typo, and 1e308 overflows timers.
MAX_TIMEOUT = 3600.0

# FusionAuth's largest answer here is a LoginResponse with the user's registrations and data:
# kilobytes. A limit on what is read (after decompression) keeps a broken proxy or a
# decompression bomb from exhausting memory.
DEFAULT_MAX_RESPONSE_BYTES = 4 * 1024 * 1024

# The own pools' limits (sync and async), httpx2's `DEFAULT_LIMITS`, which `httpx2.HTTPTransport()`
# gives its pool (tests/test_sync_pool.py compares): at most 100 connections, 20 of them kept idle,
# an idle one dropped after 5 s.
MAX_CONNECTIONS = 100
MAX_KEEPALIVE_CONNECTIONS = 20
KEEPALIVE_EXPIRY = 5.0  # seconds

DEFAULT_MAX_RETRIES = 2
# Backoff between retries without a Retry-After: 0.5 s, 1 s, 2 s ... capped, with jitter so that
# many clients failing together do not come back together.
INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
# A Retry-After longer than this is not waited for: the error is raised with `retry_after` set,
# so that the caller decides (a web request should not hang for a minute on a rate limit).
MAX_RETRY_AFTER = 30.0

# Non-standard success codes FusionAuth uses (Python's http.HTTPStatus knows none of them).
STATUS_TWO_FACTOR_REQUIRED = 242
