"""Typed access to a decoded JSON request body.

Unknown fields are ignored. Like FusionAuth's JSON binding, a number is accepted where a string is expected
(``"code": 123456`` reads as ``"123456"``) and ``"true"``/``"false"`` where a boolean is expected; any other
wrong JSON type is answered like FusionAuth answers a body it cannot bind: 400 with the general error
``[invalidJSON]``.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from .errors import ApiError, ErrorsBuilder, blank

__all__ = ["Body", "invalid_json", "is_uuid", "parse_body"]


def invalid_json(detail: str) -> ApiError:
    return ApiError.general("invalidJSON", f"Invalid JSON in the request body. {detail}")


def is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


# Deeper bodies are refused before any handler walks them (FusionAuth's Jackson refuses beyond its own limit).
MAX_JSON_DEPTH = 64


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")  # NaN, Infinity and -Infinity: Python's extension, not JSON


def _depth(value: Any) -> int:
    """How deeply arrays and objects nest in ``value`` (iteratively: a deep body must not exhaust the stack)."""
    deepest, pending = 0, [(value, 1)]
    while pending:
        item, depth = pending.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else None
        if children is not None:
            deepest = max(deepest, depth)
            pending.extend((child, depth + 1) for child in children)
    return deepest


def parse_body(raw: bytes) -> Body:
    """Decode a request body; an empty body is an empty object."""
    if not raw.strip():
        return Body({})
    try:
        data = json.loads(raw, parse_constant=_refuse_constant)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise invalid_json("The body could not be parsed.") from None
    if not isinstance(data, dict):
        raise invalid_json("The body must be a JSON object.")
    if _depth(data) > MAX_JSON_DEPTH:
        raise invalid_json(f"The body nests deeper than {MAX_JSON_DEPTH} levels.")
    return Body(data)


class Body:
    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data

    def string(self, name: str) -> str | None:
        """A string field; blank strings count as absent."""
        value = self.data.get(name)
        if value is None:
            return None
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            raise invalid_json(f"The property [{name}] must be a string.")
        return value if value.strip() else None

    def required(self, name: str, errors: ErrorsBuilder) -> str | None:
        """A string field that must be present: records ``[blank]name`` in ``errors`` when it is absent."""
        value = self.string(name)
        if value is None:
            errors.field(name, "blank", blank(name))
        return value

    def boolean(self, name: str) -> bool:
        value = self.data.get(name)
        if value is None:
            return False
        if isinstance(value, str) and value in ("true", "false"):
            return value == "true"
        if not isinstance(value, bool):
            raise invalid_json(f"The property [{name}] must be a boolean.")
        return value

    def obj(self, name: str) -> dict[str, Any] | None:
        value = self.data.get(name)
        if value is None:
            return None
        if not isinstance(value, dict):
            raise invalid_json(f"The property [{name}] must be an object.")
        return value

    def strings(self, name: str) -> list[str] | None:
        value = self.data.get(name)
        if value is None:
            return None
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise invalid_json(f"The property [{name}] must be an array of strings.")
        return value
