"""The query string `_wire` writes: each name and value encoded as httpx2 encodes it (urlencode, quote_plus)."""

from __future__ import annotations

import urllib.parse

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fusionauth_two_factor import _wire
from fusionauth_two_factor._wire import Origin, build


def test_every_character_is_encoded_as_quote_plus_encodes_it() -> None:
    # What is left as it is, and what is quoted, decided for every character of the BMP's first planes.
    for code in range(0x3000):
        character = chr(code)
        if 0xD800 <= code <= 0xDFFF:
            continue  # a lone surrogate cannot be encoded as UTF-8 by either
        assert _wire._form_encoded(character) == urllib.parse.quote_plus(character), hex(code)


@given(st.text())
def test_any_text_is_encoded_as_quote_plus_encodes_it(text: str) -> None:
    try:
        expected = urllib.parse.quote_plus(text)
    except UnicodeEncodeError:
        return  # lone surrogates: not a value either encodes
    assert _wire._form_encoded(text) == expected


def _as_httpx2_writes(value: object) -> str:
    if value is True or value is False:
        return str(value).lower()
    return "" if value is None else str(value)


@given(st.dictionaries(st.text(min_size=1), st.text() | st.booleans() | st.integers() | st.none(), max_size=4))
def test_a_query_is_the_one_urlencode_writes(params: dict[str, object]) -> None:
    try:
        expected = urllib.parse.urlencode({name: _as_httpx2_writes(value) for name, value in params.items()})
    except UnicodeEncodeError:
        return
    request = build(Origin("https://a.example"), method="GET", path="/x", params=params, headers={}, json_body=None)
    assert request.target == ("/x?" + expected if params else "/x")


def test_the_encoded_names_kept_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_wire, "_QUERY_NAMES", {})  # this test's names are not kept for the others
    origin = Origin("https://a.example")
    for number in range(2 * _wire._MAX_QUERY_NAMES):
        request = build(origin, method="GET", path="/x", params={f"n {number}": "v"}, headers={}, json_body=None)
        assert request.target == f"/x?n+{number}=v"
    assert len(_wire._QUERY_NAMES) <= _wire._MAX_QUERY_NAMES
