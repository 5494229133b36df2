"""An answer's headers read as httpx2.Headers of every line sent, whichever wire read them.

The own sync pool and the own asyncio pool hand on the header lines as read, and httpx2.Headers is
built only when a caller asks for `.headers`: what the caller then sees must be what an eagerly
built httpx2.Headers held (names as sent, repeats, order, encoding), on a success and on an error.
"""

from __future__ import annotations

import asyncio
import pickle
from collections.abc import Callable, Iterator

import httpx2
import pytest
from support import JWT
from test_sync_pool import KeepAliveServer

from fusionauth_two_factor import AsyncTwoFactorController, Client, NotFoundError, TwoFactorController
from fusionauth_two_factor._async_pool import AsyncPool

BODY = b'{"secret": "s", "secretBase32Encoded": "b"}'
LINES = [
    (b"Content-Type", b"application/json"),
    (b"X-Request-Id", b"r-1"),
    (b"Set-Cookie", b"access_token=eyJsecret; HttpOnly"),
    (b"set-cookie", b"refresh_token=r2"),
    (b"X-Latin", "caf\xe9".encode("latin-1")),  # not ASCII: Headers.encoding says how it was read
]


def answer(status: bytes, body: bytes) -> Callable[[int], bytes]:
    head = b"".join(name + b": " + value + b"\r\n" for name, value in LINES)
    lines = b"HTTP/1.1 " + status + b"\r\n" + head + b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n"
    return lambda _: lines + body


def expected() -> httpx2.Headers:
    # What the wire's answer would have said had httpx2 read it: the lines in order, Content-Length last.
    return httpx2.Headers([*LINES, (b"Content-Length", str(len(BODY)).encode())])


@pytest.fixture
def server() -> Iterator[KeepAliveServer]:
    server = KeepAliveServer(answer(b"200 OK", BODY))
    yield server
    server.close()


@pytest.fixture
def refusing() -> Iterator[KeepAliveServer]:
    server = KeepAliveServer(answer(b"404 Not Found", BODY))
    yield server
    server.close()


def assert_as_read(headers: httpx2.Headers) -> None:
    assert isinstance(headers, httpx2.Headers)  # ReprRedactedHeaders: the repr hides secret values
    assert headers.raw == expected().raw
    assert headers.multi_items() == expected().multi_items()
    assert headers.encoding == expected().encoding
    assert headers.get_list("set-cookie") == ["access_token=eyJsecret; HttpOnly", "refresh_token=r2"]
    assert repr(headers) == repr(expected()).replace("access_token=eyJsecret; HttpOnly", "<redacted>").replace(
        "refresh_token=r2", "<redacted>"
    )  # the values of secret headers hidden in the repr only


def test_a_sync_success_has_every_header_line(server: KeepAliveServer) -> None:
    with Client(server.url) as client:
        response = TwoFactorController(client).generate_two_factor_secret_using_jwt(JWT)
    assert_as_read(response.headers)
    assert response.headers is response.headers  # built once, then the same object
    assert "eyJsecret" not in repr(response)
    twin = pickle.loads(pickle.dumps(response))  # noqa: S301 - our own object
    assert_as_read(twin.headers)


@pytest.mark.parametrize("pool", ["own", "httpx2"])
def test_an_async_success_has_every_header_line(
    server: KeepAliveServer, pool: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Over the own asyncio pool (the default on asyncio with httptools) and over httpx2's."""
    if pool == "own":
        pytest.importorskip("httptools", reason="the speedups extra is not installed")
    else:
        monkeypatch.setattr("fusionauth_two_factor._client.own_async_pool", lambda: None)

    async def call() -> httpx2.Headers:
        async with Client(server.url) as client:
            response = await AsyncTwoFactorController(client).generate_two_factor_secret_using_jwt(JWT)
            assert isinstance(client._async_wire, AsyncPool) is (pool == "own")
        assert "eyJsecret" not in repr(response)
        return response.headers

    assert_as_read(asyncio.run(call()))


def test_headers_given_to_a_success_are_kept(server: KeepAliveServer) -> None:
    with Client(server.url) as client:
        response = TwoFactorController(client).generate_two_factor_secret_using_jwt(JWT)
    replaced = httpx2.Headers({"x": "1"})
    response.headers = replaced
    assert response.headers is replaced


def test_an_error_answer_has_every_header_line(refusing: KeepAliveServer) -> None:
    with Client(refusing.url, max_retries=0) as client, pytest.raises(NotFoundError) as caught:
        TwoFactorController(client).generate_two_factor_secret_using_jwt(JWT)
    assert_as_read(caught.value.headers)
