from http import HTTPStatus
from typing import Any, cast
from uuid import UUID

import httpx2

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.errors import Errors
from ...models.two_factor_status_response import TwoFactorStatusResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    user_id: UUID,
    application_id: UUID | Unset = UNSET,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_fusion_auth_tenant_id, Unset):
        headers["X-FusionAuth-TenantId"] = x_fusion_auth_tenant_id

    params: dict[str, Any] = {}

    json_user_id = str(user_id)
    params["userId"] = json_user_id

    json_application_id: str | Unset = UNSET
    if not isinstance(application_id, Unset):
        json_application_id = str(application_id)
    params["applicationId"] = json_application_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/two-factor/status",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx2.Response
) -> Any | Errors | TwoFactorStatusResponse | None:
    if response.status_code == 200:
        response_200 = TwoFactorStatusResponse.from_dict(response.json())

        return response_200

    if response.status_code == 242:
        response_242 = TwoFactorStatusResponse.from_dict(response.json())

        return response_242

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
) -> Response[Any | Errors | TwoFactorStatusResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    user_id: UUID,
    application_id: UUID | Unset = UNSET,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Response[Any | Errors | TwoFactorStatusResponse]:
    """Retrieve a user's multi-factor status when no trust is held.

     The status call of `retrieveTwoFactorStatus` without a trust: FusionAuth documents
    `twoFactorTrustId` as optional, and its own clients call this path when the trust id they
    are given is null. `200` means no challenge is needed at the next login (the user has no
    MFA, or no challenge is required); `242` means the next login (or a step-up) will ask for a
    second factor. Both carry a `TwoFactorStatusResponse`.

    Args:
        user_id (UUID):
        application_id (UUID | Unset):
        x_fusion_auth_tenant_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Errors | TwoFactorStatusResponse]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        application_id=application_id,
        x_fusion_auth_tenant_id=x_fusion_auth_tenant_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    user_id: UUID,
    application_id: UUID | Unset = UNSET,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Any | Errors | TwoFactorStatusResponse | None:
    """Retrieve a user's multi-factor status when no trust is held.

     The status call of `retrieveTwoFactorStatus` without a trust: FusionAuth documents
    `twoFactorTrustId` as optional, and its own clients call this path when the trust id they
    are given is null. `200` means no challenge is needed at the next login (the user has no
    MFA, or no challenge is required); `242` means the next login (or a step-up) will ask for a
    second factor. Both carry a `TwoFactorStatusResponse`.

    Args:
        user_id (UUID):
        application_id (UUID | Unset):
        x_fusion_auth_tenant_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Errors | TwoFactorStatusResponse
    """

    return sync_detailed(
        client=client,
        user_id=user_id,
        application_id=application_id,
        x_fusion_auth_tenant_id=x_fusion_auth_tenant_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    user_id: UUID,
    application_id: UUID | Unset = UNSET,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Response[Any | Errors | TwoFactorStatusResponse]:
    """Retrieve a user's multi-factor status when no trust is held.

     The status call of `retrieveTwoFactorStatus` without a trust: FusionAuth documents
    `twoFactorTrustId` as optional, and its own clients call this path when the trust id they
    are given is null. `200` means no challenge is needed at the next login (the user has no
    MFA, or no challenge is required); `242` means the next login (or a step-up) will ask for a
    second factor. Both carry a `TwoFactorStatusResponse`.

    Args:
        user_id (UUID):
        application_id (UUID | Unset):
        x_fusion_auth_tenant_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Errors | TwoFactorStatusResponse]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        application_id=application_id,
        x_fusion_auth_tenant_id=x_fusion_auth_tenant_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    user_id: UUID,
    application_id: UUID | Unset = UNSET,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Any | Errors | TwoFactorStatusResponse | None:
    """Retrieve a user's multi-factor status when no trust is held.

     The status call of `retrieveTwoFactorStatus` without a trust: FusionAuth documents
    `twoFactorTrustId` as optional, and its own clients call this path when the trust id they
    are given is null. `200` means no challenge is needed at the next login (the user has no
    MFA, or no challenge is required); `242` means the next login (or a step-up) will ask for a
    second factor. Both carry a `TwoFactorStatusResponse`.

    Args:
        user_id (UUID):
        application_id (UUID | Unset):
        x_fusion_auth_tenant_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Errors | TwoFactorStatusResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            user_id=user_id,
            application_id=application_id,
            x_fusion_auth_tenant_id=x_fusion_auth_tenant_id,
        )
    ).parsed
