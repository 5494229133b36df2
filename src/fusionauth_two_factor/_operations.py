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
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from fusionauth_two_factor_generated.api.two_factor import (
    disable_two_factor,
    disable_two_factor_using_jwt,
    enable_two_factor,
    enable_two_factor_using_jwt,
    generate_two_factor_recovery_codes,
    generate_two_factor_secret_using_jwt,
    login,
    retrieve_two_factor_recovery_codes,
    retrieve_two_factor_status,
    retrieve_two_factor_status_with_request,
    retrieve_two_factor_status_without_trust,
    send_two_factor_code_for_enable_disable,
    send_two_factor_code_for_login_using_method,
    start_two_factor_login,
    two_factor_login,
    update_two_factor,
)
from fusionauth_two_factor_generated.models import (
    GeneratedRecoveryCodesResponse,
    LoginChangePasswordResponse,
    LoginRequest,
    LoginResponse,
    LoginTwoFactorRequiredResponse,
    SecretResponse,
    TwoFactorDisableRequest,
    TwoFactorLoginRequest,
    TwoFactorRecoveryCodeResponse,
    TwoFactorRequest,
    TwoFactorResponse,
    TwoFactorSendForEnableDisableRequest,
    TwoFactorSendForLoginRequest,
    TwoFactorStartRequest,
    TwoFactorStartResponse,
    TwoFactorStatusRequest,
    TwoFactorStatusResponse,
    TwoFactorUpdateRequest,
)

from ._response import LOGIN_RESPONSE_CLASSES, ApiResponse, LoggedInApiResponse, TwoFactorStatusApiResponse

ResultT = TypeVar("ResultT")


class Auth(enum.Enum):
    """How FusionAuth authenticates an operation, as its official clients send it."""

    API_KEY = "the raw API key in Authorization"
    # FusionAuth decides per application (or tenant) whether the password login needs a key; its
    # clients send theirs whenever they have one, and so does this one.
    API_KEY_IF_CONFIGURED = "the raw API key in Authorization when the Client has one, else no header"
    NONE = "no Authorization header: the twoFactorId is the credential"
    JWT = "Authorization: Bearer <the user's JWT>"


@dataclass(frozen=True, kw_only=True)
class Operation(Generic[ResultT]):
    """One documented FusionAuth method, and the generated operation that builds and parses it.

    Two methods may share one HTTP operation (the secret with an API key or a JWT; the disable with
    a query or a body), and one method may use two (the status with or without a trust id in the
    path); `spec_operation_id` names the spec's operation where it is not the method's own name.
    """

    name: str  # the documented method name (FusionAuth's clients' camelCase), used in errors and logs
    method: str
    path_template: str  # used in logs and messages instead of the real path, which may hold a twoFactorId
    auth: Auth
    # True when sending it twice has no effect beyond sending it once (the GETs). A send or a code
    # submission is never replayed unless the first attempt certainly did not reach FusionAuth.
    idempotent: bool
    build_request: Callable[..., dict[str, Any]]
    parse_response: Callable[..., object]
    result_type: type[ResultT] | tuple[type[Any], ...] | None  # None: no body; a tuple: a model per status
    body_type: type[Any] | None = None
    response_class: type[ApiResponse[Any]] = ApiResponse
    # Statuses whose answer has a class of its own (a login's 203 and 242).
    response_classes: Mapping[int, type[ApiResponse[Any]]] = field(default_factory=dict)
    # True where FusionAuth documents a success that may come without its body (enabling a method
    # after the first answers 200 with none): `result` is then None.
    body_optional: bool = False
    spec_operation_id: str | None = None
    deprecation: str | None = None  # what to use instead, when FusionAuth deprecates the method

    @property
    def operation_id(self) -> str:
        """The spec's operationId of the HTTP operation this method uses."""
        return self.spec_operation_id or self.name


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

