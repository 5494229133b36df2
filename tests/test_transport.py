"""Connection handling: refused connections, timeouts, pools, caller-owned clients, cookies."""

from __future__ import annotations

import asyncio
import socket
from typing import Any

import httpx2
import pytest
from support import API_KEY, CODE, JWT, TWO_FACTOR_ID, Api, FakeFusionAuth, fixture_json

from fusionauth_two_factor import (
    APIConnectionError,
    APITimeoutError,
    AsyncTwoFactorController,
    Client,
    RequestOptions,
    TwoFactorController,
)
from fusionauth_two_factor._client import _refuse_cookies
from fusionauth_two_factor._wire import Httpx2AsyncWire, Httpx2Wire

# A success body with every field FusionAuth always sends in one (start, secret, login, codes ...).
ALWAYS_SENT = fixture_json("always_sent_fields.json")


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_refused_connection_raises_the_package_error(mode: str) -> None:
    client = Client(f"http://127.0.0.1:{closed_port()}", api_key=API_KEY, max_retries=0)
    with pytest.raises(APIConnectionError) as caught:
        Api(mode, client).call("two_factor_login", {"twoFactorId": TWO_FACTOR_ID, "code": CODE})
    message = str(caught.value)
    assert "two_factor_login (POST http://127.0.0.1:" in message
    assert "/api/two-factor/login): could not connect" in message
    assert caught.value.operation == "twoFactorLogin"
    assert not isinstance(caught.value, APITimeoutError)


def test_a_dns_failure_raises_the_package_error(mode: str) -> None:
    # https: the name fails to resolve before any TLS, and plain http with an API key would (rightly) warn.
    client = Client("https://no-such-host.invalid", api_key=API_KEY, max_retries=0)
    with pytest.raises(APIConnectionError, match="could not connect"):
        Api(mode, client).call("generate_two_factor_secret_using_jwt", JWT)


@pytest.mark.parametrize(
    ("error", "phase"),
    [(httpx2.ConnectTimeout("t"), "connect"), (httpx2.ReadTimeout("t"), "read"), (httpx2.WriteTimeout("t"), "write")],
)
def test_timeouts_raise_with_their_phase(make_api: Any, server: FakeFusionAuth, error: Exception, phase: str) -> None:
    server.fail(error)
    with pytest.raises(APITimeoutError) as caught:
        make_api(max_retries=0).call("send_two_factor_code_for_login_using_method", TWO_FACTOR_ID, {"methodId": "K"})
    assert caught.value.phase == phase
    assert f"{phase} timeout" in str(caught.value)
    assert TWO_FACTOR_ID not in str(caught.value)  # the path template is named, not the real path
    assert "/api/two-factor/send/{twoFactorId}" in str(caught.value)


def test_a_real_read_timeout_against_a_silent_server(mode: str) -> None:
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        port = silent.getsockname()[1]
        client = Client(f"http://127.0.0.1:{port}", api_key=API_KEY, timeout=0.2, max_retries=0)
        with pytest.raises(APITimeoutError) as caught:
            Api(mode, client).call("generate_two_factor_secret_using_jwt", JWT)
        assert caught.value.phase == "read"


def test_a_connection_closed_mid_body_raises_the_package_error(make_api: Any, server: FakeFusionAuth) -> None:
    server.fail(httpx2.RemoteProtocolError("peer closed connection without sending complete message body"))
    with pytest.raises(APIConnectionError, match=r"the connection failed \(RemoteProtocolError\)"):
        make_api(max_retries=0).call("two_factor_login", {"twoFactorId": TWO_FACTOR_ID, "code": CODE})


def test_callers_clients_are_used_and_left_open(server: FakeFusionAuth) -> None:
    transport = httpx2.MockTransport(server.handle)
    own_sync, own_async = httpx2.Client(transport=transport), httpx2.AsyncClient(transport=transport)
    server.reply(200, json_body=ALWAYS_SENT)
    server.reply(200, json_body=ALWAYS_SENT)

    async def both() -> None:
        async with Client("https://a.example", http_client=own_sync, async_http_client=own_async) as client:
            TwoFactorController(client).generate_two_factor_secret_using_jwt(JWT)
            await AsyncTwoFactorController(client).generate_two_factor_secret_using_jwt(JWT)

    asyncio.run(both())
    assert len(server.requests) == 2
    assert not own_sync.is_closed
    assert not own_async.is_closed


