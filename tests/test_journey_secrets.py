"""The secrets of the multi-factor journey (the password, the disable code in the query string, recovery
codes, the TOTP secret, the status call's accessToken) never show in reprs, messages or logs, sync and
async; and the deprecated recovery-code call warns at the caller's line."""

from __future__ import annotations

import asyncio
import logging
import sys
from typing import Any

import httpx2
import pytest
from journey_calls import (
    DISABLE_BODY,
    DISABLE_CODE,
    ENABLE_BODY,
    JOURNEY_CALLS,
    JOURNEY_SECRETS,
    LOGIN_BODY,
    METHOD_ID,
    PASSWORD,
    STATUS_BODY,
    reply_success,
)
from support import JWT, TRUST_ID, USER_ID, Api, FakeFusionAuth, fixture_bytes, make_client

from fusionauth_two_factor import AsyncTwoFactorController, FusionAuthError, TwoFactorController
from fusionauth_two_factor.models import LoginRequest, TwoFactorDisableRequest, TwoFactorRequest, TwoFactorStatusRequest


def leaked(text: str) -> list[str]:
    return [secret for secret in JOURNEY_SECRETS if secret in text]


def test_request_model_reprs_hide_the_journey_secrets() -> None:
    models = [
        LoginRequest.from_dict({**LOGIN_BODY, "twoFactorTrustId": TRUST_ID}),
        TwoFactorRequest.from_dict(ENABLE_BODY),
        TwoFactorDisableRequest.from_dict(DISABLE_BODY),
        TwoFactorStatusRequest.from_dict(STATUS_BODY),
    ]
    text = "".join(repr(model) + str(model) for model in models)
    assert leaked(text) == []
    for shown in [
        "password='<redacted>'",
        "access_token='<redacted>'",
        "secret='<redacted>'",
        f"method_id='{METHOD_ID}'",
    ]:
        assert shown in text  # redacted field by field, not blanked as a whole


@pytest.mark.parametrize("method", JOURNEY_CALLS)
def test_responses_keep_the_secrets_they_carry_out_of_their_text(api: Api, server: FakeFusionAuth, method: str) -> None:
    reply_success(server, method)
    response = JOURNEY_CALLS[method](api)
    assert leaked(repr(response) + str(response)) == []
    assert leaked(repr(response.result)) == []


def test_a_login_challenge_and_new_recovery_codes_print_redacted(api: Api, server: FakeFusionAuth) -> None:
    server.reply(242, content=fixture_bytes("journey_login_242.json"))
    server.reply(200, content=fixture_bytes("journey_enable_200.json"))
    challenge = api.login(LOGIN_BODY)
    enabled = api.call("enable_two_factor", USER_ID, ENABLE_BODY)
    text = repr(challenge) + repr(enabled)
    assert leaked(text) == []
    assert "two_factor_id='<redacted>'" in text
    assert "recovery_codes='<redacted>'" in text


# An error page that echoes the request, as a proxy or a debug page may.
ECHOING_PAGE = f"<html>{PASSWORD} {DISABLE_CODE} {JWT}</html>"


@pytest.mark.parametrize("method", JOURNEY_CALLS)
@pytest.mark.parametrize(
    ("status", "content"),
    [(421, b""), (400, fixture_bytes("journey_errors_400.json")), (500, ECHOING_PAGE.encode()), (404, b"")],
)
def test_error_messages_hold_no_secret(
    make_api: Any, server: FakeFusionAuth, method: str, status: int, content: bytes
) -> None:
    server.reply(status, content=content)
    with pytest.raises(FusionAuthError) as caught:
        JOURNEY_CALLS[method](make_api(max_retries=0))
    assert leaked(str(caught.value) + repr(caught.value)) == []


@pytest.mark.parametrize("method", ["enable_two_factor", "generate_two_factor_recovery_codes", "login"])
def test_a_success_body_that_does_not_parse_is_not_printed(api: Api, server: FakeFusionAuth, method: str) -> None:
    codes = '", "'.join(JOURNEY_SECRETS)
    # a number among the codes, and a user that is not an object: neither body parses
    server.reply(200, content=f'{{"recoveryCodes": ["{codes}", 7], "user": "not a user"}}')
    with pytest.raises(FusionAuthError) as caught:
        JOURNEY_CALLS[method](api)
    assert leaked(str(caught.value) + repr(caught.value)) == []


