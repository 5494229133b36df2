from http import HTTPStatus
from typing import Any, cast

import httpx2

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.errors import Errors
from ...models.two_factor_status_request import TwoFactorStatusRequest
from ...models.two_factor_status_response import TwoFactorStatusResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: TwoFactorStatusRequest,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_fusion_auth_tenant_id, Unset):
        headers["X-FusionAuth-TenantId"] = x_fusion_auth_tenant_id

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/two-factor/status",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

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
    body: TwoFactorStatusRequest,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Response[Any | Errors | TwoFactorStatusResponse]:
    """Retrieve a user's multi-factor status, with the action and context in a request body.

     The form of the status call FusionAuth prefers since version 1.62.0: the body also carries
    the `action` the user attempts (`login`, `stepUp`, `changePassword`), an access token and
    event information, all of which an MFA requirement lambda can use to decide. `200` means no
    challenge is needed for that action (no MFA, no challenge required, or the trust is still
    valid); `242` means a multi-factor challenge is required, which is also how a step-up need
    is detected. Both carry a `TwoFactorStatusResponse`.

    Args:
        x_fusion_auth_tenant_id (str | Unset):
        body (TwoFactorStatusRequest): Asks for a user's multi-factor status, with more context
            than the GET form. Example: {'action': 'stepUp', 'applicationId':
            '85a03867-dccf-4882-adde-1a79aeec50df', 'eventInfo': {'data': {'page': '/account/bank-
            accounts'}, 'ipAddress': '127.0.0.1'}, 'userId': '429797ba-37d7-4bbe-8748-58fb812448ff'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Errors | TwoFactorStatusResponse]
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
    body: TwoFactorStatusRequest,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Any | Errors | TwoFactorStatusResponse | None:
    """Retrieve a user's multi-factor status, with the action and context in a request body.

     The form of the status call FusionAuth prefers since version 1.62.0: the body also carries
    the `action` the user attempts (`login`, `stepUp`, `changePassword`), an access token and
    event information, all of which an MFA requirement lambda can use to decide. `200` means no
    challenge is needed for that action (no MFA, no challenge required, or the trust is still
    valid); `242` means a multi-factor challenge is required, which is also how a step-up need
    is detected. Both carry a `TwoFactorStatusResponse`.

    Args:
        x_fusion_auth_tenant_id (str | Unset):
        body (TwoFactorStatusRequest): Asks for a user's multi-factor status, with more context
            than the GET form. Example: {'action': 'stepUp', 'applicationId':
            '85a03867-dccf-4882-adde-1a79aeec50df', 'eventInfo': {'data': {'page': '/account/bank-
            accounts'}, 'ipAddress': '127.0.0.1'}, 'userId': '429797ba-37d7-4bbe-8748-58fb812448ff'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Errors | TwoFactorStatusResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        x_fusion_auth_tenant_id=x_fusion_auth_tenant_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: TwoFactorStatusRequest,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Response[Any | Errors | TwoFactorStatusResponse]:
    """Retrieve a user's multi-factor status, with the action and context in a request body.

     The form of the status call FusionAuth prefers since version 1.62.0: the body also carries
    the `action` the user attempts (`login`, `stepUp`, `changePassword`), an access token and
    event information, all of which an MFA requirement lambda can use to decide. `200` means no
    challenge is needed for that action (no MFA, no challenge required, or the trust is still
    valid); `242` means a multi-factor challenge is required, which is also how a step-up need
    is detected. Both carry a `TwoFactorStatusResponse`.

    Args:
        x_fusion_auth_tenant_id (str | Unset):
        body (TwoFactorStatusRequest): Asks for a user's multi-factor status, with more context
            than the GET form. Example: {'action': 'stepUp', 'applicationId':
            '85a03867-dccf-4882-adde-1a79aeec50df', 'eventInfo': {'data': {'page': '/account/bank-
            accounts'}, 'ipAddress': '127.0.0.1'}, 'userId': '429797ba-37d7-4bbe-8748-58fb812448ff'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Errors | TwoFactorStatusResponse]
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
    body: TwoFactorStatusRequest,
    x_fusion_auth_tenant_id: str | Unset = UNSET,
) -> Any | Errors | TwoFactorStatusResponse | None:
    """Retrieve a user's multi-factor status, with the action and context in a request body.

     The form of the status call FusionAuth prefers since version 1.62.0: the body also carries
    the `action` the user attempts (`login`, `stepUp`, `changePassword`), an access token and
    event information, all of which an MFA requirement lambda can use to decide. `200` means no
    challenge is needed for that action (no MFA, no challenge required, or the trust is still
    valid); `242` means a multi-factor challenge is required, which is also how a step-up need
    is detected. Both carry a `TwoFactorStatusResponse`.

    Args:
        x_fusion_auth_tenant_id (str | Unset):
        body (TwoFactorStatusRequest): Asks for a user's multi-factor status, with more context
            than the GET form. Example: {'action': 'stepUp', 'applicationId':
            '85a03867-dccf-4882-adde-1a79aeec50df', 'eventInfo': {'data': {'page': '/account/bank-
            accounts'}, 'ipAddress': '127.0.0.1'}, 'userId': '429797ba-37d7-4bbe-8748-58fb812448ff'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Errors | TwoFactorStatusResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            x_fusion_auth_tenant_id=x_fusion_auth_tenant_id,
        )
    ).parsed
