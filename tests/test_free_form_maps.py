"""Free-form maps (`state`, `data`, `tokens`) take a plain dict (issue 11, item 4).

The generator types such a field `AnyJsonMap | Unset`; scripts/free_form_maps.py gives it an attrs
converter, so a dict given to the model (or assigned later) is stored as the map model: reading the
field, `to_dict()`, the checks before sending and the JSON on the wire see the map model only.
"""

from __future__ import annotations

import copy as copy_module
import pickle
import runpy
import textwrap
import uuid
from pathlib import Path
from typing import Any

import attrs
import pytest
from fusionauth_two_factor_generated import models as generated_models
from support import API_KEY, USER_ID, Api, FakeFusionAuth, fixture_json
from test_examples import mypy_strict

from fusionauth_two_factor import Client, TwoFactorController
from fusionauth_two_factor.emulator import EmulatorServer
from fusionauth_two_factor.models import (
    UNSET,
    AnyJsonMap,
    EventInfo,
    LoginMetaData,
    StringMap,
    TwoFactorLoginRequest,
    TwoFactorStartRequest,
    TwoFactorStatusRequest,
    UserRegistration,
)

HOOK = Path(__file__).resolve().parent.parent / "scripts" / "free_form_maps.py"
MAPS: dict[str, type[Any]] = {"AnyJsonMap": AnyJsonMap, "StringMap": StringMap}
STATE = {"next": "/pay", "cart": {"items": [1, 2.5, None, True]}}


def map_fields() -> list[tuple[type[Any], str, type[Any]]]:
    """Every `<map model> | Unset` field of every generated model: (model, field name, map model)."""
    found = []
    for name in generated_models.__all__:
        model = getattr(generated_models, name)
        if attrs.has(model):
            for field in attrs.fields(model):
                kind, _, rest = str(field.type).partition(" | ")
                if kind in MAPS and rest == "Unset":
                    found.append((model, field.name, MAPS[kind]))
    return found


MAP_FIELDS = map_fields()


def test_the_free_form_map_fields_are_found() -> None:
    names = {f"{model.__name__}.{field}" for model, field, _ in MAP_FIELDS}
    assert {"TwoFactorStartRequest.state", "LoginMetaData.data", "EventInfo.data", "UserRegistration.tokens"} <= names
    assert len(names) == 9  # state twice (start request, login response), data six times, tokens once


@pytest.mark.parametrize(("model", "name", "kind"), MAP_FIELDS, ids=lambda value: getattr(value, "__name__", value))
def test_every_free_form_map_field_converts_a_dict_in_init_and_on_assignment(
    model: type[Any], name: str, kind: type[Any]
) -> None:
    given = {"a": "b", "c": "d"}
    converter = attrs.fields_dict(model)[name].converter  # what __init__ runs
    assert callable(converter)
    assert converter(given).to_dict() == given
    instance = object.__new__(model)  # without the other fields' required values
    setattr(instance, name, given)
    stored = getattr(instance, name)
    assert isinstance(stored, kind)
    assert stored.to_dict() == given
    assert converter(UNSET) is UNSET
    assert converter(stored) is stored


def test_a_request_model_takes_a_dict_and_to_dict_gives_it_back() -> None:
    request = TwoFactorStartRequest(user_id=uuid.UUID(USER_ID), state=STATE)
    assert isinstance(request.state, AnyJsonMap)
    assert request.state["next"] == "/pay"
    assert request.to_dict() == {"userId": USER_ID, "state": STATE}
    assert TwoFactorStartRequest.from_dict(request.to_dict()) == request
    # Nested maps too, in the bodies of the login and the status call.
    login = TwoFactorLoginRequest(two_factor_id="id", code="123456", meta_data=LoginMetaData(data={"k": [1]}))
    assert login.to_dict()["metaData"] == {"data": {"k": [1]}}
    status = TwoFactorStatusRequest(user_id=uuid.UUID(USER_ID), event_info=EventInfo(data={"k": {"x": None}}))
    assert status.to_dict()["eventInfo"] == {"data": {"k": {"x": None}}}
    assert UserRegistration(tokens={"idp": "token"}).to_dict()["tokens"] == {"idp": "token"}


