"""The facade's public surface, read with ``ast`` and compared between two revisions."""

from __future__ import annotations

from types import ModuleType

import pytest

INIT = "fusionauth_two_factor/__init__.py"
CLIENT = "fusionauth_two_factor/client.py"


def surface_diff(spec_diff: ModuleType, old: dict[str, str], new: dict[str, str]) -> list[tuple[str, str, bool]]:
    changes = spec_diff.diff_surfaces(spec_diff.surface_of(old), spec_diff.surface_of(new))
    return [(c.name, c.change, c.breaking) for c in changes]


def client(method: str) -> dict[str, str]:
    return {CLIENT: f"class TwoFactorClient:\n    {method}\n        ...\n"}


def test_surface_lists_exports_public_classes_and_methods_but_not_private_ones(spec_diff: ModuleType) -> None:
    source = """
__all__ = ["TwoFactorClient"]
class TwoFactorClient(Base):
    def __init__(self, api_key: str) -> None: ...
    async def login(self, code: str, *, trust: bool = False) -> Result: ...
    @property
    def tenant(self) -> str: ...
    def _helper(self) -> None: ...
class _Internal:
    def public(self) -> None: ...
"""
    surface = spec_diff.surface_of({INIT: source})

    assert {name: item.text for name, item in surface.items()} == {
        "fusionauth_two_factor.__all__['TwoFactorClient']": "exported",
        "fusionauth_two_factor.TwoFactorClient": "class TwoFactorClient(Base)",
        "fusionauth_two_factor.TwoFactorClient.__init__": "def __init__(self, api_key: str) -> None",
        "fusionauth_two_factor.TwoFactorClient.login": "async def login(self, code: str, *, trust: bool=False) -> "
        "Result",
        "fusionauth_two_factor.TwoFactorClient.tenant": "property tenant -> str",
    }


@pytest.mark.parametrize(
    ("old", "new", "breaking", "reason"),
    [
        ("def login(self, code: str):", "def login(self, code: str, *, trust: bool = False):", False, None),
        ("def login(self, code: str):", "def login(self, code: str) -> bool:", False, None),
        (
            "def login(self, code: str):",
            "def login(self, code: str, trust: bool):",
            True,
            "new parameter `trust` has no default",
        ),
        (
            "def login(self, code: str, trust: bool):",
            "def login(self, code: str):",
            True,
            "parameter `trust` was removed",
        ),
        ("def login(self, code: str = ''):", "def login(self, code: str):", True, "parameter `code` lost its default"),
        (
            "def login(self, a: str, b: str):",
            "def login(self, b: str, a: str):",
            True,
            "positional parameters were reordered or made keyword-only",
        ),
        (
            "def login(self, code: str):",
            "def login(self, *, code: str):",
            True,
            "positional parameters were reordered or made keyword-only",
        ),
        (
            "def login(self, code: str):",
            "async def login(self, code: str):",
            True,
            "callers must change how they use it (sync/async or member kind changed)",
        ),
    ],
)
def test_signature_changes_are_classified_by_call_compatibility(
    spec_diff: ModuleType, old: str, new: str, breaking: bool, reason: str | None
) -> None:
    changes = spec_diff.diff_surfaces(spec_diff.surface_of(client(old)), spec_diff.surface_of(client(new)))

    assert [(c.name, c.change, c.breaking) for c in changes] == [
        ("fusionauth_two_factor.client.TwoFactorClient.login", "changed", breaking)
    ]
    if reason is not None:
        assert changes[0].reason == reason


def test_export_and_class_removal_is_breaking_and_addition_is_not(spec_diff: ModuleType) -> None:
    old = {INIT: "__all__ = ['A', 'B']\nclass A: ...\n"}
    new = {INIT: "__all__ = ('A', 'C')\nclass C: ...\n"}

    assert surface_diff(spec_diff, old, new) == [
        ("fusionauth_two_factor.A", "removed", True),
        ("fusionauth_two_factor.C", "added", False),
        ("fusionauth_two_factor.__all__['B']", "removed", True),
        ("fusionauth_two_factor.__all__['C']", "added", False),
    ]


def test_missing_files_are_an_empty_surface(spec_diff: ModuleType) -> None:
    assert surface_diff(spec_diff, {}, client("def verify(self):")) == [
        ("fusionauth_two_factor.client.TwoFactorClient", "added", False),
        ("fusionauth_two_factor.client.TwoFactorClient.verify", "added", False),
    ]


def test_an_unparseable_file_shows_up_instead_of_crashing(spec_diff: ModuleType) -> None:
    assert surface_diff(spec_diff, client("def verify(self):"), {CLIENT: "class Broken(:\n"}) == [
        ("fusionauth_two_factor.client (unparseable)", "added", False),
        ("fusionauth_two_factor.client.TwoFactorClient", "removed", True),
        ("fusionauth_two_factor.client.TwoFactorClient.verify", "removed", True),
    ]


def test_surface_lines_in_the_report(spec_diff: ModuleType) -> None:
    changes = spec_diff.diff_surfaces(
        spec_diff.surface_of({INIT: "__all__ = ['A']\n", **client("def login(self, code: str):")}),
        spec_diff.surface_of({INIT: "__all__ = []\n", **client("def login(self, code: str, trust: bool):")}),
    )

    assert [spec_diff.render_surface_line(c) for c in changes] == [
        "- `fusionauth_two_factor.__all__['A']` was removed — **breaking**: code using it breaks",
        "- `fusionauth_two_factor.client.TwoFactorClient.login` changed from `def login(self, code: str)` to "
        "`def login(self, code: str, trust: bool)` — **breaking**: new parameter `trust` has no default",
    ]
