"""Over real loopback sockets: pooled connections survive retries, and TLS failures are ours too."""

from __future__ import annotations

import asyncio
import contextlib
import http.server
import socket
import ssl
import threading
from collections.abc import Callable, Iterator
from typing import Any, ClassVar

import httpx2
import pytest
import trustme
from support import API_KEY, JWT, Api, LoopbackServer, chosen_async_pool, present

from fusionauth_two_factor import (
    APIConnectionError,
    ApiError,
    AsyncTwoFactorController,
    Client,
    RequestOptions,
    ResponseParseError,
    TwoFactorController,
)
from fusionauth_two_factor._async_pool import AsyncPool
from fusionauth_two_factor._wire import Origin, WireRequest


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


@contextlib.contextmanager
def serving_tls(tmp_path: Any, certified_name: str) -> Iterator[tuple[str, str]]:
    """An HTTPS server on loopback with a certificate for `certified_name` that a private CA signed:
    (host:port, the CA's PEM file)."""
    authority = trustme.CA()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    authority.issue_cert(certified_name).configure_cert(context)
    ca_file = tmp_path / "ca.pem"
    authority.cert_pem.write_to_path(str(ca_file))
    ScriptedHandler.statuses = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), ScriptedHandler)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    server.handle_error = lambda request, client_address: None  # type: ignore[method-assign] # refused handshakes
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"127.0.0.1:{server.server_address[1]}", str(ca_file)
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def tls_loopback(tmp_path: Any) -> Iterator[tuple[str, str]]:
    """An HTTPS server on loopback whose certificate (for 127.0.0.1) a private CA signed."""
    with serving_tls(tmp_path, "127.0.0.1") as served:
        yield served


