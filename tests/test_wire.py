"""The exact request each operation puts on the wire: method, path, query, headers, JSON body."""

from __future__ import annotations

import json
import uuid
from typing import Any

import httpx2
import pytest
from fusionauth_two_factor_generated.types import UNSET
from support import (
    API_KEY,
    APPLICATION_ID,
    BASE_URL,
    CODE,
    JWT,
    TENANT_ID,
    TRUST_ID,
    TWO_FACTOR_ID,
    USER_ID,
    Api,
    FakeFusionAuth,
    fixture_json,
)

from fusionauth_two_factor import Client, RequestOptions, TwoFactorController
from fusionauth_two_factor import _operations as ops
from fusionauth_two_factor._constants import USER_AGENT
from fusionauth_two_factor._operations import Auth
from fusionauth_two_factor.models import (
    MessageType,
    TwoFactorLoginRequest,
    TwoFactorSendForEnableDisableRequest,
    TwoFactorSendForLoginRequest,
)

# A success body with every field FusionAuth always sends in one (start, secret, login, codes ...).
ALWAYS_SENT = fixture_json("always_sent_fields.json")


def body_of(request: httpx2.Request) -> Any:
    return json.loads(request.content)


def test_status_sends_api_key_path_and_query(api: Api, server: FakeFusionAuth) -> None:
    server.reply(200, json_body=fixture_json("status_response.json"))
    api.call("retrieve_two_factor_status", TRUST_ID, user_id=USER_ID, application_id=APPLICATION_ID)
    request = server.last
    assert request.method == "GET"
    assert str(request.url) == (
        f"{BASE_URL}/api/two-factor/status/{TRUST_ID}?userId={USER_ID}&applicationId={APPLICATION_ID}"
    )
    assert request.headers["Authorization"] == API_KEY  # raw key, no scheme
    assert request.headers["Accept"] == "application/json"
    assert "X-FusionAuth-TenantId" not in request.headers
    assert request.content == b""


def test_status_omits_absent_application_id(api: Api, server: FakeFusionAuth) -> None:
    server.reply(200, json_body=ALWAYS_SENT)
    api.call("retrieve_two_factor_status", TRUST_ID, user_id=USER_ID)
    assert server.last.url.params == httpx2.QueryParams({"userId": USER_ID})


def test_start_sends_api_key_and_camel_case_body(api: Api, server: FakeFusionAuth) -> None:
    server.reply(200, json_body=fixture_json("start_response.json"))
    body = {
        "loginId": "richard@example.com",
        "applicationId": APPLICATION_ID,
        "state": {"redirect_uri": "/settings", "n": 1, "list": [1, "a", None]},
        "loginIdTypes": ["email"],
    }
    api.call("start_two_factor_login", body)
    request = server.last
    assert (request.method, request.url.path) == ("POST", "/api/two-factor/start")
    assert request.headers["Authorization"] == API_KEY
    assert request.headers["Content-Type"] == "application/json"
    assert body_of(request) == body


def test_login_sends_no_authorization(api: Api, server: FakeFusionAuth) -> None:
    server.reply(200, json_body=fixture_json("login_response.json"))
    api.call(
        "two_factor_login",
        TwoFactorLoginRequest(two_factor_id=TWO_FACTOR_ID, code=CODE, trust_computer=True, no_jwt=False),
    )
    request = server.last
    assert (request.method, request.url.path) == ("POST", "/api/two-factor/login")
    assert "Authorization" not in request.headers
    assert body_of(request) == {"twoFactorId": TWO_FACTOR_ID, "code": CODE, "trustComputer": True, "noJWT": False}


def test_login_accepts_a_dict_with_nested_metadata(api: Api, server: FakeFusionAuth) -> None:
    server.reply(200, json_body=ALWAYS_SENT)
    body = {
        "twoFactorId": TWO_FACTOR_ID,
        "code": CODE,
        "metaData": {"device": {"name": "Pixel", "type": "MOBILE", "description": "phone"}},
        "eventInfo": {"ipAddress": "10.0.0.1", "location": {"city": "Denver", "latitude": 39.7}},
        "ipAddress": "10.0.0.1",
        "botDetectionScore": 0.2,
    }
    api.call("two_factor_login", body, request_options=RequestOptions(extra_body={"aFutureField": {"kept": True}}))
    assert body_of(server.last) == {**body, "aFutureField": {"kept": True}}


def test_send_for_enable_disable_sends_api_key(api: Api, server: FakeFusionAuth) -> None:
    server.reply(200)
    body = TwoFactorSendForEnableDisableRequest(
        method="sms", mobile_phone="+13035551212", user_id=uuid.UUID(USER_ID), message_type=MessageType.VOICE
    )
    api.call("send_two_factor_code_for_enable_disable", body)
    request = server.last
    assert (request.method, request.url.path) == ("POST", "/api/two-factor/send")
    assert request.headers["Authorization"] == API_KEY
    assert body_of(request) == {
        "method": "sms",
        "mobilePhone": "+13035551212",
        "userId": USER_ID,
        "messageType": "Voice",
    }


