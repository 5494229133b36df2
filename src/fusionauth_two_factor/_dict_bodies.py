"""Dict bodies checked like the models they become, before anything is sent.

A dict body is FusionAuth's JSON: every key must be one the model documents (a typo such as
`trustComptuer` would travel as a field FusionAuth ignores, so it is refused with the closest
documented name), and every value must fit the declared type, nested objects included, with the
JSON path in the message (`metaData.device.name`). What the models hand out is taken back: a
`uuid.UUID` is sent as FusionAuth's lowercase canonical string. Values are never echoed.

Each model's JSON names and value checks are compiled once per class: bodies are checked on every call.
"""

from __future__ import annotations

import difflib
import enum
import functools
import types
import typing
import uuid
from collections.abc import Callable, Mapping
from typing import Any

import attrs
from fusionauth_two_factor_generated import models as generated_models
from fusionauth_two_factor_generated.types import Unset

# Turns one JSON value into what the model's from_dict takes, or raises _Mismatch.
Convert = Callable[[object, str], object]


class _Mismatch(Exception):
    """A value that does not fit the declared type: `path` names it, `expected` says what fits."""

    def __init__(self, path: str, expected: str, found: object, found_text: str | None = None) -> None:
        super().__init__(path)
        self.path = path
        self.expected = expected
        self.found = found_text or type(found).__name__


@attrs.frozen
class _Shape:
    """A model's JSON form: its documented keys, each with its Python name and value check."""

    fields: Mapping[str, tuple[str, Convert]]
    python_to_json: Mapping[str, str]
    free_values: Convert | None  # a free-form map (no documented keys): the check of every value


def checked_json(body: Mapping[str, Any], model: type[Any], operation: str) -> dict[str, Any]:
    """`body` with its keys and values checked against `model`, UUIDs in FusionAuth's string form."""
    try:
        return _convert_object(_shape(model), body, "")
    except _Mismatch as mismatch:
        raise TypeError(
            f"{operation}: body field {mismatch.path!r} must be {mismatch.expected}, not {mismatch.found}"
        ) from None
    except (TypeError, ValueError) as error:  # an unknown key or a key that is not a str
        raise type(error)(f"{operation}: {error}") from None


def with_extra_body(
    body: dict[str, Any] | None, extra: Mapping[str, Any], model: type[Any] | None, operation: str
) -> dict[str, Any]:
    """The JSON body with `RequestOptions.extra_body` merged in: fields newer than this client's spec."""
    if body is None or model is None:
        raise ValueError(f"{operation}: this call sends no JSON body, so extra_body cannot be sent")
    documented = sorted(_shape(model).fields.keys() & extra.keys())
    if documented:
        raise ValueError(
            f"{operation}: extra_body is for fields the spec does not document; {', '.join(documented)} "
            "belongs in the body itself, where it is checked"
        )
    return {**body, **extra}


def _convert_object(shape: _Shape, value: Mapping[str, Any], prefix: str) -> dict[str, Any]:
    converted: dict[str, Any] = {}
    for key, item in value.items():
        if not isinstance(key, str):
            raise TypeError(f"body keys must be str, not {type(key).__name__} (at {prefix or 'the top level'})")
        path = f"{prefix}{key}"
        if shape.free_values is not None:
            converted[key] = shape.free_values(item, path)
            continue
        entry = shape.fields.get(key)
        if entry is None:
            raise ValueError(_unknown_key_message(shape, key, prefix))
        converted[key] = entry[1](item, path)
    return converted


def _unknown_key_message(shape: _Shape, key: str, prefix: str) -> str:
    if key in shape.python_to_json:
        return (
            f"body key {prefix + key!r} is a Python attribute name; dict bodies use FusionAuth's JSON (camelCase) "
            f"names, as in its documentation: {prefix + shape.python_to_json[key]!r}"
        )
    close = difflib.get_close_matches(key, shape.fields, n=1, cutoff=0.6)
    hint = f"did you mean {prefix + close[0]}?" if close else f"documented: {', '.join(sorted(shape.fields))}"
    return (
        f"unknown body field {prefix + key!r} ({hint}); a field newer than this client's spec can be sent with "
        "RequestOptions(extra_body=...)"
    )


_SHAPES: dict[type[Any], _Shape] = {}


def _shape(model: type[Any]) -> _Shape:
    """The model's shape, built on first use (a race builds it twice, the same both times)."""
    shape = _SHAPES.get(model)
    if shape is None:
        shape = _SHAPES[model] = _build_shape(model)
    return shape


