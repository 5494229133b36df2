"""An answer's body as the model the spec declares for its status, its JSON types checked."""

from __future__ import annotations

import contextlib
import functools
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ._operations import Operation
from ._shapes import check_answer

if TYPE_CHECKING:
    from fusionauth_two_factor_generated.client import Client as GeneratedClient

# What a generated parser raises on a body that is not the declared JSON: bad JSON (ValueError),
# wrong types, missing required keys, or JSON nested too deep.
_PARSE_FAILURES = (ValueError, TypeError, KeyError, AttributeError, RecursionError)

# json.loads(bytes) detects the encoding, decodes with surrogatepass, then runs the decoder's
# Python wrapper (a regex for the whitespace on each side) around the C scanner: on a small answer
# that is half its time. A decoder configured as json.loads' own (no hooks) scans here directly.
_scan_once: Callable[[str, int], tuple[Any, int]] = json.JSONDecoder().scan_once  # type: ignore[attr-defined]


def _optional_decoder() -> Callable[[bytes], Any] | None:
    """orjson's loads when the `speedups` extra installed it: it reads a 10 KB login answer in about half the time."""
    try:
        import orjson  # noqa: PLC0415 - optional; this module itself loads at the first answer
    except ImportError:
        return None
    return orjson.loads


_decode_fast = _optional_decoder()
# Where orjson would not read as json.loads does, the content is left to json.loads:
# - orjson reads an integer beyond 64 bits as a float (json.loads: the int). Only an integer of 19
#   digits or more can be beyond them: content with a run of 19 digits anywhere (in a string too);
# - json.loads fails on nesting deep enough to exhaust the interpreter's stack (RecursionError, as
#   deep as ~1000 less the frames of the caller on 3.11), orjson only beyond 1024: content with more
#   than 500 brackets, which could be nested that deep (FusionAuth's answers hold a few dozen).
# One pass of `translate` (digits as 0, brackets as [, the rest as spaces) shows both; on a 10 KB
# answer that costs about a third of what orjson saves.
_SHAPE = bytes(0x30 if 0x30 <= byte <= 0x39 else 0x5B if byte in b"[{" else 0x20 for byte in range(256))
_NINETEEN_DIGITS = b"0" * 19
_BRACKETS_TRUSTED = 500


def loads(content: bytes) -> Any:
    """json.loads(content): the same value, and the same error for any content it refuses.

    orjson, where installed, is asked first, unless the content holds 19 digits in a row or more
    than 500 brackets: whatever it reads then, json.loads reads as the same value
    (tests/test_prepared_parsing.py compares them); what it refuses (NaN, a float beyond the
    double's range, a lone surrogate, another encoding, bad JSON) goes on to the path below, so
    that json.loads' values and errors decide. One edge differs: json.loads runs a few frames of its
    own above the scanner, so JSON nested within a few levels of the interpreter's recursion limit
    fails there and is read here.
    """
    if _decode_fast is not None:
        shape = content.translate(_SHAPE)
        if _NINETEEN_DIGITS not in shape and shape.count(b"[") <= _BRACKETS_TRUSTED:
            try:
                return _decode_fast(content)
            except ValueError:  # orjson.JSONDecodeError
                pass
    return _scanned(content)


def _scanned(content: bytes) -> Any:
    """json.loads(content), through the decoder's scanner where that gives the same.

    The fast path takes only content that json.loads would decode as UTF-8 too, holding one JSON
    value that ends exactly where the content does. json.loads picks another encoding only for a
    BOM or a NUL among the first two bytes: a UTF-16 or UTF-32 BOM is not UTF-8, and neither a UTF-8
    BOM nor a NUL can begin a JSON value or sit inside one (strict: no control characters in
    strings), so the scan fails there or stops short. Anything else (whitespace around the value,
    another encoding, bad JSON) goes to json.loads itself, which decides and raises as before.
    """
    try:
        text = content.decode("utf-8")
        value, end = _scan_once(text, 0)
    except (UnicodeDecodeError, StopIteration, ValueError):  # ValueError: json.JSONDecodeError among them
        return json.loads(content)
    if end != len(text):  # whitespace or more after the value: json.loads says what that is
        return json.loads(content)
    return value


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
        self.decoded = loads(self.content)
        return self.decoded


@functools.cache
def _answer_checked() -> Callable[[], contextlib.AbstractContextManager[None]]:
    # Within it, from_dict leaves nested models to their first read: check_answer below checks
    # every value their build could fail on. Looked up at the first answer, as the generated client is.
    from fusionauth_two_factor_generated.types import answer_checked  # noqa: PLC0415

    return answer_checked


@functools.cache
def _parsing_client() -> GeneratedClient:
    # The generated parsers only read `raise_on_unexpected_status` from their client argument; this one
    # never opens a connection. Made at the first answer, not at import: the generated client imports attrs.
    from fusionauth_two_factor_generated.client import Client  # noqa: PLC0415

    return Client(base_url="")


def parse_answer(operation: Operation[Any], status_code: int, content: bytes) -> tuple[object, str | None]:
    """The declared model for this status, or None; with the reason when a body failed to parse."""
    if not content:
        return None, None
    answer = _Answer(status_code, content)  # decoded already: no headers
    try:
        with _answer_checked()():
            parsed = operation.parse_response(client=_parsing_client(), response=answer)
        if hasattr(type(parsed), "__attrs_attrs__"):  # a generated model (attrs.has, without importing attrs)
            # The generated from_dict casts without checking: `"recoveryCodes": "X"` would be a str
            # where the result's type says list[str].
            check_answer(type(parsed), answer.decoded)
        return parsed, None
    except _PARSE_FAILURES as failure:
        return None, type(failure).__name__
