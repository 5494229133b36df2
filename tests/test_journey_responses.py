"""Every documented status code of every method issue 9 added, sync and async: what is returned or raised."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from fusionauth_two_factor_generated.types import Unset
from journey_calls import JOURNEY_CALLS, SUCCESS_FIXTURES, reply_success
from support import Api, FakeFusionAuth, fixture_bytes, fixture_json, present

from fusionauth_two_factor import (
    ApiError,
    ApiResponse,
    AuthenticationError,
    BadRequestError,
    InvalidCodeError,
    LoggedInApiResponse,
    LoginPreventedError,
    NotFoundError,
    PasswordChangeApiResponse,
    ResponseParseError,
    ServerError,
    TwoFactorChallengeApiResponse,
    TwoFactorStatusApiResponse,
    UserExpiredError,
    error_codes,
)
from fusionauth_two_factor.models import (
    AnyJsonMap,
    Errors,
    GeneratedRecoveryCodesResponse,
    LoginChangePasswordResponse,
    LoginPreventedActions,
    LoginResponse,
    LoginTwoFactorRequiredResponse,
    SecretResponse,
    TwoFactorResponse,
    TwoFactorStatusResponse,
)
from fusionauth_two_factor.models import TwoFactorRecoveryCodeResponse as RetrievedRecoveryCodes

SPEC = Path(__file__).parents[1] / "openapi" / "two-factor.yaml"

# facade method -> the spec's operationId of the HTTP operation it uses
OPERATION_IDS = {
    "login": "login",
    "retrieve_two_factor_status": "retrieveTwoFactorStatusWithoutTrust",
    "retrieve_two_factor_status_with_request": "retrieveTwoFactorStatusWithRequest",
    "generate_two_factor_secret": "generateTwoFactorSecretUsingJWT",
    "enable_two_factor": "enableTwoFactor",
    "enable_two_factor_using_jwt": "enableTwoFactorUsingJWT",
    "update_two_factor": "updateTwoFactor",
    "disable_two_factor": "disableTwoFactor",
    "disable_two_factor_with_request": "disableTwoFactor",
    "disable_two_factor_using_jwt": "disableTwoFactorUsingJWT",
    "generate_two_factor_recovery_codes": "generateTwoFactorRecoveryCodes",
    "retrieve_two_factor_recovery_codes": "retrieveTwoFactorRecoveryCodes",
}

STATUS_METHODS = ["retrieve_two_factor_status", "retrieve_two_factor_status_with_request"]
ENABLE_METHODS = ["enable_two_factor", "enable_two_factor_using_jwt"]
DISABLE_METHODS = ["disable_two_factor", "disable_two_factor_with_request", "disable_two_factor_using_jwt"]
NO_BODY = type(None)

# (method, status, fixture of the body or None, the response's class, the result's class)
SUCCESSES: list[tuple[str, int, str | None, type[ApiResponse[Any]], type]] = [
    ("login", 200, "login_response.json", LoggedInApiResponse, LoginResponse),
    ("login", 202, "login_response.json", LoggedInApiResponse, LoginResponse),
    ("login", 203, "change_password_203.json", PasswordChangeApiResponse, LoginChangePasswordResponse),
    ("login", 212, "journey_login_212.json", LoggedInApiResponse, LoginResponse),
    ("login", 213, "journey_login_213.json", LoggedInApiResponse, LoginResponse),
    ("login", 242, "journey_login_242.json", TwoFactorChallengeApiResponse, LoginTwoFactorRequiredResponse),
    # MFA required but no method yet (FusionAuth 1.42+): the methods it may be configured with
    ("login", 242, "journey_login_242_configure.json", TwoFactorChallengeApiResponse, LoginTwoFactorRequiredResponse),
    *[
        (method, status, "status_response.json", TwoFactorStatusApiResponse, TwoFactorStatusResponse)
        for method in STATUS_METHODS
        for status in (200, 242)
    ],
    ("generate_two_factor_secret", 200, "secret_response.json", ApiResponse, SecretResponse),
    *[(method, 200, "journey_enable_200.json", ApiResponse, TwoFactorResponse) for method in ENABLE_METHODS],
    # a method after the first: FusionAuth answers without a body
    *[(method, 200, None, ApiResponse, NO_BODY) for method in ENABLE_METHODS],
    ("update_two_factor", 200, None, ApiResponse, NO_BODY),
    *[(method, 200, None, ApiResponse, NO_BODY) for method in DISABLE_METHODS],
    (
        "generate_two_factor_recovery_codes",
        200,
        "journey_recovery_codes.json",
        ApiResponse,
        GeneratedRecoveryCodesResponse,
    ),
    ("retrieve_two_factor_recovery_codes", 200, "journey_recovery_codes.json", ApiResponse, RetrievedRecoveryCodes),
]

DOCUMENTED_ERRORS: dict[str, tuple[int, ...]] = {
    "login": (400, 401, 404, 409, 410, 423, 500, 503, 504),
    **dict.fromkeys(STATUS_METHODS, (400, 401, 500)),
    "generate_two_factor_secret": (401, 500, 503),
    **dict.fromkeys(ENABLE_METHODS, (400, 401, 404, 421, 500, 503)),
    "update_two_factor": (400, 401, 404, 500, 503),
    **dict.fromkeys(DISABLE_METHODS, (400, 401, 404, 421, 500, 503)),
    "generate_two_factor_recovery_codes": (400, 401, 500),
    "retrieve_two_factor_recovery_codes": (400, 401, 500),
}

ERROR_CLASSES: dict[int, type[ApiError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    404: NotFoundError,
    409: LoginPreventedError,
    410: UserExpiredError,
    421: InvalidCodeError,
    423: ApiError,  # a locked user: FusionAuth documents it, with no class of its own here
    500: ServerError,
    503: ServerError,
    504: ServerError,
}

# status -> (fixture of FusionAuth's documented error body, or None for a JSON message; its model)
ERROR_BODIES: dict[int, tuple[str | None, type]] = {
    400: ("journey_errors_400.json", Errors),
    409: ("login_prevented_409.json", LoginPreventedActions),
    503: (None, AnyJsonMap),
}


def _spec_statuses() -> dict[str, set[int]]:
    spec = yaml.safe_load(SPEC.read_text())
    return {
        operation["operationId"]: {int(status) for status in operation["responses"]}
        for item in spec["paths"].values()
        for operation in item.values()
        if isinstance(operation, dict) and "operationId" in operation
    }


def test_the_tables_cover_every_status_the_spec_documents_for_every_new_method() -> None:
    assert OPERATION_IDS.keys() == JOURNEY_CALLS.keys() == DOCUMENTED_ERRORS.keys()
    documented = _spec_statuses()
    for method, operation_id in OPERATION_IDS.items():
        covered = {status for name, status, *_ in SUCCESSES if name == method} | set(DOCUMENTED_ERRORS[method])
        assert covered == documented[operation_id], method


@pytest.mark.parametrize(("method", "status", "fixture", "response_class", "result_type"), SUCCESSES)
def test_documented_successes_return_the_parsed_model(
    api: Api,
    server: FakeFusionAuth,
    method: str,
    status: int,
    fixture: str | None,
    response_class: type[ApiResponse[Any]],
    result_type: type,
) -> None:
    server.reply(status, content=fixture_bytes(fixture) if fixture else b"", x_request_id="r-1")
    response = JOURNEY_CALLS[method](api)
    assert type(response) is response_class
    assert response.status_code == status
    assert response.headers["x-request-id"] == "r-1"
    model: Any = response.result
    assert response.retries == 0
    if fixture:
        assert model.to_dict() == fixture_json(fixture)
        assert response.content == fixture_bytes(fixture)
    else:
        assert response.content == b""
    assert type(model) is result_type


def test_login_242_names_the_challenge_and_the_methods(api: Api, server: FakeFusionAuth) -> None:
    server.reply(242, content=fixture_bytes("journey_login_242.json"))
    response = api.login({"loginId": "richard@piedpiper.com", "password": "pw"})
    assert response.two_factor_required is True
    assert response.password_change_required is False
    challenge = response.result
    assert challenge.two_factor_id == fixture_json("journey_login_242.json")["twoFactorId"]
    methods = present(challenge.methods)
    assert [(method.id, method.method) for method in methods] == [("35VW", "authenticator"), ("KLRT", "email")]
    assert present(present(methods[0].authenticator).time_step) == 30


def test_login_242_without_methods_lists_the_configurable_ones(api: Api, server: FakeFusionAuth) -> None:
    server.reply(242, content=fixture_bytes("journey_login_242_configure.json"))
    response = api.login({"loginId": "richard@piedpiper.com", "password": "pw"})
    assert response.two_factor_required is True
    assert present(response.result.configurable_methods) == ["authenticator", "email", "sms"]
    assert isinstance(response.result.methods, Unset)


@pytest.mark.parametrize("status", [200, 202, 212, 213])
def test_a_login_without_a_challenge_is_logged_in(api: Api, server: FakeFusionAuth, status: int) -> None:
    server.reply(status, content=fixture_bytes("login_response.json"))
    response = api.login({"loginId": "richard@piedpiper.com", "password": "pw"})
    assert (response.two_factor_required, response.password_change_required) == (False, False)
    assert response.result.user.email == "example@fusionauth.io"


def test_a_login_203_asks_for_a_password_change(api: Api, server: FakeFusionAuth) -> None:
    server.reply(203, content=fixture_bytes("change_password_203.json"))
    response = api.login({"loginId": "richard@piedpiper.com", "password": "pw"})
    assert (response.two_factor_required, response.password_change_required) == (False, True)
    assert response.result.change_password_id == fixture_json("change_password_203.json")["changePasswordId"]


@pytest.mark.parametrize("method", STATUS_METHODS)
def test_both_status_forms_say_whether_a_second_factor_is_required(
    api: Api, server: FakeFusionAuth, method: str
) -> None:
    server.reply(242, content=fixture_bytes("status_response.json"))
    server.reply(200, json_body={"twoFactorTrustId": "trust"})
    required = JOURNEY_CALLS[method](api)
    trusted = JOURNEY_CALLS[method](api)
    assert (required.two_factor_required, trusted.two_factor_required) == (True, False)
    assert trusted.result.two_factor_trust_id == "trust"


@pytest.mark.parametrize("method", ENABLE_METHODS)
def test_enabling_the_first_method_answers_the_recovery_codes(api: Api, server: FakeFusionAuth, method: str) -> None:
    server.reply(200, content=fixture_bytes("journey_enable_200.json"))
    response = JOURNEY_CALLS[method](api)
    assert response.result.recovery_codes == fixture_json("journey_enable_200.json")["recoveryCodes"]
    assert len(response.result.recovery_codes) == 10
    assert response.result.code == fixture_json("journey_enable_200.json")["code"]


def test_retrieving_recovery_codes_from_fusionauth_1_68_answers_an_empty_list(api: Api, server: FakeFusionAuth) -> None:
    server.reply(200, json_body={"recoveryCodes": []})
    response = JOURNEY_CALLS["retrieve_two_factor_recovery_codes"](api)
    assert response.result.recovery_codes == []


@pytest.mark.parametrize(
    "method", [name for name, fixture in SUCCESS_FIXTURES.items() if fixture and name not in ENABLE_METHODS]
)
def test_a_success_without_its_documented_body_raises(api: Api, server: FakeFusionAuth, method: str) -> None:
    server.reply(200)
    with pytest.raises(ResponseParseError) as caught:
        JOURNEY_CALLS[method](api)
    assert caught.value.status_code == 200


@pytest.mark.parametrize(
    ("method", "body"),
    [
        ("generate_two_factor_recovery_codes", b'{"recoveryCodes": "QJD73-L6GR5"}'),
        ("generate_two_factor_recovery_codes", b"{}"),
        ("enable_two_factor", b'{"code": "a9Xq3bLmT2"}'),
        ("login", b'{"methods": []}'),
        ("retrieve_two_factor_status_with_request", b"<html>login page</html>"),
    ],
)
def test_a_success_with_a_body_not_of_the_documented_shape_raises(
    api: Api, server: FakeFusionAuth, method: str, body: bytes
) -> None:
    status = 242 if method == "login" else 200
    server.reply(status, content=body)
    with pytest.raises(ResponseParseError) as caught:
        JOURNEY_CALLS[method](api)
    assert (caught.value.status_code, caught.value.body) == (status, body.decode())


@pytest.mark.parametrize(
    ("method", "status"), [(method, status) for method, statuses in DOCUMENTED_ERRORS.items() for status in statuses]
)
def test_documented_errors_raise_with_status_headers_body_and_result(
    make_api: Callable[..., Api], server: FakeFusionAuth, method: str, status: int
) -> None:
    fixture, result_type = ERROR_BODIES.get(status, (None, NO_BODY))
    if status == 503:
        server.reply(503, json_body={"message": "search index unavailable"}, x_request_id="r-1")
    else:
        server.reply(status, content=fixture_bytes(fixture) if fixture else b"", x_request_id="r-1")
    with pytest.raises(ApiError) as caught:
        JOURNEY_CALLS[method](make_api(max_retries=0))
    error = caught.value
    assert type(error) is ERROR_CLASSES[status]
    assert (error.status_code, error.headers["x-request-id"]) == (status, "r-1")
    assert f"HTTP {status}" in str(error)
    body: Any = error.result
    if fixture:
        assert body.to_dict() == fixture_json(fixture)
    assert type(body) is result_type
    if result_type is NO_BODY:
        assert error.body == ""
        assert "(empty body)" in str(error)
    assert len(server.requests) == 1


@pytest.mark.parametrize("method", [name for name, statuses in DOCUMENTED_ERRORS.items() if 400 in statuses])
def test_a_400_message_lists_fusionauth_error_codes(api: Api, server: FakeFusionAuth, method: str) -> None:
    server.reply(400, content=fixture_bytes("journey_errors_400.json"))
    with pytest.raises(BadRequestError) as caught:
        JOURNEY_CALLS[method](api)
    codes = ["[disabled]method", "[invalid]methodId", "[blank]code"]
    assert error_codes(present(caught.value.result)) == codes
    assert str(caught.value).endswith(f"failed: HTTP 400 ({', '.join(codes)})")


# The calls that change something: an ambiguous 503 must not make them happen twice.
NOT_REPLAYED = ["login", *ENABLE_METHODS, *DISABLE_METHODS, "generate_two_factor_recovery_codes"]


@pytest.mark.parametrize("method", NOT_REPLAYED)
def test_a_503_is_not_replayed_where_the_call_changes_something(
    api: Api, server: FakeFusionAuth, sleeps: list[float], method: str
) -> None:
    server.reply(503, json_body={"message": "unavailable"})
    with pytest.raises(ServerError):
        JOURNEY_CALLS[method](api)
    assert (len(server.requests), sleeps) == (1, [])


@pytest.mark.parametrize("method", [name for name in JOURNEY_CALLS if name not in NOT_REPLAYED])
def test_a_503_is_retried_where_repeating_the_call_is_harmless(
    api: Api, server: FakeFusionAuth, sleeps: list[float], method: str
) -> None:
    server.reply(503, json_body={"message": "unavailable"})
    reply_success(server, method)
    response = JOURNEY_CALLS[method](api)
    assert (response.status_code, response.retries, len(server.requests), len(sleeps)) == (200, 1, 2, 1)
