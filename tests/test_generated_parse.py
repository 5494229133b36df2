"""The generated from_dict's cost per call (issue 15; templates/model.py.jinja and
templates/property_templates/): no import statement and no function definition on each call, while
the nested models are still imported lazily, at a model's first from_dict."""

from __future__ import annotations

import builtins
import json
import subprocess
import sys
import types
from typing import Any

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
