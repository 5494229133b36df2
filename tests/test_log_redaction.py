"""No secret in any log line, at any level, from httpx2, httpcore2, the own pools or the package; and
model reprs redact secret keys at any depth of their free-form maps."""

from __future__ import annotations

import asyncio
import http.server
import json
import logging
import threading
from collections.abc import Iterator
from typing import Any, ClassVar

import httpx2
import pytest
from support import API_KEY, CODE, TRUST_ID, TWO_FACTOR_ID, USER_ID, chosen_async_pool, fixture_json

import fusionauth_two_factor  # noqa: F401 - installs the log filters
from fusionauth_two_factor import AsyncTwoFactorController, Client, TwoFactorController
from fusionauth_two_factor._async_pool import AsyncPool
from fusionauth_two_factor.models import LoginResponse, TwoFactorStatusResponse

LOGIN = fixture_json("login_response.json")
ACCESS_TOKEN = LOGIN["token"]
REFRESH_TOKEN = LOGIN["refreshToken"]
SECRETS = [API_KEY, CODE, TRUST_ID, TWO_FACTOR_ID, ACCESS_TOKEN, REFRESH_TOKEN]


class FusionAuthLikeHandler(http.server.BaseHTTPRequestHandler):
    """Answers as FusionAuth does on a login: the tokens in the body and in Set-Cookie headers."""

    protocol_version = "HTTP/1.1"
    paths: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.paths.append(self.path)
        self._answer(json.dumps({"trustToken": ACCESS_TOKEN}).encode())

    def do_POST(self) -> None:
        self.paths.append(self.path)
        self.rfile.read(int(self.headers["Content-Length"]))
        self._answer(json.dumps(LOGIN).encode())

    def _answer(self, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Set-Cookie", f"access_token={ACCESS_TOKEN}; Path=/; HttpOnly")
        self.send_header("Set-Cookie", f'refresh_token="{REFRESH_TOKEN}"; Path=/; HttpOnly')
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the test output is not the place for access logs."""


@pytest.fixture
def fusionauth() -> Iterator[str]:
    FusionAuthLikeHandler.paths = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), FusionAuthLikeHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def every_line(caplog: pytest.LogCaptureFixture) -> str:
    return "\n".join(f"{record.name} {record.getMessage()}" for record in caplog.records)


def assert_no_secret_logged(caplog: pytest.LogCaptureFixture) -> None:
    text = every_line(caplog)
    leaked = [secret for secret in SECRETS if secret in text]
    assert not leaked, text


def login_and_status(controller: TwoFactorController) -> None:
    controller.two_factor_login({"twoFactorId": TWO_FACTOR_ID, "code": CODE})
    controller.retrieve_two_factor_status(TRUST_ID, user_id=USER_ID)


async def login_and_status_async(client: Client) -> None:
    async with client:
        controller = AsyncTwoFactorController(client)
        await controller.two_factor_login({"twoFactorId": TWO_FACTOR_ID, "code": CODE})
        await controller.retrieve_two_factor_status(TRUST_ID, user_id=USER_ID)


def test_sync_calls_log_no_secret_at_debug(fusionauth: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    with Client(fusionauth, api_key=API_KEY) as client:
        login_and_status(TwoFactorController(client))
    assert FusionAuthLikeHandler.paths[1].startswith(f"/api/two-factor/status/{TRUST_ID}?")  # the id did travel
    text = every_line(caplog)
    assert "httpcore2.http11 receive_response_headers.complete" in text  # httpcore2's lines are there
    assert "(b'Set-Cookie', b'<redacted>')" in text  # with the header's name, without its value
    assert "(b'Content-Type', b'application/json')" in text  # other headers are left as they are
    assert "/api/two-factor/status/<redacted>?" in text
    assert_no_secret_logged(caplog)


@pytest.mark.parametrize("pool", ["own", "httpx2"])
def test_async_calls_log_no_secret_at_debug(fusionauth: str, caplog: pytest.LogCaptureFixture, pool: str) -> None:
    """Over the Client's own pool (AsyncPool when httptools is installed) and over a given
    httpx2.AsyncClient (httpcore2)."""
    caplog.set_level(logging.DEBUG)
    given = None if pool == "own" else httpx2.AsyncClient()
    client = Client(fusionauth, api_key=API_KEY, async_http_client=given)
    asyncio.run(login_and_status_async(client))
    assert FusionAuthLikeHandler.paths[1].startswith(f"/api/two-factor/status/{TRUST_ID}?")  # the id did travel
    text = every_line(caplog)
    # httpx2's INFO line for each call, which the own pool writes as httpx2's Client does: redacted.
    assert "httpx2 HTTP Request: POST " in text
    assert "httpx2 HTTP Request: GET " in text
    assert "/api/two-factor/status/<redacted>?" in text
    if pool == "httpx2":
        assert "(b'Set-Cookie', b'<redacted>')" in text
    assert_no_secret_logged(caplog)


def test_the_own_async_pool_is_asyncpool_here() -> None:
    """So that the test above covers the own asyncio pool (httptools is a test dependency)."""
    assert isinstance(chosen_async_pool(), AsyncPool)


@pytest.mark.parametrize(
    "line",
    [
        "receive_response_headers.complete return_value=(b'HTTP/1.1', 200, [(b'set-cookie', b'access_token={}')])",
        'receive_response_headers.complete return_value=[(b"Set-Cookie", b"refresh_token=\\"{}\\"; it\'s")]',
        "send_request_headers.started headers=[(b'Authorization', b'{}'), (b'cookie', b'a={}')]",
        "headers=[('Proxy-Authorization', 'Basic {}')]",
        "Set-Cookie: access_token={}; HttpOnly",
    ],
)
def test_header_values_are_redacted_in_any_quoting(line: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    logging.getLogger("httpcore2.http11").debug(line.replace("{}", ACCESS_TOKEN))
    (record,) = [record for record in caplog.records if record.name == "httpcore2.http11"]
    assert ACCESS_TOKEN not in record.getMessage()
    assert "<redacted>" in record.getMessage()


def test_every_httpx2_and_httpcore2_logger_is_filtered() -> None:
    import httpcore2  # noqa: F401, PLC0415 - creates httpcore2's loggers

    names = [
        name
        for name in logging.Logger.manager.loggerDict
        if name.partition(".")[0] in {"httpx2", "httpcore2"}
        and isinstance(logging.Logger.manager.loggerDict[name], logging.Logger)
    ]
    assert {"httpx2", "httpcore2.http11", "httpcore2.connection"} <= set(names)
    unfiltered = [name for name in names if not logging.getLogger(name).filters]
    assert not unfiltered


def test_model_reprs_redact_secret_keys_at_any_depth_of_unknown_fields() -> None:
    login = LoginResponse.from_dict(
        {
            **LOGIN,
            "session": {"refreshToken": REFRESH_TOKEN, "devices": [{"name": "phone", "access_token": ACCESS_TOKEN}]},
        }
    )
    text = repr(login)
    assert REFRESH_TOKEN not in text
    assert ACCESS_TOKEN not in text
    assert "'refreshToken': '<redacted>'" in text
    assert "'name': 'phone'" in text  # what is not secret is shown
    status = TwoFactorStatusResponse.from_dict({"trusts": [], "extra": {"deep": {"twoFactorTrustId": TRUST_ID}}})
    assert TRUST_ID not in repr(status)
