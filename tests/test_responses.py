"""Every documented status code of every operation, sync and async: what is returned or raised."""

from __future__ import annotations

from typing import Any

import pytest
from support import (
    BASE_URL,
    CODE,
    JWT,
    TRUST_ID,
    TWO_FACTOR_ID,
    USER_ID,
    Api,
    FakeFusionAuth,
    fixture_bytes,
    fixture_json,
    present,
)

from fusionauth_two_factor import (
    ApiError,
    ApiResponse,
    AuthenticationError,
    BadRequestError,
    InvalidCodeError,
    LoginPreventedError,
    NotFoundError,
    ResponseParseError,
    ServerError,
    TwoFactorStatusApiResponse,
    UserExpiredError,
)
from fusionauth_two_factor.models import (
    AnyJsonMap,
    ChangePasswordReasonValue,
    Errors,
    LoginChangePasswordResponse,
    LoginPreventedActions,
    LoginResponse,
    SecretResponse,
    TwoFactorStartResponse,
    TwoFactorStatusResponse,
)

CALLS: dict[str, tuple[tuple[Any, ...], dict[str, Any]]] = {
    "retrieve_two_factor_status": ((TRUST_ID,), {"user_id": USER_ID}),
    "start_two_factor_login": (({"loginId": "richard@example.com"},), {}),
    "two_factor_login": (({"twoFactorId": TWO_FACTOR_ID, "code": CODE},), {}),
    "send_two_factor_code_for_enable_disable": (({"methodId": "KLRT", "userId": USER_ID},), {}),
    "generate_two_factor_secret_using_jwt": ((JWT,), {}),
    "send_two_factor_code_for_login_using_method": ((TWO_FACTOR_ID, {"methodId": "KLRT"}), {}),
}

SUCCESSES = [
    ("retrieve_two_factor_status", 200, "status_response.json", TwoFactorStatusResponse),
    ("retrieve_two_factor_status", 242, "status_response.json", TwoFactorStatusResponse),
    ("start_two_factor_login", 200, "start_response.json", TwoFactorStartResponse),
    ("two_factor_login", 200, "login_response.json", LoginResponse),
    ("two_factor_login", 202, "login_response.json", LoginResponse),
    ("two_factor_login", 203, "change_password_203.json", LoginChangePasswordResponse),
    ("two_factor_login", 212, "login_response.json", LoginResponse),
    ("two_factor_login", 213, "login_response.json", LoginResponse),
    ("send_two_factor_code_for_enable_disable", 200, None, type(None)),
    ("generate_two_factor_secret_using_jwt", 200, "secret_response.json", SecretResponse),
    ("send_two_factor_code_for_login_using_method", 200, None, type(None)),
]


def call(api: Api, method: str) -> Any:
    args, kwargs = CALLS[method]
    return api.call(method, *args, **kwargs)


@pytest.mark.parametrize(("method", "status", "fixture", "result_type"), SUCCESSES)
def test_documented_successes_return_the_parsed_model(
    api: Api, server: FakeFusionAuth, method: str, status: int, fixture: str | None, result_type: type
) -> None:
    server.reply(status, content=fixture_bytes(fixture) if fixture else b"")
    response = call(api, method)
    assert isinstance(response, ApiResponse)
    assert response.status_code == status
    assert type(response.result) is result_type
    if fixture:
        model: Any = response.result
        assert model.to_dict() == fixture_json(fixture)
        assert response.content == fixture_bytes(fixture)
    assert response.retries == 0


def test_242_means_the_next_login_needs_a_second_factor(api: Api, server: FakeFusionAuth) -> None:
    server.reply(242, json_body=fixture_json("status_response.json"))
    server.reply(200, json_body={"twoFactorTrustId": TRUST_ID})
    required = call(api, "retrieve_two_factor_status")
    trusted = call(api, "retrieve_two_factor_status")
    assert isinstance(required, TwoFactorStatusApiResponse)
    assert required.two_factor_required is True
    assert trusted.two_factor_required is False
    assert trusted.result.two_factor_trust_id == TRUST_ID


def test_203_carries_the_change_password_id(api: Api, server: FakeFusionAuth) -> None:
    server.reply(203, json_body=fixture_json("change_password_203.json"))
    response = call(api, "two_factor_login")
    assert response.result.change_password_reason is ChangePasswordReasonValue.BREACHED
    assert response.result.change_password_id == "XOgai4Rhzo7ytcxs1YSrPBxXHWfnEUQ8cbfNAQVbsTk"


