"""`TwoFactorController` and `AsyncTwoFactorController`: FusionAuth's documented method names.

Both classes share `_Calls`, which checks the arguments and prepares each call; a public method
only says how to send it. Docstrings are written once, on the sync class, and copied to the async
one.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any, cast

from fusionauth_two_factor_generated.models import (
    LoginResponse,
    SecretResponse,
    TwoFactorLoginRequest,
    TwoFactorSendRequest,
    TwoFactorStartRequest,
    TwoFactorStartResponse,
)

from . import _operations as ops
from ._client import Client
from ._operations import Operation
from ._response import ApiResponse, TwoFactorStatusApiResponse
from ._transport import PreparedCall, RequestOptions, ResultT
from ._validation import header_value, optional_uuid, path_segment, request_body, required_uuid

StartBody = TwoFactorStartRequest | Mapping[str, Any]
LoginBody = TwoFactorLoginRequest | Mapping[str, Any]
SendBody = TwoFactorSendRequest | Mapping[str, Any]


class _Calls:
    """Argument checks and request preparation, one method per operation, shared by both controllers."""

    def __init__(self, client: Client) -> None:
        if not isinstance(client, Client):
            raise TypeError(f"expected a fusionauth_two_factor.Client, not {type(client).__name__}")
        self._client = client

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._client!r})"

    def _status(
        self,
        two_factor_trust_id: str,
        user_id: uuid.UUID | str,
        application_id: uuid.UUID | str | None,
        options: RequestOptions | None,
    ) -> PreparedCall[Any]:
        arguments = {
            "two_factor_trust_id": path_segment(two_factor_trust_id, "two_factor_trust_id"),
            "user_id": required_uuid(user_id, "user_id"),
            "application_id": optional_uuid(application_id, "application_id"),
        }
        return self._client._prepare(ops.RETRIEVE_TWO_FACTOR_STATUS, arguments, options=options)

    def _secret(self, encoded_jwt: str, options: RequestOptions | None) -> PreparedCall[SecretResponse]:
        jwt = header_value(encoded_jwt, "encoded_jwt")
        return self._client._prepare(ops.GENERATE_TWO_FACTOR_SECRET_USING_JWT, {}, jwt=jwt, options=options)

    def _send_for_login(self, two_factor_id: str, body: SendBody, options: RequestOptions | None) -> PreparedCall[None]:
        segment = path_segment(two_factor_id, "two_factor_id")
        return self._with_body(ops.SEND_TWO_FACTOR_CODE_FOR_LOGIN_USING_METHOD, body, options, two_factor_id=segment)

    def _with_body(
        self, operation: Operation[ResultT], body: object, options: RequestOptions | None, **path: str
    ) -> PreparedCall[ResultT]:
        """A call whose body is the operation's request model (or a dict in its JSON shape)."""
        if operation.body_type is None:
            raise TypeError(f"{operation.name} takes no body")
        arguments = {**path, "body": request_body(body, operation.body_type, operation.name)}
        return self._client._prepare(operation, arguments, options=options)


