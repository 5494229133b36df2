"""base_url: an empty query or fragment is refused like any other, and plain HTTP with an API key is warned of."""

from __future__ import annotations

import warnings

import pytest
from support import API_KEY

from fusionauth_two_factor import Client


@pytest.mark.parametrize(
    "base_url",
    [
        "https://auth.example.com?",
        "https://auth.example.com/?",
        "https://auth.example.com#",
        "https://auth.example.com/fusionauth#",
        "https://auth.example.com?#",
    ],
)
def test_an_empty_query_or_fragment_is_refused_like_a_query(base_url: str) -> None:
    with pytest.raises(ValueError, match="base_url must not contain credentials, a query or a fragment"):
        Client(base_url, api_key=API_KEY)


def test_a_path_prefix_without_query_or_fragment_is_kept() -> None:
    assert Client("https://auth.example.com/fusionauth/", api_key=API_KEY).base_url == (
        "https://auth.example.com/fusionauth"
    )


@pytest.mark.parametrize("base_url", ["http://auth.example.com", "http://10.0.0.7:9011", "http://AUTH.example.com/fa"])
def test_plain_http_to_another_host_with_an_api_key_is_warned_of(base_url: str) -> None:
    with pytest.warns(UserWarning, match=r"base_url is plain http:// .* API key") as caught:
        Client(base_url, api_key=API_KEY)
    assert len(caught) == 1
    assert caught[0].filename == __file__  # points at the Client(...) line, not at the package
    assert API_KEY not in str(caught[0].message)


@pytest.mark.parametrize(
    ("base_url", "api_key"),
    [
        ("http://auth.example.com", None),  # no key to leak: the login calls carry only their own ids
        ("https://auth.example.com", API_KEY),
        ("http://127.0.0.1:9011", API_KEY),
        ("http://127.8.9.10:9011", API_KEY),
        ("http://localhost:9011", API_KEY),
        ("http://LOCALHOST:9011", API_KEY),
        ("http://fusionauth.localhost:9011", API_KEY),
        ("http://[::1]:9011", API_KEY),
    ],
)
def test_https_no_key_and_loopback_are_not_warned_of(base_url: str, api_key: str | None) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        Client(base_url, api_key=api_key)
