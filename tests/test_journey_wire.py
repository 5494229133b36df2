"""The exact request of every method issue 9 added, sync and async, and the arguments refused before sending.

What each request must be is what FusionAuth's official Python client 1.69.0 sends for the same
inputs (recorded in the issue's facts file): the raw API key or ``Bearer <jwt>``, the query string
in its order, no Content-Type where there is no body, the JSON body.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest
from journey_calls import (
    ACCESS_TOKEN,
    DISABLE_BODY,
    DISABLE_CODE,
    ENABLE_BODY,
    JOURNEY_CALLS,
    LOGIN_BODY,
    METHOD_ID,
    PASSWORD,
    STATUS_BODY,
    UPDATE_BODY,
    reply_success,
)
from support import API_KEY, APPLICATION_ID, CODE, JWT, TENANT_ID, TRUST_ID, USER_ID, Api, FakeFusionAuth, fixture_bytes
from test_wire import body_of

from fusionauth_two_factor import RequestOptions
from fusionauth_two_factor.models import (
    LoginRequest,
    TwoFactorDisableRequest,
    TwoFactorRequest,
    TwoFactorStatusRequest,
    TwoFactorUpdateRequest,
)

KEY = "key"
BEARER = "jwt"

# facade method -> (HTTP method, path, raw query string, credential, JSON body or None)
EXPECTED_REQUESTS: dict[str, tuple[str, str, bytes, str, Any]] = {
    "login": ("POST", "/api/login", b"", KEY, LOGIN_BODY),
    "retrieve_two_factor_status": (
        "GET",
        "/api/two-factor/status",
        f"userId={USER_ID}&applicationId={APPLICATION_ID}".encode(),
        KEY,
        None,
    ),
    "retrieve_two_factor_status_with_request": ("POST", "/api/two-factor/status", b"", KEY, STATUS_BODY),
    "generate_two_factor_secret": ("GET", "/api/two-factor/secret", b"", KEY, None),
    "enable_two_factor": ("POST", f"/api/user/two-factor/{USER_ID}", b"", KEY, ENABLE_BODY),
    "enable_two_factor_using_jwt": ("POST", "/api/user/two-factor", b"", BEARER, ENABLE_BODY),
    # methodId goes in the body, not the query, as the official client sends it.
    "update_two_factor": ("PUT", f"/api/user/two-factor/{USER_ID}", b"", KEY, UPDATE_BODY),
    # methodId first, although FusionAuth's URI template lists code first: the official client's order.
    "disable_two_factor": (
        "DELETE",
        f"/api/user/two-factor/{USER_ID}",
        f"methodId={METHOD_ID}&code={DISABLE_CODE}".encode(),
        KEY,
        None,
    ),
    "disable_two_factor_with_request": ("DELETE", f"/api/user/two-factor/{USER_ID}", b"", KEY, DISABLE_BODY),
    "disable_two_factor_using_jwt": (
        "DELETE",
        "/api/user/two-factor",
        f"methodId={METHOD_ID}&code={DISABLE_CODE}".encode(),
        BEARER,
        None,
    ),
    "generate_two_factor_recovery_codes": ("POST", f"/api/user/two-factor/recovery-code/{USER_ID}", b"", KEY, None),
    "retrieve_two_factor_recovery_codes": ("GET", f"/api/user/two-factor/recovery-code/{USER_ID}", b"", KEY, None),
}


def test_every_new_method_has_an_expected_request() -> None:
    assert EXPECTED_REQUESTS.keys() == JOURNEY_CALLS.keys()


@pytest.mark.parametrize("method", EXPECTED_REQUESTS)
def test_each_new_method_sends_what_the_official_client_sends(api: Api, server: FakeFusionAuth, method: str) -> None:
    http_method, path, query, credential, body = EXPECTED_REQUESTS[method]
    reply_success(server, method)
    JOURNEY_CALLS[method](api)
    request = server.last
    assert (request.method, request.url.path, request.url.query) == (http_method, path, query)
    assert request.headers["Authorization"] == (API_KEY if credential == KEY else f"Bearer {JWT}")
    assert request.headers["Accept"] == "application/json"
    assert "X-FusionAuth-TenantId" not in request.headers
    if body is None:
        assert request.content == b""
        assert "Content-Type" not in request.headers
    else:
        assert request.headers["Content-Type"] == "application/json"
        assert body_of(request) == body


@pytest.mark.parametrize("method", [name for name, expected in EXPECTED_REQUESTS.items() if expected[3] == BEARER])
def test_the_jwt_forms_never_send_the_api_key(api: Api, server: FakeFusionAuth, method: str) -> None:
    reply_success(server, method)
    JOURNEY_CALLS[method](api)
    assert API_KEY not in str(server.last.headers.raw)


@pytest.mark.parametrize("method", JOURNEY_CALLS)
def test_tenant_header_on_every_new_call_when_configured(
    make_api: Callable[..., Api], server: FakeFusionAuth, method: str
) -> None:
    reply_success(server, method)
    JOURNEY_CALLS[method](make_api(tenant_id=TENANT_ID.upper()))
    assert server.last.headers["X-FusionAuth-TenantId"] == TENANT_ID  # canonical lowercase


def test_login_without_an_api_key_sends_no_authorization(make_api: Callable[..., Api], server: FakeFusionAuth) -> None:
    server.reply(200, content=fixture_bytes("login_response.json"))
    make_api(api_key=None).login({"loginId": "x", "password": "y"})
    assert "Authorization" not in server.last.headers
    assert body_of(server.last) == {"loginId": "x", "password": "y"}


def test_login_sends_a_non_ascii_password_and_a_trust_as_given(api: Api, server: FakeFusionAuth) -> None:
    server.reply(200, content=fixture_bytes("login_response.json"))
    body = {**LOGIN_BODY, "twoFactorTrustId": TRUST_ID, "loginIdTypes": ["email", "phoneNumber"], "noJWT": True}
    api.login(body)
    assert body_of(server.last) == body
    assert body_of(server.last)["password"] == PASSWORD


def test_status_without_trust_or_application_sends_only_the_user_id(api: Api, server: FakeFusionAuth) -> None:
    server.reply(200, content=fixture_bytes("status_response.json"))
    api.call("retrieve_two_factor_status", None, user_id=uuid.UUID(USER_ID))
    assert str(server.last.url) == f"https://auth.example.com/api/two-factor/status?userId={USER_ID}"


def test_disable_encodes_the_code_in_the_query_as_the_official_client_does(api: Api, server: FakeFusionAuth) -> None:
    server.reply(200)
    api.call("disable_two_factor", USER_ID, method_id=METHOD_ID, code="12 34+/", application_id=APPLICATION_ID)
    assert server.last.url.query == f"methodId={METHOD_ID}&code=12+34%2B%2F&applicationId={APPLICATION_ID}".encode()
    assert server.last.content == b""


def test_disable_using_jwt_sends_the_application_id_after_the_code(api: Api, server: FakeFusionAuth) -> None:
    server.reply(200)
    api.call("disable_two_factor_using_jwt", JWT, method_id=METHOD_ID, code=CODE, application_id=APPLICATION_ID)
    assert server.last.url.query == f"methodId={METHOD_ID}&code={CODE}&applicationId={APPLICATION_ID}".encode()


@pytest.mark.parametrize(
    ("method", "args", "model"),
    [
        ("login", (), LoginRequest.from_dict(LOGIN_BODY)),
        ("retrieve_two_factor_status_with_request", (), TwoFactorStatusRequest.from_dict(STATUS_BODY)),
        ("enable_two_factor", (USER_ID,), TwoFactorRequest.from_dict(ENABLE_BODY)),
        ("enable_two_factor_using_jwt", (JWT,), TwoFactorRequest.from_dict(ENABLE_BODY)),
        ("update_two_factor", (USER_ID,), TwoFactorUpdateRequest.from_dict(UPDATE_BODY)),
        ("disable_two_factor_with_request", (USER_ID,), TwoFactorDisableRequest.from_dict(DISABLE_BODY)),
    ],
)
def test_a_model_body_sends_the_same_json_as_its_dict(
    api: Api, server: FakeFusionAuth, method: str, args: tuple[Any, ...], model: Any
) -> None:
    reply_success(server, method)
    if method == "login":
        api.login(model)
    else:
        api.call(method, *args, model)
    assert body_of(server.last) == EXPECTED_REQUESTS[method][4]


def test_status_request_keeps_fields_a_newer_fusionauth_may_read(api: Api, server: FakeFusionAuth) -> None:
    server.reply(200, content=fixture_bytes("status_response.json"))
    body = {**STATUS_BODY, "eventInfo": {"data": {"page": "/account/bank-accounts"}, "ipAddress": "127.0.0.1"}}
    future = RequestOptions(extra_body={"aFutureField": [1]})  # fields newer than the spec go this way
    api.call("retrieve_two_factor_status_with_request", body, request_options=future)
    assert body_of(server.last) == {**body, "aFutureField": [1]}
    assert body_of(server.last)["accessToken"] == ACCESS_TOKEN


# Arguments refused before anything is sent: (call, the exception expected).
USER_ID_CALLS: dict[str, Callable[[Api, Any], Any]] = {
    "retrieve_two_factor_status": lambda api, user: api.call("retrieve_two_factor_status", None, user_id=user),
    "enable_two_factor": lambda api, user: api.call("enable_two_factor", user, ENABLE_BODY),
    "update_two_factor": lambda api, user: api.call("update_two_factor", user, UPDATE_BODY),
    "disable_two_factor": lambda api, user: api.call("disable_two_factor", user, method_id=METHOD_ID, code=CODE),
    "disable_two_factor_with_request": lambda api, user: api.call(
        "disable_two_factor_with_request", user, DISABLE_BODY
    ),
    "generate_two_factor_recovery_codes": lambda api, user: api.call("generate_two_factor_recovery_codes", user),
    # deprecated, but its user id is checked all the same (before it warns)
    "retrieve_two_factor_recovery_codes": lambda api, user: api.call("retrieve_two_factor_recovery_codes", user),
}


@pytest.mark.parametrize("method", USER_ID_CALLS)
@pytest.mark.parametrize(("user_id", "error"), [("not-a-uuid", ValueError), ("", ValueError), (42, TypeError)])
def test_a_bad_user_id_is_refused_before_sending(
    api: Api, server: FakeFusionAuth, method: str, user_id: object, error: type[Exception]
) -> None:
    with pytest.raises(error, match="user_id") as caught:
        USER_ID_CALLS[method](api, user_id)
    assert "not-a-uuid" not in str(caught.value)
    assert server.requests == []


@pytest.mark.parametrize("method", ["disable_two_factor", "disable_two_factor_using_jwt"])
@pytest.mark.parametrize(
    ("method_id", "code", "refused"),
    [
        ("", CODE, "method_id"),
        ("  ", CODE, "method_id"),
        (METHOD_ID, "", "code"),
        (METHOD_ID, "\t", "code"),
    ],
)
def test_an_empty_method_id_or_code_is_refused_before_sending(
    api: Api, server: FakeFusionAuth, method: str, method_id: str, code: str, refused: str
) -> None:
    first = USER_ID if method == "disable_two_factor" else JWT
    with pytest.raises(ValueError, match=f"^{refused} must not be empty$"):
        api.call(method, first, method_id=method_id, code=code)
    assert server.requests == []


@pytest.mark.parametrize("method", ["disable_two_factor", "disable_two_factor_using_jwt"])
def test_a_method_id_that_is_not_a_str_is_refused(api: Api, server: FakeFusionAuth, method: str) -> None:
    first = USER_ID if method == "disable_two_factor" else JWT
    with pytest.raises(TypeError, match="method_id"):
        api.call(method, first, method_id=None, code=CODE)
    with pytest.raises(ValueError, match="application_id"):
        api.call(method, first, method_id=METHOD_ID, code=CODE, application_id="app")
    assert server.requests == []


WRONG_BODIES: list[tuple[str, tuple[Any, ...], Any, type[Exception], str]] = [
    # a Python attribute name would travel as an unknown field FusionAuth ignores
    (
        "login",
        (),
        {"loginId": "richard", "password": PASSWORD, "application_id": APPLICATION_ID},
        ValueError,
        "camelCase",
    ),
    ("update_two_factor", (USER_ID,), {"method_id": METHOD_ID, "name": "n"}, ValueError, "camelCase"),
    ("enable_two_factor", (USER_ID,), {**ENABLE_BODY, "secret_base32_encoded": "X"}, ValueError, "camelCase"),
    # a required field given under its Python name is missing
    ("disable_two_factor_with_request", (USER_ID,), {"method_id": METHOD_ID, "code": CODE}, ValueError, "methodId"),
    ("retrieve_two_factor_status_with_request", (), {"user_id": USER_ID}, ValueError, "userId"),
    ("enable_two_factor_using_jwt", (JWT,), {"code": CODE}, ValueError, "method"),
    # a wrong type, or another operation's model
    ("login", (), {"loginId": "richard", "password": 123456}, TypeError, "password"),
    ("enable_two_factor", (USER_ID,), TwoFactorDisableRequest.from_dict(DISABLE_BODY), TypeError, "TwoFactorRequest"),
    ("disable_two_factor_with_request", (USER_ID,), None, TypeError, "TwoFactorDisableRequest"),
]


@pytest.mark.parametrize(("method", "args", "body", "error", "named"), WRONG_BODIES)
def test_a_wrong_body_is_refused_before_sending(
    api: Api, server: FakeFusionAuth, method: str, args: tuple[Any, ...], body: Any, error: type[Exception], named: str
) -> None:
    with pytest.raises(error, match=named) as caught:
        if method == "login":
            api.login(body)
        else:
            api.call(method, *args, body)
    assert PASSWORD not in str(caught.value)
    assert server.requests == []


@pytest.mark.parametrize(
    "bad_jwt",
    [f"{JWT}\r\nX-Injected: 1", f"{JWT}\n", f"{JWT}\r", "", "   ", f" {JWT}", f"{JWT}\u00e9"],
)
@pytest.mark.parametrize(
    "call",
    [
        lambda api, jwt: api.call("enable_two_factor_using_jwt", jwt, ENABLE_BODY),
        lambda api, jwt: api.call("disable_two_factor_using_jwt", jwt, method_id=METHOD_ID, code=CODE),
    ],
    ids=["enable_two_factor_using_jwt", "disable_two_factor_using_jwt"],
)
def test_a_jwt_that_is_not_a_header_value_is_refused_before_sending(
    api: Api, server: FakeFusionAuth, call: Callable[[Api, str], Any], bad_jwt: str
) -> None:
    with pytest.raises(ValueError, match="encoded_jwt") as caught:
        call(api, bad_jwt)
    assert JWT not in str(caught.value)
    assert server.requests == []


# The password login needs a key only where FusionAuth is configured so: it is sent without one.
@pytest.mark.parametrize(
    "method", [name for name, expected in EXPECTED_REQUESTS.items() if expected[3] == KEY and name != "login"]
)
def test_an_api_key_call_on_a_client_without_a_key_is_refused_before_sending(
    make_api: Callable[..., Api], server: FakeFusionAuth, method: str
) -> None:
    with pytest.raises(ValueError, match="needs an API key"):
        JOURNEY_CALLS[method](make_api(api_key=None))
    assert server.requests == []
