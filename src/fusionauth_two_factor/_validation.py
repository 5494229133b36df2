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
from fusionauth_two_factor_generated.types import Unset

ModelT = TypeVar("ModelT")

_ILLEGAL_HEADER_CHARACTERS = frozenset("\r\n\0")


def path_segment(value: object, name: str) -> str:
    """An id that goes into the URL path as exactly one segment.

    The generated code percent-encodes every character but lets `.` and `..` through, which
    httpx then resolves away: `..` as a twoFactorId would reach `/api/two-factor` instead.
    """
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    if value in {"", ".", ".."}:
        raise ValueError(f"{name} must be a non-empty id other than '.' or '..'")
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
    return value


def request_body(body: object, model: type[ModelT], operation: str) -> ModelT:
    """A generated request model, from the model itself or from a dict in FusionAuth's JSON shape."""
    if isinstance(body, Mapping):
        if not all(isinstance(key, str) for key in body):
            raise TypeError(f"{operation}: body keys must be str")
        try:
            body = model.from_dict(body)  # type: ignore[attr-defined]
        except KeyError as missing:
            raise ValueError(f"{operation}: the body is missing the required field {missing}") from None
        except (TypeError, ValueError, AttributeError) as error:
            raise ValueError(f"{operation}: the body does not fit {model.__name__} ({type(error).__name__})") from None
        _reject_python_names(body, operation)
    if not isinstance(body, model):
        raise TypeError(f"{operation}: the body must be a {model.__name__} or a dict, not {type(body).__name__}")
    _check_types(body, f"{operation} body")
    return body


def _reject_python_names(model: Any, operation: str) -> None:
    """`{"two_factor_id": ...}` would travel as an unknown field that FusionAuth silently ignores."""
    python_names = {field.name for field in attrs.fields(type(model))}
    for key in model.additional_properties:
        if key in python_names:
            raise ValueError(
                f"{operation}: body key {key!r} is a Python attribute name; dict bodies use FusionAuth's JSON "
                "(camelCase) names, as in its documentation"
            )


@functools.cache
def _type_hints(model: type[Any]) -> dict[str, Any]:
    # The generated modules import nested models under TYPE_CHECKING only; resolve them here.
    return typing.get_type_hints(model, localns=vars(generated_models))


def _check_types(model: Any, where: str) -> None:
    hints = _type_hints(model.__class__)
    for field in attrs.fields(type(model)):
        if field.name == "additional_properties":
            continue
        value = getattr(model, field.name)
        if not _matches(value, hints[field.name]):
            raise TypeError(f"{where}: field {field.name!r} has the wrong type ({type(value).__name__})")
        items = value if isinstance(value, list) else [value]
        for index, item in enumerate(items):
            if attrs.has(type(item)):
                _check_types(item, f"{where}.{field.name}" + (f"[{index}]" if items is value else ""))


def _matches(value: object, hint: Any) -> bool:  # noqa: PLR0911 - one return per kind of type
    origin = typing.get_origin(hint)
    if origin in {typing.Union, types.UnionType}:
        return any(_matches(value, option) for option in typing.get_args(hint))
    if origin is list:
        (item_hint,) = typing.get_args(hint)
        return isinstance(value, list) and all(_matches(item, item_hint) for item in value)
    if origin is dict:
        return isinstance(value, dict)
    if hint is Any:
        return True
    if hint is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if hint is Unset:
        return isinstance(value, Unset)
    return isinstance(value, hint)
