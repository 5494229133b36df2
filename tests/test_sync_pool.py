"""The Client's own sync pool (`_sync_pool.SyncPool`) against keep-alive servers on loopback.

What httpcore2's pool did and this one must still do: reuse a connection, drop one the server
closed, one whose keep-alive expired, one whose answer was cut short or not read to its end, or one
the server said it would close; keep no more than its limits, with a pool timeout when every
connection is busy; serve many threads at once; end a call waiting for a connection when closed.
"""

from __future__ import annotations

import copy
import logging
import pickle
import socket
import ssl
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpcore2
import httpx2
import pytest
import trustme
from support import API_KEY, ENDLESS_FRAMING, JWT, MALFORMED_ANSWERS, LoopbackServer, chunked

from fusionauth_two_factor import APIConnectionError, Client, TwoFactorController, _constants, _sync_pool
from fusionauth_two_factor._sync_pool import SyncPool
from fusionauth_two_factor._wire import Origin, Reply, WireRequest, build

BODY = b'{"secret": "s", "secretBase32Encoded": "b"}'
TIMEOUTS = {"connect": 2.0, "read": 2.0, "write": 2.0, "pool": 2.0}
Answer = Callable[[int], bytes]  # the request's number on its connection (0 first) -> what is sent back


def ok(extra: str = "", body: bytes = BODY) -> bytes:
    return (
        f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n{extra}\r\n".encode()
        + body
    )


CUT = ok(body=b"x" * 100)[:-95]  # an answer that promises 100 bytes and holds 5


class KeepAliveServer(LoopbackServer):
    """Answers every request on a connection with `answer`; closes the connection after `close_after` answers."""

    def __init__(self, answer: Answer = lambda _: ok(), close_after: int | None = None) -> None:
        self.answer = answer
        self.close_after = close_after
        self.connections = 0
        self.requests: list[bytes] = []
        self.closed = threading.Event()  # set each time the server has closed a connection itself
        self.hung_up = threading.Event()  # set each time the client has closed a connection
        self._lock = threading.Lock()
        super().__init__(self._serve_connection)

    def _serve_connection(self, connection: socket.socket) -> None:
        with self._lock:
            self.connections += 1
        buffer = b""
        served = 0
        while self.close_after is None or served < self.close_after:
            while b"\r\n\r\n" not in buffer:
                try:
                    chunk = connection.recv(65536)
                except OSError:
                    return
                if not chunk:
                    self.hung_up.set()
                    return
                buffer += chunk
            request, buffer = buffer.split(b"\r\n\r\n", 1)
            self.requests.append(request)
            try:
                connection.sendall(self.answer(served))
            except OSError:
                return
            served += 1
        connection.shutdown(socket.SHUT_RDWR)
        self.closed.set()


@pytest.fixture
def serve() -> Iterator[Callable[..., KeepAliveServer]]:
    servers: list[KeepAliveServer] = []

    def start(*args: object, **kwargs: object) -> KeepAliveServer:
        servers.append(KeepAliveServer(*args, **kwargs))  # type: ignore[arg-type]
        return servers[-1]

    yield start
    for server in servers:
        server.close()


