"""The package's exceptions survive pickling and copying (a worker process can raise them), redacted.

(pickle.loads here reads only what the test itself just pickled: S301 does not apply.)
"""

from __future__ import annotations

import concurrent.futures
import copy
import inspect
import multiprocessing
import pickle
from typing import Any

import httpx2
import pytest
from support import API_KEY, BASE_URL, CODE, TWO_FACTOR_ID, FakeFusionAuth, fixture_json, make_client

from fusionauth_two_factor import (
    APIConnectionError,
    ApiError,
    APITimeoutError,
    BadRequestError,
    Client,
    FusionAuthError,
    InvalidCodeError,
    ResponseParseError,
    TwoFactorController,
    error_codes,
)
from fusionauth_two_factor import _errors as errors_module
from fusionauth_two_factor import _operations as ops
from fusionauth_two_factor.models import Errors

LOGIN = fixture_json("login_response.json")
ACCESS_TOKEN = LOGIN["token"]
REFRESH_TOKEN = LOGIN["refreshToken"]
SECRET_HEADERS = httpx2.Headers(
    [
        ("Content-Type", "application/json"),
        ("Set-Cookie", f"access_token={ACCESS_TOKEN}; HttpOnly"),
        ("Set-Cookie", f"refresh_token={REFRESH_TOKEN}; HttpOnly"),
        ("Authorization", API_KEY),
        ("Cookie", f"access_token={ACCESS_TOKEN}"),
        ("Retry-After", "3"),
    ]
)
ERRORS_BODY = {"fieldErrors": {"code": [{"code": "[invalid]code", "message": "Invalid code"}]}}
SECRET_VALUES = [ACCESS_TOKEN, REFRESH_TOKEN, API_KEY, CODE, TWO_FACTOR_ID]


def example_of(cls: type[FusionAuthError]) -> FusionAuthError:
    """An instance of any of the package's exception classes, with secrets wherever one could be."""
    if issubclass(cls, ApiError):
        return cls(
            operation="twoFactorLogin",
            method="POST",
            url="https://auth.example.com/api/two-factor/login",
            status_code=421 if cls is ApiError else 400,
            headers=SECRET_HEADERS,
            body='{"fieldErrors": {}}',
            result=Errors.from_dict(ERRORS_BODY),
            retries=1,
            retry_after=3.0,
        )
    if issubclass(cls, ResponseParseError):
        return cls(
            operation="twoFactorLogin",
            method="POST",
            url="https://auth.example.com/api/two-factor/login",
            status_code=200,
            headers=SECRET_HEADERS,
            body=f'{{"token": "{ACCESS_TOKEN}", "user": "broken"}}',
            reason="TypeError",
            retries=2,
        )
    if issubclass(cls, APITimeoutError):
        return cls(
            "twoFactorLogin: read timeout", operation="twoFactorLogin", method="POST", url="u", phase="read", retries=1
        )
    if issubclass(cls, APIConnectionError):
        return cls("twoFactorLogin: could not connect", operation="twoFactorLogin", method="POST", url="u", retries=1)
    return cls(f"{cls.__name__}: the message says why")


ERROR_CLASSES = sorted(
    (
        value
        for value in vars(errors_module).values()
        if inspect.isclass(value) and issubclass(value, FusionAuthError) and value.__module__ == errors_module.__name__
    ),
    key=lambda cls: cls.__name__,
)


def round_trips(error: FusionAuthError) -> list[Any]:
    protocols = range(2, pickle.HIGHEST_PROTOCOL + 1)
    pickled = [pickle.loads(pickle.dumps(error, protocol)) for protocol in protocols]  # noqa: S301
    return [*pickled, copy.copy(error), copy.deepcopy(error)]


def test_every_exception_class_is_covered() -> None:
    names = {cls.__name__ for cls in ERROR_CLASSES}
    assert {"FusionAuthError", "ApiError", "InvalidCodeError", "ResponseParseError", "APITimeoutError"} <= names


