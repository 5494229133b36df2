from http import HTTPStatus
from typing import Any, cast

import httpx2

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.any_json_map import AnyJsonMap
from ...models.errors import Errors
from ...models.two_factor_request import TwoFactorRequest
from ...models.two_factor_response import TwoFactorResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: TwoFactorRequest,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_fusion_auth_tenant_id, Unset):
        headers["X-FusionAuth-TenantId"] = x_fusion_auth_tenant_id

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/user/two-factor",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx2.Response
) -> Any | AnyJsonMap | Errors | TwoFactorResponse | None:
    if response.status_code == 200:
        response_200 = TwoFactorResponse.from_dict(response.json())

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
) -> Response[Any | AnyJsonMap | Errors | TwoFactorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: TwoFactorRequest,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Response[Any | AnyJsonMap | Errors | TwoFactorResponse]:
    """Enable a multi-factor method for the user a JWT identifies.

     The self-service form of `enableTwoFactor`: the user is the one the JWT (access token,
    `Authorization: Bearer <token>`) was issued to, so the path has no user id. Same body and
    answers: a code is checked (`421` when wrong), and the first method's `200` carries the
    recovery codes. FusionAuth documents this form; its client libraries have no method for it.

    Args:
        x_fusion_auth_tenant_id (str | Unset):
        body (TwoFactorRequest): Enables a multi-factor method. `method` and `code` are required
            (FusionAuth's Enable
            Multi-Factor request body); an `email` method needs `email`, an `sms` method needs
            `mobilePhone`, and an `authenticator` method needs `secret` or `secretBase32Encoded`.
             Example: {'code': '435612', 'method': 'authenticator', 'name': 'Work authenticator app',
            'secret': '8MJJfCY4ERBtotvenSc3'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | AnyJsonMap | Errors | TwoFactorResponse]
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
    body: TwoFactorRequest,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Any | AnyJsonMap | Errors | TwoFactorResponse | None:
    """Enable a multi-factor method for the user a JWT identifies.

     The self-service form of `enableTwoFactor`: the user is the one the JWT (access token,
    `Authorization: Bearer <token>`) was issued to, so the path has no user id. Same body and
    answers: a code is checked (`421` when wrong), and the first method's `200` carries the
    recovery codes. FusionAuth documents this form; its client libraries have no method for it.

    Args:
        x_fusion_auth_tenant_id (str | Unset):
        body (TwoFactorRequest): Enables a multi-factor method. `method` and `code` are required
            (FusionAuth's Enable
            Multi-Factor request body); an `email` method needs `email`, an `sms` method needs
            `mobilePhone`, and an `authenticator` method needs `secret` or `secretBase32Encoded`.
             Example: {'code': '435612', 'method': 'authenticator', 'name': 'Work authenticator app',
            'secret': '8MJJfCY4ERBtotvenSc3'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | AnyJsonMap | Errors | TwoFactorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        x_fusion_auth_tenant_id=x_fusion_auth_tenant_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: TwoFactorRequest,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Response[Any | AnyJsonMap | Errors | TwoFactorResponse]:
    """Enable a multi-factor method for the user a JWT identifies.

     The self-service form of `enableTwoFactor`: the user is the one the JWT (access token,
    `Authorization: Bearer <token>`) was issued to, so the path has no user id. Same body and
    answers: a code is checked (`421` when wrong), and the first method's `200` carries the
    recovery codes. FusionAuth documents this form; its client libraries have no method for it.

    Args:
        x_fusion_auth_tenant_id (str | Unset):
        body (TwoFactorRequest): Enables a multi-factor method. `method` and `code` are required
            (FusionAuth's Enable
            Multi-Factor request body); an `email` method needs `email`, an `sms` method needs
            `mobilePhone`, and an `authenticator` method needs `secret` or `secretBase32Encoded`.
             Example: {'code': '435612', 'method': 'authenticator', 'name': 'Work authenticator app',
            'secret': '8MJJfCY4ERBtotvenSc3'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | AnyJsonMap | Errors | TwoFactorResponse]
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
    body: TwoFactorRequest,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Any | AnyJsonMap | Errors | TwoFactorResponse | None:
    """Enable a multi-factor method for the user a JWT identifies.

     The self-service form of `enableTwoFactor`: the user is the one the JWT (access token,
    `Authorization: Bearer <token>`) was issued to, so the path has no user id. Same body and
    answers: a code is checked (`421` when wrong), and the first method's `200` carries the
    recovery codes. FusionAuth documents this form; its client libraries have no method for it.

    Args:
        x_fusion_auth_tenant_id (str | Unset):
        body (TwoFactorRequest): Enables a multi-factor method. `method` and `code` are required
            (FusionAuth's Enable
            Multi-Factor request body); an `email` method needs `email`, an `sms` method needs
            `mobilePhone`, and an `authenticator` method needs `secret` or `secretBase32Encoded`.
             Example: {'code': '435612', 'method': 'authenticator', 'name': 'Work authenticator app',
            'secret': '8MJJfCY4ERBtotvenSc3'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | AnyJsonMap | Errors | TwoFactorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            x_fusion_auth_tenant_id=x_fusion_auth_tenant_id,
        )
    ).parsed
