"""Argument checks that run before anything is sent.

A bad argument raises ValueError or TypeError naming the argument, never echoing its value
(it may be a code or a token). Nothing reaches the network on a bad argument.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from ._dict_bodies import checked_json

if TYPE_CHECKING:
    import uuid

ModelT = TypeVar("ModelT")
ObjectT = TypeVar("ObjectT")

_ILLEGAL_HEADER_CHARACTERS = frozenset("\r\n\0")
# Bodies FusionAuth documents as needing one of several fields, which the spec's schemas cannot say
# without turning the generated model into a union: the start names the user by id or login id; the
# send for enabling names the kind of method to add, the send for disabling the method to remove.
# Keyed by the model's name: looking the models up here would import them with this module.
_ONE_OF_REQUIRED: dict[str, tuple[str, ...]] = {
    "TwoFactorStartRequest": ("loginId", "userId"),
    "TwoFactorSendForEnableDisableRequest": ("method", "methodId"),
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


def optional_uuid(value: object, name: str) -> str | None:
    return None if value is None else required_uuid(value, name)


# What a UUID's canonical form (FusionAuth's, and str(uuid.UUID)'s) is made of, besides its four dashes.
_LOWERCASE_HEX = frozenset("0123456789abcdef-")


@functools.cache
def _uuid_type() -> type[uuid.UUID]:
    # uuid imports platform, which compiles a dozen regexes: loaded by the first id that is not in
    # the canonical form already, not with the package.
    import uuid  # noqa: PLC0415 - see above

    return uuid.UUID


def required_uuid(value: object, name: str) -> str:
    """The canonical form (lowercase, hyphenated) of a UUID given as a `uuid.UUID` or as any form of str it takes."""
    if (
        isinstance(value, str)
        and len(value) == 36  # 32 hex digits and 4 dashes
        and value[8] == value[13] == value[18] == value[23] == "-"
        and value.count("-") == 4  # and no dash elsewhere
        and _LOWERCASE_HEX.issuperset(value)
    ):
        return value  # what str(uuid.UUID(value)) would give, without parsing it
    uuid_type = _uuid_type()
    if isinstance(value, uuid_type):
        return str(value)
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a UUID or a str, not {type(value).__name__}")
    try:
        return str(uuid_type(value))
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
    elif isinstance(body, model):
        checked_json(body, model, operation)  # attributes of their declared types, additional_properties documented
    else:
        raise TypeError(f"{operation}: the body must be a {model.__name__} or a dict, not {type(body).__name__}")
    _require_one_of(body, operation)
    return body  # type: ignore[return-value]


def _require_one_of(model: Any, operation: str) -> None:
    choices = _ONE_OF_REQUIRED.get(type(model).__name__)
    if choices is not None and not set(choices) & set(model.to_dict()):
        raise ValueError(f"{operation}: the body needs {' or '.join(choices)}, as FusionAuth documents")