def test_one_pool_per_client_reused_across_calls_and_closed_by_close(
    server: FakeFusionAuth, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The Client's own sync pool, on a client that answers from the fake server.
    created: list[httpx2.Client] = []

    def recording_wire() -> Httpx2Wire:
        created.append(httpx2.Client(transport=httpx2.MockTransport(server.handle)))
        return Httpx2Wire(created[-1], owned=True)

    monkeypatch.setattr("fusionauth_two_factor._client.own_sync_wire", recording_wire)
    with Client("https://a.example", api_key=API_KEY) as client:
        for _ in range(3):
            server.reply(200, json_body=ALWAYS_SENT)
            TwoFactorController(client).generate_two_factor_secret_using_jwt(JWT)
        assert len(created) == 1
        assert not created[0].is_closed
    assert created[0].is_closed


def test_async_pool_is_created_once_and_closed_by_aclose(
    server: FakeFusionAuth, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The Client's own async pool, an AsyncClient that answers from the fake server.
    created: list[httpx2.AsyncClient] = []

    def recording_wire() -> Httpx2AsyncWire:
        created.append(httpx2.AsyncClient(transport=httpx2.MockTransport(server.handle)))
        return Httpx2AsyncWire(created[-1], owned=True)

    monkeypatch.setattr("fusionauth_two_factor._client.own_async_wire", recording_wire)

    async def scenario() -> None:
        async with Client("https://a.example", api_key=API_KEY) as client:
            for _ in range(3):
                server.reply(200, json_body=ALWAYS_SENT)
                await AsyncTwoFactorController(client).generate_two_factor_secret_using_jwt(JWT)
            assert len(created) == 1
            assert not created[0].is_closed

    asyncio.run(scenario())
    assert created[0].is_closed
    assert len(server.requests) == 3


def test_login_cookies_are_not_kept_by_the_clients_own_pool(server: FakeFusionAuth) -> None:
    client = Client("https://auth.example.com", api_key=API_KEY)
    controller = TwoFactorController(client)
    server.reply(
        200,
        json_body=fixture_json("login_response.json"),
        set_cookie="access_token=eyJsecret; Path=/; HttpOnly",
    )
    server.reply(200)
    # Route the client's own httpx2 pool (the one used behind a proxy) to the fake server. The own
    # sync and asyncio pools keep no cookies either (tests/test_reliability.py, test_async_backends.py).
    own = httpx2.Client(transport=httpx2.MockTransport(server.handle))
    _refuse_cookies(own.cookies)
    client._sync_wire = Httpx2Wire(own, owned=True)
    response = controller.two_factor_login({"twoFactorId": TWO_FACTOR_ID, "code": CODE})
    assert "access_token=eyJsecret" in response.headers["set-cookie"]
    controller.send_two_factor_code_for_login_using_method(TWO_FACTOR_ID, {"methodId": "KLRT"})
    assert "cookie" not in server.last.headers
    assert len(own.cookies) == 0


def test_requests_carry_no_cookies_even_from_a_callers_client(server: FakeFusionAuth) -> None:
    own = httpx2.Client(transport=httpx2.MockTransport(server.handle), cookies={"session": "other-user"})
    client = Client("https://auth.example.com", http_client=own)
    server.reply(200)
    TwoFactorController(client).send_two_factor_code_for_login_using_method(TWO_FACTOR_ID, {"methodId": "KLRT"})
    assert "cookie" not in server.last.headers


def test_per_call_max_retries_overrides_the_client(make_api: Any, server: FakeFusionAuth, sleeps: list[float]) -> None:
    api = make_api(max_retries=0)
    server.fail(httpx2.ConnectError("refused"))
    server.reply(200, json_body=ALWAYS_SENT)
    response = api.call("generate_two_factor_secret_using_jwt", JWT, request_options=RequestOptions(max_retries=1))
    assert response.retries == 1
    assert len(sleeps) == 1
