"""FusionAuth's ``Errors`` body and the exception the domain layer raises to produce an HTTP error.

Shape: ``{"fieldErrors": {"code": [{"code": "[blank]code", "message": "..."}]}, "generalErrors": [...]}``;
either key is omitted when it has no entries. Statuses other than 400 carry no body at all.
"""

from __future__ import annotations

from typing import Any

__all__ = ["ApiError", "ErrorsBuilder", "blank", "invalid"]

JsonObject = dict[str, Any]


class ErrorsBuilder:
    """Collects field and general errors in FusionAuth's wire shape."""

    def __init__(self) -> None:
        self.field_errors: dict[str, list[JsonObject]] = {}
        self.general_errors: list[JsonObject] = []

    def field(self, field: str, kind: str, message: str) -> ErrorsBuilder:
        """Add ``[kind]field`` under ``fieldErrors[field]``."""
        self.field_errors.setdefault(field, []).append({"code": f"[{kind}]{field}", "message": message})
        return self

    def general(self, name: str, message: str) -> ErrorsBuilder:
        """Add ``[name]`` to ``generalErrors``."""
        self.general_errors.append({"code": f"[{name}]", "message": message})
        return self

    def __bool__(self) -> bool:
        return bool(self.field_errors or self.general_errors)

    def to_json(self) -> JsonObject:
        body: JsonObject = {}
        if self.field_errors:
            body["fieldErrors"] = self.field_errors
        if self.general_errors:
            body["generalErrors"] = self.general_errors
        return body

    def raise_if_any(self) -> None:
        if self:
            raise ApiError(400, self)


class ApiError(Exception):
    """An HTTP error answer. ``errors`` is only sent for 400; every other status has an empty body."""

    def __init__(self, status: int, errors: ErrorsBuilder | None = None) -> None:
        super().__init__(status)
        self.status = status
        self.errors = errors

    @classmethod
    def bad_request(cls, errors: ErrorsBuilder) -> ApiError:
        return cls(400, errors)

    @classmethod
    def general(cls, name: str, message: str) -> ApiError:
        return cls(400, ErrorsBuilder().general(name, message))

    @classmethod
    def field(cls, field: str, kind: str, message: str) -> ApiError:
        return cls(400, ErrorsBuilder().field(field, kind, message))

    def __repr__(self) -> str:
        return f"ApiError(status={self.status}, errors={self.errors.to_json() if self.errors else None})"


def blank(field: str) -> str:
    """The message FusionAuth-style validation uses for a missing required field."""
    return f"You must specify the [{field}] property."


def invalid(field: str, detail: str = "") -> str:
    """The message for a present but unacceptable field."""
    return f"The [{field}] property is not valid.{(' ' + detail) if detail else ''}"
