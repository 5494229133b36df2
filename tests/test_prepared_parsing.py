"""_parsing.loads, the scan that replaces json.loads for answers: the same value or the same error, always."""

from __future__ import annotations

import codecs
import json
import math
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fusionauth_two_factor._parsing import loads

_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(), children, max_size=4),
    max_leaves=20,
)


def _outcome(function: Callable[[bytes], object], content: bytes) -> tuple[str, object]:
    try:
        return "value", repr(function(content))
    except Exception as error:  # the outcome compared is whatever was raised
        return type(error).__name__, str(error)


def _same_as_json_loads(content: bytes) -> None:
    assert _outcome(loads, content) == _outcome(json.loads, content)


@pytest.mark.parametrize(
    "content",
    [
        b'{"twoFactorTrustId":"abc","trusts":[]}',
        b'{"name": "J\xc3\xa9r\xc3\xb4me"}',  # UTF-8 beyond ASCII
        b'{"a": "\\ud800"}',  # an escaped lone surrogate
        b'{"a": "\xed\xa0\x80"}',  # a raw lone surrogate: json.loads decodes with surrogatepass
        b' {"a": 1} ',
        b'{"a": 1}\n',
        b"\t[1]",
        b'{"a": 1} x',
        b'{"a": 1}{"b": 2}',
        b"",
        b" ",
        b"{",
        b'{"a": }',
        b'"\x00"',
        b'"a\nb"',
        b"NaN",
        b"[Infinity, -Infinity]",
        b"1e999",
        b"1" * 5000,  # beyond int's digit limit: ValueError from both
        b"[" * 100_000 + b"]" * 100_000,  # too deep: RecursionError from both
        codecs.BOM_UTF8 + b'{"a": 1}',
        '{"a": 1}'.encode("utf-16"),
        '{"a": 1}'.encode("utf-16-le"),
        '{"a": 1}'.encode("utf-16-be"),
        '{"a": 1}'.encode("utf-32"),
        '{"a": 1}'.encode("utf-32-le"),
        "1".encode("utf-16-le"),
        "12".encode("utf-16-le"),
        b"\xff",
        b"\x001",
        b"1\x00",
    ],
)
def test_the_same_as_json_loads(content: bytes) -> None:
    _same_as_json_loads(content)


def test_nan_is_read_as_json_loads_reads_it() -> None:
    assert math.isnan(loads(b"NaN"))


@given(_JSON)
def test_any_json_value_reads_the_same(value: object) -> None:
    for content in (json.dumps(value).encode(), json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogatepass")):
        _same_as_json_loads(content)


@given(st.binary(max_size=40))
def test_any_bytes_read_or_refused_the_same(content: bytes) -> None:
    _same_as_json_loads(content)


@given(_JSON, st.sampled_from(["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "utf-8-sig"]))
def test_other_encodings_json_loads_detects_read_the_same(value: object, encoding: str) -> None:
    _same_as_json_loads(json.dumps(value).encode(encoding))