@pytest.mark.parametrize("status", [201, 204, 226, 299])
def test_undocumented_2xx_cannot_give_the_typed_result(api: Api, server: FakeFusionAuth, status: int) -> None:
    # `result` is typed as the documented model: a 2xx FusionAuth does not document here has none.
    server.reply(status, json_body={"something": "new"})
    with pytest.raises(ResponseParseError, match="not an answer FusionAuth documents here") as caught:
        call(api, "two_factor_login")
    assert caught.value.status_code == status
    assert caught.value.body == '{"something": "new"}'


@pytest.mark.parametrize("status", [201, 204, 299])
def test_any_2xx_is_a_success_of_an_operation_without_a_body(api: Api, server: FakeFusionAuth, status: int) -> None:
    server.reply(status, json_body={"something": "new"})
    response = api.call("send_two_factor_code_for_login_using_method", TWO_FACTOR_ID, {"methodId": "KLRT"})
    assert (response.status_code, response.result) == (status, None)


ERRORS = [
    ("retrieve_two_factor_status", 400, BadRequestError),
    ("retrieve_two_factor_status", 401, AuthenticationError),
    ("retrieve_two_factor_status", 500, ServerError),
    ("start_two_factor_login", 400, BadRequestError),
    ("start_two_factor_login", 401, AuthenticationError),
    ("start_two_factor_login", 404, NotFoundError),
    ("start_two_factor_login", 500, ServerError),
    ("start_two_factor_login", 503, ServerError),
    ("two_factor_login", 400, BadRequestError),
    ("two_factor_login", 404, NotFoundError),
    ("two_factor_login", 409, LoginPreventedError),
    ("two_factor_login", 410, UserExpiredError),
    ("two_factor_login", 421, InvalidCodeError),
    ("two_factor_login", 500, ServerError),
    ("two_factor_login", 503, ServerError),
    ("two_factor_login", 504, ServerError),
    ("send_two_factor_code_for_enable_disable", 400, BadRequestError),
    ("send_two_factor_code_for_enable_disable", 401, AuthenticationError),
    ("send_two_factor_code_for_enable_disable", 500, ServerError),
    ("send_two_factor_code_for_enable_disable", 503, ServerError),
    ("generate_two_factor_secret_using_jwt", 401, AuthenticationError),
    ("generate_two_factor_secret_using_jwt", 500, ServerError),
    ("generate_two_factor_secret_using_jwt", 503, ServerError),
    ("send_two_factor_code_for_login_using_method", 400, BadRequestError),
    ("send_two_factor_code_for_login_using_method", 401, AuthenticationError),
    ("send_two_factor_code_for_login_using_method", 500, ServerError),
    ("send_two_factor_code_for_login_using_method", 503, ServerError),
]

DOCUMENTED_BODIES: dict[int, tuple[str | None, type | None]] = {
    400: ("errors_400.json", Errors),
    409: ("login_prevented_409.json", LoginPreventedActions),
    503: (None, AnyJsonMap),
}


@pytest.mark.parametrize(("method", "status", "error_class"), ERRORS)
def test_documented_errors_raise_with_status_headers_body_and_result(
    api: Api, server: FakeFusionAuth, method: str, status: int, error_class: type[ApiError]
) -> None:
    fixture, result_type = DOCUMENTED_BODIES.get(status, (None, None))
    if status == 503:
        server.reply(503, json_body={"message": "search index unavailable"}, x_request_id="r-1")
    else:
        server.reply(status, content=fixture_bytes(fixture) if fixture else b"", x_request_id="r-1")
    api.client._settings = type(api.client._settings)(**{**vars(api.client._settings), "max_retries": 0})
    with pytest.raises(error_class) as caught:
        call(api, method)
    error = caught.value
    assert error.status_code == status
    assert error.headers["x-request-id"] == "r-1"
    assert str(error).startswith(f"{method} ({error.method} {BASE_URL}/api/")  # the facade method and the template
    assert TWO_FACTOR_ID not in error.url and TRUST_ID not in error.url
    assert f"HTTP {status}" in str(error)
    if result_type is None:
        assert error.result is None
        assert error.body == ""
        assert "(empty body)" in str(error)
    else:
        assert type(error.result) is result_type
        assert error.body
    if fixture:
        body: Any = error.result
        assert body.to_dict() == fixture_json(fixture)


def test_400_message_lists_fusionauth_error_codes(api: Api, server: FakeFusionAuth) -> None:
    server.reply(400, content=fixture_bytes("errors_400.json"))
    with pytest.raises(BadRequestError) as caught:
        call(api, "two_factor_login")
    assert str(caught.value) == (
        f"two_factor_login (POST {BASE_URL}/api/two-factor/login) failed: HTTP 400 "
        "([TenantIdRequired], [blank]code, [blank]user.email)"
    )
    assert (caught.value.method, caught.value.url) == ("POST", f"{BASE_URL}/api/two-factor/login")
    field_errors = present(present(caught.value.result).field_errors)
    assert present(field_errors["user.email"][0].data)["allowed"] == ["a", "b"]


