"""The async attempt's deadline on asyncio (`_deadline.CancelledAt`): one timer per loop, anyio's semantics."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import socket
import time
import weakref

import pytest
from support import API_KEY, TRUST_ID, USER_ID, LoopbackServer

from fusionauth_two_factor import APITimeoutError, AsyncTwoFactorController, Client
from fusionauth_two_factor._deadline import Alarm, CancelledAt


def scope(seconds: float) -> CancelledAt:
    return CancelledAt(asyncio.get_running_loop(), time.monotonic() + seconds)


async def test_the_block_is_cancelled_at_its_instant_and_the_cancel_swallowed() -> None:
    started = time.monotonic()
    with scope(0.1) as watch:
        await asyncio.sleep(5)
    assert watch.expired
    assert 0.1 <= time.monotonic() - started < 1
    current = asyncio.current_task()
    assert current is not None
    assert current.cancelling() == 0  # taken back: the task is not left half-cancelled
    await asyncio.sleep(0)  # and no cancel is pending for its next await


async def test_a_block_that_ends_in_time_is_not_cancelled_later() -> None:
    with scope(0.05) as watch:
        await asyncio.sleep(0)
    await asyncio.sleep(0.15)  # past the instant, outside the block: nothing happens
    assert not watch.expired


async def test_an_earlier_instant_entered_after_a_later_one_is_kept() -> None:
    async def sleeper(seconds: float) -> float:
        started = time.monotonic()
        with scope(seconds):
            await asyncio.sleep(5)
        return time.monotonic() - started

    late = asyncio.create_task(sleeper(0.6))
    await asyncio.sleep(0.01)
    early = await sleeper(0.1)
    assert early < 0.4
    assert 0.5 < await late < 1.5  # the timer re-armed for the one still in flight


@pytest.mark.parametrize("expired", [False, True], ids=["in-time", "expired-and-swallowed"])
async def test_a_cancellation_from_outside_goes_on(expired: bool) -> None:
    entered = asyncio.Event()

    async def inside() -> None:
        with scope(0.05 if expired else 5):
            if expired:  # the block's first cancel swallowed: the block is cancelled again meanwhile
                with contextlib.suppress(asyncio.CancelledError):
                    await asyncio.sleep(5)
            entered.set()
            await asyncio.sleep(5)

    task = asyncio.create_task(inside())
    await entered.wait()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task


async def test_a_cancellation_from_outside_at_the_same_moment_goes_on_too() -> None:
    async def inside() -> None:
        with scope(0.05):
            await asyncio.sleep(5)

    task = asyncio.create_task(inside())
    await asyncio.sleep(0.05)
    while not task.done():
        task.cancel()  # lands with the deadline's cancel, or just after
        await asyncio.sleep(0.005)
    assert task.cancelled()


async def test_a_block_that_swallows_one_cancel_still_ends_near_its_instant() -> None:
    started = time.monotonic()
    with scope(0.1) as watch:
        with contextlib.suppress(asyncio.CancelledError):  # swallowed, as careless code inside an attempt might
            await asyncio.sleep(5)
        await asyncio.sleep(1)  # cancelled again: the block does not run on past its instant
    assert watch.expired
    assert time.monotonic() - started < 0.5
    current = asyncio.current_task()
    assert current is not None
    assert current.cancelling() == 0  # every cancel of the block taken back
    await asyncio.sleep(0)


async def test_many_blocks_in_flight_each_end_at_their_own_instant() -> None:
    async def sleeper(seconds: float) -> tuple[float, float]:
        started = time.monotonic()
        with scope(seconds):
            await asyncio.sleep(5)
        return seconds, time.monotonic() - started

    results = await asyncio.gather(*(sleeper(0.05 * (n % 5 + 1)) for n in range(20)))
    for wanted, took in results:
        assert wanted <= took < wanted + 0.3


def test_a_loop_that_ran_a_block_is_not_kept_alive() -> None:
    loops: list[weakref.ref[asyncio.AbstractEventLoop]] = []

    async def one_block() -> bool:
        loops.append(weakref.ref(asyncio.get_running_loop()))
        with scope(0.05) as watch:
            await asyncio.sleep(5)
        return watch.expired

    for _ in range(5):
        assert asyncio.run(one_block())  # the deadline still fires
    gc.collect()
    assert [loop() for loop in loops] == [None] * 5


def _trickled_head(connection: socket.socket) -> None:
    """Reads the request, then sends an answer's head one byte every 0.1 s (for at most 5 s)."""
    ends = time.monotonic() + 5
    try:
        connection.recv(65536)
        for byte in b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}":
            if time.monotonic() > ends:
                return
            connection.sendall(bytes([byte]))
            time.sleep(0.1)
    except OSError:
        return  # the client gave up: what the test provokes


