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
import functools
import importlib
from types import ModuleType
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from ._response import LOGIN_RESPONSE_CLASSES, PLAIN_RESPONSE_CLASSES, STATUS_RESPONSE_CLASSES, ResponseClasses

if TYPE_CHECKING:  # the rows' result types; the classes themselves are loaded at a row's first call
    from collections.abc import Callable

    from fusionauth_two_factor_generated.models import (
        GeneratedRecoveryCodesResponse,
        LoginChangePasswordResponse,
        LoginResponse,
        LoginTwoFactorRequiredResponse,
        SecretResponse,
        TwoFactorRecoveryCodeResponse,
        TwoFactorResponse,
        TwoFactorStartResponse,
        TwoFactorStatusResponse,
    )

ResultT = TypeVar("ResultT")

# Where the rows' names point. They are imported at the first call of an operation, not with the
# package: importing every generated operation and model costs more than the rest of the package.
GENERATED_OPERATIONS = "fusionauth_two_factor_generated.api.two_factor"
GENERATED_MODELS = "fusionauth_two_factor_generated.models"


class Auth(enum.Enum):
    """How FusionAuth authenticates an operation, as its official clients send it."""

    API_KEY = "the raw API key in Authorization"
    # FusionAuth decides per application (or tenant) whether the password login needs a key; its
    # clients send theirs whenever they have one, and so does this one.
    API_KEY_IF_CONFIGURED = "the raw API key in Authorization when the Client has one, else no header"
    NONE = "no Authorization header: the twoFactorId is the credential"
    JWT = "Authorization: Bearer <the user's JWT>"


class Operation(Generic[ResultT]):
    """One documented FusionAuth method, and the generated operation that builds and parses it.

    Two methods may share one HTTP operation (the secret with an API key or a JWT; the disable with
    a query or a body), and one method may use two (the status with or without a trust id in the
    path); `spec_operation_id` names the spec's operation where it is not the method's own name.

    A row names its generated module and models; `build_request`, `parse_response`, `result_type`
    and `body_type` are those, imported at first use and kept. Two threads meeting the first use
    both import the same module and class: the second finds them loaded and caches the same object.

    A plain class, not a dataclass: a dataclass compiles its methods when the module is imported.
    Each row is one of a kind, compared and hashed by identity.
    """

    def __init__(
        self,
        *,
        name: str,
        method: str,
        path_template: str,
        auth: Auth,
        idempotent: bool,
        generated: str,
        result_model: str | tuple[str, ...] | None,
        body_model: str | None = None,
        response_classes: ResponseClasses = PLAIN_RESPONSE_CLASSES,
        body_optional: bool = False,
        spec_operation_id: str | None = None,
        deprecation: str | None = None,
    ) -> None:
        self.name = name  # the documented method name (FusionAuth's clients' camelCase), used in errors and logs
        self.method = method
        self.path_template = path_template  # used in logs and messages instead of the real path (a twoFactorId)
        self.auth = auth
        # True when sending it twice has no effect beyond sending it once (the GETs). A send or a code
        # submission is never replayed unless the first attempt certainly did not reach FusionAuth.
        self.idempotent = idempotent
        self.generated = generated  # the module of fusionauth_two_factor_generated.api.two_factor that builds it
        self.result_model = result_model  # None: no body; a tuple: a model per status
        self.body_model = body_model
        self.response_classes = response_classes
        # True where FusionAuth documents a success that may come without its body (enabling a method
        # after the first answers 200 with none): `result` is then None.
        self.body_optional = body_optional
        self.spec_operation_id = spec_operation_id
        self.deprecation = deprecation  # what to use instead, when FusionAuth deprecates the method

    def __repr__(self) -> str:
        return f"Operation(name={self.name!r}, method={self.method!r}, path_template={self.path_template!r})"

    @property
    def operation_id(self) -> str:
        """The spec's operationId of the HTTP operation this method uses."""
        return self.spec_operation_id or self.name

    @functools.cached_property
    def build_request(self) -> Callable[..., dict[str, Any]]:
        """The generated `_get_kwargs`: path, query, JSON body and tenant header of a call."""
        build: Callable[..., dict[str, Any]] = self._generated_module()._get_kwargs
        return build

    @functools.cached_property
    def parse_response(self) -> Callable[..., object]:
        """The generated `_parse_response`: the model the spec declares for a status, or None."""
        parse: Callable[..., object] = self._generated_module()._parse_response
        return parse

    @functools.cached_property
    def result_type(self) -> type[ResultT] | tuple[type[Any], ...] | None:
        if self.result_model is None:
            return None
        if isinstance(self.result_model, tuple):
            return tuple(_model(name) for name in self.result_model)
        result: type[ResultT] = _model(self.result_model)
        return result

    @functools.cached_property
    def body_type(self) -> type[Any] | None:
        return None if self.body_model is None else _model(self.body_model)

    def _generated_module(self) -> ModuleType:
        return importlib.import_module(f"{GENERATED_OPERATIONS}.{self.generated}")


