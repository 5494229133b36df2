from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx2

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.any_json_map import AnyJsonMap
from ...models.errors import Errors
from ...models.two_factor_request import TwoFactorRequest
from ...models.two_factor_response import TwoFactorResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    user_id: UUID,
    *,
    body: TwoFactorRequest,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_fusion_auth_tenant_id, Unset):
        headers["X-FusionAuth-TenantId"] = x_fusion_auth_tenant_id

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/user/two-factor/{user_id}".format(
            user_id=quote(str(user_id), safe=""),
        ),
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
    user_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TwoFactorRequest,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Response[Any | AnyJsonMap | Errors | TwoFactorResponse]:
    """Enable a multi-factor method for a user, by user id.

     Adds a multi-factor method to the user after checking a code for it: for an authenticator,
    a TOTP code computed from the `secret` (or `secretBase32Encoded`) being enabled; for email
    or SMS, the code `sendTwoFactorCodeForEnableDisable` delivered. A wrong code answers `421`.
    When this is the user's first method, the `200` body carries the user's new recovery codes
    (and, when the request gave a `twoFactorId` from a login that required configuring a
    method, a `code` that completes that login with `twoFactorLogin`); for later methods the
    `200` has an empty body. The user's JWT form is `enableTwoFactorUsingJWT`.

    Args:
        user_id (UUID):
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
        user_id=user_id,
        body=body,
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
    body: TwoFactorRequest,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Any | AnyJsonMap | Errors | TwoFactorResponse | None:
    """Enable a multi-factor method for a user, by user id.

     Adds a multi-factor method to the user after checking a code for it: for an authenticator,
    a TOTP code computed from the `secret` (or `secretBase32Encoded`) being enabled; for email
    or SMS, the code `sendTwoFactorCodeForEnableDisable` delivered. A wrong code answers `421`.
    When this is the user's first method, the `200` body carries the user's new recovery codes
    (and, when the request gave a `twoFactorId` from a login that required configuring a
    method, a `code` that completes that login with `twoFactorLogin`); for later methods the
    `200` has an empty body. The user's JWT form is `enableTwoFactorUsingJWT`.

    Args:
        user_id (UUID):
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
        user_id=user_id,
        client=client,
        body=body,
        x_fusion_auth_tenant_id=x_fusion_auth_tenant_id,
    ).parsed


async def asyncio_detailed(
    user_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TwoFactorRequest,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Response[Any | AnyJsonMap | Errors | TwoFactorResponse]:
    """Enable a multi-factor method for a user, by user id.

     Adds a multi-factor method to the user after checking a code for it: for an authenticator,
    a TOTP code computed from the `secret` (or `secretBase32Encoded`) being enabled; for email
    or SMS, the code `sendTwoFactorCodeForEnableDisable` delivered. A wrong code answers `421`.
    When this is the user's first method, the `200` body carries the user's new recovery codes
    (and, when the request gave a `twoFactorId` from a login that required configuring a
    method, a `code` that completes that login with `twoFactorLogin`); for later methods the
    `200` has an empty body. The user's JWT form is `enableTwoFactorUsingJWT`.

    Args:
        user_id (UUID):
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
        user_id=user_id,
        body=body,
        x_fusion_auth_tenant_id=x_fusion_auth_tenant_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    user_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TwoFactorRequest,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Any | AnyJsonMap | Errors | TwoFactorResponse | None:
    """Enable a multi-factor method for a user, by user id.

     Adds a multi-factor method to the user after checking a code for it: for an authenticator,
    a TOTP code computed from the `secret` (or `secretBase32Encoded`) being enabled; for email
    or SMS, the code `sendTwoFactorCodeForEnableDisable` delivered. A wrong code answers `421`.
    When this is the user's first method, the `200` body carries the user's new recovery codes
    (and, when the request gave a `twoFactorId` from a login that required configuring a
    method, a `code` that completes that login with `twoFactorLogin`); for later methods the
    `200` has an empty body. The user's JWT form is `enableTwoFactorUsingJWT`.

    Args:
        user_id (UUID):
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
            user_id=user_id,
            client=client,
            body=body,
            x_fusion_auth_tenant_id=x_fusion_auth_tenant_id,
        )
    ).parsed