def test_html_from_a_proxy_is_an_api_error_not_a_json_error(api: Api, server: FakeFusionAuth) -> None:
    html = "<html><body><h1>502 Bad Gateway</h1></body></html>"
    server.reply(502, content=html, content_type="text/html")
    with pytest.raises(ServerError) as caught:
        call(api, "two_factor_login")
    assert caught.value.body == html
    assert caught.value.result is None


@pytest.mark.parametrize("body", [b"<html>oops</html>", b"{not json", b"[1, 2]", b'"text"', b"null"])
def test_a_400_with_a_broken_body_still_raises_bad_request(api: Api, server: FakeFusionAuth, body: bytes) -> None:
    server.reply(400, content=body)
    with pytest.raises(BadRequestError) as caught:
        call(api, "start_two_factor_login")
    assert caught.value.result is None
    assert caught.value.body == body.decode()


@pytest.mark.parametrize(("status", "error_class"), [(418, ApiError), (423, ApiError), (599, ServerError)])
def test_undocumented_error_statuses_raise(
    api: Api, server: FakeFusionAuth, status: int, error_class: type[ApiError]
) -> None:
    server.reply(status, json_body={"whatever": 1})
    with pytest.raises(error_class) as caught:
        call(api, "two_factor_login")
    assert caught.value.status_code == status
    assert caught.value.result is None


@pytest.mark.parametrize(
    "body",
    [
        b"<html>login page</html>",
        b"{truncated",
        b'"text"',
        b'{"user": "x"}',
        b'{"methods": [1]}',
        b'{"refreshTokenId": "nope"}',
        b"[" * 100_000 + b"]" * 100_000,
        # What the generated from_dict takes without a word, because dict() takes it: a list of pairs.
        b'[["user", {"id": "00000000-0000-0001-0000-000000000000"}]]',
        b'{"user": [["id", "00000000-0000-0001-0000-000000000000"]]}',
        # A free-form map's values are of their declared type too: registration tokens are strs.
        b'{"user": {"registrations": [{"tokens": {"Facebook": 17}}]}}',
        b'{"user": {"registrations": [{"roles": ["admin", null]}]}}',
    ],
)
def test_a_success_with_a_body_that_is_not_the_documented_shape_raises(
    api: Api, server: FakeFusionAuth, body: bytes
) -> None:
    server.reply(200, content=body)
    with pytest.raises(ResponseParseError) as caught:
        call(api, "two_factor_login")
    assert caught.value.status_code == 200
    assert caught.value.body == body.decode()


def test_what_a_newer_fusionauth_adds_to_a_success_is_kept_not_refused(api: Api, server: FakeFusionAuth) -> None:
    sent = fixture_json("login_response.json")
    sent["aFutureField"] = {"kept": [1, None]}
    sent["user"]["registrations"][0]["aFutureKey"] = ["x", 2]
    sent["changePasswordReason"] = "AFutureReason"  # an open enum: a value this client does not know is a str
    server.reply(200, json_body=sent)
    result = present(call(api, "two_factor_login").result)
    assert result.change_password_reason == "AFutureReason"
    assert result["aFutureField"] == {"kept": [1, None]}
    assert result.to_dict() == sent


def test_an_error_body_not_of_the_documented_shape_leaves_the_result_empty(api: Api, server: FakeFusionAuth) -> None:
    body = b'{"fieldErrors": {"code": [{"code": 5, "message": "Invalid"}]}}'  # an error code is a str
    server.reply(400, content=body)
    with pytest.raises(BadRequestError) as caught:
        call(api, "two_factor_login")
    assert caught.value.result is None
    assert caught.value.body == body.decode()


def test_a_documented_success_without_its_body_raises(api: Api, server: FakeFusionAuth) -> None:
    server.reply(242)
    with pytest.raises(ResponseParseError, match=r"HTTP 242 body is not a valid response \(no body\)"):
        call(api, "retrieve_two_factor_status")


def test_enabling_a_later_method_answers_200_without_a_body(api: Api, server: FakeFusionAuth) -> None:
    # FusionAuth documents it: only the first method's answer carries the recovery codes.
    server.reply(200)
    response = api.call("enable_two_factor", USER_ID, {"method": "email", "email": "a@example.com", "code": CODE})
    assert (response.status_code, response.result) == (200, None)
