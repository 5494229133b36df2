"""Property-based tests: every model round-trips losslessly, every valid 2xx parses, and whatever a
broken server or proxy answers, the only exceptions that escape are the package's own."""

from __future__ import annotations

import asyncio
import copy
import json
import urllib.parse
from typing import Any

import httpx2
import pytest
from fusionauth_two_factor_generated import models as generated_models
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from spec_strategies import SCHEMAS, any_json, for_schema, response_schema
from support import CODE, JWT, TRUST_ID, TWO_FACTOR_ID, USER_ID, FakeFusionAuth, make_client, present

from fusionauth_two_factor import (
    ApiError,
    ApiResponse,
    AsyncTwoFactorController,
    Client,
    FusionAuthError,
    RequestOptions,
    ResponseParseError,
    TwoFactorController,
)

MODEL_SCHEMAS = sorted(name for name in SCHEMAS if hasattr(getattr(generated_models, name, None), "from_dict"))
CALLS: dict[str, tuple[str, tuple[Any, ...], dict[str, Any]]] = {
    "retrieveTwoFactorStatus": ("retrieve_two_factor_status", (TRUST_ID,), {"user_id": USER_ID}),
    "startTwoFactorLogin": ("start_two_factor_login", ({"loginId": "a@example.com"},), {}),
    "twoFactorLogin": ("two_factor_login", ({"twoFactorId": TWO_FACTOR_ID, "code": CODE},), {}),
    "sendTwoFactorCodeForEnableDisable": (
        "send_two_factor_code_for_enable_disable",
        ({"methodId": "K", "userId": "00000000-0000-0000-0000-000000000001"},),
        {},
    ),
    "generateTwoFactorSecretUsingJWT": ("generate_two_factor_secret_using_jwt", (JWT,), {}),
    "sendTwoFactorCodeForLoginUsingMethod": (
        "send_two_factor_code_for_login_using_method",
        (TWO_FACTOR_ID, {"methodId": "K"}),
        {},
    ),
}
DOCUMENTED_SUCCESSES = [
    ("retrieveTwoFactorStatus", "200"),
    ("retrieveTwoFactorStatus", "242"),
    ("startTwoFactorLogin", "200"),
    ("twoFactorLogin", "200"),
    ("twoFactorLogin", "202"),
    ("twoFactorLogin", "203"),
    ("twoFactorLogin", "212"),
    ("twoFactorLogin", "213"),
    ("generateTwoFactorSecretUsingJWT", "200"),
]
PROPERTY_SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def call(mode: str, operation_id: str, response: httpx2.Response) -> Any:
    def answer(request: httpx2.Request) -> httpx2.Response:
        return response

    transport = httpx2.MockTransport(answer)
    client = Client(
        "https://auth.example.com",
        api_key="key",
        max_retries=0,
        http_client=httpx2.Client(transport=transport),
        async_http_client=httpx2.AsyncClient(transport=transport),
    )
    method, args, kwargs = CALLS[operation_id]
    if mode == "sync":
        return getattr(TwoFactorController(client), method)(*args, **kwargs)
    return asyncio.run(getattr(AsyncTwoFactorController(client), method)(*args, **kwargs))


@pytest.mark.parametrize("name", MODEL_SCHEMAS)
@PROPERTY_SETTINGS
@given(data=st.data())
def test_every_model_round_trips_losslessly(name: str, data: st.DataObject) -> None:
    document = data.draw(for_schema(SCHEMAS[name]))
    model = getattr(generated_models, name)
    parsed = model.from_dict(copy.deepcopy(document))
    assert parsed.to_dict() == document
    assert model.from_dict(parsed.to_dict()) == parsed
    assert json.loads(json.dumps(parsed.to_dict())) == document


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize(("operation_id", "status"), DOCUMENTED_SUCCESSES)
@PROPERTY_SETTINGS
@given(data=st.data())
def test_every_valid_2xx_body_parses(mode: str, operation_id: str, status: str, data: st.DataObject) -> None:
    schema = response_schema(operation_id, status)
    assert schema is not None
    document = data.draw(for_schema(schema))
    response = call(mode, operation_id, httpx2.Response(int(status), json=document))
    assert isinstance(response, ApiResponse)
    assert response.status_code == int(status)
    assert present(response.result).to_dict() == document


