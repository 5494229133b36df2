"""An answer's body as the model the spec declares for its status, its JSON types checked."""

from __future__ import annotations

from typing import Any

import attrs
import httpx2
from fusionauth_two_factor_generated.client import Client as GeneratedClient

from ._operations import Operation
from ._validation import check_types

# The generated parsers only read `raise_on_unexpected_status` from their client argument; this one
# never opens a connection.
_PARSING_CLIENT = GeneratedClient(base_url="")
# What a generated parser raises on a body that is not the declared JSON: bad JSON (ValueError),
# wrong types, missing required keys, or JSON nested too deep.
_PARSE_FAILURES = (ValueError, TypeError, KeyError, AttributeError, RecursionError)


def parse_answer(operation: Operation[Any], status_code: int, content: bytes) -> tuple[object, str | None]:
    """The declared model for this status, or None; with the reason when a body failed to parse."""
    if not content:
        return None, None
    response = httpx2.Response(status_code, content=content)  # decoded already: no headers
    try:
        parsed = operation.parse_response(client=_PARSING_CLIENT, response=response)
        if attrs.has(type(parsed)):
            # The generated from_dict casts without checking: `"recoveryCodes": "X"` would be a str
            # where the result's type says list[str].
            check_types(parsed, f"{operation.name} response")
        return parsed, None
    except _PARSE_FAILURES as failure:
        return None, type(failure).__name__