@pytest.fixture(autouse=True, params=["httptools", "h11"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every test twice: answers parsed by httptools (the `speedups` extra), and by h11 without it."""
    if request.param == "h11":
        monkeypatch.setitem(sys.modules, "httptools", None)  # import httptools raises ImportError
    else:
        pytest.importorskip("httptools", reason="the speedups extra is not installed")
    return str(request.param)


@pytest.fixture
def pool(parser: str) -> Iterator[SyncPool]:
    pool = SyncPool()
    yield pool
    pool.close()


def get(server: LoopbackServer) -> WireRequest:
    return build(Origin(server.url), method="GET", path="/api/x", params=None, headers={}, json_body=None)


def read(reply: Reply) -> bytes:
    try:
        return b"".join(reply.chunks)
    finally:
        reply.close()


def call(client: Client) -> str:
    result = TwoFactorController(client).generate_two_factor_secret_using_jwt(JWT).result
    return str(getattr(result, "secret", None))


def test_answers_are_parsed_by_httptools_when_it_is_installed(
    serve: Callable[..., KeepAliveServer], pool: SyncPool, parser: str
) -> None:
    server = serve()
    assert read(pool.send(get(server), TIMEOUTS)) == BODY
    [connection] = pool._ledger.idle
    kind = _sync_pool._ParsedConnection if parser == "httptools" else _sync_pool._H11Connection
    assert type(connection) is kind


def test_a_connection_and_the_request_lines_it_keeps_are_not_pickled_or_copied(
    serve: Callable[..., KeepAliveServer], pool: SyncPool
) -> None:
    server = serve()
    request = build(
        Origin(server.url), method="GET", path="/api/x", params=None, headers={"Authorization": API_KEY}, json_body=None
    )
    assert read(pool.send(request, TIMEOUTS)) == BODY
    [connection] = pool._ledger.idle
    for held in (connection, connection._requests):
        for duplicate in (pickle.dumps, copy.copy, copy.deepcopy):
            with pytest.raises(TypeError, match="holds secrets") as refused:
                duplicate(held)
            assert API_KEY not in str(refused.value)


def test_a_scheme_the_pool_does_not_speak_is_refused_before_connecting(pool: SyncPool) -> None:
    request = build(Origin("ws://127.0.0.1:1"), method="GET", path="/", params=None, headers={}, json_body=None)
    with pytest.raises(httpx2.UnsupportedProtocol, match="'ws://'"):
        pool.send(request, TIMEOUTS)
    assert pool._ledger.connecting == 0  # refused before a slot was reserved


def test_the_limits_are_httpx2s_transport_defaults() -> None:
    core = httpx2.HTTPTransport()._pool
    assert core._max_connections == _constants.MAX_CONNECTIONS
    assert core._max_keepalive_connections == _constants.MAX_KEEPALIVE_CONNECTIONS
    assert core._keepalive_expiry == _constants.KEEPALIVE_EXPIRY


def test_calls_in_turn_reuse_one_connection(serve: Callable[..., KeepAliveServer]) -> None:
    server = serve()
    with Client(server.url, api_key=API_KEY) as client:
        assert [call(client) for _ in range(5)] == ["s"] * 5
    assert server.connections == 1
    assert len(server.requests) == 5


def test_a_connection_the_server_closed_while_idle_is_not_reused(
    serve: Callable[..., KeepAliveServer], pool: SyncPool
) -> None:
    server = serve(close_after=1)
    assert read(pool.send(get(server), TIMEOUTS)) == BODY
    assert server.closed.wait(2)
    time.sleep(0.05)  # the FIN reaches the client's socket
    # Reused, the request would meet "Server disconnected without sending a response".
    assert read(pool.send(get(server), TIMEOUTS)) == BODY
    assert server.connections == 2


def test_a_connection_whose_keep_alive_expired_is_not_reused(
    serve: Callable[..., KeepAliveServer], pool: SyncPool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_constants, "KEEPALIVE_EXPIRY", 0.05)
    server = serve()
    read(pool.send(get(server), TIMEOUTS))
    read(pool.send(get(server), TIMEOUTS))
    assert server.connections == 1
    time.sleep(0.1)
    read(pool.send(get(server), TIMEOUTS))
    assert server.connections == 2


def test_a_connection_whose_request_write_failed_is_not_reused(
    serve: Callable[..., KeepAliveServer], pool: SyncPool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The first write reaches the server, then fails: the server's answer is still read, but the
    # connection may hold part of a request unsent and must not carry the next one.
    write = _sync_pool._DeadlineStream.write
    failures = iter([True])

    def failing_once(stream: _sync_pool._DeadlineStream, buffer: bytes, timeout: float | None = None) -> None:
        write(stream, buffer, timeout)
        if next(failures, False):
            raise httpcore2.WriteError("connection reset")

    monkeypatch.setattr(_sync_pool._DeadlineStream, "write", failing_once)
    server = serve()
    assert read(pool.send(get(server), TIMEOUTS)) == BODY
    assert read(pool.send(get(server), TIMEOUTS)) == BODY
    assert server.connections == 2


def test_expired_idle_connections_to_other_origins_are_closed_by_a_call(
    serve: Callable[..., KeepAliveServer], pool: SyncPool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_constants, "KEEPALIVE_EXPIRY", 0.05)
    first, second = serve(), serve()
    read(pool.send(get(first), TIMEOUTS))
    time.sleep(0.1)
    read(pool.send(get(second), TIMEOUTS))  # the first server's connection expired meanwhile
    assert first.hung_up.wait(2)
    assert not second.hung_up.is_set()


@pytest.mark.parametrize("extra", ["Connection: close\r\n"], ids=["connection-close"])
def test_an_answer_that_closes_its_connection_is_not_reused(
    serve: Callable[..., KeepAliveServer], pool: SyncPool, extra: str
) -> None:
    server = serve(answer=lambda _: ok(extra))
    assert read(pool.send(get(server), TIMEOUTS)) == BODY
    assert read(pool.send(get(server), TIMEOUTS)) == BODY
    assert server.connections == 2


@pytest.mark.parametrize("extra", [ok(body=b'{"n": 0}'), b"garbage\r\n"], ids=["a second answer", "garbage"])
def test_bytes_after_an_answer_make_its_connection_not_reused(
    serve: Callable[..., KeepAliveServer], pool: SyncPool, extra: bytes
) -> None:
    # In the same write as the answer: the answer is the call's, the extra bytes never the next call's.
    server = serve(answer=lambda served: ok() + extra if served == 0 else ok(body=b'{"n": 1}'))
    assert read(pool.send(get(server), TIMEOUTS)) == BODY
    assert read(pool.send(get(server), TIMEOUTS)) == BODY  # a new connection's first answer
    assert server.connections == 2


def test_an_answer_not_read_to_its_end_closes_its_connection(
    serve: Callable[..., KeepAliveServer], pool: SyncPool
) -> None:
    # The first answer's head comes with 5 of its 10 body bytes, and the rest never: its reply is
    # closed unread, and the connection (the rest of that body still to come) must not carry the next call.
    answers = iter([ok(body=b"0123456789")[:-5]])
    server = serve(answer=lambda _: next(answers, None) or ok())
    reply = pool.send(get(server), TIMEOUTS)
    reply.close()  # the body left unread: the next answer would start with it
    reply.close()  # a second close gives nothing back twice
    assert read(pool.send(get(server), TIMEOUTS)) == BODY
    assert server.connections == 2


def test_a_connection_dropped_mid_answer_is_an_error_and_is_not_reused(
    serve: Callable[..., KeepAliveServer], pool: SyncPool
) -> None:
    # The first answer promises 100 bytes, sends 5 and the server closes; the later ones are whole.
    answers = iter([CUT])
    server = serve(answer=lambda _: next(answers, None) or ok(), close_after=1)
    reply = pool.send(get(server), TIMEOUTS)
    with pytest.raises(httpx2.RemoteProtocolError):
        read(reply)
    assert read(pool.send(get(server), TIMEOUTS)) == BODY
    assert server.connections == 2


def test_a_dropped_answer_is_a_package_error_through_the_client(serve: Callable[..., KeepAliveServer]) -> None:
    server = serve(answer=lambda _: CUT, close_after=1)
    with Client(server.url, api_key=API_KEY, max_retries=0) as client, pytest.raises(APIConnectionError):
        call(client)


def test_many_threads_share_the_pool(serve: Callable[..., KeepAliveServer]) -> None:
    server = serve()
    threads, calls = 8, 25
    results: list[str] = []
    errors: list[BaseException] = []
    with Client(server.url, api_key=API_KEY) as client:

        def work() -> None:
            try:
                for _ in range(calls):
                    results.append(call(client))
            except BaseException as error:  # kept, for the assertion below to show
                errors.append(error)

        workers = [threading.Thread(target=work) for _ in range(threads)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(30)
    assert errors == []
    assert results == ["s"] * (threads * calls)
    assert 1 <= server.connections <= threads  # connections reused, never more than in use at once


def test_every_connection_busy_is_a_pool_timeout(
    serve: Callable[..., KeepAliveServer], pool: SyncPool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_constants, "MAX_CONNECTIONS", 1)
    server = serve()
    held = pool.send(get(server), TIMEOUTS)
    started = time.monotonic()
    with pytest.raises(httpx2.PoolTimeout):
        pool.send(get(server), {**TIMEOUTS, "pool": 0.2})
    assert 0.15 < time.monotonic() - started < 1.5
    assert read(held) == BODY
    assert read(pool.send(get(server), TIMEOUTS)) == BODY  # the freed connection, reused
    assert server.connections == 1


def test_a_call_waiting_for_a_connection_gets_the_one_freed(
    serve: Callable[..., KeepAliveServer], pool: SyncPool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_constants, "MAX_CONNECTIONS", 1)
    server = serve()
    held = pool.send(get(server), TIMEOUTS)
    answers: list[bytes] = []
    waiter = threading.Thread(target=lambda: answers.append(read(pool.send(get(server), TIMEOUTS))))
    waiter.start()
    time.sleep(0.1)
    assert answers == []  # still waiting
    assert read(held) == BODY
    waiter.join(2)
    assert answers == [BODY]
    assert server.connections == 1


@pytest.mark.parametrize("where", ["log_request_line", "Reply"])
def test_an_interrupt_before_the_reply_is_made_gives_the_connection_back(
    serve: Callable[..., KeepAliveServer], pool: SyncPool, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    monkeypatch.setattr(_constants, "MAX_CONNECTIONS", 1)
    server = serve()
    original = getattr(_sync_pool, where)
    interrupts = iter([True])

    def interrupted(*args: object) -> object:
        if next(interrupts, False):
            raise KeyboardInterrupt
        return original(*args)

    monkeypatch.setattr(_sync_pool, where, interrupted)
    with pytest.raises(KeyboardInterrupt):
        pool.send(get(server), TIMEOUTS)
    # Were the only connection still counted busy, this would be a PoolTimeout.
    assert read(pool.send(get(server), {**TIMEOUTS, "pool": 0.5})) == BODY


def test_an_interrupt_while_a_new_connection_is_made_gives_its_slot_back(
    serve: Callable[..., KeepAliveServer], pool: SyncPool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_constants, "MAX_CONNECTIONS", 1)
    server = serve()
    make = pool._new_connection
    interrupts = iter([True])

    def interrupted(*args: Any) -> Any:
        if next(interrupts, False):
            raise KeyboardInterrupt
        return make(*args)

    monkeypatch.setattr(pool, "_new_connection", interrupted)
    with pytest.raises(KeyboardInterrupt):
        pool.send(get(server), TIMEOUTS)
    assert server.hung_up.wait(2)  # the socket connected for it was closed
    # Were the only slot still counted as being made, this would be a PoolTimeout.
    assert read(pool.send(get(server), {**TIMEOUTS, "pool": 0.5})) == BODY


def test_an_idle_connection_whose_keep_alive_expired_is_not_reused_out_of_order(
    serve: Callable[..., KeepAliveServer], pool: SyncPool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The keep-alive changed between two connections given back: the one given back last, at the
    # end of the idle list, expires first, and must not be reused for that.
    server = serve()
    first, second = pool.send(get(server), TIMEOUTS), pool.send(get(server), TIMEOUTS)
    b"".join(first.chunks)
    b"".join(second.chunks)
    first.close()
    monkeypatch.setattr(_constants, "KEEPALIVE_EXPIRY", 0.05)
    second.close()
    time.sleep(0.2)
    assert read(pool.send(get(server), TIMEOUTS)) == BODY
    assert read(pool.send(get(server), TIMEOUTS)) == BODY
    assert server.connections == 2  # both calls over the first connection, never the expired one
    assert server.hung_up.wait(2)


def test_closing_the_pool_ends_a_call_waiting_for_a_connection(
    serve: Callable[..., KeepAliveServer], pool: SyncPool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_constants, "MAX_CONNECTIONS", 1)
    server = serve()
    pool.send(get(server), TIMEOUTS)  # held, never read
    failures: list[BaseException] = []

    def wait() -> None:
        try:
            pool.send(get(server), {**TIMEOUTS, "pool": 10.0})
        except httpx2.TransportError as error:
            failures.append(error)

    waiter = threading.Thread(target=wait)
    waiter.start()
    time.sleep(0.1)
    started = time.monotonic()
    pool.close()
    waiter.join(2)
    assert time.monotonic() - started < 1
    assert [type(failure) for failure in failures] == [httpx2.ConnectError]


def test_idle_connections_beyond_the_keep_alive_limit_are_closed(
    serve: Callable[..., KeepAliveServer], pool: SyncPool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_constants, "MAX_KEEPALIVE_CONNECTIONS", 1)
    server = serve()
    first, second = pool.send(get(server), TIMEOUTS), pool.send(get(server), TIMEOUTS)
    read(first)
    read(second)  # two idle connections: the older one is closed
    for _ in range(3):
        read(pool.send(get(server), TIMEOUTS))
    assert server.connections == 2  # the three later calls all went over the one kept


@pytest.mark.parametrize("value", ["a\r\nInjected: 1", "a\nb", "a\x00b", " padded"])
def test_a_header_h11_refuses_is_refused_every_time(
    serve: Callable[..., KeepAliveServer], pool: SyncPool, value: str
) -> None:
    server = serve()
    good = build(Origin(server.url), method="GET", path="/api/x", params=None, headers={"X-A": "a"}, json_body=None)
    bad = build(Origin(server.url), method="GET", path="/api/x", params=None, headers={"X-A": value}, json_body=None)
    for request in (good, bad, good, bad):  # the headers checked once are remembered; refused ones never are
        if request is bad:
            with pytest.raises(httpx2.LocalProtocolError):
                pool.send(request, TIMEOUTS)
        else:
            assert read(pool.send(request, TIMEOUTS)) == BODY
    assert len(server.requests) == 2
    assert all(b"Injected" not in request for request in server.requests)


def test_a_target_h11_refuses_is_refused_with_headers_seen_before(
    serve: Callable[..., KeepAliveServer], pool: SyncPool
) -> None:
    server = serve()
    read(pool.send(get(server), TIMEOUTS))
    request = get(server)
    request.target = "/api/x y"  # a space: never made by build(), refused by h11 all the same
    with pytest.raises(httpx2.LocalProtocolError):
        pool.send(request, TIMEOUTS)


def test_httpcore2s_debug_lines_are_written_as_its_pool_wrote_them(
    serve: Callable[..., KeepAliveServer], pool: SyncPool, caplog: pytest.LogCaptureFixture
) -> None:
    server = serve()
    caplog.set_level(logging.DEBUG, logger="httpcore2")
    read(pool.send(get(server), TIMEOUTS))
    assert "connect_tcp.complete" in caplog.text
    caplog.clear()
    read(pool.send(get(server), TIMEOUTS))  # over the connection kept: no connect line
    events = [record.getMessage().split(" ", 1)[0] for record in caplog.records if record.name.startswith("httpcore2")]
    assert events == [
        "send_request_headers.started",
        "send_request_headers.complete",
        "send_request_body.started",
        "send_request_body.complete",
        "receive_response_headers.started",
        "receive_response_headers.complete",
        "receive_response_body.started",
        "receive_response_body.complete",
        "response_closed.started",
        "response_closed.complete",
    ]
    assert "return_value=(b'HTTP/1.1', 200, b'OK', [(b'Content-Type', b'application/json')" in caplog.text
    caplog.clear()
    with pytest.raises(httpx2.ConnectError):
        pool.send(
            build(Origin("http://127.0.0.1:1"), method="GET", path="/", params=None, headers={}, json_body=None),
            TIMEOUTS,
        )
    assert [r.getMessage().split(" ", 1)[0] for r in caplog.records if r.name == "httpcore2.connection"] == [
        "connect_tcp.started",
        "connect_tcp.failed",
    ]


@pytest.mark.parametrize("scheme", ["http", "https"])
def test_closing_the_pool_ends_a_call_blocked_on_its_answer(
    scheme: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A server that reads the request and never answers: only close() can end the call before its read timeout.
    authority = trustme.CA()
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    authority.issue_cert("127.0.0.1").configure_cert(server_context)
    ca_file = tmp_path / "ca.pem"
    authority.cert_pem.write_to_path(str(ca_file))
    monkeypatch.setenv("SSL_CERT_FILE", str(ca_file))
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    done = threading.Event()

    def silent(connection: socket.socket) -> None:
        if scheme == "https":
            connection = server_context.wrap_socket(connection, server_side=True)
        connection.recv(65536)
        done.wait(5)

    server = LoopbackServer(silent)
    pool = SyncPool()  # its TLS context made now, trusting the private CA
    request = build(
        Origin(f"{scheme}://127.0.0.1:{server.port}"), method="GET", path="/", params=None, headers={}, json_body=None
    )
    failures: list[BaseException] = []

    def wait() -> None:
        try:
            pool.send(request, {**TIMEOUTS, "read": 3.0})
        except httpx2.TransportError as error:
            failures.append(error)

    waiter = threading.Thread(target=wait)
    waiter.start()
    try:
        time.sleep(0.3)
        started = time.monotonic()
        pool.close()
        waiter.join(5)
        assert time.monotonic() - started < 1
        assert len(failures) == 1 and not isinstance(failures[0], httpx2.TimeoutException), failures
    finally:
        done.set()
        server.close()


# --- how answers are read (both parsers alike, but where said) -------------------------------------


@pytest.mark.parametrize("answer", list(MALFORMED_ANSWERS.values()), ids=list(MALFORMED_ANSWERS))
def test_a_malformed_answer_is_a_protocol_error_and_its_connection_closed(
    serve: Callable[..., KeepAliveServer], pool: SyncPool, answer: bytes
) -> None:
    server = serve(answer=lambda _: answer)
    with pytest.raises(httpx2.RemoteProtocolError):
        read(pool.send(get(server), TIMEOUTS))
    assert server.hung_up.wait(2)


def test_an_answer_head_over_100_kib_is_a_protocol_error_as_it_comes(
    serve: Callable[..., KeepAliveServer], pool: SyncPool
) -> None:
    server = serve(answer=lambda _: b"HTTP/1.1 200 OK\r\nX-Big: " + b"a" * (101 * 1024))  # never ended
    started = time.monotonic()
    with pytest.raises(httpx2.RemoteProtocolError):
        pool.send(get(server), {**TIMEOUTS, "read": 3.0})
    assert time.monotonic() - started < 2  # refused as it came, not at the read timeout
    assert server.hung_up.wait(2)


def test_an_answer_head_just_under_100_kib_is_read(serve: Callable[..., KeepAliveServer], pool: SyncPool) -> None:
    server = serve(answer=lambda _: ok("X-Big: " + "a" * (95 * 1024) + "\r\n"))
    reply = pool.send(get(server), TIMEOUTS)
    assert httpx2.Headers(reply.headers)["x-big"] == "a" * (95 * 1024)
    assert read(reply) == BODY


def test_an_http_1_0_answer_with_keep_alive_is_not_reused(
    serve: Callable[..., KeepAliveServer], pool: SyncPool
) -> None:
    answer = ok("Connection: keep-alive\r\n").replace(b"HTTP/1.1", b"HTTP/1.0", 1)
    server = serve(answer=lambda _: answer)
    assert read(pool.send(get(server), TIMEOUTS)) == BODY
    assert read(pool.send(get(server), TIMEOUTS)) == BODY
    assert server.connections == 2


def test_a_chunked_answer_is_read_whole_its_trailers_not_among_its_headers(
    serve: Callable[..., KeepAliveServer], pool: SyncPool
) -> None:
    # A trailer must not add headers (a Retry-After the retry rules would read); the connection is kept.
    server = serve(answer=lambda _: chunked(BODY, b"Retry-After: 99\r\nX-Trailer: t\r\n"))
    for _ in range(2):
        reply = pool.send(get(server), TIMEOUTS)
        assert read(reply) == BODY
        assert [name.lower() for name, _ in reply.headers] == [b"content-type", b"transfer-encoding"]
    assert server.connections == 1


def test_trailers_beyond_100_kib_are_refused_by_httptools(
    serve: Callable[..., KeepAliveServer], pool: SyncPool, parser: str
) -> None:
    # h11 bounds each trailer line it has not seen the end of (100 KiB), not all of them together: 120
    # whole lines of 1 KB pass there, and are dropped as every trailer is.
    trailers = b"".join(b"X-Pad-%d: %s\r\n" % (number, b"p" * 1000) for number in range(120))
    server = serve(answer=lambda _: chunked(BODY, trailers))
    if parser == "httptools":
        with pytest.raises(httpx2.RemoteProtocolError):
            read(pool.send(get(server), TIMEOUTS))
    else:
        assert read(pool.send(get(server), TIMEOUTS)) == BODY


def test_an_interim_answer_is_skipped(serve: Callable[..., KeepAliveServer], pool: SyncPool) -> None:
    server = serve(answer=lambda _: b"HTTP/1.1 100 Continue\r\n\r\n" + ok())
    reply = pool.send(get(server), TIMEOUTS)
    assert reply.status_code == 200
    assert read(reply) == BODY


def test_a_body_without_a_length_ends_with_its_connection(
    serve: Callable[..., KeepAliveServer], pool: SyncPool
) -> None:
    server = serve(answer=lambda _: b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n" + BODY, close_after=1)
    assert read(pool.send(get(server), TIMEOUTS)) == BODY
    assert read(pool.send(get(server), TIMEOUTS)) == BODY  # over a new connection
    assert server.connections == 2


@pytest.mark.parametrize("start", list(ENDLESS_FRAMING.values()), ids=list(ENDLESS_FRAMING))
def test_endless_chunk_framing_is_refused_as_it_comes(pool: SyncPool, start: bytes) -> None:
    def endless(connection: socket.socket) -> None:
        connection.recv(65536)
        try:
            connection.sendall(start)
            for _ in range(64):  # 4 MiB, never a line end
                connection.sendall(b"a" * 65536)
        except OSError:
            pass  # the pool hung up, as it should

    server = LoopbackServer(endless)
    try:
        started = time.monotonic()
        with pytest.raises(httpx2.RemoteProtocolError):
            read(pool.send(get(server), {**TIMEOUTS, "read": 3.0}))
        assert time.monotonic() - started < 2  # refused as it came, not at the read timeout
    finally:
        server.close()


@pytest.mark.parametrize(
    "head",
    [
        b"HTTP/1.1 200 OK\nContent-Length: 2\n\n",
        b"HTTP/1.1 200 OK\r\nX-A: a\r\n b\r\nContent-Length: 2\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\n",
    ],
    ids=["bare LF", "folded line", "length and chunked", "length twice"],
)
def test_heads_h11_reads_and_httptools_refuses(
    serve: Callable[..., KeepAliveServer], pool: SyncPool, parser: str, head: bytes
) -> None:
    # RFC 9112 lets a client refuse each of these; llhttp does (the README says so), h11 reads them.
    answer = head if head.endswith(b"0\r\n\r\n") else head + b"{}"
    server = serve(answer=lambda _: answer)
    if parser == "httptools":
        with pytest.raises(httpx2.RemoteProtocolError, match="malformed"):
            read(pool.send(get(server), TIMEOUTS))
    else:
        assert read(pool.send(get(server), TIMEOUTS)) == b"{}"
