from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx2

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.any_json_map import AnyJsonMap
from ...models.errors import Errors
from ...models.two_factor_disable_request import TwoFactorDisableRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    user_id: UUID,
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
        "url": "/api/user/two-factor/{user_id}".format(
            user_id=quote(str(user_id), safe=""),
        ),
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
    user_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TwoFactorDisableRequest | Unset = UNSET,
    method_id: str | Unset = UNSET,
    code: str | Unset = UNSET,
    application_id: UUID | Unset = UNSET,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Response[Any | AnyJsonMap | Errors]:
    """Disable a multi-factor method of a user, by user id.

     Removes one of the user's multi-factor methods after checking a code from that method (a
    TOTP code, or the code `sendTwoFactorCodeForEnableDisable` delivered), or removes every
    method when the code is a recovery code. Removing the last method turns MFA off for the
    user. A wrong code answers `421`.

    One HTTP operation serves two methods of FusionAuth's clients: `disableTwoFactor` sends
    `methodId` and `code` as query parameters and no body; `disableTwoFactorWithRequest` sends
    no query and a `TwoFactorDisableRequest` JSON body (which can also carry `eventInfo`). Send
    one form or the other. In the query form the code is part of the URL, which proxies and
    access logs may record; the body form keeps it out of the URL.

    Args:
        user_id (UUID):
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
        user_id=user_id,
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
    user_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TwoFactorDisableRequest | Unset = UNSET,
    method_id: str | Unset = UNSET,
    code: str | Unset = UNSET,
    application_id: UUID | Unset = UNSET,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Any | AnyJsonMap | Errors | None:
    """Disable a multi-factor method of a user, by user id.

     Removes one of the user's multi-factor methods after checking a code from that method (a
    TOTP code, or the code `sendTwoFactorCodeForEnableDisable` delivered), or removes every
    method when the code is a recovery code. Removing the last method turns MFA off for the
    user. A wrong code answers `421`.

    One HTTP operation serves two methods of FusionAuth's clients: `disableTwoFactor` sends
    `methodId` and `code` as query parameters and no body; `disableTwoFactorWithRequest` sends
    no query and a `TwoFactorDisableRequest` JSON body (which can also carry `eventInfo`). Send
    one form or the other. In the query form the code is part of the URL, which proxies and
    access logs may record; the body form keeps it out of the URL.

    Args:
        user_id (UUID):
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
        user_id=user_id,
        client=client,
        body=body,
        method_id=method_id,
        code=code,
        application_id=application_id,
        x_fusion_auth_tenant_id=x_fusion_auth_tenant_id,
    ).parsed


async def asyncio_detailed(
    user_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TwoFactorDisableRequest | Unset = UNSET,
    method_id: str | Unset = UNSET,
    code: str | Unset = UNSET,
    application_id: UUID | Unset = UNSET,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Response[Any | AnyJsonMap | Errors]:
    """Disable a multi-factor method of a user, by user id.

     Removes one of the user's multi-factor methods after checking a code from that method (a
    TOTP code, or the code `sendTwoFactorCodeForEnableDisable` delivered), or removes every
    method when the code is a recovery code. Removing the last method turns MFA off for the
    user. A wrong code answers `421`.

    One HTTP operation serves two methods of FusionAuth's clients: `disableTwoFactor` sends
    `methodId` and `code` as query parameters and no body; `disableTwoFactorWithRequest` sends
    no query and a `TwoFactorDisableRequest` JSON body (which can also carry `eventInfo`). Send
    one form or the other. In the query form the code is part of the URL, which proxies and
    access logs may record; the body form keeps it out of the URL.

    Args:
        user_id (UUID):
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
        user_id=user_id,
        body=body,
        method_id=method_id,
        code=code,
        application_id=application_id,
        x_fusion_auth_tenant_id=x_fusion_auth_tenant_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    user_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TwoFactorDisableRequest | Unset = UNSET,
    method_id: str | Unset = UNSET,
    code: str | Unset = UNSET,
    application_id: UUID | Unset = UNSET,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Any | AnyJsonMap | Errors | None:
    """Disable a multi-factor method of a user, by user id.

     Removes one of the user's multi-factor methods after checking a code from that method (a
    TOTP code, or the code `sendTwoFactorCodeForEnableDisable` delivered), or removes every
    method when the code is a recovery code. Removing the last method turns MFA off for the
    user. A wrong code answers `421`.

    One HTTP operation serves two methods of FusionAuth's clients: `disableTwoFactor` sends
    `methodId` and `code` as query parameters and no body; `disableTwoFactorWithRequest` sends
    no query and a `TwoFactorDisableRequest` JSON body (which can also carry `eventInfo`). Send
    one form or the other. In the query form the code is part of the URL, which proxies and
    access logs may record; the body form keeps it out of the URL.

    Args:
        user_id (UUID):
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
            user_id=user_id,
            client=client,
            body=body,
            method_id=method_id,
            code=code,
            application_id=application_id,
            x_fusion_auth_tenant_id=x_fusion_auth_tenant_id,
        )
    ).parsed
