from http import HTTPStatus
from typing import Any, cast

import httpx2

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.any_json_map import AnyJsonMap
from ...models.errors import Errors
from ...models.login_change_password_response import LoginChangePasswordResponse
from ...models.login_prevented_actions import LoginPreventedActions
from ...models.login_response import LoginResponse
from ...models.two_factor_login_request import TwoFactorLoginRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: TwoFactorLoginRequest,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_fusion_auth_tenant_id, Unset):
        headers["X-FusionAuth-TenantId"] = x_fusion_auth_tenant_id

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/two-factor/login",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx2.Response
) -> Any | AnyJsonMap | Errors | LoginChangePasswordResponse | LoginPreventedActions | LoginResponse | None:
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

    if response.status_code == 400:
        response_400 = Errors.from_dict(response.json())

        return response_400

    if response.status_code == 404:
        response_404 = cast(Any, None)
        return response_404

    if response.status_code == 409:
        response_409 = LoginPreventedActions.from_dict(response.json())

        return response_409

    if response.status_code == 410:
        response_410 = cast(Any, None)
        return response_410

    if response.status_code == 421:
        response_421 = cast(Any, None)
        return response_421

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
) -> Response[Any | AnyJsonMap | Errors | LoginChangePasswordResponse | LoginPreventedActions | LoginResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TwoFactorLoginRequest,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Response[Any | AnyJsonMap | Errors | LoginChangePasswordResponse | LoginPreventedActions | LoginResponse]:
    """Complete a multi-factor login.

     Completes a login (or step-up) that answered `242`, with the `twoFactorId` and a code:
    an authenticator (TOTP) code, a code delivered by email or SMS, or a recovery code.
    Needs no API key: the `twoFactorId` is the credential, and FusionAuth's own clients send
    no `Authorization` header. The response may set the `access_token`, `refresh_token` and
    `fusionauth.trust` cookies.

    Args:
        x_fusion_auth_tenant_id (str | Unset):
        body (TwoFactorLoginRequest): Completes a multi-factor login. Example: {'code': '123456',
            'trustComputer': True, 'twoFactorId': 'YkQY5Gsyo4RlfmDciBGRmvfj3RmatUqrbjoIZ19fmw4'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | AnyJsonMap | Errors | LoginChangePasswordResponse | LoginPreventedActions | LoginResponse]
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
    client: AuthenticatedClient | Client,
    body: TwoFactorLoginRequest,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Any | AnyJsonMap | Errors | LoginChangePasswordResponse | LoginPreventedActions | LoginResponse | None:
    """Complete a multi-factor login.

     Completes a login (or step-up) that answered `242`, with the `twoFactorId` and a code:
    an authenticator (TOTP) code, a code delivered by email or SMS, or a recovery code.
    Needs no API key: the `twoFactorId` is the credential, and FusionAuth's own clients send
    no `Authorization` header. The response may set the `access_token`, `refresh_token` and
    `fusionauth.trust` cookies.

    Args:
        x_fusion_auth_tenant_id (str | Unset):
        body (TwoFactorLoginRequest): Completes a multi-factor login. Example: {'code': '123456',
            'trustComputer': True, 'twoFactorId': 'YkQY5Gsyo4RlfmDciBGRmvfj3RmatUqrbjoIZ19fmw4'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | AnyJsonMap | Errors | LoginChangePasswordResponse | LoginPreventedActions | LoginResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        x_fusion_auth_tenant_id=x_fusion_auth_tenant_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TwoFactorLoginRequest,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Response[Any | AnyJsonMap | Errors | LoginChangePasswordResponse | LoginPreventedActions | LoginResponse]:
    """Complete a multi-factor login.

     Completes a login (or step-up) that answered `242`, with the `twoFactorId` and a code:
    an authenticator (TOTP) code, a code delivered by email or SMS, or a recovery code.
    Needs no API key: the `twoFactorId` is the credential, and FusionAuth's own clients send
    no `Authorization` header. The response may set the `access_token`, `refresh_token` and
    `fusionauth.trust` cookies.

    Args:
        x_fusion_auth_tenant_id (str | Unset):
        body (TwoFactorLoginRequest): Completes a multi-factor login. Example: {'code': '123456',
            'trustComputer': True, 'twoFactorId': 'YkQY5Gsyo4RlfmDciBGRmvfj3RmatUqrbjoIZ19fmw4'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | AnyJsonMap | Errors | LoginChangePasswordResponse | LoginPreventedActions | LoginResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        x_fusion_auth_tenant_id=x_fusion_auth_tenant_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: TwoFactorLoginRequest,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Any | AnyJsonMap | Errors | LoginChangePasswordResponse | LoginPreventedActions | LoginResponse | None:
    """Complete a multi-factor login.

     Completes a login (or step-up) that answered `242`, with the `twoFactorId` and a code:
    an authenticator (TOTP) code, a code delivered by email or SMS, or a recovery code.
    Needs no API key: the `twoFactorId` is the credential, and FusionAuth's own clients send
    no `Authorization` header. The response may set the `access_token`, `refresh_token` and
    `fusionauth.trust` cookies.

    Args:
        x_fusion_auth_tenant_id (str | Unset):
        body (TwoFactorLoginRequest): Completes a multi-factor login. Example: {'code': '123456',
            'trustComputer': True, 'twoFactorId': 'YkQY5Gsyo4RlfmDciBGRmvfj3RmatUqrbjoIZ19fmw4'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | AnyJsonMap | Errors | LoginChangePasswordResponse | LoginPreventedActions | LoginResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            x_fusion_auth_tenant_id=x_fusion_auth_tenant_id,
        )
    ).parsed
