"""The controllers: FusionAuth's documented method names, blocking and awaitable.

`TwoFactorController` / `AsyncTwoFactorController` hold the Multi-Factor API, `LoginController` /
`AsyncLoginController` the password login where a multi-factor journey starts. All four share
`_Calls`, which checks the arguments and prepares each call; a public method only names its
operation and says how to send it. Docstrings are written once, on the sync classes, and copied to
the async ones.
"""

from __future__ import annotations

import sys
import warnings
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeAlias, cast

from . import _operations as ops
from ._client import Client
from ._frames import clear_locals_of_public_methods
from ._operations import Operation
from ._response import ApiResponse, LoginApiResponse, TwoFactorLoginApiResponse, TwoFactorStatusApiResponse
from ._transport import PreparedCall, RequestOptions, ResultT
from ._validation import header_value, optional_uuid, path_segment, request_body, required_uuid, required_value

if TYPE_CHECKING:  # for a type checker only: the models (and uuid) are imported at the first call that needs them
    import uuid

    from fusionauth_two_factor_generated.models import (
        GeneratedRecoveryCodesResponse,
        LoginRequest,
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
        TwoFactorUpdateRequest,
    )

StartBody: TypeAlias = "TwoFactorStartRequest | Mapping[str, Any]"
LoginBody: TypeAlias = "TwoFactorLoginRequest | Mapping[str, Any]"
SendBody: TypeAlias = "TwoFactorSendForEnableDisableRequest | Mapping[str, Any]"
LoginSendBody: TypeAlias = "TwoFactorSendForLoginRequest | Mapping[str, Any]"
PasswordLoginBody: TypeAlias = "LoginRequest | Mapping[str, Any]"
StatusBody: TypeAlias = "TwoFactorStatusRequest | Mapping[str, Any]"
EnableBody: TypeAlias = "TwoFactorRequest | Mapping[str, Any]"
DisableBody: TypeAlias = "TwoFactorDisableRequest | Mapping[str, Any]"
UpdateBody: TypeAlias = "TwoFactorUpdateRequest | Mapping[str, Any]"
UserId: TypeAlias = "uuid.UUID | str"


class _Calls:
    """Argument checks and request preparation, shared by every controller."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        clear_locals_of_public_methods(cls)  # an error tracker must not find the arguments in frames

    def __init__(self, client: Client) -> None:
        if not isinstance(client, Client):
            raise TypeError(f"expected a fusionauth_two_factor.Client, not {type(client).__name__}")
        self._client = client

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._client!r})"

    def _prepare(
        self,
        operation: Operation[ResultT],
        options: RequestOptions | None,
        *,
        body: object = None,
        jwt: object = None,
        **arguments: Any,
    ) -> PreparedCall[ResultT]:
        """The checked call: `body` fits the operation's request model, `jwt` is a usable header value."""
        if operation.deprecation is not None:
            _warn_at_caller(f"{operation.name} is deprecated: {operation.deprecation}")
        if operation.body_type is not None:
            arguments["body"] = request_body(body, operation.body_type, operation.name)
        encoded_jwt = None if jwt is None else header_value(jwt, "encoded_jwt")
        return self._client._prepare(operation, arguments, jwt=encoded_jwt, options=options)

    def _status(
        self,
        two_factor_trust_id: str | None,
        user_id: UserId,
        application_id: UserId | None,
        options: RequestOptions | None,
    ) -> PreparedCall[Any]:
        query = {
            "user_id": required_uuid(user_id, "user_id"),
            "application_id": optional_uuid(application_id, "application_id"),
        }
        if two_factor_trust_id is None:  # FusionAuth's clients then drop the path segment
            return self._prepare(ops.RETRIEVE_TWO_FACTOR_STATUS_WITHOUT_TRUST, options, **query)
        trust = path_segment(two_factor_trust_id, "two_factor_trust_id")
        return self._prepare(ops.RETRIEVE_TWO_FACTOR_STATUS, options, two_factor_trust_id=trust, **query)

    def _for_user(
        self, operation: Operation[ResultT], user_id: UserId, options: RequestOptions | None, **more: Any
    ) -> PreparedCall[ResultT]:
        return self._prepare(operation, options, user_id=required_uuid(user_id, "user_id"), **more)

    def _disable(
        self,
        operation: Operation[None],
        method_id: str,
        code: str,
        options: RequestOptions | None,
        *,
        application_id: UserId | None,
        user_id: UserId | None = None,
        jwt: str | None = None,
    ) -> PreparedCall[None]:
        # FusionAuth requires both in the query-string form; an empty one would travel as absent.
        arguments: dict[str, Any] = {
            "method_id": required_value(method_id, "method_id"),
            "code": required_value(code, "code"),
            "application_id": optional_uuid(application_id, "application_id"),
        }
        if user_id is not None:
            arguments["user_id"] = required_uuid(user_id, "user_id")
        return self._prepare(operation, options, jwt=jwt, **arguments)