def test_secret_sends_bearer_jwt_and_never_the_api_key(api: Api, server: FakeFusionAuth) -> None:
    server.reply(200, json_body=fixture_json("secret_response.json"))
    api.call("generate_two_factor_secret_using_jwt", JWT)
    request = server.last
    assert (request.method, request.url.path) == ("GET", "/api/two-factor/secret")
    assert request.headers["Authorization"] == f"Bearer {JWT}"
    assert API_KEY not in str(request.headers.raw)


def test_send_for_login_puts_the_id_in_the_path_and_sends_no_authorization(api: Api, server: FakeFusionAuth) -> None:
    server.reply(200)
    api.call("send_two_factor_code_for_login_using_method", TWO_FACTOR_ID, {"methodId": "KLRT"})
    request = server.last
    assert (request.method, request.url.raw_path) == ("POST", f"/api/two-factor/send/{TWO_FACTOR_ID}".encode())
    assert "Authorization" not in request.headers
    assert body_of(request) == {"methodId": "KLRT"}


@pytest.mark.parametrize(
    ("method", "args", "answer"),
    [
        ("retrieve_two_factor_status", (TRUST_ID,), {"user_id": USER_ID}),
        ("start_two_factor_login", ({"loginId": "a@example.com"},), {}),
        ("two_factor_login", ({"twoFactorId": TWO_FACTOR_ID, "code": CODE},), {}),
        ("send_two_factor_code_for_enable_disable", ({"methodId": "KLRT", "userId": USER_ID},), {}),
        ("generate_two_factor_secret_using_jwt", (JWT,), {}),
        ("send_two_factor_code_for_login_using_method", (TWO_FACTOR_ID, {"methodId": "KLRT"}), {}),
    ],
)
def test_tenant_header_on_every_call_when_configured(
    make_api: Any, server: FakeFusionAuth, method: str, args: tuple[Any, ...], answer: dict[str, Any]
) -> None:
    api = make_api(tenant_id=TENANT_ID.upper())
    server.reply(200, json_body=ALWAYS_SENT)
    api.call(method, *args, **answer)
    assert server.last.headers["X-FusionAuth-TenantId"] == TENANT_ID  # canonical lowercase
    assert server.last.headers["User-Agent"].startswith("fusionauth-two-factor-python/")


def test_extra_headers_are_per_call(api: Api, server: FakeFusionAuth) -> None:
    server.reply(200, json_body=ALWAYS_SENT)
    server.reply(200, json_body=ALWAYS_SENT)
    options = RequestOptions(extra_headers={"X-Forwarded-For": "203.0.113.7"})
    api.call("two_factor_login", {"twoFactorId": TWO_FACTOR_ID, "code": CODE}, request_options=options)
    api.call("two_factor_login", {"twoFactorId": TWO_FACTOR_ID, "code": CODE})
    assert server.requests[0].headers["X-Forwarded-For"] == "203.0.113.7"
    assert "X-Forwarded-For" not in server.requests[1].headers


def test_timeouts_are_finite_by_default_and_per_call(api: Api, server: FakeFusionAuth) -> None:
    server.reply(200, json_body=ALWAYS_SENT)
    server.reply(200, json_body=ALWAYS_SENT)
    server.reply(200, json_body=ALWAYS_SENT)
    api.call("generate_two_factor_secret_using_jwt", JWT)
    api.call("generate_two_factor_secret_using_jwt", JWT, request_options=RequestOptions(timeout=1.5))
    api.call("generate_two_factor_secret_using_jwt", JWT)
    default, custom, after = (request.extensions["timeout"] for request in server.requests)
    assert default == {"connect": 5.0, "read": 15.0, "write": 15.0, "pool": 10.0}
    assert custom == {"connect": 1.5, "read": 1.5, "write": 1.5, "pool": 1.5}
    assert after == default


def test_client_timeout_accepts_seconds_or_httpx_timeout(make_api: Any, server: FakeFusionAuth) -> None:
    server.reply(200, json_body=ALWAYS_SENT)
    server.reply(200, json_body=ALWAYS_SENT)
    make_api(timeout=3).call("generate_two_factor_secret_using_jwt", JWT)
    make_api(timeout=httpx2.Timeout(2.0, connect=1.0)).call("generate_two_factor_secret_using_jwt", JWT)
    assert server.requests[0].extensions["timeout"]["read"] == 3.0
    assert server.requests[1].extensions["timeout"] == {"connect": 1.0, "read": 2.0, "write": 2.0, "pool": 2.0}