DEEP_JSON = b"[" * 50_000 + b"]" * 50_000  # deeper than the JSON parser allows


def broken_bodies() -> st.SearchStrategy[bytes]:
    valid_json = any_json.map(lambda value: json.dumps(value).encode())
    return st.one_of(
        st.just(b""),
        st.binary(max_size=64),
        valid_json,
        valid_json.map(lambda body: body[: max(len(body) // 2, 1)]),  # truncated
        st.sampled_from([b"<html><body>502 Bad Gateway</body></html>", b"null", b"[]", b'"text"', b"1e999"]),
        st.just(b'{"user": {"data": "' + b"x" * 1_000_000 + b'"}}'),  # a huge body
        st.just(DEEP_JSON),
        st.sampled_from(
            [
                b'{"methods": [{"method": "passkey", "authenticator": {"algorithm": "HmacSHA3"}}]}',
                b'{"changePasswordReason": 17, "user": {"usernameStatus": ["odd"]}}',
                b'{"trusts": "not a list"}',
                b'{"user": {"id": "not-a-uuid"}}',
                b'{"fieldErrors": {"code": "not a list"}, "generalErrors": {}}',
            ]
        ),
    )


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("operation_id", sorted(CALLS))
@PROPERTY_SETTINGS
@given(
    status=st.integers(200, 599),
    content_type=st.sampled_from(["application/json", "text/html", "text/plain", "application/json;charset=UTF-8", ""]),
    body=broken_bodies(),
)
@example(status=200, content_type="application/json", body=DEEP_JSON)
@example(status=400, content_type="application/json", body=DEEP_JSON)
@example(status=200, content_type="text/html", body=b"<html>login</html>")
@example(status=400, content_type="application/json", body=b'{"fieldErrors": {"code": "not a list"}}')
@example(status=242, content_type="application/json", body=b'{"trusts": "not a list"}')
def test_whatever_the_server_answers_only_package_errors_escape(
    mode: str, operation_id: str, status: int, content_type: str, body: bytes
) -> None:
    headers = {"Content-Type": content_type} if content_type else {}
    try:
        result = call(mode, operation_id, httpx2.Response(status, content=body, headers=headers))
    except FusionAuthError as error:
        if isinstance(error, ApiError):
            assert error.status_code == status
            assert not 200 <= status < 300
        else:
            assert isinstance(error, ResponseParseError)
            assert 200 <= status < 300
    else:
        assert isinstance(result, ApiResponse)
        assert 200 <= status < 300


@PROPERTY_SETTINGS
@given(two_factor_id=st.text(max_size=20))
def test_any_id_is_rejected_or_sent_as_exactly_one_segment(two_factor_id: str) -> None:
    server = FakeFusionAuth()
    controller = TwoFactorController(make_client(server))
    if two_factor_id in {"", ".", ".."}:
        with pytest.raises(ValueError, match="two_factor_id"):
            controller.send_two_factor_code_for_login_using_method(two_factor_id, {"methodId": "K"})
        assert server.requests == []
        return
    server.reply(200)
    controller.send_two_factor_code_for_login_using_method(two_factor_id, {"methodId": "K"})
    prefix = b"/api/two-factor/send/"
    raw_path = server.last.url.raw_path
    assert raw_path.startswith(prefix)
    segment = raw_path[len(prefix) :]
    assert b"/" not in segment and b"?" not in segment and b"#" not in segment
    assert urllib.parse.unquote(segment.decode("ascii")) == two_factor_id


@PROPERTY_SETTINGS
@given(value=st.text(max_size=20))
@example(value="0 ")  # HTTP strips the whitespace around a field value: it could not arrive as given
@example(value=" 0")
def test_header_values_are_sent_as_given_or_rejected_before_sending(value: str) -> None:
    if value and value == value.strip() and value.isprintable() and value.isascii():
        server = FakeFusionAuth()
        server.reply(200)
        options = RequestOptions(extra_headers={"X-Test": value})
        TwoFactorController(make_client(server)).send_two_factor_code_for_login_using_method(
            "id", {"methodId": "K"}, request_options=options
        )
        assert server.last.headers["X-Test"] == value
    else:
        with pytest.raises(ValueError, match="X-Test"):
            RequestOptions(extra_headers={"X-Test": value})
