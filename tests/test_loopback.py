"""Over real loopback sockets: pooled connections survive retries, and TLS failures are ours too."""

from __future__ import annotations

import asyncio
import http.server
import threading
from collections.abc import Iterator
from typing import Any, ClassVar

import pytest
from support import API_KEY, JWT, Api, present

from fusionauth_two_factor import APIConnectionError, AsyncTwoFactorController, Client, TwoFactorController


class ScriptedHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, so that connection reuse is visible
    statuses: ClassVar[list[int]] = []
    connections: ClassVar[set[tuple[str, int]]] = set()

    def do_GET(self) -> None:
        self.connections.add(self.client_address)
        status = self.statuses.pop(0) if self.statuses else 200
        body = b'{"secret": "s", "secretBase32Encoded": "S"}' if status == 200 else b"{}"
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the test output is not the place for access logs."""


@pytest.fixture
def loopback() -> Iterator[str]:
    ScriptedHandler.statuses = []
    ScriptedHandler.connections = set()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), ScriptedHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_retries_reuse_one_pooled_connection(mode: str, loopback: str, sleeps: list[float]) -> None:
    ScriptedHandler.statuses = [503, 502, 200, 200]
    client = Client(f"http://{loopback}", api_key=API_KEY)
    if mode == "sync":
        controller = TwoFactorController(client)
        first = controller.generate_two_factor_secret_using_jwt(JWT)
        second = controller.generate_two_factor_secret_using_jwt(JWT)
        client.close()
    else:

        async def two_calls() -> tuple[Any, Any]:
            # One event loop for both calls: a pooled connection belongs to the loop that opened it.
            async with client:
                controller = AsyncTwoFactorController(client)
                return (
                    await controller.generate_two_factor_secret_using_jwt(JWT),
                    await controller.generate_two_factor_secret_using_jwt(JWT),
                )

        first, second = asyncio.run(two_calls())
    assert (first.retries, second.retries) == (2, 0)
    assert present(first.result).secret == "s"
    # Four requests, one connection: every failed attempt's response was read and released.
    assert len(ScriptedHandler.connections) == 1


def test_a_tls_failure_is_a_connection_error(mode: str, loopback: str) -> None:
    client = Client(f"https://{loopback}", api_key=API_KEY, max_retries=0)  # TLS to a plain HTTP server
    with pytest.raises(APIConnectionError, match="could not connect"):
        Api(mode, client).call("generate_two_factor_secret_using_jwt", JWT)
