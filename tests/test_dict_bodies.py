"""Dict bodies are checked like models before anything is sent (issue 11, item 3): unknown keys are
refused with the closest documented name, values are checked against the declared type with the JSON
path in the message, UUIDs are sent in FusionAuth's form, and fields newer than the spec go through
`RequestOptions(extra_body=...)`. Sync and async."""

from __future__ import annotations

import functools
import json
import pickle
import time
import uuid
from typing import Any

import attrs
import httpx2
import pytest
from fusionauth_two_factor_generated import models as generated_models
from support import CODE, TWO_FACTOR_ID, USER_ID, Api, FakeFusionAuth, fixture_json

from fusionauth_two_factor import RequestOptions
from fusionauth_two_factor._dict_bodies import checked_json
from fusionauth_two_factor.models import (
    AnyJsonMap,
    DeviceInfo,
    LoginMetaData,
    TwoFactorLoginRequest,
    TwoFactorStartRequest,
)

LOGIN = {"twoFactorId": TWO_FACTOR_ID, "code": CODE}
LOGGED_IN = fixture_json("always_sent_fields.json")


def sent_json(request: httpx2.Request) -> Any:
    return json.loads(request.content)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({**LOGIN, "trustComptuer": True}, r"unknown body field 'trustComptuer' \(did you mean trustComputer\?\)"),
        (
            {**LOGIN, "metaData": {"device": {"nmae": "Pixel"}}},
            r"unknown body field 'metaData\.device\.nmae' \(did you mean metaData\.device\.name\?\)",
        ),
        ({**LOGIN, "eventInfo": {"ipAdress": "10.0.0.1"}}, r"did you mean eventInfo\.ipAddress\?"),
        ({**LOGIN, "trust_computer": True}, r"'trust_computer' is a Python attribute name.*'trustComputer'"),
        ({**LOGIN, "zzzz": 1}, r"unknown body field 'zzzz' \(documented: applicationId, .*\).*extra_body"),
    ],
)
def test_an_unknown_key_is_refused_with_the_closest_documented_name(
    api: Api, server: FakeFusionAuth, body: dict[str, Any], message: str
) -> None:
    with pytest.raises(ValueError, match=message) as caught:
        api.call("two_factor_login", body)
    assert str(caught.value).startswith("twoFactorLogin: ")
    assert CODE not in str(caught.value) and TWO_FACTOR_ID not in str(caught.value)
    assert server.requests == []


@pytest.mark.parametrize(
    ("method", "body", "message"),
    [
        ("start_two_factor_login", {"loginId": 42}, "body field 'loginId' must be a str, not int"),
        ("start_two_factor_login", {"userId": 7}, r"'userId' must be a UUID or its str .*, not int"),
        ("start_two_factor_login", {"userId": "nope"}, "'userId' must be a UUID .*not a str that is not a UUID"),
        ("start_two_factor_login", {"loginId": "a", "loginIdTypes": "email"}, "'loginIdTypes' must be a list"),
        ("start_two_factor_login", {"loginId": "a", "state": ["next"]}, r"'state' must be an object \(AnyJsonMap\)"),
        ("two_factor_login", {**LOGIN, "trustComputer": "yes"}, "'trustComputer' must be a bool, not str"),
        ("two_factor_login", {**LOGIN, "botDetectionScore": True}, "'botDetectionScore' must be a number, not bool"),
        ("two_factor_login", {**LOGIN, "metaData": {"device": {"name": 5}}}, r"'metaData\.device\.name' must be a str"),
        ("two_factor_login", {**LOGIN, "metaData": {"device": "Pixel"}}, r"'metaData\.device' must be an object"),
        (
            "send_two_factor_code_for_enable_disable",
            {"method": "sms", "mobilePhone": "+13035551212", "userId": USER_ID, "messageType": 2},
            "'messageType' must be one of 'SMS', 'Voice' or a str, not int",  # open: newer values are kept
        ),
    ],
)
def test_a_value_of_the_wrong_type_is_refused_with_its_json_path(
    api: Api, server: FakeFusionAuth, method: str, body: dict[str, Any], message: str
) -> None:
    with pytest.raises(TypeError, match=message):
        api.call(method, body)
    assert server.requests == []


def test_what_the_models_hand_out_is_taken_back_and_sent_in_fusionauths_form(api: Api, server: FakeFusionAuth) -> None:
    server.reply(200, json_body=LOGGED_IN)
    api.call(
        "two_factor_login",
        {
            **LOGIN,
            "userId": uuid.UUID(USER_ID.upper()),
            "applicationId": "10000000-0000-0002-0000-00000000000A",  # sent lowercase, as FusionAuth writes UUIDs
            "metaData": LoginMetaData(device=DeviceInfo(name="Pixel")),
        },
    )
    assert sent_json(server.last) == {
        **LOGIN,
        "userId": USER_ID,
        "applicationId": "10000000-0000-0002-0000-00000000000a",
        "metaData": {"device": {"name": "Pixel"}},
    }


def test_extra_body_sends_fields_newer_than_the_spec(api: Api, server: FakeFusionAuth) -> None:
    server.reply(200, json_body=LOGGED_IN)
    future = RequestOptions(extra_body={"aFutureField": {"kept": [1, None]}})
    api.call("two_factor_login", {**LOGIN, "trustComputer": True}, request_options=future)
    assert sent_json(server.last) == {**LOGIN, "trustComputer": True, "aFutureField": {"kept": [1, None]}}
    assert repr(future) == (
        "RequestOptions(timeout=None, max_retries=None, extra_headers=[], extra_body=['aFutureField'])"
    )


