from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx2

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.any_json_map import AnyJsonMap
from ...models.errors import Errors
from ...models.two_factor_send_for_login_request import TwoFactorSendForLoginRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    two_factor_id: str,
    *,
    body: TwoFactorSendForLoginRequest,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_fusion_auth_tenant_id, Unset):
        headers["X-FusionAuth-TenantId"] = x_fusion_auth_tenant_id

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/two-factor/send/{two_factor_id}".format(
            two_factor_id=quote(str(two_factor_id), safe=""),
        ),
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
    two_factor_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: TwoFactorSendForLoginRequest,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Response[Any | AnyJsonMap | Errors]:
    """Send a multi-factor code during a login or step-up.

     Sends a code for an email or SMS method of an in-progress multi-factor login. Every send
    invalidates the codes sent before for this `twoFactorId`. Needs no API key: the
    `twoFactorId` is the credential, and FusionAuth's own clients send no `Authorization`
    header. The body needs `methodId`, the method to send the code with.

    Args:
        two_factor_id (str):
        x_fusion_auth_tenant_id (str | Unset):
        body (TwoFactorSendForLoginRequest): The body of `sendTwoFactorCodeForLoginUsingMethod`:
            `methodId` is required, as FusionAuth
            documents it. FusionAuth's `TwoFactorSendRequest`, which its clients send here.
             Example: {'methodId': 'KLRT'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | AnyJsonMap | Errors]
    """

    kwargs = _get_kwargs(
        two_factor_id=two_factor_id,
        body=body,
        x_fusion_auth_tenant_id=x_fusion_auth_tenant_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    two_factor_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: TwoFactorSendForLoginRequest,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Any | AnyJsonMap | Errors | None:
    """Send a multi-factor code during a login or step-up.

     Sends a code for an email or SMS method of an in-progress multi-factor login. Every send
    invalidates the codes sent before for this `twoFactorId`. Needs no API key: the
    `twoFactorId` is the credential, and FusionAuth's own clients send no `Authorization`
    header. The body needs `methodId`, the method to send the code with.

    Args:
        two_factor_id (str):
        x_fusion_auth_tenant_id (str | Unset):
        body (TwoFactorSendForLoginRequest): The body of `sendTwoFactorCodeForLoginUsingMethod`:
            `methodId` is required, as FusionAuth
            documents it. FusionAuth's `TwoFactorSendRequest`, which its clients send here.
             Example: {'methodId': 'KLRT'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | AnyJsonMap | Errors
    """

    return sync_detailed(
        two_factor_id=two_factor_id,
        client=client,
        body=body,
        x_fusion_auth_tenant_id=x_fusion_auth_tenant_id,
    ).parsed


async def asyncio_detailed(
    two_factor_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: TwoFactorSendForLoginRequest,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Response[Any | AnyJsonMap | Errors]:
    """Send a multi-factor code during a login or step-up.

     Sends a code for an email or SMS method of an in-progress multi-factor login. Every send
    invalidates the codes sent before for this `twoFactorId`. Needs no API key: the
    `twoFactorId` is the credential, and FusionAuth's own clients send no `Authorization`
    header. The body needs `methodId`, the method to send the code with.

    Args:
        two_factor_id (str):
        x_fusion_auth_tenant_id (str | Unset):
        body (TwoFactorSendForLoginRequest): The body of `sendTwoFactorCodeForLoginUsingMethod`:
            `methodId` is required, as FusionAuth
            documents it. FusionAuth's `TwoFactorSendRequest`, which its clients send here.
             Example: {'methodId': 'KLRT'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | AnyJsonMap | Errors]
    """

    kwargs = _get_kwargs(
        two_factor_id=two_factor_id,
        body=body,
        x_fusion_auth_tenant_id=x_fusion_auth_tenant_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    two_factor_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: TwoFactorSendForLoginRequest,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Any | AnyJsonMap | Errors | None:
    """Send a multi-factor code during a login or step-up.

     Sends a code for an email or SMS method of an in-progress multi-factor login. Every send
    invalidates the codes sent before for this `twoFactorId`. Needs no API key: the
    `twoFactorId` is the credential, and FusionAuth's own clients send no `Authorization`
    header. The body needs `methodId`, the method to send the code with.

    Args:
        two_factor_id (str):
        x_fusion_auth_tenant_id (str | Unset):
        body (TwoFactorSendForLoginRequest): The body of `sendTwoFactorCodeForLoginUsingMethod`:
            `methodId` is required, as FusionAuth
            documents it. FusionAuth's `TwoFactorSendRequest`, which its clients send here.
             Example: {'methodId': 'KLRT'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | AnyJsonMap | Errors
    """

    return (
        await asyncio_detailed(
            two_factor_id=two_factor_id,
            client=client,
            body=body,
            x_fusion_auth_tenant_id=x_fusion_auth_tenant_id,
        )
    ).parsed