# The frames of a call before the user's: this module's and that of the wrapper of every public method.
_CALL_FILES = frozenset({__file__, clear_locals_of_public_methods.__code__.co_filename})


def _warn_at_caller(message: str) -> None:
    """A DeprecationWarning attributed to the first frame outside the call: the user's."""
    frame, level = sys._getframe(0), 1
    while frame.f_back is not None and frame.f_code.co_filename in _CALL_FILES:
        frame, level = frame.f_back, level + 1
    warnings.warn(message, DeprecationWarning, stacklevel=level)


class TwoFactorController(_Calls):
    """FusionAuth's Multi-Factor API, blocking. Every method raises `ApiError` on a non-2xx answer."""

    def retrieve_two_factor_status(
        self,
        two_factor_trust_id: str | None,
        *,
        user_id: UserId,
        application_id: UserId | None = None,
        request_options: RequestOptions | None = None,
    ) -> TwoFactorStatusApiResponse:
        """Whether the user's next login will ask for a second factor (API key).

        ``GET /api/two-factor/status/{twoFactorTrustId}``, or ``GET /api/two-factor/status`` when
        ``two_factor_trust_id`` is None (no trust yet), as FusionAuth's clients do.
        ``response.two_factor_required`` is True on 242 (the next login will ask for a second
        factor) and False on 200 (no MFA, or the trust is still valid). ``response.result`` is a
        ``TwoFactorStatusResponse``. Raises BadRequestError (400), AuthenticationError (401),
        ServerError (500).
        """
        call = self._status(two_factor_trust_id, user_id, application_id, request_options)
        return cast(TwoFactorStatusApiResponse, self._client._send(call))

    def retrieve_two_factor_status_with_request(
        self, body: StatusBody, *, request_options: RequestOptions | None = None
    ) -> TwoFactorStatusApiResponse:
        """The status call FusionAuth 1.62+ prefers (``POST /api/two-factor/status``, API key).

        ``body`` is a ``TwoFactorStatusRequest`` or a dict: ``userId``, ``action`` (``login``,
        ``stepUp`` or ``changePassword``), ``applicationId``, ``accessToken``, ``twoFactorTrustId``,
        ``eventInfo``. The answer is read as for ``retrieve_two_factor_status``.
        """
        call = self._prepare(ops.RETRIEVE_TWO_FACTOR_STATUS_WITH_REQUEST, request_options, body=body)
        return cast(TwoFactorStatusApiResponse, self._client._send(call))

    def start_two_factor_login(
        self, body: StartBody, *, request_options: RequestOptions | None = None
    ) -> ApiResponse[TwoFactorStartResponse]:
        """Start a multi-factor login or step-up (``POST /api/two-factor/start``, API key).

        ``body`` is a ``TwoFactorStartRequest`` or a dict such as ``{"loginId": "a@example.com"}``.
        ``result`` is a ``TwoFactorStartResponse`` with the ``twoFactorId``, the user's methods and
        the code. Raises BadRequestError (400, also when the licence lacks this feature),
        AuthenticationError (401), NotFoundError (404: no such user), ServerError (500, 503).
        """
        return self._client._send(self._prepare(ops.START_TWO_FACTOR_LOGIN, request_options, body=body))

    def two_factor_login(
        self, body: LoginBody, *, request_options: RequestOptions | None = None
    ) -> TwoFactorLoginApiResponse:
        """Complete a multi-factor login (``POST /api/two-factor/login``, no Authorization header).

        ``body`` is a ``TwoFactorLoginRequest`` or a dict with ``twoFactorId`` and ``code`` (an
        authenticator code, a delivered code or a recovery code, which works once).
        A ``LoggedInApiResponse`` (``result`` a ``LoginResponse`` with its ``user``) for 200, 202
        (not registered for the application), 212 (email or phone not verified) and 213
        (registration not verified); a ``PasswordChangeApiResponse`` for 203
        (``response.password_change_required`` is True; ``result.change_password_id`` and
        ``result.change_password_reason``). Raises
        BadRequestError (400), NotFoundError (404: twoFactorId unknown or expired),
        LoginPreventedError (409), UserExpiredError (410), InvalidCodeError (421), ServerError
        (500, 503, 504). Never retried once it may have reached FusionAuth.
        """
        return cast(
            TwoFactorLoginApiResponse,
            self._client._send(self._prepare(ops.TWO_FACTOR_LOGIN, request_options, body=body)),
        )

    def send_two_factor_code_for_enable_disable(
        self, body: SendBody, *, request_options: RequestOptions | None = None
    ) -> ApiResponse[None]:
        """Send a code to enable or disable a method (``POST /api/two-factor/send``, API key).

        ``body`` is a ``TwoFactorSendForEnableDisableRequest`` or a dict: to enable, ``method``
        (``email`` or ``sms``), ``email`` or ``mobilePhone`` and ``userId``; to disable,
        ``methodId`` and ``userId`` (``userId`` and one of ``method``/``methodId`` are required,
        checked before anything is sent). Success is 200 with no body (``result`` is None). Raises
        BadRequestError (400), AuthenticationError (401), ServerError (500, 503).
        """
        return self._client._send(
            self._prepare(ops.SEND_TWO_FACTOR_CODE_FOR_ENABLE_DISABLE, request_options, body=body)
        )

    def generate_two_factor_secret(
        self, *, request_options: RequestOptions | None = None
    ) -> ApiResponse[SecretResponse]:
        """Generate an authenticator secret (``GET /api/two-factor/secret``, API key).

        ``result`` is a ``SecretResponse`` with ``secret`` and ``secret_base32_encoded``; give the
        latter to the user's authenticator app (see ``fusionauth_two_factor.enrolment``), then
        enable the method with ``enable_two_factor``. Raises AuthenticationError (401), ServerError.
        """
        return self._client._send(self._prepare(ops.GENERATE_TWO_FACTOR_SECRET, request_options))

    def generate_two_factor_secret_using_jwt(
        self, encoded_jwt: str, *, request_options: RequestOptions | None = None
    ) -> ApiResponse[SecretResponse]:
        """Generate an authenticator secret (``GET /api/two-factor/secret``, ``Bearer <encoded_jwt>``).

        Only the user's JWT is sent; never the API key. ``result`` is a ``SecretResponse`` with
        ``secret`` and ``secret_base32_encoded`` (for the authenticator app or QR code). Raises
        AuthenticationError (401), ServerError (500, 503).
        """
        return self._client._send(
            self._prepare(ops.GENERATE_TWO_FACTOR_SECRET_USING_JWT, request_options, jwt=encoded_jwt)
        )

    def send_two_factor_code_for_login_using_method(
        self, two_factor_id: str, body: LoginSendBody, *, request_options: RequestOptions | None = None
    ) -> ApiResponse[None]:
        """Send a code during a login (``POST /api/two-factor/send/{twoFactorId}``, no Authorization header).

        ``body`` is a ``TwoFactorSendForLoginRequest`` or a dict with ``methodId`` (required). Every send invalidates
        the codes sent before. Success is 200 with no body. Raises BadRequestError (400, e.g.
        ``[invalid]methodId``), AuthenticationError (401), ServerError (500, 503).
        """
        segment = path_segment(two_factor_id, "two_factor_id")
        call = self._prepare(
            ops.SEND_TWO_FACTOR_CODE_FOR_LOGIN_USING_METHOD, request_options, body=body, two_factor_id=segment
        )
        return self._client._send(call)

    def enable_two_factor(
        self, user_id: UserId, body: EnableBody, *, request_options: RequestOptions | None = None
    ) -> ApiResponse[TwoFactorResponse | None]:
        """Enable a multi-factor method for a user (``POST /api/user/two-factor/{userId}``, API key).

        ``body`` is a ``TwoFactorRequest`` or a dict: ``method`` (``authenticator``, ``email`` or
        ``sms``) and ``code`` (the authenticator's current code for ``secret`` /
        ``secretBase32Encoded``, or the code ``send_two_factor_code_for_enable_disable`` delivered
        to ``email`` / ``mobilePhone``), optionally ``name``. For the user's first method,
        ``result.recovery_codes`` holds their ten recovery codes (show them once); later methods
        answer 200 with no body (``result`` is None). Raises BadRequestError (400),
        AuthenticationError (401), NotFoundError (404: no such user), InvalidCodeError (421),
        ServerError (500, 503).
        """
        return self._client._send(self._for_user(ops.ENABLE_TWO_FACTOR, user_id, request_options, body=body))

    def enable_two_factor_using_jwt(
        self, encoded_jwt: str, body: EnableBody, *, request_options: RequestOptions | None = None
    ) -> ApiResponse[TwoFactorResponse | None]:
        """Enable a method for the JWT's own user (``POST /api/user/two-factor``, ``Bearer <encoded_jwt>``).

        Self-service enrolment: the same body and answers as ``enable_two_factor``; only the
        user's JWT is sent, never the API key.
        """
        call = self._prepare(ops.ENABLE_TWO_FACTOR_USING_JWT, request_options, body=body, jwt=encoded_jwt)
        return self._client._send(call)

    def update_two_factor(
        self, user_id: UserId, body: UpdateBody, *, request_options: RequestOptions | None = None
    ) -> ApiResponse[None]:
        """Rename one of a user's methods (``PUT /api/user/two-factor/{userId}``, API key; FusionAuth 1.68+).

        ``body`` is a ``TwoFactorUpdateRequest`` or a dict with ``methodId`` and ``name`` (an
        omitted ``name`` clears it), sent as FusionAuth's clients send it. Success is 200 with no
        body. Raises BadRequestError (400), AuthenticationError (401), NotFoundError (404),
        ServerError (500, 503).
        """
        return self._client._send(self._for_user(ops.UPDATE_TWO_FACTOR, user_id, request_options, body=body))

    def disable_two_factor(
        self,
        user_id: UserId,
        *,
        method_id: str,
        code: str,
        application_id: UserId | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[None]:
        """Disable a method (``DELETE /api/user/two-factor/{userId}?methodId=&code=``, API key).

        ``code`` is the method's current code (an authenticator code, or one
        ``send_two_factor_code_for_enable_disable`` delivered for ``method_id``) or a recovery code,
        which removes every method. Removing the last method turns MFA off for the user. Success
        is 200 with no body. Raises BadRequestError (400), AuthenticationError (401), NotFoundError
        (404: no such user), InvalidCodeError (421), ServerError (500, 503).
        """
        return self._client._send(
            self._disable(
                ops.DISABLE_TWO_FACTOR, method_id, code, request_options, application_id=application_id, user_id=user_id
            )
        )

    def disable_two_factor_with_request(
        self, user_id: UserId, body: DisableBody, *, request_options: RequestOptions | None = None
    ) -> ApiResponse[None]:
        """Disable a method, the code sent in a JSON body (``DELETE /api/user/two-factor/{userId}``, API key).

        ``body`` is a ``TwoFactorDisableRequest`` or a dict with ``methodId`` and ``code``
        (optionally ``applicationId``, ``eventInfo``): the same operation as ``disable_two_factor``,
        which keeps the code out of the URL. Same answers.
        """
        return self._client._send(
            self._for_user(ops.DISABLE_TWO_FACTOR_WITH_REQUEST, user_id, request_options, body=body)
        )

    def disable_two_factor_using_jwt(
        self,
        encoded_jwt: str,
        *,
        method_id: str,
        code: str,
        application_id: UserId | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[None]:
        """Disable a method of the JWT's own user (``DELETE /api/user/two-factor?methodId=&code=``, Bearer).

        The same rules and answers as ``disable_two_factor``; only the user's JWT is sent.
        """
        return self._client._send(
            self._disable(
                ops.DISABLE_TWO_FACTOR_USING_JWT,
                method_id,
                code,
                request_options,
                application_id=application_id,
                jwt=encoded_jwt,
            )
        )

    def generate_two_factor_recovery_codes(
        self, user_id: UserId, *, request_options: RequestOptions | None = None
    ) -> ApiResponse[GeneratedRecoveryCodesResponse]:
        """Replace a user's recovery codes (``POST /api/user/two-factor/recovery-code/{userId}``, API key).

        ``result.recovery_codes`` holds ten new codes; the old ones stop working. Raises
        BadRequestError (400), AuthenticationError (401), ServerError (500).
        """
        return self._client._send(self._for_user(ops.GENERATE_TWO_FACTOR_RECOVERY_CODES, user_id, request_options))

    def retrieve_two_factor_recovery_codes(
        self, user_id: UserId, *, request_options: RequestOptions | None = None
    ) -> ApiResponse[TwoFactorRecoveryCodeResponse]:
        """Deprecated by FusionAuth (1.64.0): the user's unused recovery codes (``GET``, API key).

        Emits a DeprecationWarning: generate new codes with ``generate_two_factor_recovery_codes``
        and deliver those instead. Raises BadRequestError (400), AuthenticationError (401),
        ServerError (500).
        """
        return self._client._send(self._for_user(ops.RETRIEVE_TWO_FACTOR_RECOVERY_CODES, user_id, request_options))


class AsyncTwoFactorController(_Calls):
    """The same operations as `TwoFactorController`, awaitable."""

    async def retrieve_two_factor_status(
        self,
        two_factor_trust_id: str | None,
        *,
        user_id: UserId,
        application_id: UserId | None = None,
        request_options: RequestOptions | None = None,
    ) -> TwoFactorStatusApiResponse:
        call = self._status(two_factor_trust_id, user_id, application_id, request_options)
        return cast(TwoFactorStatusApiResponse, await self._client._send_async(call))

    async def retrieve_two_factor_status_with_request(
        self, body: StatusBody, *, request_options: RequestOptions | None = None
    ) -> TwoFactorStatusApiResponse:
        call = self._prepare(ops.RETRIEVE_TWO_FACTOR_STATUS_WITH_REQUEST, request_options, body=body)
        return cast(TwoFactorStatusApiResponse, await self._client._send_async(call))

    async def start_two_factor_login(
        self, body: StartBody, *, request_options: RequestOptions | None = None
    ) -> ApiResponse[TwoFactorStartResponse]:
        return await self._client._send_async(self._prepare(ops.START_TWO_FACTOR_LOGIN, request_options, body=body))

    async def two_factor_login(
        self, body: LoginBody, *, request_options: RequestOptions | None = None
    ) -> TwoFactorLoginApiResponse:
        call = self._prepare(ops.TWO_FACTOR_LOGIN, request_options, body=body)
        return cast(TwoFactorLoginApiResponse, await self._client._send_async(call))

    async def send_two_factor_code_for_enable_disable(
        self, body: SendBody, *, request_options: RequestOptions | None = None
    ) -> ApiResponse[None]:
        call = self._prepare(ops.SEND_TWO_FACTOR_CODE_FOR_ENABLE_DISABLE, request_options, body=body)
        return await self._client._send_async(call)

    async def generate_two_factor_secret(
        self, *, request_options: RequestOptions | None = None
    ) -> ApiResponse[SecretResponse]:
        return await self._client._send_async(self._prepare(ops.GENERATE_TWO_FACTOR_SECRET, request_options))

    async def generate_two_factor_secret_using_jwt(
        self, encoded_jwt: str, *, request_options: RequestOptions | None = None
    ) -> ApiResponse[SecretResponse]:
        call = self._prepare(ops.GENERATE_TWO_FACTOR_SECRET_USING_JWT, request_options, jwt=encoded_jwt)
        return await self._client._send_async(call)

    async def send_two_factor_code_for_login_using_method(
        self, two_factor_id: str, body: LoginSendBody, *, request_options: RequestOptions | None = None
    ) -> ApiResponse[None]:
        segment = path_segment(two_factor_id, "two_factor_id")
        call = self._prepare(
            ops.SEND_TWO_FACTOR_CODE_FOR_LOGIN_USING_METHOD, request_options, body=body, two_factor_id=segment
        )
        return await self._client._send_async(call)

    async def enable_two_factor(
        self, user_id: UserId, body: EnableBody, *, request_options: RequestOptions | None = None
    ) -> ApiResponse[TwoFactorResponse | None]:
        return await self._client._send_async(
            self._for_user(ops.ENABLE_TWO_FACTOR, user_id, request_options, body=body)
        )

    async def enable_two_factor_using_jwt(
        self, encoded_jwt: str, body: EnableBody, *, request_options: RequestOptions | None = None
    ) -> ApiResponse[TwoFactorResponse | None]:
        call = self._prepare(ops.ENABLE_TWO_FACTOR_USING_JWT, request_options, body=body, jwt=encoded_jwt)
        return await self._client._send_async(call)

    async def update_two_factor(
        self, user_id: UserId, body: UpdateBody, *, request_options: RequestOptions | None = None
    ) -> ApiResponse[None]:
        return await self._client._send_async(
            self._for_user(ops.UPDATE_TWO_FACTOR, user_id, request_options, body=body)
        )

    async def disable_two_factor(
        self,
        user_id: UserId,
        *,
        method_id: str,
        code: str,
        application_id: UserId | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[None]:
        call = self._disable(
            ops.DISABLE_TWO_FACTOR, method_id, code, request_options, application_id=application_id, user_id=user_id
        )
        return await self._client._send_async(call)

    async def disable_two_factor_with_request(
        self, user_id: UserId, body: DisableBody, *, request_options: RequestOptions | None = None
    ) -> ApiResponse[None]:
        call = self._for_user(ops.DISABLE_TWO_FACTOR_WITH_REQUEST, user_id, request_options, body=body)
        return await self._client._send_async(call)

    async def disable_two_factor_using_jwt(
        self,
        encoded_jwt: str,
        *,
        method_id: str,
        code: str,
        application_id: UserId | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[None]:
        call = self._disable(
            ops.DISABLE_TWO_FACTOR_USING_JWT,
            method_id,
            code,
            request_options,
            application_id=application_id,
            jwt=encoded_jwt,
        )
        return await self._client._send_async(call)

    async def generate_two_factor_recovery_codes(
        self, user_id: UserId, *, request_options: RequestOptions | None = None
    ) -> ApiResponse[GeneratedRecoveryCodesResponse]:
        return await self._client._send_async(
            self._for_user(ops.GENERATE_TWO_FACTOR_RECOVERY_CODES, user_id, request_options)
        )

    async def retrieve_two_factor_recovery_codes(
        self, user_id: UserId, *, request_options: RequestOptions | None = None
    ) -> ApiResponse[TwoFactorRecoveryCodeResponse]:
        return await self._client._send_async(
            self._for_user(ops.RETRIEVE_TWO_FACTOR_RECOVERY_CODES, user_id, request_options)
        )


class LoginController(_Calls):
    """FusionAuth's Login API, blocking: the password login where a multi-factor journey starts."""

    def login(self, body: PasswordLoginBody, *, request_options: RequestOptions | None = None) -> LoginApiResponse:
        """Log a user in with a login id and password (``POST /api/login``).

        Sends the Client's API key when it has one (FusionAuth requires one when the application,
        or the tenant, says so). ``body`` is a ``LoginRequest`` or a dict: ``loginId``,
        ``password``, ``applicationId``, optionally ``twoFactorTrustId`` (a trust from an earlier
        ``two_factor_login`` with ``trustComputer``: it skips the challenge), ``loginIdTypes``,
        ``noJWT``, ``eventInfo``. ``response.two_factor_required`` is True on 242 (a
        ``TwoFactorChallengeApiResponse``): complete the login with ``two_factor_login`` using
        ``result.two_factor_id`` and one of ``result.methods``. Otherwise the answer is what
        ``two_factor_login`` gives for 200, 202, 203, 212 or 213. Testing the flags narrows
        ``result`` for a type checker: under ``if response.two_factor_required:`` it is a
        ``LoginTwoFactorRequiredResponse``, under ``elif response.password_change_required:`` a
        ``LoginChangePasswordResponse``, and otherwise a ``LoginResponse`` with its ``user``.
        Raises BadRequestError (400),
        AuthenticationError (401), NotFoundError (404: no such user, or a wrong password),
        LoginPreventedError (409), UserExpiredError (410), ApiError (423: user locked), ServerError
        (500, 503, 504).
        """
        return cast(LoginApiResponse, self._client._send(self._prepare(ops.LOGIN, request_options, body=body)))


class AsyncLoginController(_Calls):
    """The same operations as `LoginController`, awaitable."""

    async def login(
        self, body: PasswordLoginBody, *, request_options: RequestOptions | None = None
    ) -> LoginApiResponse:
        return cast(
            LoginApiResponse, await self._client._send_async(self._prepare(ops.LOGIN, request_options, body=body))
        )


for _sync, _async in ((TwoFactorController, AsyncTwoFactorController), (LoginController, AsyncLoginController)):
    for _name, _method in vars(_sync).items():
        if not _name.startswith("_"):
            getattr(_async, _name).__doc__ = _method.__doc__
