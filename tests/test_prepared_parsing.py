"""_parsing.loads, which replaces json.loads for answers: the same value or the same error, always.

Each content is read by both of its paths: orjson first (the `speedups` extra), and the scan without it.
"""

from __future__ import annotations

import codecs
import contextlib
import importlib
import importlib.util
import json
import math
from collections.abc import Callable, Iterator
from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fusionauth_two_factor import _parsing
from fusionauth_two_factor._parsing import loads

# None without the speedups extra: the scan alone is compared.
orjson: ModuleType | None = importlib.import_module("orjson") if importlib.util.find_spec("orjson") else None

# The decoders loads() asks first: orjson's where installed, and none (the scan alone).
DECODERS = [None] if orjson is None else [orjson.loads, None]


@contextlib.contextmanager
def decoding_with(decoder: Callable[[bytes], object] | None) -> Iterator[None]:
    # Not monkeypatch: hypothesis runs many examples in one test, and refuses function-scoped fixtures.
    kept = _parsing._decode_fast
    _parsing._decode_fast = decoder
    try:
        yield
    finally:
        _parsing._decode_fast = kept


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
    expected = _outcome(json.loads, content)
    for decoder in DECODERS:
        with decoding_with(decoder):
            assert _outcome(loads, content) == expected, decoder


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
        # where orjson could differ: repeated keys, ints past 64 bits, floats at their limits
        b'{"a": 1, "b": 2, "a": 3}',
        b"[18446744073709551615, 18446744073709551616, -9223372036854775808, -9223372036854775809]",
        b"[1.7976931348623157e308, 1.7976931348623159e308, 2.2250738585072014e-308, 4.9e-324, 2e-324, 1e-400]",
        b"[0.1, 0.30000000000000004, 0.300000000000000044408920985006, 1.00000000000000011102230246251565]",
        b"[-0.0, 0e0, 1E+2, 1e-2, 123456789012345678901234567890e-10, 9007199254740993, 9007199254740993.0]",
        b"[2.225073858507201136057409796709131975934819546351645648e-308]",
        b'{"a": "\\u00e9\\ud83d\\ude00", "\\u0000": "\\/"}',
        b'"' + b"x" * 100_000 + b'"',
        b"[" * 1025 + b"]" * 1025,  # deeper than orjson reads: json.loads decides
        b"[" * 501 + b"]" * 501,  # deep enough that json.loads may fail, by the caller's stack
        b"[" * 500 + b"]" * 500,
        b'[{"a": ' * 250 + b"1" + b"}]" * 250,
        b'[1234567890123456789, "1234567890123456789", 123456789012345678]',
        b'{"a": -9223372036854775809, "b": 1}',
    ],
)
def test_the_same_as_json_loads(content: bytes) -> None:
    _same_as_json_loads(content)


def test_nan_is_read_as_json_loads_reads_it() -> None:
    for decoder in DECODERS:
        with decoding_with(decoder):
            assert math.isnan(loads(b"NaN"))


def test_orjson_is_asked_first_where_installed() -> None:
    if orjson is None:
        pytest.skip("the speedups extra is not installed")
    assert _parsing._decode_fast is orjson.loads


@pytest.mark.parametrize("depth", [900, 990, 1000, 1024])
def test_json_nested_as_deep_as_the_stack_allows_fails_as_json_loads_fails(depth: int) -> None:
    # Read from deep in a stack, as in a Client call: json.loads' RecursionError depends on the
    # frames above it, orjson's limit does not (it read these where json.loads failed).
    content = b"[" * depth + b"]" * depth

    def nested(frames: int) -> None:
        if frames:
            nested(frames - 1)
        else:
            _same_as_json_loads(content)

    nested(100)


@given(st.lists(st.floats(allow_nan=False), max_size=8), st.lists(st.integers(), max_size=8))
def test_any_float_or_int_reads_the_same(floats: list[float], ints: list[int]) -> None:
    _same_as_json_loads(json.dumps([floats, ints]).encode())
    for number in floats:
        _same_as_json_loads(f"{number:.25e}".encode())  # more digits than the float holds: rounded alike


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
