from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx2

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.errors import Errors
from ...models.generated_recovery_codes_response import GeneratedRecoveryCodesResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    user_id: UUID,
    *,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_fusion_auth_tenant_id, Unset):
        headers["X-FusionAuth-TenantId"] = x_fusion_auth_tenant_id

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/user/two-factor/recovery-code/{user_id}".format(
            user_id=quote(str(user_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx2.Response
) -> Any | Errors | GeneratedRecoveryCodesResponse | None:
    if response.status_code == 200:
        response_200 = GeneratedRecoveryCodesResponse.from_dict(response.json())

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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx2.Response
) -> Response[Any | Errors | GeneratedRecoveryCodesResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    user_id: UUID,
    *,
    client: AuthenticatedClient,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Response[Any | Errors | GeneratedRecoveryCodesResponse]:
    """Generate a new set of recovery codes for a user.

     Generates 10 new recovery codes for the user and invalidates every earlier one. Each code
    can replace a multi-factor code once, at a multi-factor login or to disable MFA (which then
    removes every method). The request has no body. Since FusionAuth 1.68.0 the codes are
    hashed at rest: the response is the only time they can be read.

    Args:
        user_id (UUID):
        x_fusion_auth_tenant_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Errors | GeneratedRecoveryCodesResponse]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        x_fusion_auth_tenant_id=x_fusion_auth_tenant_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    user_id: UUID,
    *,
    client: AuthenticatedClient,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Any | Errors | GeneratedRecoveryCodesResponse | None:
    """Generate a new set of recovery codes for a user.

     Generates 10 new recovery codes for the user and invalidates every earlier one. Each code
    can replace a multi-factor code once, at a multi-factor login or to disable MFA (which then
    removes every method). The request has no body. Since FusionAuth 1.68.0 the codes are
    hashed at rest: the response is the only time they can be read.

    Args:
        user_id (UUID):
        x_fusion_auth_tenant_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Errors | GeneratedRecoveryCodesResponse
    """

    return sync_detailed(
        user_id=user_id,
        client=client,
        x_fusion_auth_tenant_id=x_fusion_auth_tenant_id,
    ).parsed


async def asyncio_detailed(
    user_id: UUID,
    *,
    client: AuthenticatedClient,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Response[Any | Errors | GeneratedRecoveryCodesResponse]:
    """Generate a new set of recovery codes for a user.

     Generates 10 new recovery codes for the user and invalidates every earlier one. Each code
    can replace a multi-factor code once, at a multi-factor login or to disable MFA (which then
    removes every method). The request has no body. Since FusionAuth 1.68.0 the codes are
    hashed at rest: the response is the only time they can be read.

    Args:
        user_id (UUID):
        x_fusion_auth_tenant_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Errors | GeneratedRecoveryCodesResponse]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        x_fusion_auth_tenant_id=x_fusion_auth_tenant_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    user_id: UUID,
    *,
    client: AuthenticatedClient,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Any | Errors | GeneratedRecoveryCodesResponse | None:
    """Generate a new set of recovery codes for a user.

     Generates 10 new recovery codes for the user and invalidates every earlier one. Each code
    can replace a multi-factor code once, at a multi-factor login or to disable MFA (which then
    removes every method). The request has no body. Since FusionAuth 1.68.0 the codes are
    hashed at rest: the response is the only time they can be read.

    Args:
        user_id (UUID):
        x_fusion_auth_tenant_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Errors | GeneratedRecoveryCodesResponse
    """

    return (
        await asyncio_detailed(
            user_id=user_id,
            client=client,
            x_fusion_auth_tenant_id=x_fusion_auth_tenant_id,
        )
    ).parsed