def test_base_url_path_prefix_is_kept(server: FakeFusionAuth) -> None:
    transport = httpx2.MockTransport(server.handle)
    client = Client("https://example.com/fusionauth/", http_client=httpx2.Client(transport=transport))
    server.reply(200, json_body=ALWAYS_SENT)
    TwoFactorController(client).generate_two_factor_secret_using_jwt(JWT)
    assert str(server.last.url) == "https://example.com/fusionauth/api/two-factor/secret"


# --- the request built from pre-parsed parts is the one httpx2 would build --------------------------

ODD_ID = "a b/é?&#%41+~"


def httpx2_built(client: Client, operation: Any, arguments: dict[str, Any], jwt: str | None, extra: Any) -> Any:
    """What the Client built before it had its own request form: an httpx2.Request from strings."""
    arguments = {**arguments, "x_fusion_auth_tenant_id": client.tenant_id} if client.tenant_id else arguments
    built = operation.build_request(**{name: UNSET if value is None else value for name, value in arguments.items()})
    generated = built.get("headers", {})
    if "json" not in built:
        generated.pop("Content-Type", None)
    auth = {Auth.JWT: {"Authorization": f"Bearer {jwt}"}, Auth.NONE: {}}.get(operation.auth, {"Authorization": API_KEY})
    headers = {"Accept": "application/json", "User-Agent": USER_AGENT, **generated, **auth, **extra}
    return httpx2.Request(
        built["method"],
        client.base_url + built["url"],
        params=built.get("params"),
        json=built.get("json"),
        headers=headers,
    )


@pytest.mark.parametrize(
    "base_url", ["https://auth.example.com", "http://127.0.0.1:9011/fa%20prefix/", "https://[2001:db8::5]:443/x"]
)
@pytest.mark.parametrize(
    ("name", "arguments", "jwt"),
    [
        ("RETRIEVE_TWO_FACTOR_STATUS", {"two_factor_trust_id": ODD_ID, "user_id": uuid.UUID(USER_ID)}, None),
        ("RETRIEVE_TWO_FACTOR_STATUS", {"two_factor_trust_id": "..", "user_id": uuid.UUID(USER_ID)}, None),
        ("RETRIEVE_TWO_FACTOR_STATUS", {"two_factor_trust_id": ".", "user_id": uuid.UUID(USER_ID)}, None),
        ("SEND_TWO_FACTOR_CODE_FOR_LOGIN_USING_METHOD", {"two_factor_id": ODD_ID, "body": None}, None),
        ("DISABLE_TWO_FACTOR", {"user_id": uuid.UUID(USER_ID), "method_id": "m d", "code": "c&o=d e+é/%"}, None),
        ("GENERATE_TWO_FACTOR_RECOVERY_CODES", {"user_id": uuid.UUID(USER_ID)}, None),
        ("GENERATE_TWO_FACTOR_SECRET_USING_JWT", {}, JWT),
        ("TWO_FACTOR_LOGIN", {"body": None}, None),
    ],
)
@pytest.mark.parametrize("tenant", [None, TENANT_ID])
@pytest.mark.parametrize("extra", [{}, {"X-Custom": "v", "accept": "text/plain", "Accept": "*/*"}])
def test_the_request_is_the_one_httpx2_builds(
    base_url: str, name: str, arguments: dict[str, Any], jwt: str | None, tenant: str | None, extra: dict[str, str]
) -> None:
    operation = getattr(ops, name)
    if "body" in arguments:
        body: object = TwoFactorSendForLoginRequest(method_id="m\u2028é")
        if name == "TWO_FACTOR_LOGIN":
            body = TwoFactorLoginRequest(two_factor_id='é"x', code=CODE)
        arguments = {**arguments, "body": body}
    client = Client(base_url, api_key=API_KEY, tenant_id=tenant)
    options = RequestOptions(extra_headers=extra)
    wire = client._prepare(operation, arguments, jwt=jwt, options=options).request
    expected = httpx2_built(client, operation, arguments, jwt, extra)
    assert wire.method == expected.method
    assert wire.url == str(expected.url)
    assert wire.target.encode() == expected.url.raw_path
    assert [(name.encode(), value.encode()) for name, value in wire.headers] == expected.headers.raw
    assert (wire.body or b"") == expected.content


def test_a_url_too_long_is_refused_like_httpx2_refuses_it() -> None:
    client = Client("https://auth.example.com", api_key=API_KEY)
    with pytest.raises(ValueError, match="makes the request URL invalid"):
        client._prepare(ops.DISABLE_TWO_FACTOR, {"user_id": uuid.UUID(USER_ID), "method_id": "m", "code": "c" * 70000})
    with pytest.raises(httpx2.InvalidURL):
        httpx2.Request("DELETE", "https://auth.example.com/api", params={"code": "c" * 70000})