def _model(name: str) -> Any:
    return getattr(importlib.import_module(GENERATED_MODELS), name)


RETRIEVE_TWO_FACTOR_STATUS: Operation[TwoFactorStatusResponse] = Operation(
    name="retrieveTwoFactorStatus",
    method="GET",
    path_template="/api/two-factor/status/{twoFactorTrustId}",
    auth=Auth.API_KEY,
    idempotent=True,
    generated="retrieve_two_factor_status",
    result_model="TwoFactorStatusResponse",
    response_classes=STATUS_RESPONSE_CLASSES,
)

START_TWO_FACTOR_LOGIN: Operation[TwoFactorStartResponse] = Operation(
    name="startTwoFactorLogin",
    method="POST",
    path_template="/api/two-factor/start",
    auth=Auth.API_KEY,
    idempotent=False,  # each start creates a new twoFactorId
    generated="start_two_factor_login",
    result_model="TwoFactorStartResponse",
    body_model="TwoFactorStartRequest",
)

TWO_FACTOR_LOGIN: Operation[LoginResponse | LoginChangePasswordResponse] = Operation(
    name="twoFactorLogin",
    method="POST",
    path_template="/api/two-factor/login",
    auth=Auth.NONE,
    idempotent=False,  # consumes the code (a recovery code is single-use) and issues tokens
    generated="two_factor_login",
    result_model=("LoginResponse", "LoginChangePasswordResponse"),
    body_model="TwoFactorLoginRequest",
    response_classes=LOGIN_RESPONSE_CLASSES,
)

SEND_TWO_FACTOR_CODE_FOR_ENABLE_DISABLE: Operation[None] = Operation(
    name="sendTwoFactorCodeForEnableDisable",
    method="POST",
    path_template="/api/two-factor/send",
    auth=Auth.API_KEY,
    idempotent=False,  # delivers a message and replaces the previous code
    generated="send_two_factor_code_for_enable_disable",
    result_model=None,
    body_model="TwoFactorSendForEnableDisableRequest",
)

GENERATE_TWO_FACTOR_SECRET_USING_JWT: Operation[SecretResponse] = Operation(
    name="generateTwoFactorSecretUsingJWT",
    method="GET",
    path_template="/api/two-factor/secret",
    auth=Auth.JWT,
    idempotent=True,  # a fresh random secret each time, stored nowhere until a method is enabled
    generated="generate_two_factor_secret_using_jwt",
    result_model="SecretResponse",
)

SEND_TWO_FACTOR_CODE_FOR_LOGIN_USING_METHOD: Operation[None] = Operation(
    name="sendTwoFactorCodeForLoginUsingMethod",
    method="POST",
    path_template="/api/two-factor/send/{twoFactorId}",
    auth=Auth.NONE,
    idempotent=False,  # delivers a message and invalidates the codes sent before
    generated="send_two_factor_code_for_login_using_method",
    result_model=None,
    body_model="TwoFactorSendForLoginRequest",
)

RETRIEVE_TWO_FACTOR_STATUS_WITHOUT_TRUST: Operation[TwoFactorStatusResponse] = Operation(
    name="retrieveTwoFactorStatus",  # the same documented method, called with no trust id
    spec_operation_id="retrieveTwoFactorStatusWithoutTrust",
    method="GET",
    path_template="/api/two-factor/status",
    auth=Auth.API_KEY,
    idempotent=True,
    generated="retrieve_two_factor_status_without_trust",
    result_model="TwoFactorStatusResponse",
    response_classes=STATUS_RESPONSE_CLASSES,
)

RETRIEVE_TWO_FACTOR_STATUS_WITH_REQUEST: Operation[TwoFactorStatusResponse] = Operation(
    name="retrieveTwoFactorStatusWithRequest",
    method="POST",
    path_template="/api/two-factor/status",
    auth=Auth.API_KEY,
    idempotent=True,  # a query sent as a POST (FusionAuth 1.62+): it changes nothing
    generated="retrieve_two_factor_status_with_request",
    result_model="TwoFactorStatusResponse",
    body_model="TwoFactorStatusRequest",
    response_classes=STATUS_RESPONSE_CLASSES,
)

