"""The facade sends the request FusionAuth's official Python client (``fusionauth-client``) sends.

Both clients call a recording HTTP server on a real socket (it answers every request 200 with
``tests/fixtures/always_sent_fields.json``, the fields FusionAuth always sends in any success), once
each, with the same inputs. Per operation, sync and async, with and without a tenant: the method, the
path, the raw query string (so the same parameters in the same order, encoded the same way), the
``Authorization`` and ``X-FusionAuth-TenantId`` headers and the JSON body (parsed: the same keys and
values; the official client's ``json.dumps`` spacing and key order are not part of the contract) must be
equal. The JWT forms of enabling and disabling exist in no official client (Python, TypeScript, Java,
client-builder); they are compared with FusionAuth's docs instead (``apis/two-factor.mdx``).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest

# fusionauth-client ships no type information (and the typecheck session does not install it).
from fusionauth.fusionauth_client import FusionAuthClient  # type: ignore[import-not-found, import-untyped, unused-ignore]

from fusionauth_two_factor import (
    AsyncLoginController,
    AsyncTwoFactorController,
    Client,
    LoginController,
    TwoFactorController,
)

from ._awaited import Awaited

ALWAYS_SENT = (Path(__file__).parent.parent / "fixtures" / "always_sent_fields.json").read_bytes()

API_KEY = "contract-api-key"
TENANT_ID = "30663132-6464-6665-3032-326466613934"
USER_ID = "00000000-0000-0000-0000-000000000001"
APPLICATION_ID = "3c219e58-ed0e-4b18-ad48-f4f92793ae32"
TRUST_ID = "cGdnqk6DR3hNxwYMWh0ddVb3bMDBw-y24KfpT2cr1c4"
TWO_FACTOR_ID = "YkQY5Gsyo4RlfmDciBGRmvfj3RmatUqrbjoIZ19fmw4"
ENCODED_JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIwMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDEifQ.c2lnbmF0dXJl"
# Characters a query string must encode: a space, '+' and '/' (the official client sends `12+34%2B%2F`).
AWKWARD_CODE = "12 34+/"


@dataclass(frozen=True)
class WireRequest:
    """What the contract compares of a request, as the server received it."""

    method: str
    path: str
    query: str  # raw, as sent
    authorization: str | None
    tenant_id: str | None
    json: Any  # the parsed body; None when there is none

    @property
    def query_parameters(self) -> dict[str, str]:
        return dict(parse_qsl(self.query, keep_blank_values=True))


class _Recorder(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as both clients pool connections
    server: RecordingServer

    def _record(self) -> None:
        content = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        target = urlsplit(self.path)
        self.server.received.append(
            WireRequest(
                method=self.command,
                path=target.path,
                query=target.query,
                authorization=self.headers.get("Authorization"),
                tenant_id=self.headers.get("X-FusionAuth-TenantId"),
                json=json.loads(content) if content else None,
            )
        )
        answer = ALWAYS_SENT
        self.send_response(200)
        self.send_header("Content-Type", "application/json;charset=UTF-8")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    do_GET = do_POST = do_PUT = do_DELETE = _record

    def log_message(self, format: str, *args: Any) -> None:
        """Silent: the request line holds codes."""


class RecordingServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Recorder)
        self.received: list[WireRequest] = []

    @property
    def base_url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}"

    def only_request(self) -> WireRequest:
        """The one request received since the last call."""
        received, self.received = self.received, []
        assert len(received) == 1, received
        return received[0]


@pytest.fixture(scope="module")
def recorder() -> Iterator[RecordingServer]:
    server = RecordingServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


@dataclass(frozen=True)
class Controllers:
    two_factor: Awaited
    login: Awaited


@dataclass(frozen=True)
class SameRequest:
    """One operation: the official client's call and the facade's call with the same inputs."""

    official: Callable[[Any], object]  # given a FusionAuthClient
    facade: Callable[[Controllers], Awaitable[Any]]
    path: str  # the documented path, to show the recording is of the right call


LOGIN_REQUEST = {"loginId": "richard@piedpiper.com", "password": "pässword", "applicationId": APPLICATION_ID}
LOGIN_WITH_EVERYTHING = {
    "loginId": "richard",
    "loginIdTypes": ["username", "email"],
    "password": "pied-piper-1",
    "applicationId": APPLICATION_ID,
    "twoFactorTrustId": TRUST_ID,
    "ipAddress": "192.0.2.10",
    "metaData": {"device": {"name": "Laptop", "type": "BROWSER"}},
    "noJWT": False,
    "newDevice": True,
    "eventInfo": {"userAgent": "contract/1.0"},
}
STATUS_REQUEST = {"userId": USER_ID, "action": "stepUp", "applicationId": APPLICATION_ID, "twoFactorTrustId": TRUST_ID}
ENABLE_REQUEST = {"method": "authenticator", "code": "123456", "secret": "8MJJfCY4ERBtotvenSc3", "name": "Phone"}
DISABLE_REQUEST = {"methodId": "KLRT", "code": "123456", "applicationId": APPLICATION_ID}

SAME_REQUESTS: dict[str, SameRequest] = {
    "login": SameRequest(
        lambda c: c.login(LOGIN_REQUEST),
        lambda f: f.login.login(LOGIN_REQUEST),
        "/api/login",
    ),
    "login with a trust and every documented field": SameRequest(
        lambda c: c.login(LOGIN_WITH_EVERYTHING),
        lambda f: f.login.login(LOGIN_WITH_EVERYTHING),
        "/api/login",
    ),
    "retrieve_two_factor_status without a trust": SameRequest(
        lambda c: c.retrieve_two_factor_status(USER_ID, APPLICATION_ID, None),
        lambda f: f.two_factor.retrieve_two_factor_status(None, user_id=USER_ID, application_id=APPLICATION_ID),
        "/api/two-factor/status",
    ),
    "retrieve_two_factor_status without a trust or an application": SameRequest(
        lambda c: c.retrieve_two_factor_status(USER_ID, None, None),
        lambda f: f.two_factor.retrieve_two_factor_status(None, user_id=USER_ID),
        "/api/two-factor/status",
    ),
    "retrieve_two_factor_status with a trust": SameRequest(
        lambda c: c.retrieve_two_factor_status(USER_ID, APPLICATION_ID, TRUST_ID),
        lambda f: f.two_factor.retrieve_two_factor_status(TRUST_ID, user_id=USER_ID, application_id=APPLICATION_ID),
        f"/api/two-factor/status/{TRUST_ID}",
    ),
    "retrieve_two_factor_status_with_request": SameRequest(
        lambda c: c.retrieve_two_factor_status_with_request(STATUS_REQUEST),
        lambda f: f.two_factor.retrieve_two_factor_status_with_request(STATUS_REQUEST),
        "/api/two-factor/status",
    ),
    "generate_two_factor_secret": SameRequest(
        lambda c: c.generate_two_factor_secret(),
        lambda f: f.two_factor.generate_two_factor_secret(),
        "/api/two-factor/secret",
    ),
    "generate_two_factor_secret_using_jwt": SameRequest(
        lambda c: c.generate_two_factor_secret_using_jwt(ENCODED_JWT),
        lambda f: f.two_factor.generate_two_factor_secret_using_jwt(ENCODED_JWT),
        "/api/two-factor/secret",
    ),
    "enable_two_factor": SameRequest(
        lambda c: c.enable_two_factor(USER_ID, ENABLE_REQUEST),
        lambda f: f.two_factor.enable_two_factor(USER_ID, ENABLE_REQUEST),
        f"/api/user/two-factor/{USER_ID}",
    ),
    "update_two_factor": SameRequest(
        lambda c: c.update_two_factor(USER_ID, {"methodId": "KLRT", "name": "Work phone"}),
        lambda f: f.two_factor.update_two_factor(USER_ID, {"methodId": "KLRT", "name": "Work phone"}),
        f"/api/user/two-factor/{USER_ID}",
    ),
    "disable_two_factor": SameRequest(
        lambda c: c.disable_two_factor(USER_ID, "KLRT", AWKWARD_CODE),
        lambda f: f.two_factor.disable_two_factor(USER_ID, method_id="KLRT", code=AWKWARD_CODE),
        f"/api/user/two-factor/{USER_ID}",
    ),
    "disable_two_factor_with_request": SameRequest(
        lambda c: c.disable_two_factor_with_request(USER_ID, DISABLE_REQUEST),
        lambda f: f.two_factor.disable_two_factor_with_request(USER_ID, DISABLE_REQUEST),
        f"/api/user/two-factor/{USER_ID}",
    ),
    "generate_two_factor_recovery_codes": SameRequest(
        lambda c: c.generate_two_factor_recovery_codes(USER_ID),
        lambda f: f.two_factor.generate_two_factor_recovery_codes(USER_ID),
        f"/api/user/two-factor/recovery-code/{USER_ID}",
    ),
    "retrieve_two_factor_recovery_codes": SameRequest(
        lambda c: c.retrieve_two_factor_recovery_codes(USER_ID),
        lambda f: f.two_factor.retrieve_two_factor_recovery_codes(USER_ID),
        f"/api/user/two-factor/recovery-code/{USER_ID}",
    ),
    "start_two_factor_login": SameRequest(
        lambda c: c.start_two_factor_login({"loginId": "richard", "state": {"next": "/pay"}}),
        lambda f: f.two_factor.start_two_factor_login({"loginId": "richard", "state": {"next": "/pay"}}),
        "/api/two-factor/start",
    ),
    "two_factor_login": SameRequest(
        lambda c: c.two_factor_login({"twoFactorId": TWO_FACTOR_ID, "code": "123456", "trustComputer": True}),
        lambda f: f.two_factor.two_factor_login(
            {"twoFactorId": TWO_FACTOR_ID, "code": "123456", "trustComputer": True}
        ),
        "/api/two-factor/login",
    ),
    "send_two_factor_code_for_enable_disable": SameRequest(
        lambda c: c.send_two_factor_code_for_enable_disable({"methodId": "UYTR", "userId": USER_ID}),
        lambda f: f.two_factor.send_two_factor_code_for_enable_disable({"methodId": "UYTR", "userId": USER_ID}),
        "/api/two-factor/send",
    ),
    "send_two_factor_code_for_login_using_method": SameRequest(
        lambda c: c.send_two_factor_code_for_login_using_method(TWO_FACTOR_ID, {"methodId": "UYTR"}),
        lambda f: f.two_factor.send_two_factor_code_for_login_using_method(TWO_FACTOR_ID, {"methodId": "UYTR"}),
        f"/api/two-factor/send/{TWO_FACTOR_ID}",
    ),
}
TENANTS = {"no tenant header": None, "tenant header": TENANT_ID}


def open_facade(
    recorder: RecordingServer, mode: str, api_key: str | None, tenant_id: str | None
) -> tuple[Client, Controllers]:
    client = Client(recorder.base_url, api_key=api_key, tenant_id=tenant_id, max_retries=0)
    if mode == "sync":
        return client, Controllers(Awaited(TwoFactorController(client)), Awaited(LoginController(client)))
    return client, Controllers(Awaited(AsyncTwoFactorController(client)), Awaited(AsyncLoginController(client)))


async def facade_request(
    recorder: RecordingServer,
    mode: str,
    call: Callable[[Controllers], Awaitable[Any]],
    *,
    api_key: str | None = API_KEY,
    tenant_id: str | None = None,
) -> WireRequest:
    client, controllers = open_facade(recorder, mode, api_key, tenant_id)
    async with client:
        await call(controllers)
    return recorder.only_request()


def official_request(
    recorder: RecordingServer,
    call: Callable[[Any], object],
    *,
    api_key: str | None = API_KEY,
    tenant_id: str | None = None,
) -> WireRequest:
    client = FusionAuthClient(api_key, recorder.base_url)
    client.set_tenant_id(tenant_id)
    call(client)
    return recorder.only_request()


@pytest.mark.filterwarnings("ignore:retrieveTwoFactorRecoveryCodes is deprecated:DeprecationWarning")
@pytest.mark.parametrize("tenant_id", TENANTS.values(), ids=TENANTS.keys())
@pytest.mark.parametrize("operation", SAME_REQUESTS.values(), ids=SAME_REQUESTS.keys())
async def test_the_facade_sends_what_the_official_client_sends(
    recorder: RecordingServer, mode: str, operation: SameRequest, tenant_id: str | None
) -> None:
    official = official_request(recorder, operation.official, tenant_id=tenant_id)
    facade = await facade_request(recorder, mode, operation.facade, tenant_id=tenant_id)

    assert official.path == operation.path
    assert facade == official


@pytest.mark.parametrize("tenant_id", TENANTS.values(), ids=TENANTS.keys())
async def test_a_login_without_an_api_key_sends_no_authorization(
    recorder: RecordingServer, mode: str, tenant_id: str | None
) -> None:
    """FusionAuth decides per application whether the password login needs a key; without one, neither client
    sends an Authorization header."""
    operation = SAME_REQUESTS["login"]
    official = official_request(recorder, operation.official, api_key=None, tenant_id=tenant_id)
    facade = await facade_request(recorder, mode, operation.facade, api_key=None, tenant_id=tenant_id)

    assert official.authorization is None
    assert facade == official


# ---- the JWT forms: no official client has them, so FusionAuth's docs are the reference


@pytest.mark.parametrize("tenant_id", TENANTS.values(), ids=TENANTS.keys())
async def test_enable_with_a_jwt_is_the_documented_request(
    recorder: RecordingServer, mode: str, tenant_id: str | None
) -> None:
    """Docs: ``POST /api/user/two-factor`` with ``Authorization: Bearer <JWT>`` and the enable request body."""
    body = {"method": "email", "email": "richard@piedpiper.com", "code": "123456"}
    sent = await facade_request(
        recorder, mode, lambda f: f.two_factor.enable_two_factor_using_jwt(ENCODED_JWT, body), tenant_id=tenant_id
    )

    assert sent == WireRequest("POST", "/api/user/two-factor", "", f"Bearer {ENCODED_JWT}", tenant_id, body)


@pytest.mark.parametrize("tenant_id", TENANTS.values(), ids=TENANTS.keys())
async def test_disable_with_a_jwt_is_the_documented_request(
    recorder: RecordingServer, mode: str, tenant_id: str | None
) -> None:
    """Docs: ``DELETE /api/user/two-factor?code={code}&methodId={methodId}`` with ``Authorization: Bearer <JWT>``.

    The docs' URI template lists ``code`` first; the facade sends ``methodId`` first, as the official client's
    API-key form does, so the parameters are compared as a mapping, and their encoding as the API-key form's.
    """
    sent = await facade_request(
        recorder,
        mode,
        lambda f: f.two_factor.disable_two_factor_using_jwt(ENCODED_JWT, method_id="KLRT", code=AWKWARD_CODE),
        tenant_id=tenant_id,
    )
    api_key_form = official_request(recorder, SAME_REQUESTS["disable_two_factor"].official)

    assert (sent.method, sent.path, sent.json) == ("DELETE", "/api/user/two-factor", None)
    assert sent.query_parameters == {"code": AWKWARD_CODE, "methodId": "KLRT"}
    assert sent.query == api_key_form.query
    assert (sent.authorization, sent.tenant_id) == (f"Bearer {ENCODED_JWT}", tenant_id)
