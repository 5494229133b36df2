"""Retries: GETs on transient failures; calls with side effects only when nothing reached FusionAuth."""

from __future__ import annotations

import email.utils
import itertools
import time
from typing import Any

import httpx2
import pytest
from support import CODE, JWT, TRUST_ID, TWO_FACTOR_ID, USER_ID, Api, FakeFusionAuth, fixture_json

from fusionauth_two_factor import APIConnectionError, ApiError, RateLimitError, ServerError
from fusionauth_two_factor._constants import MAX_RETRY_DELAY

# A success body with every field FusionAuth always sends in one (start, secret, login, codes ...).
ALWAYS_SENT = fixture_json("always_sent_fields.json")


CALLS: dict[str, tuple[tuple[Any, ...], dict[str, Any]]] = {
    "retrieve_two_factor_status": ((TRUST_ID,), {"user_id": USER_ID}),
    "generate_two_factor_secret_using_jwt": ((JWT,), {}),
    "start_two_factor_login": (({"loginId": "a@example.com"},), {}),
    "two_factor_login": (({"twoFactorId": TWO_FACTOR_ID, "code": CODE},), {}),
    "send_two_factor_code_for_enable_disable": (({"methodId": "KLRT", "userId": USER_ID},), {}),
    "send_two_factor_code_for_login_using_method": ((TWO_FACTOR_ID, {"methodId": "KLRT"}), {}),
}
IDEMPOTENT = ["retrieve_two_factor_status", "generate_two_factor_secret_using_jwt"]
SIDE_EFFECTS = [name for name in CALLS if name not in IDEMPOTENT]


def failure(kind: str) -> httpx2.Response | Exception:
    answers: dict[str, httpx2.Response | Exception] = {
        "refused": httpx2.ConnectError("[Errno 111] Connection refused"),
        "connect-timeout": httpx2.ConnectTimeout("timed out"),
        "pool-timeout": httpx2.PoolTimeout("no connection"),
        "read-timeout": httpx2.ReadTimeout("timed out"),
        "reset-after-send": httpx2.ReadError("connection reset by peer"),
        "closed-mid-body": httpx2.RemoteProtocolError("incomplete body"),
        "429": httpx2.Response(429),
        "429-retry-after": httpx2.Response(429, headers={"Retry-After": "1"}),
        "502": httpx2.Response(502, text="<html>bad gateway</html>"),
        "503": httpx2.Response(503, json={}),
        "503-retry-after": httpx2.Response(503, headers={"Retry-After": "2"}, json={}),
        "504": httpx2.Response(504),
        "500": httpx2.Response(500),
        "400": httpx2.Response(400, json={"generalErrors": []}),
    }
    return answers[kind]


# (failure, attempts for an idempotent GET, attempts for a call with a side effect), max_retries=2
TABLE = [
    ("refused", 3, 3),
    ("connect-timeout", 3, 3),
    ("pool-timeout", 3, 3),
    ("read-timeout", 3, 1),
    ("reset-after-send", 3, 1),
    ("closed-mid-body", 3, 1),
    ("429", 3, 3),  # FusionAuth refused the request unprocessed: safe to replay even a POST
    ("429-retry-after", 3, 3),
    ("502", 3, 1),
    ("503", 3, 1),
    ("503-retry-after", 3, 1),  # a proxy's 503 proves nothing about what FusionAuth did
    ("504", 3, 1),
    ("500", 1, 1),
    ("400", 1, 1),
]


@pytest.mark.parametrize(("kind", "get_attempts", "post_attempts"), TABLE)
@pytest.mark.parametrize("method", list(CALLS))
def test_attempts_per_operation_and_failure(
    api: Api, server: FakeFusionAuth, sleeps: list[float], method: str, kind: str, get_attempts: int, post_attempts: int
) -> None:
    expected = get_attempts if method in IDEMPOTENT else post_attempts
    for _ in range(3):
        answer = failure(kind)
        server.answers.append(answer)
    args, kwargs = CALLS[method]
    with pytest.raises((ApiError, APIConnectionError)) as caught:
        api.call(method, *args, **kwargs)
    assert len(server.requests) == expected
    assert caught.value.retries == expected - 1
    assert len(sleeps) == expected - 1


@pytest.mark.parametrize("method", list(CALLS))
def test_a_retry_that_succeeds_reports_its_retries(
    api: Api, server: FakeFusionAuth, sleeps: list[float], method: str
) -> None:
    server.fail(httpx2.ConnectError("refused"))
    server.reply(200, json_body=ALWAYS_SENT)
    args, kwargs = CALLS[method]
    response = api.call(method, *args, **kwargs)
    assert response.retries == 1
    assert server.requests[0].content == server.requests[1].content


def test_retry_after_forms(api: Api, server: FakeFusionAuth, sleeps: list[float]) -> None:
    http_date = email.utils.formatdate(time.time() + 5, usegmt=True)
    server.reply(429, retry_after="3")
    server.reply(503, retry_after_ms="250", json_body={})
    server.reply(200, json_body=ALWAYS_SENT)
    server.reply(429, retry_after=http_date)
    server.reply(200, json_body=ALWAYS_SENT)
    api.call("retrieve_two_factor_status", TRUST_ID, user_id=USER_ID)
    api.call("two_factor_login", {"twoFactorId": TWO_FACTOR_ID, "code": CODE})
    assert sleeps[:2] == [3.0, 0.25]
    assert 3.0 < sleeps[2] <= 5.0


def test_a_retry_after_beyond_the_cap_is_not_waited_for(api: Api, server: FakeFusionAuth, sleeps: list[float]) -> None:
    server.reply(429, retry_after="3600")
    with pytest.raises(RateLimitError) as caught:
        api.call("two_factor_login", {"twoFactorId": TWO_FACTOR_ID, "code": CODE})
    assert caught.value.retry_after == 3600.0
    assert sleeps == []


def test_backoff_grows_with_jitter_and_is_capped(make_api: Any, server: FakeFusionAuth, sleeps: list[float]) -> None:
    for _ in range(7):
        server.reply(503, json_body={})
    with pytest.raises(ServerError) as caught:
        make_api(max_retries=6).call("generate_two_factor_secret_using_jwt", JWT)
    assert caught.value.retries == 6
    assert 0.375 <= sleeps[0] <= 0.5
    assert 0.75 <= sleeps[1] <= 1.0
    assert all(later >= earlier or later > MAX_RETRY_DELAY * 0.74 for earlier, later in itertools.pairwise(sleeps))
    assert max(sleeps) <= MAX_RETRY_DELAY


def test_no_retries_when_disabled(make_api: Any, server: FakeFusionAuth, sleeps: list[float]) -> None:
    server.fail(httpx2.ConnectError("refused"))
    with pytest.raises(APIConnectionError) as caught:
        make_api(max_retries=0).call("generate_two_factor_secret_using_jwt", JWT)
    assert caught.value.retries == 0
    assert sleeps == []