GENERATE_TWO_FACTOR_SECRET: Operation[SecretResponse] = Operation(
    name="generateTwoFactorSecret",
    spec_operation_id="generateTwoFactorSecretUsingJWT",  # one HTTP operation, an API key or a JWT
    method="GET",
    path_template="/api/two-factor/secret",
    auth=Auth.API_KEY,
    idempotent=True,
    generated="generate_two_factor_secret_using_jwt",
    result_model="SecretResponse",
)

LOGIN: Operation[LoginResponse | LoginChangePasswordResponse | LoginTwoFactorRequiredResponse] = Operation(
    name="login",
    method="POST",
    path_template="/api/login",
    auth=Auth.API_KEY_IF_CONFIGURED,
    idempotent=False,  # issues tokens, or a new twoFactorId, and counts failed attempts
    generated="login",
    result_model=("LoginResponse", "LoginChangePasswordResponse", "LoginTwoFactorRequiredResponse"),
    body_model="LoginRequest",
    response_classes=LOGIN_RESPONSE_CLASSES,
)

ENABLE_TWO_FACTOR: Operation[TwoFactorResponse | None] = Operation(
    name="enableTwoFactor",
    method="POST",
    path_template="/api/user/two-factor/{userId}",
    auth=Auth.API_KEY,
    idempotent=False,  # consumes the code and adds a method
    generated="enable_two_factor",
    result_model="TwoFactorResponse",
    body_model="TwoFactorRequest",
    body_optional=True,  # only the user's first method answers with recovery codes
)

ENABLE_TWO_FACTOR_USING_JWT: Operation[TwoFactorResponse | None] = Operation(
    name="enableTwoFactorUsingJWT",
    method="POST",
    path_template="/api/user/two-factor",
    auth=Auth.JWT,
    idempotent=False,
    generated="enable_two_factor_using_jwt",
    result_model="TwoFactorResponse",
    body_model="TwoFactorRequest",
    body_optional=True,  # only the user's first method answers with recovery codes
)

UPDATE_TWO_FACTOR: Operation[None] = Operation(
    name="updateTwoFactor",
    method="PUT",
    path_template="/api/user/two-factor/{userId}",
    auth=Auth.API_KEY,
    idempotent=True,  # renaming a method twice leaves the same name
    generated="update_two_factor",
    result_model=None,
    body_model="TwoFactorUpdateRequest",
)

DISABLE_TWO_FACTOR: Operation[None] = Operation(
    name="disableTwoFactor",  # methodId and code in the query string
    method="DELETE",
    path_template="/api/user/two-factor/{userId}",
    auth=Auth.API_KEY,
    idempotent=False,  # consumes the code (a recovery code removes every method)
    generated="disable_two_factor",
    result_model=None,
)

DISABLE_TWO_FACTOR_WITH_REQUEST: Operation[None] = Operation(
    name="disableTwoFactorWithRequest",  # the same HTTP operation, with a TwoFactorDisableRequest body
    spec_operation_id="disableTwoFactor",
    method="DELETE",
    path_template="/api/user/two-factor/{userId}",
    auth=Auth.API_KEY,
    idempotent=False,
    generated="disable_two_factor",
    result_model=None,
    body_model="TwoFactorDisableRequest",
)

DISABLE_TWO_FACTOR_USING_JWT: Operation[None] = Operation(
    name="disableTwoFactorUsingJWT",
    method="DELETE",
    path_template="/api/user/two-factor",
    auth=Auth.JWT,
    idempotent=False,
    generated="disable_two_factor_using_jwt",
    result_model=None,
)

GENERATE_TWO_FACTOR_RECOVERY_CODES: Operation[GeneratedRecoveryCodesResponse] = Operation(
    name="generateTwoFactorRecoveryCodes",
    method="POST",
    path_template="/api/user/two-factor/recovery-code/{userId}",
    auth=Auth.API_KEY,
    idempotent=False,  # replaces the user's recovery codes
    generated="generate_two_factor_recovery_codes",
    result_model="GeneratedRecoveryCodesResponse",
)

RETRIEVE_TWO_FACTOR_RECOVERY_CODES: Operation[TwoFactorRecoveryCodeResponse] = Operation(
    name="retrieveTwoFactorRecoveryCodes",
    method="GET",
    path_template="/api/user/two-factor/recovery-code/{userId}",
    auth=Auth.API_KEY,
    idempotent=True,
    generated="retrieve_two_factor_recovery_codes",
    result_model="TwoFactorRecoveryCodeResponse",
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