def test_a_map_model_or_unset_is_kept_as_it_is() -> None:
    state = AnyJsonMap.from_dict(STATE)
    assert TwoFactorStartRequest(state=state).state is state
    assert TwoFactorStartRequest().state is UNSET
    assert "state" not in TwoFactorStartRequest(user_id=uuid.UUID(USER_ID)).to_dict()


def test_assigning_a_dict_after_init_converts_it_too() -> None:
    request = TwoFactorStartRequest(user_id=uuid.UUID(USER_ID))
    setattr(request, "state", {"next": "/settings"})  # noqa: B010 (mypy types the attribute as AnyJsonMap | Unset)
    assert isinstance(request.state, AnyJsonMap)
    assert request.to_dict()["state"] == {"next": "/settings"}


@pytest.mark.parametrize(("model", "name", "kind"), MAP_FIELDS, ids=lambda value: getattr(value, "__name__", value))
def test_a_map_field_assigned_refuses_what_init_refuses_and_copies_keep_the_map_model(
    model: type[Any], name: str, kind: type[Any]
) -> None:
    # The conversion on assignment is a property over the field's slot, not attrs' hooks (issue 15).
    instance = object.__new__(model)
    with pytest.raises(TypeError, match=r"^a free-form map field \(\w+\) takes a dict with str keys, not list$"):
        setattr(instance, name, ["secret-value"])
    with pytest.raises(AttributeError):  # nothing was stored
        getattr(instance, name)
    for field in attrs.fields(model):  # the other fields as attrs leaves them, so copies can be made
        object.__setattr__(instance, field.name, {} if field.name == "additional_properties" else UNSET)
    setattr(instance, name, {"k": "v"})
    for copy in (attrs.evolve(instance), pickle.loads(pickle.dumps(instance)), copy_module.copy(instance)):  # noqa: S301
        stored = getattr(copy, name)
        assert type(stored) is kind
        assert stored.to_dict() == {"k": "v"}
    assert type(getattr(attrs.evolve(instance, **{name: {"n": "m"}}), name)) is kind
    delattr(instance, name)
    with pytest.raises(AttributeError):
        getattr(instance, name)
    assert "__setattr__" not in vars(model)  # no Python hook that every assignment would go through


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (["next", "/pay"], "a free-form map field (AnyJsonMap) takes a dict with str keys, not list"),
        ("secret-value", "a free-form map field (AnyJsonMap) takes a dict with str keys, not str"),
        ({1: "secret-value"}, "the keys of a free-form map (AnyJsonMap) must be str, not int"),
    ],
)
def test_a_value_that_is_not_a_dict_with_str_keys_is_a_clear_type_error(value: Any, message: str) -> None:
    with pytest.raises(TypeError) as refused:
        TwoFactorStartRequest(state=value)
    assert str(refused.value) == message  # types only: the map may hold a secret


def test_a_string_map_takes_str_values_only() -> None:
    with pytest.raises(TypeError, match=r"^the values of a free-form map \(StringMap\) must be str, not int$"):
        UserRegistration(tokens={"idp": 1})  # type: ignore[dict-item]


def test_the_dict_goes_on_the_wire_as_given(api: Api, server: FakeFusionAuth) -> None:
    server.reply(200, json_body=fixture_json("start_response.json"))
    api.call("start_two_factor_login", TwoFactorStartRequest(user_id=uuid.UUID(USER_ID), state=STATE))
    assert server.last.content == (
        b'{"state":{"next":"/pay","cart":{"items":[1,2.5,null,true]}},"userId":"' + USER_ID.encode() + b'"}'
    )


