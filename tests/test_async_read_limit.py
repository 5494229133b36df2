"""The aiohttp wire's read limit: aiohttp's sock_read, kept on the loop's one timer (`_deadline.Alarm`).

As aiohttp's own: it starts once the request is sent, starts again whenever bytes arrive,
covers the head and the body alike, and a limit that runs out is a read timeout.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import socket
import time
from collections.abc import Callable

import httpx2
import pytest
from support import API_KEY, TRUST_ID, USER_ID, LoopbackServer, fixture_bytes

from fusionauth_two_factor import APITimeoutError, AsyncTwoFactorController, Client, RequestOptions

pytest.importorskip("aiohttp", reason="the aiohttp extra is not installed")

STATUS = fixture_bytes("status_response.json")
HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(STATUS)


def answering(*pieces: tuple[float, bytes]) -> Callable[[socket.socket], None]:
    """Reads the request, then sends each piece after waiting its seconds."""

    def handle(connection: socket.socket) -> None:
        try:
            connection.recv(65536)
            for wait, data in pieces:
                time.sleep(wait)
                connection.sendall(data)
            time.sleep(3)  # the connection stays open: only a limit ends the read
        except OSError:
            return  # the client gave up: what a timeout test provokes

    return handle


async def status_of(server: LoopbackServer, read: float) -> object:
    """The whole call may take 5 s, each read `read` s."""
    async with Client(server.url, api_key=API_KEY, timeout=5, max_retries=0) as client:
        options = RequestOptions(timeout=httpx2.Timeout(5, read=read))
        return await AsyncTwoFactorController(client).retrieve_two_factor_status(
            TRUST_ID, user_id=USER_ID, request_options=options
        )


@pytest.mark.parametrize(
    "pieces",
    [
        [(0.0, HEAD[:20])],  # the head stops halfway
        [(0.0, HEAD)],  # the head came, the body does not
        [(0.0, HEAD + STATUS[:10])],  # the body stops halfway
    ],
    ids=["head", "before the body", "body"],
)
async def test_a_stalled_answer_is_a_read_timeout(pieces: list[tuple[float, bytes]]) -> None:
    server = LoopbackServer(answering(*pieces))
    try:
        started = time.monotonic()
        with pytest.raises(APITimeoutError) as caught:
            await status_of(server, read=0.3)
        assert caught.value.phase == "read"
        assert 0.3 <= time.monotonic() - started < 2  # not the 5 s call timeout
    finally:
        server.close()


async def test_bytes_that_keep_coming_start_the_limit_again() -> None:
    # Each gap is shorter than the read limit, all of them together longer: the call succeeds.
    pieces = [(0.0, HEAD[:10]), (0.2, HEAD[10:30]), (0.2, HEAD[30:]), (0.2, STATUS[:5]), (0.2, STATUS[5:])]
    server = LoopbackServer(answering(*pieces))
    try:
        response = await status_of(server, read=0.5)
        assert getattr(response, "status_code", None) == 200
    finally:
        server.close()


async def test_the_pinned_aiohttps_connections_keep_their_read_timer_on_the_loops_one_timer() -> None:
    """If aiohttp stopped making its protocols with `_factory`, its own timers would be back silently."""
    from fusionauth_two_factor._async_backend import AiohttpBackedTransport  # noqa: PLC0415

    server = LoopbackServer(answering((0.0, HEAD + STATUS)))
    wire = AiohttpBackedTransport()
    try:
        async with httpx2.AsyncClient(transport=wire) as http:
            assert (await http.get(server.url)).status_code == 200
            protocols = [protocol for held in wire._session.connector._conns.values() for protocol, _ in held]
    finally:
        server.close()
    assert protocols
    assert all(type(protocol).__name__ == "Handler" and hasattr(protocol, "_alarm") for protocol in protocols)


def test_aiohttp_touches_its_read_timer_only_in_the_two_methods_the_handler_replaces() -> None:
    """A handle that aiohttp set or cancelled elsewhere would not be the Handler's alarm: a read timer
    left set would ring on an idle connection. Checked against the installed aiohttp's source."""
    client_proto = importlib.import_module("aiohttp.client_proto")
    tree = ast.parse(inspect.getsource(client_proto.ResponseHandler))
    touching = {
        function.name
        for function in ast.walk(tree)
        if isinstance(function, ast.FunctionDef)
        for node in ast.walk(function)
        if isinstance(node, ast.Attribute) and node.attr == "_read_timeout_handle"
    }
    assert touching == {"__init__", "_reschedule_timeout", "_drop_timeout"}
