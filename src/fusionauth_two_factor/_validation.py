"""Argument checks that run before anything is sent.

A bad argument raises ValueError or TypeError naming the argument, never echoing its value
(it may be a code or a token). Nothing reaches the network on a bad argument.
"""

from __future__ import annotations

import functools
import types
import typing
import uuid
from collections.abc import Mapping
from typing import Any, TypeVar

import attrs
from fusionauth_two_factor_generated import models as generated_models
from fusionauth_two_factor_generated.types import UNSET

from ._dict_bodies import checked_json

ModelT = TypeVar("ModelT")
ObjectT = TypeVar("ObjectT")

_ILLEGAL_HEADER_CHARACTERS = frozenset("\r\n\0")
# Bodies FusionAuth documents as needing one of several fields, which the spec's schemas cannot say
# without turning the generated model into a union: the start names the user by id or login id; the
# send for enabling names the kind of method to add, the send for disabling the method to remove.
_ONE_OF_REQUIRED: dict[type[Any], tuple[str, ...]] = {
    generated_models.TwoFactorStartRequest: ("loginId", "userId"),
    generated_models.TwoFactorSendForEnableDisableRequest: ("method", "methodId"),
}


def http_object(value: ObjectT, expected: type[ObjectT], name: str) -> ObjectT:
    """`value`, when it is the httpx2 object (`httpx2.Client`, `httpx2.AsyncClient`) an argument takes."""
    if isinstance(value, expected):
        return value
    reject_legacy_httpx(value, expected, name)
    raise TypeError(f"{name} must be an httpx2.{expected.__name__}, not {type(value).__name__}")


def reject_legacy_httpx(value: object, expected: type[Any], name: str) -> None:
    """A TypeError that says how to migrate, when `value` comes from the legacy `httpx` package.

    httpx2 is httpx's continuation with the same API, so an `httpx.Client` or `httpx.Timeout` is an
    easy mistake that would otherwise fail at the first call, far from its cause. It is recognised
    by its class's module, without importing httpx (which may not be installed).
    """
    kind = type(value)
    if kind.__module__.partition(".")[0] == "httpx":
        raise TypeError(
            f"{name} is an httpx.{kind.__name__} from the legacy httpx package; this client uses httpx2, httpx's "
            f"maintained continuation with the same API: `pip install httpx2`, then `import httpx2` and pass an "
            f"httpx2.{expected.__name__}"
        )


def path_segment(value: object, name: str) -> str:
    """An id that goes into the URL path as exactly one segment.

    The generated code percent-encodes every character but lets `.` and `..` through, which
    httpx2 then resolves away: `..` as a twoFactorId would reach `/api/two-factor` instead.
    """
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    if value in {"", ".", ".."}:
        raise ValueError(f"{name} must be a non-empty id other than '.' or '..'")
    return value


def required_value(value: object, name: str) -> str:
    """A required string argument (a method id, a code): present and not blank; never echoed."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    if not value.strip():
        raise ValueError(f"{name} must not be empty")
    return value


def optional_uuid(value: object, name: str) -> uuid.UUID | None:
    return None if value is None else required_uuid(value, name)


def required_uuid(value: object, name: str) -> uuid.UUID:
    if isinstance(value, uuid.UUID):
        return value
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a UUID or a str, not {type(value).__name__}")
    try:
        return uuid.UUID(value)
    except ValueError:
        raise ValueError(f"{name} must be a UUID such as 00000000-0000-0000-0000-000000000001") from None


def header_value(value: object, name: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    if not value.strip():
        raise ValueError(f"{name} must not be empty")
    if _ILLEGAL_HEADER_CHARACTERS.intersection(value) or not value.isprintable():
        raise ValueError(f"{name} must not contain control characters such as CR or LF")
    if not value.isascii():
        raise ValueError(f"{name} must be ASCII (HTTP header values are)")
    if value != value.strip():
        # HTTP strips the whitespace around a field value (RFC 9110, 5.5): it would not arrive as given.
        raise ValueError(f"{name} must not start or end with whitespace")
    return value


def request_body(body: object, model: type[ModelT], operation: str) -> ModelT:
    """A generated request model, from the model itself or from a dict in FusionAuth's JSON shape."""
    if isinstance(body, Mapping):
        json_body = checked_json(body, model, operation)
        try:
            body = model.from_dict(json_body)  # type: ignore[attr-defined]
        except KeyError as missing:
            raise ValueError(f"{operation}: the body is missing the required field {missing}") from None
        except (TypeError, ValueError, AttributeError) as error:
            raise ValueError(f"{operation}: the body does not fit {model.__name__} ({type(error).__name__})") from None
    if not isinstance(body, model):
        raise TypeError(f"{operation}: the body must be a {model.__name__} or a dict, not {type(body).__name__}")
    check_types(body, f"{operation} body")
    # A model's additional_properties follow the rule of dict bodies: undocumented keys go through extra_body.
    checked_json(body.to_dict(), model, operation)  # type: ignore[attr-defined]
    _require_one_of(body, operation)
    return body


def _require_one_of(model: Any, operation: str) -> None:
    choices = _ONE_OF_REQUIRED.get(type(model))
    if choices is not None and not set(choices) & set(model.to_dict()):
        raise ValueError(f"{operation}: the body needs {' or '.join(choices)}, as FusionAuth documents")


Check = typing.Callable[[object], bool]


@functools.cache
def _field_checks(model: type[Any]) -> tuple[tuple[str, Check], ...]:
    """One compiled type check per field of a generated model, built once per class.

    Request bodies are checked on every call, so the checks are compiled from the type hints once
    rather than interpreting the hints each time. The generated modules import nested models under
    TYPE_CHECKING only, so the hints are resolved against the models package.
    """
    hints = typing.get_type_hints(model, localns=vars(generated_models))
    return tuple(
        (field.name, _check_for(hints[field.name]))
        for field in attrs.fields(model)
        if field.name != "additional_properties"
    )


@functools.cache
def _check_for(hint: Any) -> Check:
    origin = typing.get_origin(hint)
    if origin in {typing.Union, types.UnionType}:
        options = [_check_for(option) for option in typing.get_args(hint)]
        return lambda value: any(check(value) for check in options)
    if origin is list:
        (item_hint,) = typing.get_args(hint)
        item_check = _check_for(item_hint)
        return lambda value: isinstance(value, list) and all(item_check(item) for item in value)
    if origin is dict:
        return lambda value: isinstance(value, dict)
    if hint is Any:
        return lambda value: True
    if hint in {int, float}:
        # bool is an int to Python but not a number to FusionAuth; an int is a valid JSON number.
        accepted = int if hint is int else (int, float)
        return lambda value: isinstance(value, accepted) and not isinstance(value, bool)
    return lambda value: isinstance(value, hint)


def check_types(model: Any, where: str) -> None:
    for name, check in _field_checks(model.__class__):
        value = getattr(model, name)
        if value is UNSET:
            continue  # most fields of a request are absent: nothing to check
        if not check(value):
            raise TypeError(f"{where}: field {name!r} has the wrong type ({type(value).__name__})")
        if isinstance(value, list):
            for index, item in enumerate(value):
                if attrs.has(type(item)):
                    check_types(item, f"{where}.{name}[{index}]")
        elif attrs.has(type(value)):
            check_types(value, f"{where}.{name}")