def _build_shape(model: type[Any]) -> _Shape:
    hints = typing.get_type_hints(model, localns=vars(generated_models))
    declared = [field.name for field in attrs.fields(model) if field.name != "additional_properties"]
    if not declared:
        (value_hint,) = typing.get_args(hints["additional_properties"])[1:]
        return _Shape(fields={}, python_to_json={}, free_values=_converter(value_hint))
    names = _json_names(model, declared)
    return _Shape(
        fields={names[name]: (name, _converter(hints[name])) for name in declared},
        python_to_json=names,
        free_values=None,
    )


class _Probe(str):
    """Stands in for every kind of field value, so that `to_dict` shows the JSON key of each field.

    The generated `to_dict` turns a field into JSON with `str()`, `.to_dict()`, `.value` or by
    iterating over it, and keys it by its JSON name: a probe survives each of these as its own text.
    """

    def to_dict(self) -> str:
        return str(self)

    @property
    def value(self) -> str:
        return str(self)

    def __iter__(self) -> typing.Iterator[str]:
        yield self


def _json_names(model: type[Any], declared: list[str]) -> dict[str, str]:
    instance = object.__new__(model)
    for name in declared:
        object.__setattr__(instance, name, _Probe(f"\0{name}"))
    object.__setattr__(instance, "additional_properties", {})
    names: dict[str, str] = {}
    for key, value in instance.to_dict().items():
        text = value[0] if isinstance(value, list) else value
        names[str(text).removeprefix("\0")] = key
    if sorted(names) != sorted(declared):
        raise RuntimeError(f"cannot tell the JSON names of {model.__name__}'s fields")
    return names


@functools.cache
def _converter(hint: Any) -> Convert:
    origin = typing.get_origin(hint)
    if origin in {typing.Union, types.UnionType}:
        return _union([option for option in typing.get_args(hint) if option is not Unset])
    if origin is list:
        (item_hint,) = typing.get_args(hint)
        return _list(_converter(item_hint))
    if origin is dict or hint is Any:
        return _any_json
    if attrs.has(hint):
        return _model(hint)
    return _leaf(hint)


def _leaf(hint: Any) -> Convert:
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return _enum(hint)
    if hint is uuid.UUID:
        return _uuid
    return _scalar(hint)


def _union(options: list[Any]) -> Convert:
    if len(options) == 1:  # `X | Unset`: a present value is an X, and the X says what is wrong with it
        return _converter(options[0])
    converters = [_converter(option) for option in options]
    expected = " or ".join(_describe(option) for option in options)

    def convert(value: object, path: str) -> object:
        for converter in converters:
            try:
                return converter(value, path)
            except _Mismatch as mismatch:
                if mismatch.path != path:
                    raise  # the value was of this kind but something inside it is wrong: say where
        raise _Mismatch(path, expected, value)

    return convert


def _list(item: Convert) -> Convert:
    def convert(value: object, path: str) -> object:
        if not isinstance(value, list | tuple):
            raise _Mismatch(path, "a list", value)
        return [item(element, f"{path}[{index}]") for index, element in enumerate(value)]

    return convert


def _any_json(value: object, path: str) -> object:
    return value


def _model(model: type[Any]) -> Convert:
    def convert(value: object, path: str) -> object:
        if isinstance(value, model):
            return value.to_dict()
        if not isinstance(value, Mapping):
            raise _Mismatch(path, _describe(model), value)
        return _convert_object(_shape(model), value, f"{path}.")

    return convert


def _enum(kind: type[enum.Enum]) -> Convert:
    values = [member.value for member in kind]

    def convert(value: object, path: str) -> object:
        if isinstance(value, kind):
            return value.value
        if value not in values:  # a str that is not a member, or not a str at all
            raise _Mismatch(path, _describe(kind), value)
        return value

    return convert


def _uuid(value: object, path: str) -> object:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, str):
        try:
            return str(uuid.UUID(value))
        except ValueError:
            raise _Mismatch(path, _describe(uuid.UUID), value, "a str that is not a UUID") from None
    raise _Mismatch(path, _describe(uuid.UUID), value)


def _scalar(kind: type[Any]) -> Convert:
    # bool is an int to Python but not a number to FusionAuth; an int is a valid JSON number.
    accepted: tuple[type[Any], ...] = (int, float) if kind is float else (kind,)
    excluded = bool if kind in {int, float} else None

    def convert(value: object, path: str) -> object:
        if not isinstance(value, accepted) or (excluded is not None and isinstance(value, excluded)):
            raise _Mismatch(path, _describe(kind), value)
        return value

    return convert


def _describe(hint: Any) -> str:
    if attrs.has(hint):
        return f"an object ({hint.__name__})"
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return "one of " + ", ".join(repr(member.value) for member in hint)
    names = {
        str: "a str",
        int: "an integer",
        float: "a number",
        bool: "a bool",
        uuid.UUID: "a UUID or its str (00000000-0000-0000-0000-000000000001)",
    }
    return names.get(hint, f"a {getattr(hint, '__name__', hint)}")
