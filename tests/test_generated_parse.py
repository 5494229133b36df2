"""The generated from_dict's cost per call (issue 15; templates/model.py.jinja and
templates/property_templates/): no import statement and no function definition on each call, while
the nested models are still imported lazily, at a model's first from_dict."""

from __future__ import annotations

import ast
import builtins
import inspect
import json
import pickle
import subprocess
import sys
import textwrap
import types
import uuid
from typing import Any, cast

import pytest
from fusionauth_two_factor_generated import models
from support import fixture_json

PACKAGE = "fusionauth_two_factor_generated"
MODELS = [getattr(models, name) for name in models.__all__ if hasattr(getattr(models, name), "from_dict")]


def test_a_parse_after_the_first_runs_no_import(monkeypatch: pytest.MonkeyPatch) -> None:
    data = fixture_json("login_response.json")
    models.LoginResponse.from_dict(data)
    imported: list[str] = []
    real_import = builtins.__import__

    def recording_import(name: str, *args: Any, **kwargs: Any) -> types.ModuleType:
        imported.append(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", recording_import)
    parsed = models.LoginResponse.from_dict(data)
    monkeypatch.undo()
    assert imported == []
    assert parsed.to_dict() == data


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_from_dict_defines_no_function_per_call(model: Any) -> None:
    code = model.from_dict.__func__.__code__
    assert not [const for const in code.co_consts if isinstance(const, types.CodeType)]


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_from_dict_passes_each_field_in_the_place_the_class_takes_it(model: Any) -> None:
    """from_dict calls its own class with positional arguments (cheaper than keywords): each variable
    must be the one of the field in that place, or two fields of a type would swap silently. A
    subclass gets the same variables by keyword."""
    import attrs  # noqa: PLC0415

    source = textwrap.dedent(inspect.getsource(model.from_dict))
    calls = [
        node
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "cls"
    ]
    fields = [field.name for field in attrs.fields(model) if field.init]
    if not fields:
        assert [(call.args, call.keywords) for call in calls] == [([], [])]
        return
    positional, by_keyword = calls
    assert not positional.keywords
    assert [argument.id for argument in positional.args if isinstance(argument, ast.Name)] == fields
    assert not by_keyword.args
    assert [(keyword.arg, cast(ast.Name, keyword.value).id) for keyword in by_keyword.keywords] == [
        (name, name) for name in fields
    ]


def test_a_subclass_that_declares_a_field_again_gets_each_value_in_its_own_field() -> None:
    import attrs  # noqa: PLC0415

    @attrs.define
    class Mine(models.TwoFactorMethod):
        email: str = "default"  # attrs moves it to the end of Mine's __init__

    method = Mine.from_dict({"id": "ID", "email": "a@b.c", "method": "email", "name": "N"})
    assert type(method) is Mine
    assert (method.id, method.email, method.method, method.name) == ("ID", "a@b.c", "email", "N")


def test_a_model_built_from_distinct_values_keeps_each_in_its_own_field() -> None:
    data = {"code": "[blank]user.email", "message": "You must specify the email.", "data": {"k": 1}}
    error = models.Error.from_dict(data)
    assert (error.code, error.message) == ("[blank]user.email", "You must specify the email.")
    assert isinstance(error.data, models.AnyJsonMap)
    assert error.data.to_dict() == {"k": 1}
    config = models.AuthenticatorConfiguration.from_dict({"algorithm": "HmacSHA1", "codeLength": 6, "timeStep": 30})
    assert (config.code_length, config.time_step) == (6, 30)


def test_the_nested_models_are_imported_at_the_first_parse_not_with_the_model() -> None:
    login = json.dumps(fixture_json("login_response.json"))
    code = (
        "import json, sys\n"
        f"from {PACKAGE}.models.login_response import LoginResponse\n"
        f"before = '{PACKAGE}.models.user' in sys.modules\n"
        f"data = json.loads({login!r})\n"
        "parsed = LoginResponse.from_dict(json.loads(json.dumps(data)))\n"
        f"print(json.dumps([before, '{PACKAGE}.models.user' in sys.modules, parsed.to_dict() == data]))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)  # noqa: S603
    assert json.loads(run.stdout) == [False, True, True]


@pytest.mark.parametrize("member", list(models.AuthenticationThreatsValue), ids=str)
def test_an_open_enum_value_is_its_member_and_an_unknown_value_stays_a_str(member: Any) -> None:
    # from_dict looks the value up in the enum's value map before calling the class (issue 15).
    data = fixture_json("login_response.json")
    data["threatsDetected"] = [member.value, "AFutureThreat"]
    data["changePasswordReason"] = "Breached"
    parsed = models.LoginResponse.from_dict(data)
    assert isinstance(parsed.threats_detected, list)
    known, unknown = parsed.threats_detected
    assert known is member
    assert (type(unknown), unknown) == (str, "AFutureThreat")
    assert parsed.change_password_reason is models.ChangePasswordReasonValue.BREACHED
    assert parsed.to_dict() == data


UUID_TEXTS = [
    "00000000-0000-0002-0000-000000000000",
    "2B1E2BD8-6F8E-4F41-BC7D-5A8E4B6AC8B2",
    "2b1e2bd86f8e4f41bc7d5a8e4b6ac8b2",
    "{2b1e2bd8-6f8e-4f41-bc7d-5a8e4b6ac8b2}",
    "urn:uuid:2b1e2bd8-6f8e-4f41-bc7d-5a8e4b6ac8b2",
    "2b1e2bd8-6f8e-4f41-bc7d-5a8e4b6ac8b",
    "2b1e2bd8-6f8e-4f41-bc7d-5a8e4b6ac8b2a",
    "zb1e2bd8-6f8e-4f41-bc7d-5a8e4b6ac8b2",
    "+b1e2bd8-6f8e-4f41-bc7d-5a8e4b6ac8b2",
    " b1e2bd8-6f8e-4f41-bc7d-5a8e4b6ac8b2",
    "2_1e2bd8-6f8e-4f41-bc7d-5a8e4b6ac8b2",
    "--------------------------------",
    "",
]


@pytest.mark.parametrize("value", [*UUID_TEXTS, 5, None, ["x"], {"a": 1}, 1.5, True], ids=repr)
def test_a_uuid_is_what_uuid_uuid_makes_of_the_value_or_the_same_error(value: object) -> None:
    # from_dict reads a UUID without UUID.__init__ when the text is 32 hex digits and hyphens (issue 15).
    try:
        expected: object = uuid.UUID(value)  # type: ignore[arg-type]
    except Exception as error:  # the very error from_dict must raise
        with pytest.raises(type(error)):
            models.UserRegistration.from_dict({"id": value})
        return
    parsed = models.UserRegistration.from_dict({"id": value, "applicationId": value}).id
    assert type(parsed) is uuid.UUID
    assert parsed == expected
    assert (parsed.int, parsed.is_safe, str(parsed), hash(parsed)) == (
        expected.int,  # type: ignore[attr-defined]
        expected.is_safe,  # type: ignore[attr-defined]
        str(expected),
        hash(expected),
    )
    assert pickle.loads(pickle.dumps(parsed)) == expected  # noqa: S301 - the test's own bytes


@pytest.mark.parametrize("model", [models.AnyJsonMap, models.StringMap], ids=lambda model: model.__name__)
@pytest.mark.parametrize("source", [{"a": "1"}, [("a", "1")], "x", 5, None, [("a",)]], ids=repr)
def test_a_map_model_reads_what_dict_reads_and_refuses_what_it_refuses(model: Any, source: Any) -> None:
    # A map model's from_dict reads src_dict with update(), without first copying it with dict() (issue 15).
    try:
        expected = dict(source)
    except Exception as error:  # the very error from_dict must raise
        with pytest.raises(type(error)):
            model.from_dict(source)
        return
    parsed = model.from_dict(source)
    assert parsed.to_dict() == expected
    assert parsed.additional_properties is not source