TWO_FACTOR_LOGIN = Operation[LoginResponse | LoginChangePasswordResponse](
    name="twoFactorLogin",
    method="POST",
    path_template="/api/two-factor/login",
    auth=Auth.NONE,
    idempotent=False,  # consumes the code (a recovery code is single-use) and issues tokens
    build_request=two_factor_login._get_kwargs,
    parse_response=two_factor_login._parse_response,
    result_type=(LoginResponse, LoginChangePasswordResponse),
    body_type=TwoFactorLoginRequest,
    response_class=LoggedInApiResponse,
    response_classes=LOGIN_RESPONSE_CLASSES,
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
    body_type=TwoFactorSendForEnableDisableRequest,
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
    body_type=TwoFactorSendForLoginRequest,
)

RETRIEVE_TWO_FACTOR_STATUS_WITHOUT_TRUST = Operation[TwoFactorStatusResponse](
    name="retrieveTwoFactorStatus",  # the same documented method, called with no trust id
    spec_operation_id="retrieveTwoFactorStatusWithoutTrust",
    method="GET",
    path_template="/api/two-factor/status",
    auth=Auth.API_KEY,
    idempotent=True,
    build_request=retrieve_two_factor_status_without_trust._get_kwargs,
    parse_response=retrieve_two_factor_status_without_trust._parse_response,
    result_type=TwoFactorStatusResponse,
    response_class=TwoFactorStatusApiResponse,
)

RETRIEVE_TWO_FACTOR_STATUS_WITH_REQUEST = Operation[TwoFactorStatusResponse](
    name="retrieveTwoFactorStatusWithRequest",
    method="POST",
    path_template="/api/two-factor/status",
    auth=Auth.API_KEY,
    idempotent=True,  # a query sent as a POST (FusionAuth 1.62+): it changes nothing
    build_request=retrieve_two_factor_status_with_request._get_kwargs,
    parse_response=retrieve_two_factor_status_with_request._parse_response,
    result_type=TwoFactorStatusResponse,
    body_type=TwoFactorStatusRequest,
    response_class=TwoFactorStatusApiResponse,
)

GENERATE_TWO_FACTOR_SECRET = Operation[SecretResponse](
    name="generateTwoFactorSecret",
    spec_operation_id="generateTwoFactorSecretUsingJWT",  # one HTTP operation, an API key or a JWT
    method="GET",
    path_template="/api/two-factor/secret",
    auth=Auth.API_KEY,
    idempotent=True,
    build_request=generate_two_factor_secret_using_jwt._get_kwargs,
    parse_response=generate_two_factor_secret_using_jwt._parse_response,
    result_type=SecretResponse,
)

LOGIN = Operation[LoginResponse | LoginChangePasswordResponse | LoginTwoFactorRequiredResponse](
    name="login",
    method="POST",
    path_template="/api/login",
    auth=Auth.API_KEY_IF_CONFIGURED,
    idempotent=False,  # issues tokens, or a new twoFactorId, and counts failed attempts
    build_request=login._get_kwargs,
    parse_response=login._parse_response,
    result_type=(LoginResponse, LoginChangePasswordResponse, LoginTwoFactorRequiredResponse),
    body_type=LoginRequest,
    response_class=LoggedInApiResponse,
    response_classes=LOGIN_RESPONSE_CLASSES,
)

ENABLE_TWO_FACTOR = Operation[TwoFactorResponse | None](
    name="enableTwoFactor",
    method="POST",
    path_template="/api/user/two-factor/{userId}",
    auth=Auth.API_KEY,
    idempotent=False,  # consumes the code and adds a method
    build_request=enable_two_factor._get_kwargs,
    parse_response=enable_two_factor._parse_response,
    result_type=TwoFactorResponse,
    body_type=TwoFactorRequest,
    body_optional=True,  # only the user's first method answers with recovery codes
)

ENABLE_TWO_FACTOR_USING_JWT = Operation[TwoFactorResponse | None](
    name="enableTwoFactorUsingJWT",
    method="POST",
    path_template="/api/user/two-factor",
    auth=Auth.JWT,
    idempotent=False,
    build_request=enable_two_factor_using_jwt._get_kwargs,
    parse_response=enable_two_factor_using_jwt._parse_response,
    result_type=TwoFactorResponse,
    body_type=TwoFactorRequest,
    body_optional=True,  # only the user's first method answers with recovery codes
)