def test_extra_body_refuses_a_documented_field_and_a_call_without_a_body(api: Api, server: FakeFusionAuth) -> None:
    with pytest.raises(ValueError, match="trustComputer belongs in the body itself"):
        api.call("two_factor_login", LOGIN, request_options=RequestOptions(extra_body={"trustComputer": True}))
    with pytest.raises(ValueError, match="sends no JSON body, so extra_body cannot be sent"):
        api.call("generate_two_factor_secret", request_options=RequestOptions(extra_body={"aFutureField": 1}))
    assert server.requests == []


@pytest.mark.parametrize("extra", [{"at": object()}, {"score": float("nan")}, {1: "x"}])
def test_extra_body_values_must_be_json(extra: dict[Any, Any]) -> None:
    with pytest.raises(TypeError, match="extra_body"):
        RequestOptions(extra_body=extra)


def test_a_model_body_with_an_undocumented_additional_property_is_refused(api: Api, server: FakeFusionAuth) -> None:
    body = TwoFactorLoginRequest(two_factor_id=TWO_FACTOR_ID, code=CODE)
    body["trustComptuer"] = True
    with pytest.raises(ValueError, match="did you mean trustComputer"):
        api.call("two_factor_login", body)
    assert server.requests == []


def test_free_form_maps_take_any_key(api: Api, server: FakeFusionAuth) -> None:
    server.reply(200, json_body=fixture_json("start_response.json"))
    api.call("start_two_factor_login", {"loginId": "richard@piedpiper.com", "state": {"any key": {"n": [1]}}})
    assert sent_json(server.last)["state"] == {"any key": {"n": [1]}}


def test_the_json_names_of_every_generated_model_are_known() -> None:
    """The JSON names come from each model's own to_dict: a generator change that breaks that shows here."""
    for name in generated_models.__all__:  # the package imports its models lazily: vars() may not hold them all
        model = getattr(generated_models, name)
        if attrs.has(model):
            checked_json({}, model, "any")  # raises RuntimeError when a field's JSON name cannot be told


def test_checking_a_dict_body_stays_fast() -> None:
    body = {**LOGIN, "trustComputer": True, "metaData": {"device": {"name": "Pixel", "type": "MOBILE"}}}
    started = time.perf_counter()
    for _ in range(2000):
        checked_json(body, TwoFactorLoginRequest, "twoFactorLogin")
    assert (time.perf_counter() - started) / 2000 < 0.0005  # well under a millisecond per body


def _nested(depth: int, inner: Any) -> Any:
    return functools.reduce(lambda held, _: {"a": held}, range(depth), inner)


def _listed(depth: int, inner: Any) -> Any:
    return functools.reduce(lambda held, _: [held], range(depth), inner)


def _holding_itself() -> dict[str, Any]:
    cycle: dict[str, Any] = {"code": CODE}
    cycle["again"] = [cycle]
    return cycle


TOO_DEEP = _nested(5000, {"code": CODE})  # a secret at the bottom: never in the error
# extra_body is checked by the JSON encoder, whose C recursion limit 3.13 raised: 5,000 levels encode
# there (and are sent, as valid JSON); 100,000 run out of stack on 3.11, 3.12 and 3.13 alike.
FAR_TOO_DEEP = _nested(100_000, {"code": CODE})


@pytest.mark.parametrize(
    ("body", "options", "message"),
    [
        ({"userId": USER_ID, "state": TOO_DEEP}, None, "^startTwoFactorLogin: body field 'state' nests too deep"),
        ({"userId": USER_ID, "state": _holding_itself()}, None, "^startTwoFactorLogin: body field 'state' nests"),
        (
            {"userId": USER_ID, "state": {"list": _listed(5000, CODE)}},
            None,
            "^startTwoFactorLogin: body field 'state' nests too deep",
        ),
        (
            TwoFactorStartRequest(user_id=uuid.UUID(USER_ID), state=AnyJsonMap.from_dict({"deep": TOO_DEEP})),
            None,
            "^startTwoFactorLogin: body field 'state' nests too deep",
        ),
        ({"userId": USER_ID}, {"aFutureField": 1, "x": FAR_TOO_DEEP}, "^extra_body field 'x' nests too deep"),
        ({"userId": USER_ID}, {"x": _holding_itself()}, "^extra_body field 'x' nests too deep or refers to itself$"),
    ],
    ids=["dict", "dict holding itself", "list", "model", "extra_body", "extra_body holding itself"],
)
def test_a_body_nested_too_deep_or_holding_itself_is_refused_before_anything_is_sent(
    api: Api, server: FakeFusionAuth, body: Any, options: dict[str, Any] | None, message: str
) -> None:
    with pytest.raises(ValueError, match=message) as caught:
        api.call("start_two_factor_login", body, request_options=RequestOptions(extra_body=options or {}))
    assert str(caught.value).endswith("nests too deep or refers to itself")
    assert caught.value.__cause__ is None and caught.value.__context__ is None  # no RecursionError chained
    for text in (str(caught.value), repr(caught.value)):
        assert CODE not in text
    assert CODE.encode() not in pickle.dumps(caught.value)
    assert server.requests == []


def test_a_body_nested_deep_but_within_the_stack_is_sent(api: Api, server: FakeFusionAuth) -> None:
    deep = _nested(600, {"n": 1})
    server.reply(200, json_body=fixture_json("start_response.json"))
    api.call("start_two_factor_login", {"userId": USER_ID, "state": deep})
    server.reply(200, json_body=fixture_json("start_response.json"))
    api.call("start_two_factor_login", {"userId": USER_ID}, request_options=RequestOptions(extra_body={"x": deep}))
    assert sent_json(server.requests[0])["state"] == deep
    assert sent_json(server.requests[1])["x"] == deep
