"""Loads ``scripts/spec_diff.py`` by path: it is a script run from the repository root, not a package."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "spec_diff.py"


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("spec_diff", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["spec_diff"] = module  # dataclasses look their module up while the class is created
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def spec_diff() -> ModuleType:
    return _load_script()


@pytest.fixture(scope="session")
def script_path() -> Path:
    return SCRIPT
