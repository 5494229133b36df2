"""The header lines a Client works out once per operation (`_transport._Plan`): the same request on every call.

tests/test_wire.py compares each first call with the request httpx2 builds; here the later calls,
which use what the first worked out, and the cases it must not keep.
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from support import API_KEY, JWT, TENANT_ID, TRUST_ID, USER_ID
from test_wire import httpx2_built

from fusionauth_two_factor import Client, RequestOptions
from fusionauth_two_factor import _operations as ops
from fusionauth_two_factor._transport import Settings, prepare
from fusionauth_two_factor.models import LoginRequest, TwoFactorStartRequest

CALLS = [
    ("RETRIEVE_TWO_FACTOR_STATUS", {"two_factor_trust_id": TRUST_ID, "user_id": uuid.UUID(USER_ID)}, None),
    ("RETRIEVE_TWO_FACTOR_STATUS_WITHOUT_TRUST", {"user_id": uuid.UUID(USER_ID)}, None),
    ("START_TWO_FACTOR_LOGIN", {"body": TwoFactorStartRequest(login_id="a@example.com")}, None),
    ("LOGIN", {"body": LoginRequest(login_id="a@example.com", password="p")}, None),
    ("GENERATE_TWO_FACTOR_SECRET_USING_JWT", {}, JWT),
    ("GENERATE_TWO_FACTOR_RECOVERY_CODES", {"user_id": uuid.UUID(USER_ID)}, None),  # a POST without a body
    ("DISABLE_TWO_FACTOR", {"user_id": uuid.UUID(USER_ID), "method_id": "m", "code": "c"}, None),
    ("DISABLE_TWO_FACTOR_USING_JWT", {"method_id": "m", "code": "c"}, JWT),
]


def _lines(client: Client, name: str, arguments: dict[str, Any], jwt: str | None) -> list[tuple[bytes, bytes]]:
    request = client._prepare(getattr(ops, name), dict(arguments), jwt=jwt).request
    return [(header.encode(), value.encode()) for header, value in request.headers]


# Every call with and without a key on the Client, but for an operation that needs one: refused
# without it (the next test).
KEYED_CALLS = [
    (*call, api_key)
    for call in CALLS
    for api_key in (API_KEY, None)
    if api_key is not None or getattr(ops, call[0]).auth is not ops.Auth.API_KEY
]


@pytest.mark.parametrize(("name", "arguments", "jwt", "api_key"), KEYED_CALLS)
@pytest.mark.parametrize("tenant", [None, TENANT_ID])
def test_every_call_sends_the_headers_httpx2_would(
    name: str, arguments: dict[str, Any], jwt: str | None, api_key: str | None, tenant: str | None
) -> None:
    operation = getattr(ops, name)
    client = Client("https://auth.example.com/fa", api_key=api_key, tenant_id=tenant)
    expected = httpx2_built(client, operation, arguments, jwt, {}).headers.raw
    if api_key is None:  # httpx2_built sends support.API_KEY wherever an operation may take one
        expected = [(header, value) for header, value in expected if header != b"Authorization" or jwt is not None]
    # The first call works the plan out, the later ones use it; a call with extra headers takes the
    # general way in between and leaves the plan as it was.
    for _ in range(3):
        assert _lines(client, name, arguments, jwt) == expected
        client._prepare(operation, dict(arguments), jwt=jwt, options=RequestOptions(extra_headers={"X-A": "1"}))


def test_an_api_key_an_operation_needs_and_the_client_lacks_is_refused_on_every_call() -> None:
    client = Client("https://auth.example.com")
    arguments = {"two_factor_trust_id": TRUST_ID, "user_id": USER_ID}
    for _ in range(3):
        with pytest.raises(ValueError, match="needs an API key"):
            client._prepare(ops.RETRIEVE_TWO_FACTOR_STATUS, dict(arguments))


def test_each_jwt_is_the_calls_own() -> None:
    client = Client("https://auth.example.com", api_key=API_KEY)
    for jwt in ("a.b.c", "d.e.f"):
        request = client._prepare(ops.GENERATE_TWO_FACTOR_SECRET_USING_JWT, {}, jwt=jwt).request
        assert dict(request.headers)["Authorization"] == f"Bearer {jwt}"


def test_the_plans_are_not_among_the_settings_vars() -> None:
    # A copy of the settings with one changed is made from vars() (tests/test_responses.py): it
    # must not carry the plans worked out from the old ones.
    client = Client("https://auth.example.com", api_key=API_KEY)
    client._prepare(ops.RETRIEVE_TWO_FACTOR_STATUS, {"two_factor_trust_id": TRUST_ID, "user_id": USER_ID})
    settings = client._settings
    assert settings.plans
    copy = Settings(**{**vars(settings), "api_key": "another"})
    assert copy.plans == {}
    request = prepare(copy, ops.RETRIEVE_TWO_FACTOR_STATUS, {"two_factor_trust_id": TRUST_ID, "user_id": USER_ID})
    assert dict(request.request.headers)["Authorization"] == "another"
