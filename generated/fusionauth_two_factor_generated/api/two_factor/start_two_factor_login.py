from http import HTTPStatus
from typing import Any, cast

import httpx2

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.any_json_map import AnyJsonMap
from ...models.errors import Errors
from ...models.two_factor_start_request import TwoFactorStartRequest
from ...models.two_factor_start_response import TwoFactorStartResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: TwoFactorStartRequest,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_fusion_auth_tenant_id, Unset):
        headers["X-FusionAuth-TenantId"] = x_fusion_auth_tenant_id

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/two-factor/start",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx2.Response
) -> Any | AnyJsonMap | Errors | TwoFactorStartResponse | None:
    if response.status_code == 200:
        response_200 = TwoFactorStartResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Errors.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = cast(Any, None)
        return response_401

    if response.status_code == 404:
        response_404 = cast(Any, None)
        return response_404

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
) -> Response[Any | AnyJsonMap | Errors | TwoFactorStartResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: TwoFactorStartRequest,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Response[Any | AnyJsonMap | Errors | TwoFactorStartResponse]:
    """Start a multi-factor login or step-up request.

     Starts a multi-factor request outside the Login API, for example for a step-up before a
    sensitive action. Returns a `twoFactorId` (valid for 5 minutes by default) to send codes
    with and to complete with the two-factor login. Give `userId` or `loginId` (one of them is
    required; `userId` wins when both are given).

    Args:
        x_fusion_auth_tenant_id (str | Unset):
        body (TwoFactorStartRequest): Starts a multi-factor request for a user named by `userId`
            or by `loginId`; one of the two
            is required, and `userId` wins when both are given.
             Example: {'applicationId': '3c219e58-ed0e-4b18-ad48-f4f92793ae32', 'loginId':
            'richard@example.com', 'state': {'redirect_uri': 'https://example.com/settings'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | AnyJsonMap | Errors | TwoFactorStartResponse]
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
    body: TwoFactorStartRequest,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Any | AnyJsonMap | Errors | TwoFactorStartResponse | None:
    """Start a multi-factor login or step-up request.

     Starts a multi-factor request outside the Login API, for example for a step-up before a
    sensitive action. Returns a `twoFactorId` (valid for 5 minutes by default) to send codes
    with and to complete with the two-factor login. Give `userId` or `loginId` (one of them is
    required; `userId` wins when both are given).

    Args:
        x_fusion_auth_tenant_id (str | Unset):
        body (TwoFactorStartRequest): Starts a multi-factor request for a user named by `userId`
            or by `loginId`; one of the two
            is required, and `userId` wins when both are given.
             Example: {'applicationId': '3c219e58-ed0e-4b18-ad48-f4f92793ae32', 'loginId':
            'richard@example.com', 'state': {'redirect_uri': 'https://example.com/settings'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | AnyJsonMap | Errors | TwoFactorStartResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        x_fusion_auth_tenant_id=x_fusion_auth_tenant_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: TwoFactorStartRequest,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Response[Any | AnyJsonMap | Errors | TwoFactorStartResponse]:
    """Start a multi-factor login or step-up request.

     Starts a multi-factor request outside the Login API, for example for a step-up before a
    sensitive action. Returns a `twoFactorId` (valid for 5 minutes by default) to send codes
    with and to complete with the two-factor login. Give `userId` or `loginId` (one of them is
    required; `userId` wins when both are given).

    Args:
        x_fusion_auth_tenant_id (str | Unset):
        body (TwoFactorStartRequest): Starts a multi-factor request for a user named by `userId`
            or by `loginId`; one of the two
            is required, and `userId` wins when both are given.
             Example: {'applicationId': '3c219e58-ed0e-4b18-ad48-f4f92793ae32', 'loginId':
            'richard@example.com', 'state': {'redirect_uri': 'https://example.com/settings'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | AnyJsonMap | Errors | TwoFactorStartResponse]
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
    body: TwoFactorStartRequest,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Any | AnyJsonMap | Errors | TwoFactorStartResponse | None:
    """Start a multi-factor login or step-up request.

     Starts a multi-factor request outside the Login API, for example for a step-up before a
    sensitive action. Returns a `twoFactorId` (valid for 5 minutes by default) to send codes
    with and to complete with the two-factor login. Give `userId` or `loginId` (one of them is
    required; `userId` wins when both are given).

    Args:
        x_fusion_auth_tenant_id (str | Unset):
        body (TwoFactorStartRequest): Starts a multi-factor request for a user named by `userId`
            or by `loginId`; one of the two
            is required, and `userId` wins when both are given.
             Example: {'applicationId': '3c219e58-ed0e-4b18-ad48-f4f92793ae32', 'loginId':
            'richard@example.com', 'state': {'redirect_uri': 'https://example.com/settings'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | AnyJsonMap | Errors | TwoFactorStartResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            x_fusion_auth_tenant_id=x_fusion_auth_tenant_id,
        )
    ).parsed
