"""An answer's body as the model the spec declares for its status, its JSON types checked."""

from __future__ import annotations

import json
from typing import Any

import attrs
from fusionauth_two_factor_generated.client import Client as GeneratedClient

from ._operations import Operation
from ._shapes import check_answer

# The generated parsers only read `raise_on_unexpected_status` from their client argument; this one
# never opens a connection.
_PARSING_CLIENT = GeneratedClient(base_url="")
# What a generated parser raises on a body that is not the declared JSON: bad JSON (ValueError),
# wrong types, missing required keys, or JSON nested too deep.
_PARSE_FAILURES = (ValueError, TypeError, KeyError, AttributeError, RecursionError)


class _Answer:
    """What a generated parser reads of an answer: its status, its content and its JSON.

    The JSON is decoded at most once (a status without a model never decodes it) and kept, so
    that it can be checked against the model built from it; it is what httpx2's Response.json()
    gives, without building a Response.
    """

    __slots__ = ("content", "decoded", "status_code")

    def __init__(self, status_code: int, content: bytes) -> None:
        self.status_code = status_code
        self.content = content
        self.decoded: object = None

    def json(self) -> Any:
        self.decoded = json.loads(self.content)
        return self.decoded


def parse_answer(operation: Operation[Any], status_code: int, content: bytes) -> tuple[object, str | None]:
    """The declared model for this status, or None; with the reason when a body failed to parse."""
    if not content:
        return None, None
    answer = _Answer(status_code, content)  # decoded already: no headers
    try:
        parsed = operation.parse_response(client=_PARSING_CLIENT, response=answer)
        if attrs.has(type(parsed)):
            # The generated from_dict casts without checking: `"recoveryCodes": "X"` would be a str
            # where the result's type says list[str].
            check_answer(type(parsed), answer.decoded)
        return parsed, None
    except _PARSE_FAILURES as failure:
        return None, type(failure).__name__
