from http import HTTPStatus
from typing import Any, cast

import httpx2

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.any_json_map import AnyJsonMap
from ...models.errors import Errors
from ...models.login_change_password_response import LoginChangePasswordResponse
from ...models.login_prevented_actions import LoginPreventedActions
from ...models.login_request import LoginRequest
from ...models.login_response import LoginResponse
from ...models.login_two_factor_required_response import LoginTwoFactorRequiredResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: LoginRequest,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_fusion_auth_tenant_id, Unset):
        headers["X-FusionAuth-TenantId"] = x_fusion_auth_tenant_id

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/login",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx2.Response
) -> (
    Any
    | AnyJsonMap
    | Errors
    | LoginChangePasswordResponse
    | LoginPreventedActions
    | LoginResponse
    | LoginTwoFactorRequiredResponse
    | None
):
    if response.status_code == 200:
        response_200 = LoginResponse.from_dict(response.json())

        return response_200

    if response.status_code == 202:
        response_202 = LoginResponse.from_dict(response.json())

        return response_202

    if response.status_code == 203:
        response_203 = LoginChangePasswordResponse.from_dict(response.json())

        return response_203

    if response.status_code == 212:
        response_212 = LoginResponse.from_dict(response.json())

        return response_212

    if response.status_code == 213:
        response_213 = LoginResponse.from_dict(response.json())

        return response_213

    if response.status_code == 242:
        response_242 = LoginTwoFactorRequiredResponse.from_dict(response.json())

        return response_242

    if response.status_code == 400:
        response_400 = Errors.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = cast(Any, None)
        return response_401

    if response.status_code == 404:
        response_404 = cast(Any, None)
        return response_404

    if response.status_code == 409:
        response_409 = LoginPreventedActions.from_dict(response.json())

        return response_409

    if response.status_code == 410:
        response_410 = cast(Any, None)
        return response_410

    if response.status_code == 423:
        response_423 = cast(Any, None)
        return response_423

    if response.status_code == 500:
        response_500 = cast(Any, None)
        return response_500

    if response.status_code == 503:
        response_503 = AnyJsonMap.from_dict(response.json())

        return response_503

    if response.status_code == 504:
        response_504 = cast(Any, None)
        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx2.Response
) -> Response[
    Any
    | AnyJsonMap
    | Errors
    | LoginChangePasswordResponse
    | LoginPreventedActions
    | LoginResponse
    | LoginTwoFactorRequiredResponse
]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: LoginRequest,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Response[
    Any
    | AnyJsonMap
    | Errors
    | LoginChangePasswordResponse
    | LoginPreventedActions
    | LoginResponse
    | LoginTwoFactorRequiredResponse
]:
    """Authenticate a user with a login id and password (or a one-time password).

     The password login, where a multi-factor journey starts. When the user has MFA enabled, or
    MFA is required for them, FusionAuth answers `242` with a `twoFactorId` (valid for 5 minutes
    by default) and the user's `methods`; the login is then completed by `twoFactorLogin` with a
    code. A valid `twoFactorTrustId` in the request (from an earlier `twoFactorLogin` with
    `trustComputer: true`), or a `fusionauth.trust` cookie, which wins over the body, skips the
    challenge.

    Authentication is optional: FusionAuth requires an API key when the application (or, with
    no `applicationId`, the tenant) sets `loginConfiguration.requireAuthentication`, which is the
    default when an `applicationId` is given; FusionAuth's own clients send their API key when
    they have one. The response may set the `access_token` and `refresh_token` cookies.

    Args:
        x_fusion_auth_tenant_id (str | Unset):
        body (LoginRequest): A login. The password form needs `loginId` and `password`, as
            FusionAuth documents them;
            the one-time-password form (same endpoint) needs `oneTimePassword` instead of both, so no
            field is required by the schema itself.
             Example: {'applicationId': '10000000-0000-0002-0000-000000000001', 'ipAddress':
            '192.168.1.42', 'loginId': 'richard@piedpiper.com', 'noJWT': False, 'password': 'correct
            horse battery staple'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | AnyJsonMap | Errors | LoginChangePasswordResponse | LoginPreventedActions | LoginResponse | LoginTwoFactorRequiredResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        x_fusion_auth_tenant_id=x_fusion_auth_tenant_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: LoginRequest,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> (
    Any
    | AnyJsonMap
    | Errors
    | LoginChangePasswordResponse
    | LoginPreventedActions
    | LoginResponse
    | LoginTwoFactorRequiredResponse
    | None
):
    """Authenticate a user with a login id and password (or a one-time password).

     The password login, where a multi-factor journey starts. When the user has MFA enabled, or
    MFA is required for them, FusionAuth answers `242` with a `twoFactorId` (valid for 5 minutes
    by default) and the user's `methods`; the login is then completed by `twoFactorLogin` with a
    code. A valid `twoFactorTrustId` in the request (from an earlier `twoFactorLogin` with
    `trustComputer: true`), or a `fusionauth.trust` cookie, which wins over the body, skips the
    challenge.

    Authentication is optional: FusionAuth requires an API key when the application (or, with
    no `applicationId`, the tenant) sets `loginConfiguration.requireAuthentication`, which is the
    default when an `applicationId` is given; FusionAuth's own clients send their API key when
    they have one. The response may set the `access_token` and `refresh_token` cookies.

    Args:
        x_fusion_auth_tenant_id (str | Unset):
        body (LoginRequest): A login. The password form needs `loginId` and `password`, as
            FusionAuth documents them;
            the one-time-password form (same endpoint) needs `oneTimePassword` instead of both, so no
            field is required by the schema itself.
             Example: {'applicationId': '10000000-0000-0002-0000-000000000001', 'ipAddress':
            '192.168.1.42', 'loginId': 'richard@piedpiper.com', 'noJWT': False, 'password': 'correct
            horse battery staple'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | AnyJsonMap | Errors | LoginChangePasswordResponse | LoginPreventedActions | LoginResponse | LoginTwoFactorRequiredResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        x_fusion_auth_tenant_id=x_fusion_auth_tenant_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: LoginRequest,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Response[
    Any
    | AnyJsonMap
    | Errors
    | LoginChangePasswordResponse
    | LoginPreventedActions
    | LoginResponse
    | LoginTwoFactorRequiredResponse
]:
    """Authenticate a user with a login id and password (or a one-time password).

     The password login, where a multi-factor journey starts. When the user has MFA enabled, or
    MFA is required for them, FusionAuth answers `242` with a `twoFactorId` (valid for 5 minutes
    by default) and the user's `methods`; the login is then completed by `twoFactorLogin` with a
    code. A valid `twoFactorTrustId` in the request (from an earlier `twoFactorLogin` with
    `trustComputer: true`), or a `fusionauth.trust` cookie, which wins over the body, skips the
    challenge.

    Authentication is optional: FusionAuth requires an API key when the application (or, with
    no `applicationId`, the tenant) sets `loginConfiguration.requireAuthentication`, which is the
    default when an `applicationId` is given; FusionAuth's own clients send their API key when
    they have one. The response may set the `access_token` and `refresh_token` cookies.

    Args:
        x_fusion_auth_tenant_id (str | Unset):
        body (LoginRequest): A login. The password form needs `loginId` and `password`, as
            FusionAuth documents them;
            the one-time-password form (same endpoint) needs `oneTimePassword` instead of both, so no
            field is required by the schema itself.
             Example: {'applicationId': '10000000-0000-0002-0000-000000000001', 'ipAddress':
            '192.168.1.42', 'loginId': 'richard@piedpiper.com', 'noJWT': False, 'password': 'correct
            horse battery staple'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | AnyJsonMap | Errors | LoginChangePasswordResponse | LoginPreventedActions | LoginResponse | LoginTwoFactorRequiredResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        x_fusion_auth_tenant_id=x_fusion_auth_tenant_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: LoginRequest,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> (
    Any
    | AnyJsonMap
    | Errors
    | LoginChangePasswordResponse
    | LoginPreventedActions
    | LoginResponse
    | LoginTwoFactorRequiredResponse
    | None
):
    """Authenticate a user with a login id and password (or a one-time password).

     The password login, where a multi-factor journey starts. When the user has MFA enabled, or
    MFA is required for them, FusionAuth answers `242` with a `twoFactorId` (valid for 5 minutes
    by default) and the user's `methods`; the login is then completed by `twoFactorLogin` with a
    code. A valid `twoFactorTrustId` in the request (from an earlier `twoFactorLogin` with
    `trustComputer: true`), or a `fusionauth.trust` cookie, which wins over the body, skips the
    challenge.

    Authentication is optional: FusionAuth requires an API key when the application (or, with
    no `applicationId`, the tenant) sets `loginConfiguration.requireAuthentication`, which is the
    default when an `applicationId` is given; FusionAuth's own clients send their API key when
    they have one. The response may set the `access_token` and `refresh_token` cookies.

    Args:
        x_fusion_auth_tenant_id (str | Unset):
        body (LoginRequest): A login. The password form needs `loginId` and `password`, as
            FusionAuth documents them;
            the one-time-password form (same endpoint) needs `oneTimePassword` instead of both, so no
            field is required by the schema itself.
             Example: {'applicationId': '10000000-0000-0002-0000-000000000001', 'ipAddress':
            '192.168.1.42', 'loginId': 'richard@piedpiper.com', 'noJWT': False, 'password': 'correct
            horse battery staple'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | AnyJsonMap | Errors | LoginChangePasswordResponse | LoginPreventedActions | LoginResponse | LoginTwoFactorRequiredResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            x_fusion_auth_tenant_id=x_fusion_auth_tenant_id,
        )
    ).parsed
