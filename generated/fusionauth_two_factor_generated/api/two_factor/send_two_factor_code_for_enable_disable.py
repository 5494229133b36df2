from http import HTTPStatus
from typing import Any, cast

import httpx2

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.any_json_map import AnyJsonMap
from ...models.errors import Errors
from ...models.two_factor_send_for_enable_disable_request import TwoFactorSendForEnableDisableRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: TwoFactorSendForEnableDisableRequest,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_fusion_auth_tenant_id, Unset):
        headers["X-FusionAuth-TenantId"] = x_fusion_auth_tenant_id

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/two-factor/send",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx2.Response
) -> Any | AnyJsonMap | Errors | None:
    if response.status_code == 200:
        response_200 = cast(Any, None)
        return response_200

    if response.status_code == 400:
        response_400 = Errors.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = cast(Any, None)
        return response_401

    if response.status_code == 500:
        response_500 = cast(Any, None)
        return response_500

    if response.status_code == 503:
        response_503 = AnyJsonMap.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx2.Response
) -> Response[Any | AnyJsonMap | Errors]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: TwoFactorSendForEnableDisableRequest,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Response[Any | AnyJsonMap | Errors]:
    """Send a code to enable or disable a multi-factor method.

     Sends a one-time code by email or SMS, to be used when enabling a new method (give
    `method` and `email` or `mobilePhone`) or disabling an existing one (give `methodId`):
    one of `method` and `methodId` is required. With an API key, `userId` (required) names the
    user; FusionAuth also accepts a user's JWT without `userId`, a form this operation does not
    declare. Authenticator (TOTP) methods never need a send.

    Args:
        x_fusion_auth_tenant_id (str | Unset):
        body (TwoFactorSendForEnableDisableRequest): The body of
            `sendTwoFactorCodeForEnableDisable` with an API key, as FusionAuth documents
            it: `userId` is required; to enable a method give `method` (`email` or `sms`) and `email`
            or `mobilePhone`, to disable one give `methodId` (one of `method` and `methodId` is
            required). FusionAuth's `TwoFactorSendRequest`, which its clients send here.
             Example: {'method': 'email', 'email': 'richard@piedpiper.com', 'userId':
            '00000000-0000-0000-0000-000000000001'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | AnyJsonMap | Errors]
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
    body: TwoFactorSendForEnableDisableRequest,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Any | AnyJsonMap | Errors | None:
    """Send a code to enable or disable a multi-factor method.

     Sends a one-time code by email or SMS, to be used when enabling a new method (give
    `method` and `email` or `mobilePhone`) or disabling an existing one (give `methodId`):
    one of `method` and `methodId` is required. With an API key, `userId` (required) names the
    user; FusionAuth also accepts a user's JWT without `userId`, a form this operation does not
    declare. Authenticator (TOTP) methods never need a send.

    Args:
        x_fusion_auth_tenant_id (str | Unset):
        body (TwoFactorSendForEnableDisableRequest): The body of
            `sendTwoFactorCodeForEnableDisable` with an API key, as FusionAuth documents
            it: `userId` is required; to enable a method give `method` (`email` or `sms`) and `email`
            or `mobilePhone`, to disable one give `methodId` (one of `method` and `methodId` is
            required). FusionAuth's `TwoFactorSendRequest`, which its clients send here.
             Example: {'method': 'email', 'email': 'richard@piedpiper.com', 'userId':
            '00000000-0000-0000-0000-000000000001'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | AnyJsonMap | Errors
    """

    return sync_detailed(
        client=client,
        body=body,
        x_fusion_auth_tenant_id=x_fusion_auth_tenant_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: TwoFactorSendForEnableDisableRequest,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Response[Any | AnyJsonMap | Errors]:
    """Send a code to enable or disable a multi-factor method.

     Sends a one-time code by email or SMS, to be used when enabling a new method (give
    `method` and `email` or `mobilePhone`) or disabling an existing one (give `methodId`):
    one of `method` and `methodId` is required. With an API key, `userId` (required) names the
    user; FusionAuth also accepts a user's JWT without `userId`, a form this operation does not
    declare. Authenticator (TOTP) methods never need a send.

    Args:
        x_fusion_auth_tenant_id (str | Unset):
        body (TwoFactorSendForEnableDisableRequest): The body of
            `sendTwoFactorCodeForEnableDisable` with an API key, as FusionAuth documents
            it: `userId` is required; to enable a method give `method` (`email` or `sms`) and `email`
            or `mobilePhone`, to disable one give `methodId` (one of `method` and `methodId` is
            required). FusionAuth's `TwoFactorSendRequest`, which its clients send here.
             Example: {'method': 'email', 'email': 'richard@piedpiper.com', 'userId':
            '00000000-0000-0000-0000-000000000001'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | AnyJsonMap | Errors]
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
    body: TwoFactorSendForEnableDisableRequest,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Any | AnyJsonMap | Errors | None:
    """Send a code to enable or disable a multi-factor method.

     Sends a one-time code by email or SMS, to be used when enabling a new method (give
    `method` and `email` or `mobilePhone`) or disabling an existing one (give `methodId`):
    one of `method` and `methodId` is required. With an API key, `userId` (required) names the
    user; FusionAuth also accepts a user's JWT without `userId`, a form this operation does not
    declare. Authenticator (TOTP) methods never need a send.

    Args:
        x_fusion_auth_tenant_id (str | Unset):
        body (TwoFactorSendForEnableDisableRequest): The body of
            `sendTwoFactorCodeForEnableDisable` with an API key, as FusionAuth documents
            it: `userId` is required; to enable a method give `method` (`email` or `sms`) and `email`
            or `mobilePhone`, to disable one give `methodId` (one of `method` and `methodId` is
            required). FusionAuth's `TwoFactorSendRequest`, which its clients send here.
             Example: {'method': 'email', 'email': 'richard@piedpiper.com', 'userId':
            '00000000-0000-0000-0000-000000000001'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | AnyJsonMap | Errors
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            x_fusion_auth_tenant_id=x_fusion_auth_tenant_id,
        )
    ).parsed