class TwoFactorController(_Calls):
    """FusionAuth's two-factor operations, blocking. Every method raises `ApiError` on a non-2xx answer."""

    def retrieve_two_factor_status(
        self,
        two_factor_trust_id: str,
        *,
        user_id: uuid.UUID | str,
        application_id: uuid.UUID | str | None = None,
        request_options: RequestOptions | None = None,
    ) -> TwoFactorStatusApiResponse:
        """Retrieve a user's multi-factor status (``GET /api/two-factor/status/{twoFactorTrustId}``, API key).

        ``response.two_factor_required`` is True on 242 (the next login will ask for a second
        factor) and False on 200 (no MFA, or the trust is still valid). ``response.result`` is a
        ``TwoFactorStatusResponse``. Raises BadRequestError (400), AuthenticationError (401),
        ServerError (500).
        """
        call = self._status(two_factor_trust_id, user_id, application_id, request_options)
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
        return self._client._send(self._with_body(ops.START_TWO_FACTOR_LOGIN, body, request_options))

    def two_factor_login(
        self, body: LoginBody, *, request_options: RequestOptions | None = None
    ) -> ApiResponse[LoginResponse]:
        """Complete a multi-factor login (``POST /api/two-factor/login``, no Authorization header).

        ``body`` is a ``TwoFactorLoginRequest`` or a dict with ``twoFactorId`` and ``code``.
        ``result`` is a ``LoginResponse`` for 200, 202 (not registered for the application), 203
        (password change required: only ``change_password_id`` / ``change_password_reason``), 212
        (email or phone not verified) and 213 (registration not verified). Raises
        BadRequestError (400), NotFoundError (404: twoFactorId unknown or expired),
        LoginPreventedError (409), UserExpiredError (410), InvalidCodeError (421), ServerError
        (500, 503, 504). Never retried once it may have reached FusionAuth.
        """
        return self._client._send(self._with_body(ops.TWO_FACTOR_LOGIN, body, request_options))

    def send_two_factor_code_for_enable_disable(
        self, body: SendBody, *, request_options: RequestOptions | None = None
    ) -> ApiResponse[None]:
        """Send a code to enable or disable a method (``POST /api/two-factor/send``, API key).

        ``body`` is a ``TwoFactorSendRequest`` or a dict: to enable, ``method`` (``email`` or
        ``sms``), ``email`` or ``mobilePhone`` and ``userId``; to disable, ``methodId`` and
        ``userId``. Success is 200 with no body (``result`` is None). Raises BadRequestError (400),
        AuthenticationError (401), ServerError (500, 503).
        """
        return self._client._send(self._with_body(ops.SEND_TWO_FACTOR_CODE_FOR_ENABLE_DISABLE, body, request_options))

    def generate_two_factor_secret_using_jwt(
        self, encoded_jwt: str, *, request_options: RequestOptions | None = None
    ) -> ApiResponse[SecretResponse]:
        """Generate an authenticator secret (``GET /api/two-factor/secret``, ``Bearer <encoded_jwt>``).

        Only the user's JWT is sent; never the API key. ``result`` is a ``SecretResponse`` with
        ``secret`` and ``secret_base_32_encoded`` (for the authenticator app or QR code). Raises
        AuthenticationError (401), ServerError (500, 503).
        """
        return self._client._send(self._secret(encoded_jwt, request_options))

    def send_two_factor_code_for_login_using_method(
        self, two_factor_id: str, body: SendBody, *, request_options: RequestOptions | None = None
    ) -> ApiResponse[None]:
        """Send a code during a login (``POST /api/two-factor/send/{twoFactorId}``, no Authorization header).

        ``body`` is a ``TwoFactorSendRequest`` or a dict with ``methodId``. Every send invalidates
        the codes sent before. Success is 200 with no body. Raises BadRequestError (400, e.g.
        ``[invalid]methodId``), AuthenticationError (401), ServerError (500: FusionAuth has been
        seen to answer 500 for an unknown or expired twoFactorId, 503).
        """
        return self._client._send(self._send_for_login(two_factor_id, body, request_options))


class AsyncTwoFactorController(_Calls):
    """The same operations as `TwoFactorController`, awaitable."""

    async def retrieve_two_factor_status(
        self,
        two_factor_trust_id: str,
        *,
        user_id: uuid.UUID | str,
        application_id: uuid.UUID | str | None = None,
        request_options: RequestOptions | None = None,
    ) -> TwoFactorStatusApiResponse:
        call = self._status(two_factor_trust_id, user_id, application_id, request_options)
        return cast(TwoFactorStatusApiResponse, await self._client._send_async(call))

    async def start_two_factor_login(
        self, body: StartBody, *, request_options: RequestOptions | None = None
    ) -> ApiResponse[TwoFactorStartResponse]:
        return await self._client._send_async(self._with_body(ops.START_TWO_FACTOR_LOGIN, body, request_options))

    async def two_factor_login(
        self, body: LoginBody, *, request_options: RequestOptions | None = None
    ) -> ApiResponse[LoginResponse]:
        return await self._client._send_async(self._with_body(ops.TWO_FACTOR_LOGIN, body, request_options))

    async def send_two_factor_code_for_enable_disable(
        self, body: SendBody, *, request_options: RequestOptions | None = None
    ) -> ApiResponse[None]:
        return await self._client._send_async(
            self._with_body(ops.SEND_TWO_FACTOR_CODE_FOR_ENABLE_DISABLE, body, request_options)
        )

    async def generate_two_factor_secret_using_jwt(
        self, encoded_jwt: str, *, request_options: RequestOptions | None = None
    ) -> ApiResponse[SecretResponse]:
        return await self._client._send_async(self._secret(encoded_jwt, request_options))

    async def send_two_factor_code_for_login_using_method(
        self, two_factor_id: str, body: SendBody, *, request_options: RequestOptions | None = None
    ) -> ApiResponse[None]:
        return await self._client._send_async(self._send_for_login(two_factor_id, body, request_options))


for _name, _method in vars(TwoFactorController).items():
    if not _name.startswith("_"):
        getattr(AsyncTwoFactorController, _name).__doc__ = _method.__doc__
