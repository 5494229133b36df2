from http import HTTPStatus
from typing import Any, cast

import httpx2

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.any_json_map import AnyJsonMap
from ...models.secret_response import SecretResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_fusion_auth_tenant_id, Unset):
        headers["X-FusionAuth-TenantId"] = x_fusion_auth_tenant_id

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/two-factor/secret",
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx2.Response
) -> Any | AnyJsonMap | SecretResponse | None:
    if response.status_code == 200:
        response_200 = SecretResponse.from_dict(response.json())

        return response_200

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
) -> Response[Any | AnyJsonMap | SecretResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Response[Any | AnyJsonMap | SecretResponse]:
    """Generate a secret for an authenticator app, with an API key or the user's JWT.

     Generates a random secret to enable an authenticator (TOTP) method with. FusionAuth accepts
    an API key (raw in `Authorization`) or a user's JWT (access token, as
    `Authorization: Bearer <token>`) on this one HTTP operation, which serves two methods of
    FusionAuth's clients: `generateTwoFactorSecret` (API key) and `generateTwoFactorSecretUsingJWT`
    (JWT, no API key sent). FusionAuth provides it as a helper: enabling a method
    (`enableTwoFactor`) takes the secret and a code the authenticator produced from it.

    Args:
        x_fusion_auth_tenant_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | AnyJsonMap | SecretResponse]
    """

    kwargs = _get_kwargs(
        x_fusion_auth_tenant_id=x_fusion_auth_tenant_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Any | AnyJsonMap | SecretResponse | None:
    """Generate a secret for an authenticator app, with an API key or the user's JWT.

     Generates a random secret to enable an authenticator (TOTP) method with. FusionAuth accepts
    an API key (raw in `Authorization`) or a user's JWT (access token, as
    `Authorization: Bearer <token>`) on this one HTTP operation, which serves two methods of
    FusionAuth's clients: `generateTwoFactorSecret` (API key) and `generateTwoFactorSecretUsingJWT`
    (JWT, no API key sent). FusionAuth provides it as a helper: enabling a method
    (`enableTwoFactor`) takes the secret and a code the authenticator produced from it.

    Args:
        x_fusion_auth_tenant_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | AnyJsonMap | SecretResponse
    """

    return sync_detailed(
        client=client,
        x_fusion_auth_tenant_id=x_fusion_auth_tenant_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Response[Any | AnyJsonMap | SecretResponse]:
    """Generate a secret for an authenticator app, with an API key or the user's JWT.

     Generates a random secret to enable an authenticator (TOTP) method with. FusionAuth accepts
    an API key (raw in `Authorization`) or a user's JWT (access token, as
    `Authorization: Bearer <token>`) on this one HTTP operation, which serves two methods of
    FusionAuth's clients: `generateTwoFactorSecret` (API key) and `generateTwoFactorSecretUsingJWT`
    (JWT, no API key sent). FusionAuth provides it as a helper: enabling a method
    (`enableTwoFactor`) takes the secret and a code the authenticator produced from it.

    Args:
        x_fusion_auth_tenant_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | AnyJsonMap | SecretResponse]
    """

    kwargs = _get_kwargs(
        x_fusion_auth_tenant_id=x_fusion_auth_tenant_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Any | AnyJsonMap | SecretResponse | None:
    """Generate a secret for an authenticator app, with an API key or the user's JWT.

     Generates a random secret to enable an authenticator (TOTP) method with. FusionAuth accepts
    an API key (raw in `Authorization`) or a user's JWT (access token, as
    `Authorization: Bearer <token>`) on this one HTTP operation, which serves two methods of
    FusionAuth's clients: `generateTwoFactorSecret` (API key) and `generateTwoFactorSecretUsingJWT`
    (JWT, no API key sent). FusionAuth provides it as a helper: enabling a method
    (`enableTwoFactor`) takes the secret and a code the authenticator produced from it.

    Args:
        x_fusion_auth_tenant_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | AnyJsonMap | SecretResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            x_fusion_auth_tenant_id=x_fusion_auth_tenant_id,
        )
    ).parsed