@pytest.mark.parametrize("scope", ["asyncio-own", "asyncio-httpx2", "anyio"])
async def test_a_trickled_head_ends_at_the_call_timeout(monkeypatch: pytest.MonkeyPatch, scope: str) -> None:
    # A byte every 0.1 s never lets a read wait 1 s: the call's deadline ends it, not the read limit.
    # "asyncio-own": the Client's own asyncio pool; "asyncio-httpx2": httpx2's; "anyio": the driver
    # as it runs under trio (no asyncio loop seen), over httpx2's own pool, which is what the Client
    # uses there; trio itself is not a test dependency.
    if scope == "asyncio-own":
        pytest.importorskip("httptools", reason="the speedups extra is not installed")
    else:
        monkeypatch.setattr("fusionauth_two_factor._client.own_async_pool", lambda: None)
    if scope == "anyio":
        monkeypatch.setattr("fusionauth_two_factor._drivers.running_asyncio_loop", lambda: None)
    server = LoopbackServer(_trickled_head)
    try:
        started = time.monotonic()
        async with Client(server.url, api_key=API_KEY, timeout=1, max_retries=0) as client:
            with pytest.raises(APITimeoutError) as caught:
                await AsyncTwoFactorController(client).retrieve_two_factor_status(TRUST_ID, user_id=USER_ID)
        # 1 s, the cancel's 0.5 s grace and the first call's imports (httptools), not ~8 s of trickle;
        # the margin is for a loaded CI machine (1.73-1.93 s seen with other work running).
        assert time.monotonic() - started < 3.0
        assert caught.value.phase == "total"
    finally:
        server.close()


async def test_an_alarm_rings_once_at_the_instant_it_was_last_set_for() -> None:
    rang: list[float] = []
    alarm = Alarm(asyncio.get_running_loop(), lambda: rang.append(time.monotonic()))
    started = time.monotonic()
    alarm.set(started + 0.05)
    alarm.set(started + 0.2)  # set again, later: the earlier instant no longer counts
    await asyncio.sleep(0.4)
    assert len(rang) == 1
    assert 0.2 <= rang[0] - started < 0.35


async def test_a_cleared_alarm_does_not_ring() -> None:
    rang: list[float] = []
    alarm = Alarm(asyncio.get_running_loop(), lambda: rang.append(time.monotonic()))
    alarm.set(time.monotonic() + 0.05)
    alarm.clear()
    await asyncio.sleep(0.15)
    assert rang == []


async def test_an_alarm_that_raises_stops_no_other_deadline_on_its_loop() -> None:
    loop = asyncio.get_running_loop()
    reported: list[object] = []
    loop.set_exception_handler(lambda _loop, context: reported.append(context.get("exception")))
    rang: list[str] = []

    def fail() -> None:
        raise RuntimeError("ring failed")

    started = time.monotonic()
    failing, same_time, later = (
        Alarm(loop, fail),
        Alarm(loop, lambda: rang.append("same time")),
        Alarm(loop, lambda: rang.append("later")),
    )
    failing.set(started + 0.05)
    same_time.set(started + 0.05)
    later.set(started + 0.15)
    try:
        with CancelledAt(loop, started + 0.25) as block:
            await asyncio.sleep(1)
    finally:
        loop.set_exception_handler(None)
    assert block.expired
    assert time.monotonic() - started < 0.6
    assert rang == ["same time", "later"]
    assert [type(error) for error in reported] == [RuntimeError]
