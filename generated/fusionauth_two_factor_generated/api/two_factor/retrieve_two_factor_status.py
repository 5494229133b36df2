from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx2

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.errors import Errors
from ...models.two_factor_status_response import TwoFactorStatusResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    two_factor_trust_id: str,
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
        "url": "/api/two-factor/status/{two_factor_trust_id}".format(
            two_factor_trust_id=quote(str(two_factor_trust_id), safe=""),
        ),
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
    two_factor_trust_id: str,
    *,
    client: AuthenticatedClient,
    user_id: UUID,
    application_id: UUID | Unset = UNSET,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Response[Any | Errors | TwoFactorStatusResponse]:
    """Retrieve a user's multi-factor status.

     Tells whether the user's next login will ask for a second factor, given a trust. `200` means
    no challenge is needed (the user has no MFA, or the given trust is still valid for the next
    login); `242` means the next login (or a step-up) will require a multi-factor challenge.
    Both carry a `TwoFactorStatusResponse`. FusionAuth documents the trust as optional: without
    one, the same call is `GET /api/two-factor/status?userId=` (`retrieveTwoFactorStatusWithoutTrust`
    here, which FusionAuth's own clients reach by passing a null trust id), and since 1.62.0
    FusionAuth prefers `POST /api/two-factor/status` (`retrieveTwoFactorStatusWithRequest`).

    Args:
        two_factor_trust_id (str):
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
        two_factor_trust_id=two_factor_trust_id,
        user_id=user_id,
        application_id=application_id,
        x_fusion_auth_tenant_id=x_fusion_auth_tenant_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    two_factor_trust_id: str,
    *,
    client: AuthenticatedClient,
    user_id: UUID,
    application_id: UUID | Unset = UNSET,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Any | Errors | TwoFactorStatusResponse | None:
    """Retrieve a user's multi-factor status.

     Tells whether the user's next login will ask for a second factor, given a trust. `200` means
    no challenge is needed (the user has no MFA, or the given trust is still valid for the next
    login); `242` means the next login (or a step-up) will require a multi-factor challenge.
    Both carry a `TwoFactorStatusResponse`. FusionAuth documents the trust as optional: without
    one, the same call is `GET /api/two-factor/status?userId=` (`retrieveTwoFactorStatusWithoutTrust`
    here, which FusionAuth's own clients reach by passing a null trust id), and since 1.62.0
    FusionAuth prefers `POST /api/two-factor/status` (`retrieveTwoFactorStatusWithRequest`).

    Args:
        two_factor_trust_id (str):
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
        two_factor_trust_id=two_factor_trust_id,
        client=client,
        user_id=user_id,
        application_id=application_id,
        x_fusion_auth_tenant_id=x_fusion_auth_tenant_id,
    ).parsed


async def asyncio_detailed(
    two_factor_trust_id: str,
    *,
    client: AuthenticatedClient,
    user_id: UUID,
    application_id: UUID | Unset = UNSET,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Response[Any | Errors | TwoFactorStatusResponse]:
    """Retrieve a user's multi-factor status.

     Tells whether the user's next login will ask for a second factor, given a trust. `200` means
    no challenge is needed (the user has no MFA, or the given trust is still valid for the next
    login); `242` means the next login (or a step-up) will require a multi-factor challenge.
    Both carry a `TwoFactorStatusResponse`. FusionAuth documents the trust as optional: without
    one, the same call is `GET /api/two-factor/status?userId=` (`retrieveTwoFactorStatusWithoutTrust`
    here, which FusionAuth's own clients reach by passing a null trust id), and since 1.62.0
    FusionAuth prefers `POST /api/two-factor/status` (`retrieveTwoFactorStatusWithRequest`).

    Args:
        two_factor_trust_id (str):
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
        two_factor_trust_id=two_factor_trust_id,
        user_id=user_id,
        application_id=application_id,
        x_fusion_auth_tenant_id=x_fusion_auth_tenant_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    two_factor_trust_id: str,
    *,
    client: AuthenticatedClient,
    user_id: UUID,
    application_id: UUID | Unset = UNSET,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Any | Errors | TwoFactorStatusResponse | None:
    """Retrieve a user's multi-factor status.

     Tells whether the user's next login will ask for a second factor, given a trust. `200` means
    no challenge is needed (the user has no MFA, or the given trust is still valid for the next
    login); `242` means the next login (or a step-up) will require a multi-factor challenge.
    Both carry a `TwoFactorStatusResponse`. FusionAuth documents the trust as optional: without
    one, the same call is `GET /api/two-factor/status?userId=` (`retrieveTwoFactorStatusWithoutTrust`
    here, which FusionAuth's own clients reach by passing a null trust id), and since 1.62.0
    FusionAuth prefers `POST /api/two-factor/status` (`retrieveTwoFactorStatusWithRequest`).

    Args:
        two_factor_trust_id (str):
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
            two_factor_trust_id=two_factor_trust_id,
            client=client,
            user_id=user_id,
            application_id=application_id,
            x_fusion_auth_tenant_id=x_fusion_auth_tenant_id,
        )
    ).parsed