UPDATE_TWO_FACTOR = Operation[None](
    name="updateTwoFactor",
    method="PUT",
    path_template="/api/user/two-factor/{userId}",
    auth=Auth.API_KEY,
    idempotent=True,  # renaming a method twice leaves the same name
    build_request=update_two_factor._get_kwargs,
    parse_response=update_two_factor._parse_response,
    result_type=None,
    body_type=TwoFactorUpdateRequest,
)

DISABLE_TWO_FACTOR = Operation[None](
    name="disableTwoFactor",  # methodId and code in the query string
    method="DELETE",
    path_template="/api/user/two-factor/{userId}",
    auth=Auth.API_KEY,
    idempotent=False,  # consumes the code (a recovery code removes every method)
    build_request=disable_two_factor._get_kwargs,
    parse_response=disable_two_factor._parse_response,
    result_type=None,
)

DISABLE_TWO_FACTOR_WITH_REQUEST = Operation[None](
    name="disableTwoFactorWithRequest",  # the same HTTP operation, with a TwoFactorDisableRequest body
    spec_operation_id="disableTwoFactor",
    method="DELETE",
    path_template="/api/user/two-factor/{userId}",
    auth=Auth.API_KEY,
    idempotent=False,
    build_request=disable_two_factor._get_kwargs,
    parse_response=disable_two_factor._parse_response,
    result_type=None,
    body_type=TwoFactorDisableRequest,
)

DISABLE_TWO_FACTOR_USING_JWT = Operation[None](
    name="disableTwoFactorUsingJWT",
    method="DELETE",
    path_template="/api/user/two-factor",
    auth=Auth.JWT,
    idempotent=False,
    build_request=disable_two_factor_using_jwt._get_kwargs,
    parse_response=disable_two_factor_using_jwt._parse_response,
    result_type=None,
)

GENERATE_TWO_FACTOR_RECOVERY_CODES = Operation[GeneratedRecoveryCodesResponse](
    name="generateTwoFactorRecoveryCodes",
    method="POST",
    path_template="/api/user/two-factor/recovery-code/{userId}",
    auth=Auth.API_KEY,
    idempotent=False,  # replaces the user's recovery codes
    build_request=generate_two_factor_recovery_codes._get_kwargs,
    parse_response=generate_two_factor_recovery_codes._parse_response,
    result_type=GeneratedRecoveryCodesResponse,
)

RETRIEVE_TWO_FACTOR_RECOVERY_CODES = Operation[TwoFactorRecoveryCodeResponse](
    name="retrieveTwoFactorRecoveryCodes",
    method="GET",
    path_template="/api/user/two-factor/recovery-code/{userId}",
    auth=Auth.API_KEY,
    idempotent=True,
    build_request=retrieve_two_factor_recovery_codes._get_kwargs,
    parse_response=retrieve_two_factor_recovery_codes._parse_response,
    result_type=TwoFactorRecoveryCodeResponse,
    deprecation=(
        "FusionAuth deprecated retrieving recovery codes in 1.64.0: generate new ones with "
        "generate_two_factor_recovery_codes and deliver those"
    ),
)

ALL_OPERATIONS: tuple[Operation[Any], ...] = (
    RETRIEVE_TWO_FACTOR_STATUS,
    RETRIEVE_TWO_FACTOR_STATUS_WITHOUT_TRUST,
    RETRIEVE_TWO_FACTOR_STATUS_WITH_REQUEST,
    START_TWO_FACTOR_LOGIN,
    TWO_FACTOR_LOGIN,
    SEND_TWO_FACTOR_CODE_FOR_ENABLE_DISABLE,
    GENERATE_TWO_FACTOR_SECRET,
    GENERATE_TWO_FACTOR_SECRET_USING_JWT,
    SEND_TWO_FACTOR_CODE_FOR_LOGIN_USING_METHOD,
    LOGIN,
    ENABLE_TWO_FACTOR,
    ENABLE_TWO_FACTOR_USING_JWT,
    UPDATE_TWO_FACTOR,
    DISABLE_TWO_FACTOR,
    DISABLE_TWO_FACTOR_WITH_REQUEST,
    DISABLE_TWO_FACTOR_USING_JWT,
    GENERATE_TWO_FACTOR_RECOVERY_CODES,
    RETRIEVE_TWO_FACTOR_RECOVERY_CODES,
)
