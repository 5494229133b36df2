"""Where the time of each hot path goes: pyinstrument over many calls to the canned loopback server.

python benchmarks/profile_paths.py [status|login|async] > profile.txt
"""

from __future__ import annotations

import asyncio
import sys

from canned import API_KEY, IN_FLIGHT, TRUST_ID, USER_ID
from pyinstrument import Profiler
from run import loopback_server, typed_login

import fusionauth_two_factor as fa

CALLS = 3000


def profile_sync(base_url: str, path: str) -> Profiler:
    with fa.Client(base_url, api_key=API_KEY) as client:
        facade = fa.TwoFactorController(client)
        call = (
            (lambda: typed_login(facade))
            if path == "login"
            else (lambda: facade.retrieve_two_factor_status(TRUST_ID, user_id=USER_ID).status_code)
        )
        call()  # warm up: the connection, compiled checks
        profiler = Profiler(interval=0.0005)
        with profiler:
            for _ in range(CALLS):
                call()
    return profiler


async def profile_async(base_url: str) -> Profiler:
    async with fa.Client(base_url, api_key=API_KEY) as client:
        facade = fa.AsyncTwoFactorController(client)

        async def worker(calls: int) -> None:
            for _ in range(calls):
                await facade.retrieve_two_factor_status(TRUST_ID, user_id=USER_ID)

        await worker(IN_FLIGHT)  # warm up
        profiler = Profiler(interval=0.0005, async_mode="disabled")
        with profiler:
            await asyncio.gather(*(worker(CALLS // IN_FLIGHT) for _ in range(IN_FLIGHT)))
    return profiler


def main() -> None:
    path = sys.argv[1] if len(sys.argv) > 1 else "status"
    with loopback_server() as base_url:
        profiler = asyncio.run(profile_async(base_url)) if path == "async" else profile_sync(base_url, path)
    sys.stdout.write(profiler.output_text(unicode=False, color=False, show_all=False))


if __name__ == "__main__":
    main()