def test_tls_is_verified_against_the_bundle_named_by_ssl_cert_file(
    mode: str, tls_loopback: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Both own pools (the sync one and, async, the asyncio one) verify as httpx2 does: the private
    # CA is not trusted by default, and SSL_CERT_FILE makes it trusted.
    address, ca_file = tls_loopback
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    with pytest.raises(APIConnectionError, match="could not connect"):
        Api(mode, Client(f"https://{address}", max_retries=0)).call("generate_two_factor_secret_using_jwt", JWT)
    monkeypatch.setenv("SSL_CERT_FILE", ca_file)
    answer = Api(mode, Client(f"https://{address}", max_retries=0)).call("generate_two_factor_secret_using_jwt", JWT)
    assert present(answer.result).secret == "s"


def status_over_an_own_async_pool(address: str) -> int:
    """A GET of https://address/ sent by a new AsyncPool (made now, so that it reads SSL_CERT_FILE now)."""

    async def get() -> int:
        pool = AsyncPool()
        try:
            request = WireRequest("GET", Origin(f"https://{address}"), "/", [("Host", address)], None)
            reply = await pool.send(request, {"connect": 5.0, "read": 5.0, "write": 5.0, "pool": 5.0})
            await reply.aclose()
            return reply.status_code
        finally:
            await pool.aclose()

    return asyncio.run(get())


@pytest.fixture
def no_ca_bundle_named(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("httptools", reason="the speedups extra is not installed")
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)


@pytest.mark.usefixtures("no_ca_bundle_named")
def test_the_own_async_pool_verifies_tls_with_httpx2s_context(
    tls_loopback: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # httpx2's context: certifi's bundle by default (the private CA is not in it), SSL_CERT_FILE's
    # bundle when it names one. The refusal is a ConnectError: never sent, as the other pools say.
    address, ca_file = tls_loopback
    with pytest.raises(httpx2.ConnectError, match="CERTIFICATE_VERIFY_FAILED"):
        status_over_an_own_async_pool(address)
    monkeypatch.setenv("SSL_CERT_FILE", ca_file)
    assert status_over_an_own_async_pool(address) == 200


@pytest.mark.usefixtures("no_ca_bundle_named")
def test_the_own_async_pool_checks_the_certificates_host_name(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    # A certificate the trusted CA signed, but for another host than the one called: refused.
    with serving_tls(tmp_path, "fusionauth.example") as (address, ca_file):
        monkeypatch.setenv("SSL_CERT_FILE", ca_file)
        with pytest.raises(httpx2.ConnectError, match=r"CERTIFICATE_VERIFY_FAILED.*127\.0\.0\.1"):
            status_over_an_own_async_pool(address)


def test_a_proxy_from_the_environment_is_honoured_by_the_own_pools(
    mode: str, loopback: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The proxy is a port where nothing listens: a request that honours it fails to connect, one that
    # ignored it would reach the loopback server and succeed.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        dead_proxy = f"http://127.0.0.1:{probe.getsockname()[1]}"
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", dead_proxy)

    with pytest.raises(APIConnectionError):
        Api(mode, Client(f"http://{loopback}", api_key=API_KEY, max_retries=0)).call(
            "generate_two_factor_secret_using_jwt", JWT
        )
    assert ScriptedHandler.connections == set()


def test_no_proxy_alone_keeps_the_own_async_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("httptools", reason="the speedups extra is not installed")
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    assert isinstance(chosen_async_pool(), AsyncPool)
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.internal:3128")
    assert chosen_async_pool() is None


class CapturingServer(LoopbackServer):
    """Records the raw bytes of every request (head and body) and answers each with a secret."""

    def __init__(self) -> None:
        self.requests: list[bytes] = []
        super().__init__(self._record_and_answer)

    def _record_and_answer(self, connection: socket.socket) -> None:
        body = b'{"secret": "s", "secretBase32Encoded": "S"}'
        answer = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s" % (
            len(body),
            body,
        )
        buffered = b""
        while True:  # one request after another on a kept-alive connection, until the client closes it
            while b"\r\n\r\n" not in buffered:
                chunk = connection.recv(65536)
                if not chunk:
                    return
                buffered += chunk
            head, _, rest = buffered.partition(b"\r\n\r\n")
            length = next(
                (
                    int(line.split(b":")[1])
                    for line in head.lower().split(b"\r\n")
                    if line.startswith(b"content-length:")
                ),
                0,
            )
            while len(rest) < length:
                chunk = connection.recv(65536)
                if not chunk:
                    return  # closed in the middle of a body: there is no whole request to record
                rest += chunk
            self.requests.append(head.replace(str(self.port).encode(), b"PORT") + b"\r\n\r\n" + rest[:length])
            buffered = rest[length:]
            connection.sendall(answer)


def every_kind_of_request(controller: Any) -> Iterator[Callable[[], Any]]:
    """One call of each shape: ids to encode in the path and query, bodies, none, extra headers."""
    user = "6f1b8a8e-6f5c-4c7e-9a55-0f8f4c0e7a11"
    # "accept" differs from the default "Accept" by case only: every pool sends what httpx2.Client sends.
    options = RequestOptions(extra_headers={"X-Custom": "v", "accept": "text/plain"})
    yield lambda: controller.retrieve_two_factor_status("tr ust/é?&#%41", user_id=user)
    yield lambda: controller.retrieve_two_factor_status(
        ".a..", user_id=user, application_id=user, request_options=options
    )
    yield lambda: controller.disable_two_factor(user, method_id="meth od", code="c&o=d e+é/~*'()!;,")
    yield lambda: controller.two_factor_login({"twoFactorId": "é\u2028x", "code": '12"3'})
    yield lambda: controller.send_two_factor_code_for_login_using_method("id/é", {"methodId": "m"})
    yield lambda: controller.generate_two_factor_secret_using_jwt(JWT)
    yield lambda: controller.generate_two_factor_recovery_codes(user)


def sent_bytes(pool: str, capture: CapturingServer, monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """The requests of every_kind_of_request, as they reached the server over the given pool."""
    capture.requests.clear()
    base_url = f"http://127.0.0.1:{capture.port}/prefix%20x/"
    settings: dict[str, Any] = {"api_key": API_KEY, "tenant_id": "8f0a4c52-9a3e-4a6c-b7ef-5e1a33c1c0d2"}
    if pool in {"sync-own", "sync-httpx2"}:
        client = Client(base_url, http_client=httpx2.Client() if pool == "sync-httpx2" else None, **settings)
        with client:
            for call in every_kind_of_request(TwoFactorController(client)):
                with contextlib.suppress(ApiError, ResponseParseError):
                    call()
        return list(capture.requests)
    if pool == "async-own-httpx2":
        monkeypatch.setattr("fusionauth_two_factor._client.own_async_pool", lambda: None)

    async def run() -> None:
        given = httpx2.AsyncClient() if pool == "async-httpx2" else None
        async with Client(base_url, async_http_client=given, **settings) as client:
            for call in every_kind_of_request(AsyncTwoFactorController(client)):
                with contextlib.suppress(ApiError, ResponseParseError):
                    await call()
            assert isinstance(client._async_wire, AsyncPool) is (pool == "async-own")
        if given is not None:
            await given.aclose()

    asyncio.run(run())
    return list(capture.requests)


@pytest.mark.parametrize("pool", ["sync-own", "async-own", "async-own-httpx2", "async-httpx2"])
def test_every_pool_puts_the_same_bytes_on_the_wire(pool: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The own pools (the sync one, the asyncio one, httpx2's async) send what a caller's httpx2.Client
    sends: byte for byte (a DELETE without a body has no Content-Length, header names keep their case)."""
    if pool == "async-own":
        pytest.importorskip("httptools", reason="the speedups extra is not installed")
    capture = CapturingServer()
    try:
        expected = sent_bytes("sync-httpx2", capture, monkeypatch)
        assert len(expected) == 7
        assert sent_bytes(pool, capture, monkeypatch) == expected
    finally:
        capture.close()
