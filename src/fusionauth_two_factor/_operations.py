"""The one place that maps each documented FusionAuth method to its generated operation.

For each operation: the generated module whose `_get_kwargs` builds the request (path, query,
JSON body, tenant header) and whose `_parse_response` turns a status code into the model the spec
declares; how FusionAuth authenticates it; whether repeating it is harmless; and the type of a
successful result.

Why the private generated functions: the generated `sync_detailed` / `asyncio_detailed` crash on
FusionAuth's non-standard status codes (`HTTPStatus(242)` raises), parse empty error bodies as
JSON, fix the Authorization header at the first request and have no per-call timeout. Building
and parsing with the generated code, and sending with our own transport, keeps the spec the single
source of truth for paths and shapes while the facade owns the wire. openapi-python-client is
pinned, and tests cover every operation through these functions.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from fusionauth_two_factor_generated.api.two_factor import (
    generate_two_factor_secret_using_jwt,
    retrieve_two_factor_status,
    send_two_factor_code_for_enable_disable,
    send_two_factor_code_for_login_using_method,
    start_two_factor_login,
    two_factor_login,
)
from fusionauth_two_factor_generated.models import (
    LoginResponse,
    SecretResponse,
    TwoFactorLoginRequest,
    TwoFactorSendRequest,
    TwoFactorStartRequest,
    TwoFactorStartResponse,
    TwoFactorStatusResponse,
)

from ._response import ApiResponse, TwoFactorStatusApiResponse

ResultT = TypeVar("ResultT")


class Auth(enum.Enum):
    """How FusionAuth authenticates an operation, as its official clients send it."""

    API_KEY = "the raw API key in Authorization"
    NONE = "no Authorization header: the twoFactorId is the credential"
    JWT = "Authorization: Bearer <the user's JWT>"


@dataclass(frozen=True, kw_only=True)
class Operation(Generic[ResultT]):
    name: str  # the documented method name, also the spec's operationId
    method: str
    path_template: str  # used in logs and messages instead of the real path, which may hold a twoFactorId
    auth: Auth
    # True when sending it twice has no effect beyond sending it once (the GETs). A send or a code
    # submission is never replayed unless the first attempt certainly did not reach FusionAuth.
    idempotent: bool
    build_request: Callable[..., dict[str, Any]]
    parse_response: Callable[..., object]
    result_type: type[ResultT] | None  # None: success has no body
    body_type: type[Any] | None = None
    response_class: type[ApiResponse[Any]] = ApiResponse


RETRIEVE_TWO_FACTOR_STATUS = Operation[TwoFactorStatusResponse](
    name="retrieveTwoFactorStatus",
    method="GET",
    path_template="/api/two-factor/status/{twoFactorTrustId}",
    auth=Auth.API_KEY,
    idempotent=True,
    build_request=retrieve_two_factor_status._get_kwargs,
    parse_response=retrieve_two_factor_status._parse_response,
    result_type=TwoFactorStatusResponse,
    response_class=TwoFactorStatusApiResponse,
)

START_TWO_FACTOR_LOGIN = Operation[TwoFactorStartResponse](
    name="startTwoFactorLogin",
    method="POST",
    path_template="/api/two-factor/start",
    auth=Auth.API_KEY,
    idempotent=False,  # each start creates a new twoFactorId
    build_request=start_two_factor_login._get_kwargs,
    parse_response=start_two_factor_login._parse_response,
    result_type=TwoFactorStartResponse,
    body_type=TwoFactorStartRequest,
)

TWO_FACTOR_LOGIN = Operation[LoginResponse](
    name="twoFactorLogin",
    method="POST",
    path_template="/api/two-factor/login",
    auth=Auth.NONE,
    idempotent=False,  # consumes the code (a recovery code is single-use) and issues tokens
    build_request=two_factor_login._get_kwargs,
    parse_response=two_factor_login._parse_response,
    result_type=LoginResponse,
    body_type=TwoFactorLoginRequest,
)

SEND_TWO_FACTOR_CODE_FOR_ENABLE_DISABLE = Operation[None](
    name="sendTwoFactorCodeForEnableDisable",
    method="POST",
    path_template="/api/two-factor/send",
    auth=Auth.API_KEY,
    idempotent=False,  # delivers a message and replaces the previous code
    build_request=send_two_factor_code_for_enable_disable._get_kwargs,
    parse_response=send_two_factor_code_for_enable_disable._parse_response,
    result_type=None,
    body_type=TwoFactorSendRequest,
)

GENERATE_TWO_FACTOR_SECRET_USING_JWT = Operation[SecretResponse](
    name="generateTwoFactorSecretUsingJWT",
    method="GET",
    path_template="/api/two-factor/secret",
    auth=Auth.JWT,
    idempotent=True,  # a fresh random secret each time, stored nowhere until a method is enabled
    build_request=generate_two_factor_secret_using_jwt._get_kwargs,
    parse_response=generate_two_factor_secret_using_jwt._parse_response,
    result_type=SecretResponse,
)

SEND_TWO_FACTOR_CODE_FOR_LOGIN_USING_METHOD = Operation[None](
    name="sendTwoFactorCodeForLoginUsingMethod",
    method="POST",
    path_template="/api/two-factor/send/{twoFactorId}",
    auth=Auth.NONE,
    idempotent=False,  # delivers a message and invalidates the codes sent before
    build_request=send_two_factor_code_for_login_using_method._get_kwargs,
    parse_response=send_two_factor_code_for_login_using_method._parse_response,
    result_type=None,
    body_type=TwoFactorSendRequest,
)

ALL_OPERATIONS: tuple[Operation[Any], ...] = (
    RETRIEVE_TWO_FACTOR_STATUS,
    START_TWO_FACTOR_LOGIN,
    TWO_FACTOR_LOGIN,
    SEND_TWO_FACTOR_CODE_FOR_ENABLE_DISABLE,
    GENERATE_TWO_FACTOR_SECRET_USING_JWT,
    SEND_TWO_FACTOR_CODE_FOR_LOGIN_USING_METHOD,
)
