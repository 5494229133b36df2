from http import HTTPStatus
from typing import Any, cast
from uuid import UUID

import httpx2

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.any_json_map import AnyJsonMap
from ...models.errors import Errors
from ...models.two_factor_disable_request import TwoFactorDisableRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: TwoFactorDisableRequest | Unset = UNSET,
    method_id: str | Unset = UNSET,
    code: str | Unset = UNSET,
    application_id: UUID | Unset = UNSET,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_fusion_auth_tenant_id, Unset):
        headers["X-FusionAuth-TenantId"] = x_fusion_auth_tenant_id

    params: dict[str, Any] = {}

    params["methodId"] = method_id

    params["code"] = code

    json_application_id: str | Unset = UNSET
    if not isinstance(application_id, Unset):
        json_application_id = str(application_id)
    params["applicationId"] = json_application_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/api/user/two-factor",
        "params": params,
    }

    if not isinstance(body, Unset):
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

    if response.status_code == 404:
        response_404 = cast(Any, None)
        return response_404

    if response.status_code == 421:
        response_421 = cast(Any, None)
        return response_421

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
    body: TwoFactorDisableRequest | Unset = UNSET,
    method_id: str | Unset = UNSET,
    code: str | Unset = UNSET,
    application_id: UUID | Unset = UNSET,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Response[Any | AnyJsonMap | Errors]:
    """Disable a multi-factor method of the user a JWT identifies.

     The self-service form of `disableTwoFactor`: the user is the one the JWT (access token,
    `Authorization: Bearer <token>`) was issued to, so the path has no user id. As there, one
    HTTP operation takes `methodId` and `code` either as query parameters (no body) or in a
    `TwoFactorDisableRequest` JSON body; a recovery code removes every method, and a wrong code
    answers `421`. FusionAuth documents this form; its client libraries have no method for it.

    Args:
        method_id (str | Unset):
        code (str | Unset):
        application_id (UUID | Unset):
        x_fusion_auth_tenant_id (str | Unset):
        body (TwoFactorDisableRequest | Unset): Disables a multi-factor method, in a JSON body
            instead of the query. `methodId` and `code`
            are required, as for the query form FusionAuth documents.
             Example: {'code': '123456', 'methodId': 'KLRT'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | AnyJsonMap | Errors]
    """

    kwargs = _get_kwargs(
        body=body,
        method_id=method_id,
        code=code,
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
    body: TwoFactorDisableRequest | Unset = UNSET,
    method_id: str | Unset = UNSET,
    code: str | Unset = UNSET,
    application_id: UUID | Unset = UNSET,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Any | AnyJsonMap | Errors | None:
    """Disable a multi-factor method of the user a JWT identifies.

     The self-service form of `disableTwoFactor`: the user is the one the JWT (access token,
    `Authorization: Bearer <token>`) was issued to, so the path has no user id. As there, one
    HTTP operation takes `methodId` and `code` either as query parameters (no body) or in a
    `TwoFactorDisableRequest` JSON body; a recovery code removes every method, and a wrong code
    answers `421`. FusionAuth documents this form; its client libraries have no method for it.

    Args:
        method_id (str | Unset):
        code (str | Unset):
        application_id (UUID | Unset):
        x_fusion_auth_tenant_id (str | Unset):
        body (TwoFactorDisableRequest | Unset): Disables a multi-factor method, in a JSON body
            instead of the query. `methodId` and `code`
            are required, as for the query form FusionAuth documents.
             Example: {'code': '123456', 'methodId': 'KLRT'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | AnyJsonMap | Errors
    """

    return sync_detailed(
        client=client,
        body=body,
        method_id=method_id,
        code=code,
        application_id=application_id,
        x_fusion_auth_tenant_id=x_fusion_auth_tenant_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: TwoFactorDisableRequest | Unset = UNSET,
    method_id: str | Unset = UNSET,
    code: str | Unset = UNSET,
    application_id: UUID | Unset = UNSET,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Response[Any | AnyJsonMap | Errors]:
    """Disable a multi-factor method of the user a JWT identifies.

     The self-service form of `disableTwoFactor`: the user is the one the JWT (access token,
    `Authorization: Bearer <token>`) was issued to, so the path has no user id. As there, one
    HTTP operation takes `methodId` and `code` either as query parameters (no body) or in a
    `TwoFactorDisableRequest` JSON body; a recovery code removes every method, and a wrong code
    answers `421`. FusionAuth documents this form; its client libraries have no method for it.

    Args:
        method_id (str | Unset):
        code (str | Unset):
        application_id (UUID | Unset):
        x_fusion_auth_tenant_id (str | Unset):
        body (TwoFactorDisableRequest | Unset): Disables a multi-factor method, in a JSON body
            instead of the query. `methodId` and `code`
            are required, as for the query form FusionAuth documents.
             Example: {'code': '123456', 'methodId': 'KLRT'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | AnyJsonMap | Errors]
    """

    kwargs = _get_kwargs(
        body=body,
        method_id=method_id,
        code=code,
        application_id=application_id,
        x_fusion_auth_tenant_id=x_fusion_auth_tenant_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: TwoFactorDisableRequest | Unset = UNSET,
    method_id: str | Unset = UNSET,
    code: str | Unset = UNSET,
    application_id: UUID | Unset = UNSET,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Any | AnyJsonMap | Errors | None:
    """Disable a multi-factor method of the user a JWT identifies.

     The self-service form of `disableTwoFactor`: the user is the one the JWT (access token,
    `Authorization: Bearer <token>`) was issued to, so the path has no user id. As there, one
    HTTP operation takes `methodId` and `code` either as query parameters (no body) or in a
    `TwoFactorDisableRequest` JSON body; a recovery code removes every method, and a wrong code
    answers `421`. FusionAuth documents this form; its client libraries have no method for it.

    Args:
        method_id (str | Unset):
        code (str | Unset):
        application_id (UUID | Unset):
        x_fusion_auth_tenant_id (str | Unset):
        body (TwoFactorDisableRequest | Unset): Disables a multi-factor method, in a JSON body
            instead of the query. `methodId` and `code`
            are required, as for the query form FusionAuth documents.
             Example: {'code': '123456', 'methodId': 'KLRT'}.

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
            method_id=method_id,
            code=code,
            application_id=application_id,
            x_fusion_auth_tenant_id=x_fusion_auth_tenant_id,
        )
    ).parsed