@pytest.mark.parametrize("cls", ERROR_CLASSES, ids=lambda cls: cls.__name__)
def test_every_exception_survives_pickling_and_copying(cls: type[FusionAuthError]) -> None:
    error = example_of(cls)
    error.add_note("raised in a worker")
    for twin in round_trips(error):
        assert type(twin) is cls
        assert str(twin) == str(error)
        assert twin.args == error.args
        assert twin.retries == error.retries
        assert twin.__notes__ == ["raised in a worker"]
        # The generated models compare their absent fields by identity (a copied UNSET is another
        # object): results are compared by their JSON form.
        kept = {name: value for name, value in vars(error).items() if name not in {"headers", "body", "result"}}
        assert {name: value for name, value in vars(twin).items() if name in kept} == kept
        if isinstance(error, ApiError):
            assert twin.result.to_dict() == error.result.to_dict()  # type: ignore[attr-defined]


@pytest.mark.parametrize("cls", ERROR_CLASSES, ids=lambda cls: cls.__name__)
def test_the_pickled_form_holds_no_secret_header_or_success_body(cls: type[FusionAuthError]) -> None:
    error = example_of(cls)
    pickled = pickle.dumps(error)
    leaked = [secret for secret in SECRET_VALUES if secret.encode() in pickled]
    assert not leaked
    twin = pickle.loads(pickled)  # noqa: S301
    if isinstance(error, ApiError | ResponseParseError):
        assert twin.headers.get_list("set-cookie") == ["<redacted>", "<redacted>"]
        assert twin.headers["authorization"] == twin.headers["cookie"] == "<redacted>"
        assert twin.headers["content-type"] == "application/json"  # what is not secret is kept
        assert twin.headers["retry-after"] == "3"
        assert error.headers["authorization"] == API_KEY  # the original is untouched
    if isinstance(error, ResponseParseError):
        assert twin.body == ""
        assert ACCESS_TOKEN in error.body
    elif isinstance(error, ApiError):
        assert twin.body == error.body  # an error body carries FusionAuth's error codes, not tokens
        assert error_codes(twin.result) == ["[invalid]code"]


def login_with_a_wrong_code() -> None:
    """Runs in a worker process (which imports this module by name): FusionAuth answers 421."""
    server = FakeFusionAuth()
    server.reply(421, set_cookie=f"access_token={ACCESS_TOKEN}")
    TwoFactorController(make_client(server)).two_factor_login({"twoFactorId": TWO_FACTOR_ID, "code": CODE})


def login_with_a_bad_request() -> None:
    server = FakeFusionAuth()
    server.reply(400, json_body=ERRORS_BODY)
    TwoFactorController(make_client(server)).two_factor_login({"twoFactorId": TWO_FACTOR_ID, "code": CODE})


def test_an_error_raised_in_a_worker_process_arrives_as_itself() -> None:
    # A spawned worker, not a forked one: this process runs threads (pools, loopback servers of other
    # tests), and forking a process with threads can deadlock the child (Python 3.12 warns of it).
    spawn = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(max_workers=1, mp_context=spawn) as pool:
        wrong_code = pool.submit(login_with_a_wrong_code)
        bad_request = pool.submit(login_with_a_bad_request)
        with pytest.raises(InvalidCodeError) as caught:
            wrong_code.result(timeout=60)
        with pytest.raises(BadRequestError) as caught_400:
            bad_request.result(timeout=60)
    assert caught.value.status_code == 421
    assert caught.value.operation == "twoFactorLogin"
    assert caught.value.headers["set-cookie"] == "<redacted>"
    assert str(caught.value) == f"two_factor_login (POST {BASE_URL}/api/two-factor/login) failed: HTTP 421 (empty body)"
    assert caught_400.value.result is not None
    assert error_codes(caught_400.value.result) == ["[invalid]code"]


def test_the_packages_objects_that_hold_a_key_or_a_request_are_not_pickled_or_copied() -> None:
    client = Client("https://auth.example.com", api_key="a-secret-api-key")
    call = client._prepare(ops.RETRIEVE_TWO_FACTOR_STATUS, {"two_factor_trust_id": "t", "user_id": None})
    settings = client._settings
    held = [call, call.request, settings, *settings.plans.values()]
    assert len(held) == 4
    for obj in held:
        for duplicate in (pickle.dumps, copy.copy, copy.deepcopy):
            with pytest.raises(TypeError, match="holds secrets") as refused:
                duplicate(obj)
            assert "a-secret-api-key" not in str(refused.value)
