"""The check of an answer's JSON types (compiled once per model, _shapes): what it refuses, at any depth, and
what it leaves alone."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest
from support import fixture_json

from fusionauth_two_factor import _shapes
from fusionauth_two_factor._operations import TWO_FACTOR_LOGIN
from fusionauth_two_factor._parsing import parse_answer
from fusionauth_two_factor.models import LoginResponse, UserRegistration

LOGIN = fixture_json("login_response.json")


def changed(change: Callable[[dict[str, Any]], None]) -> bytes:
    login = copy.deepcopy(LOGIN)
    change(login)
    return json.dumps(login).encode()


def put(path: str, value: object) -> Callable[[dict[str, Any]], None]:
    """Sets the value at a dotted path of the login answer; a number steps into a list."""

    def change(login: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = login
        for step in parents:
            node = node[int(step)] if step.isdigit() else node[step]
        node[int(last) if last.isdigit() else last] = value

    return change


REFUSED = {
    "a top-level str is a number": put("token", 5),
    "a documented key is null": put("refreshToken", None),
    "a bool where an integer is declared": put("tokenExpirationInstant", True),
    "a list of str holds a number": put("configurableMethods", ["email", 3]),
    "a list is an object": put("configurableMethods", {"email": True}),
    "a nested model is a list": put("user", []),
    "a nested model's key": put("user.firstName", ["John"]),
    "a key of a model in a list": put("user.registrations.0.verified", "yes"),
    "a list in a model in a list": put("user.registrations.0.roles", ["admin", None]),
    "a map of str in a model in a list": put("user.registrations.0.tokens", {"Facebook": 17}),
    "an identity's key": put("user.identities.1.primary", "false"),
    "a membership's key": put("user.memberships.0.insertInstant", 1.5),
    "an open enum is a number": put("changePasswordReason", 3),
    # Inside a model built at its first read (the user and its lists): the check refuses these at the
    # call, as from_dict would have (tests/test_deferred_models.py).
    "a map of str is a list": put("user.registrations.0.tokens", ["Facebook"]),
    "a model in a list is a str": put("user.registrations", ["not an object"]),
}

FROM_DICT_REFUSES = {
    "a free-form map is a str": put("state", "x"),
}

KEPT = {
    "an undocumented key of any type": put("aFutureField", {"kept": [1, None]}),
    "an undocumented key in a nested model": put("user.registrations.0.aFutureKey", ["x", 2]),
    "any JSON in a free-form map": put("state", {"a": [True, None, 1.5, {"b": "c"}], "n": None}),
    "any JSON in a model's free-form data": put("user.data", {"x": [[]], "y": None}),
    "a number where a number is declared": put("tokenExpirationInstant", 17),
    "an unknown value of an open enum": put("changePasswordReason", "AFutureReason"),
    "an empty list": put("user.registrations", []),
}


@pytest.mark.parametrize("change", REFUSED.values(), ids=REFUSED.keys())
def test_a_value_of_an_undeclared_type_is_refused_at_any_depth(change: Callable[[dict[str, Any]], None]) -> None:
    assert parse_answer(TWO_FACTOR_LOGIN, 200, changed(change)) == (None, "TypeError")


@pytest.mark.parametrize("change", FROM_DICT_REFUSES.values(), ids=FROM_DICT_REFUSES.keys())
def test_what_from_dict_cannot_read_is_refused_before_any_check(change: Callable[[dict[str, Any]], None]) -> None:
    # dict() of a str or of a list of str: the generated parser fails first, as it always did.
    assert parse_answer(TWO_FACTOR_LOGIN, 200, changed(change)) == (None, "ValueError")


@pytest.mark.parametrize("change", KEPT.values(), ids=KEPT.keys())
def test_what_the_spec_admits_or_does_not_document_is_kept(change: Callable[[dict[str, Any]], None]) -> None:
    body = changed(change)
    parsed, failure = parse_answer(TWO_FACTOR_LOGIN, 200, body)
    assert failure is None
    assert isinstance(parsed, LoginResponse)
    assert parsed.to_dict() == json.loads(body)


@pytest.mark.parametrize("body", [b"[]", b'"login"', b"null", b'[["user", {}]]'])
def test_a_body_that_is_not_an_object_is_refused(body: bytes) -> None:
    parsed, failure = parse_answer(TWO_FACTOR_LOGIN, 200, body)
    assert parsed is None
    assert failure is not None


def test_the_message_names_the_documented_key_and_never_the_value() -> None:
    secret = "s3cr3t-token-value"
    registration = {"applicationId": "10000000-0000-0002-0000-000000000001", "username": [secret]}
    with pytest.raises(TypeError) as caught:
        _shapes.check_answer(UserRegistration, registration)
    assert str(caught.value) == "an answer's 'username' is of an undeclared type"
    assert secret not in str(caught.value)


def test_a_model_is_compiled_once() -> None:
    _shapes.check_answer(UserRegistration, {})
    compiled = _shapes._CHECKS[UserRegistration]
    _shapes.check_answer(UserRegistration, {"roles": ["a"]})
    assert _shapes._CHECKS[UserRegistration] is compiled


def test_a_union_checks_the_insides_of_the_option_its_json_type_selects() -> None:
    # No model of today's spec nests a union with insides; the check still takes the option the
    # generated from_dict would, first come first served, and looks inside it.
    code = _shapes._CheckCode(LoginResponse)  # the model whose check this is: UserRegistration is written in
    code.check_values(_shapes.kind_of(list[UserRegistration | list[str]]), "value", "undeclared")
    check: Callable[[Any], None] = code.compile()
    check([[{"roles": ["a"]}, ["b"]], []])
    for wrong in ([[{"roles": [1]}]], [[[1]]], [["x"]]):
        with pytest.raises(TypeError):
            check(wrong)


@pytest.mark.parametrize("change", REFUSED.values(), ids=REFUSED.keys())
def test_a_nested_model_checked_by_a_call_refuses_the_same(
    monkeypatch: pytest.MonkeyPatch, change: Callable[[dict[str, Any]], None]
) -> None:
    # Past a depth (or for a model that holds itself) a nested model's check is called, not written in.
    monkeypatch.setattr(_shapes, "_INLINED_DEPTH", 1)
    monkeypatch.setattr(_shapes, "_CHECKS", _shapes._Checks())
    _shapes.check_answer(LoginResponse, copy.deepcopy(LOGIN))
    with pytest.raises(TypeError):
        _shapes.check_answer(LoginResponse, json.loads(changed(change)))