@pytest.mark.parametrize(
    ("value", "refusal"),
    [
        (object(), "'state.x' must be any JSON (a str, number, bool, None, list or dict), not object"),
        (float("nan"), "'state.x' must be any JSON, not a float that is not finite"),
        (
            {"nested": [1, {2, 3}]},
            "'state.x.nested[1]' must be any JSON (a str, number, bool, None, list or dict), not set",
        ),
        ({"nested": {1: "secret-value"}}, "'state.x.nested' must be a JSON object, not a dict with a key of type int"),
    ],
)
@pytest.mark.parametrize("as_model", [True, False], ids=["model", "dict"])
def test_a_value_that_is_not_json_is_refused_before_anything_is_sent_with_its_path(
    api: Api, server: FakeFusionAuth, value: object, refusal: str, as_model: bool
) -> None:
    state = {"x": value}
    body = (
        TwoFactorStartRequest(user_id=uuid.UUID(USER_ID), state=state)
        if as_model
        else {"userId": USER_ID, "state": state}
    )
    with pytest.raises(TypeError) as refused:
        api.call("start_two_factor_login", body)
    assert str(refused.value) == f"startTwoFactorLogin: body field {refusal}"
    assert not server.requests


def test_the_state_given_to_the_start_comes_back_with_the_login(emu: EmulatorServer) -> None:
    with Client(emu.base_url, api_key=emu.api_key) as client:
        two_factor = TwoFactorController(client)
        user_id = uuid.UUID(emu.user("mfa").id)
        start = two_factor.start_two_factor_login(TwoFactorStartRequest(user_id=user_id, state=STATE))
        done = two_factor.two_factor_login(
            TwoFactorLoginRequest(two_factor_id=start.result.two_factor_id, code=emu.totp_code("mfa"))
        )
    assert not done.password_change_required
    assert isinstance(done.result.state, AnyJsonMap)
    assert done.result.state.to_dict() == STATE
    assert API_KEY not in repr(done)


def test_mypy_strict_accepts_a_dict_where_a_free_form_map_goes(tmp_path: Path) -> None:
    (tmp_path / "maps.py").write_text(
        textwrap.dedent(
            """\
            import uuid

            from fusionauth_two_factor.models import (
                AnyJsonMap,
                EventInfo,
                LoginMetaData,
                TwoFactorStartRequest,
                Unset,
                UserRegistration,
            )

            request = TwoFactorStartRequest(user_id=uuid.uuid4(), state={"next": "/pay"})
            meta = LoginMetaData(data={"device": {"trusted": True}, "attempt": 1})
            event = EventInfo(data={"reason": None})
            registration = UserRegistration(tokens={"idp": "token"})
            state: AnyJsonMap | Unset = request.state  # reading stays typed as the map model
            if request.state:
                print(request.state["next"], meta.to_dict(), event.to_dict(), registration.to_dict())
            """
        ),
        encoding="utf-8",
    )
    checked = mypy_strict(tmp_path, ["maps.py"])
    assert checked.returncode == 0, checked.stdout + checked.stderr


def run_hook(package: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """The hook's exit status and stderr, run in-process (scripts/ is not a package)."""
    status = runpy.run_path(str(HOOK))["main"]([str(package)])
    return status, capsys.readouterr().err


def test_the_hook_fails_when_it_finds_no_map_field_or_one_it_does_not_convert(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    models = tmp_path / "models"
    models.mkdir()
    map_module = "from collections.abc import Mapping\n\nT = TypeVar('T')\n\n\nclass {name}:\n    pass\n"
    for module, name in [("any_json_map", "AnyJsonMap"), ("string_map", "StringMap")]:
        (models / f"{module}.py").write_text(map_module.format(name=name))
    (models / "event.py").write_text("from ..types import UNSET, Unset\n\nclass Event:\n    data: AnyJsonMap\n")
    status, stderr = run_hook(tmp_path, capsys)
    assert status == 1
    assert "event.py: a map field in a form this hook does not convert: data: AnyJsonMap" in stderr
    assert "no `AnyJsonMap | Unset` field to convert" in stderr
    assert "no `StringMap | Unset` field to convert" in stderr