@pytest.mark.parametrize("method", ["disable_two_factor", "disable_two_factor_using_jwt"])
def test_a_failed_connection_does_not_name_the_code_in_the_query(
    make_api: Any, server: FakeFusionAuth, method: str
) -> None:
    server.fail(httpx2.ConnectError("refused"))
    with pytest.raises(FusionAuthError) as caught:
        JOURNEY_CALLS[method](make_api(max_retries=0))
    assert leaked(str(caught.value) + repr(caught.value) + str(getattr(caught.value, "url", ""))) == []


@pytest.mark.parametrize(
    "call",
    [
        lambda api: api.call("enable_two_factor", PASSWORD, ENABLE_BODY),
        lambda api: api.call(
            "disable_two_factor", USER_ID, method_id=METHOD_ID, code=DISABLE_CODE, application_id=DISABLE_CODE
        ),
        lambda api: api.call("retrieve_two_factor_status", None, user_id=DISABLE_CODE),
        lambda api: api.login({**LOGIN_BODY, "noJWT": PASSWORD}),
        lambda api: api.call("disable_two_factor_with_request", USER_ID, {**DISABLE_BODY, "methodId": [DISABLE_CODE]}),
    ],
    ids=["user_id", "application_id", "status user_id", "login field type", "disable body field type"],
)
def test_refused_arguments_are_not_echoed(api: Api, server: FakeFusionAuth, call: Any) -> None:
    with pytest.raises((TypeError, ValueError)) as caught:
        call(api)
    assert leaked(str(caught.value)) == []
    assert server.requests == []


def test_no_log_line_holds_a_secret_of_the_journey(
    api: Api, server: FakeFusionAuth, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # every logger, on top of conftest's httpx2 and package levels
    for method in JOURNEY_CALLS:
        reply_success(server, method)
        JOURNEY_CALLS[method](api)
    server.reply(421)
    with pytest.raises(FusionAuthError):
        api.call("disable_two_factor", USER_ID, method_id=METHOD_ID, code=DISABLE_CODE)
    lines = [record.getMessage() for record in caplog.records]
    assert [line for line in lines if leaked(line)] == []
    # httpx2's own request line is there, with the code of each query-string disable redacted
    request_lines = [line for line in lines if line.startswith("HTTP Request: ")]
    assert len(request_lines) == len(JOURNEY_CALLS) + 1
    disables = [line for line in request_lines if line.startswith("HTTP Request: DELETE") and "methodId=" in line]
    assert len(disables) == 3
    assert all(f"methodId={METHOD_ID}&code=<redacted>" in line for line in disables)


DEPRECATED = "retrieveTwoFactorRecoveryCodes is deprecated"


def test_the_deprecation_warning_points_at_the_callers_line(server: FakeFusionAuth) -> None:
    reply_success(server, "retrieve_two_factor_recovery_codes")
    two_factor = TwoFactorController(make_client(server))
    with pytest.warns(DeprecationWarning, match=DEPRECATED) as warned:
        line = sys._getframe().f_lineno + 1
        two_factor.retrieve_two_factor_recovery_codes(USER_ID)
    assert [(warning.filename, warning.lineno) for warning in warned] == [(__file__, line)]


def test_the_async_deprecation_warning_points_at_the_awaiting_line(server: FakeFusionAuth) -> None:
    reply_success(server, "retrieve_two_factor_recovery_codes")
    two_factor = AsyncTwoFactorController(make_client(server))
    line = 0

    async def retrieve() -> None:
        nonlocal line
        line = sys._getframe().f_lineno + 1
        await two_factor.retrieve_two_factor_recovery_codes(USER_ID)

    with pytest.warns(DeprecationWarning, match=DEPRECATED) as warned:
        asyncio.run(retrieve())
    assert [(warning.filename, warning.lineno) for warning in warned] == [(__file__, line)]
