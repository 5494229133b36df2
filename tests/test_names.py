"""Unset and names (issue 11, item 5): the generator's `Unset` prints as `UNSET` and is exported
from `fusionauth_two_factor.models`; attribute names read as Python (`secret_base32_encoded`,
`pending_idp_link_id`), renamed by the generator's post-hook `scripts/python_names.py`."""

from __future__ import annotations

import runpy
from pathlib import Path

import attrs
import pytest
from support import fixture_json

from fusionauth_two_factor import models
from fusionauth_two_factor.models import UNSET, LoginResponse, SecretResponse, TwoFactorLoginRequest, Unset

HOOK = Path(__file__).resolve().parent.parent / "scripts" / "python_names.py"


def run_hook(package: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """The hook's exit status and stderr, run in-process (scripts/ is not a package)."""
    status = runpy.run_path(str(HOOK))["main"]([str(package)])
    return status, capsys.readouterr().err


def test_unset_prints_as_unset_and_is_exported() -> None:
    assert repr(UNSET) == str(UNSET) == "UNSET"
    assert isinstance(UNSET, Unset) and not UNSET
    assert {"UNSET", "Unset"} <= set(models.__all__)
    request = TwoFactorLoginRequest(two_factor_id="id", code="code")
    assert f"trust computer: {request.trust_computer}" == "trust computer: UNSET"  # not <...Unset object at 0x...>


def test_attribute_names_read_as_python() -> None:
    secret = SecretResponse.from_dict(fixture_json("secret_response.json"))
    assert secret.secret_base32_encoded == fixture_json("secret_response.json")["secretBase32Encoded"]
    assert secret.to_dict()["secretBase32Encoded"] == secret.secret_base32_encoded  # the JSON key is unchanged
    assert "pending_idp_link_id" in {field.name for field in attrs.fields(LoginResponse)}
    every_export = [getattr(models, name) for name in models.__all__]  # models load on first use: not in vars()
    generated = [model for model in every_export if isinstance(model, type) and attrs.has(model)]
    every_name = {field.name for model in generated for field in attrs.fields(model)}
    assert not {"secret_base_32_encoded", "pending_id_p_link_id"} & every_name


def test_the_hook_fails_when_the_generator_names_things_differently(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "types.py").write_text("class Unset:\n    pass\n")
    (tmp_path / "model.py").write_text("secret_base_32_encoded = 1\n")
    status, stderr = run_hook(tmp_path, capsys)
    assert status == 1
    assert "no generated name 'pending_id_p_link_id' to rename" in stderr
    assert (tmp_path / "model.py").read_text() == "secret_base32_encoded = 1\n"
    assert 'return "UNSET"' in (tmp_path / "types.py").read_text()


@pytest.mark.parametrize("types_source", ["", "class Unset:\n    pass\nclass Unset:\n    pass\n"])
def test_the_hook_needs_exactly_one_unset_class(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], types_source: str
) -> None:
    (tmp_path / "types.py").write_text(types_source)
    (tmp_path / "model.py").write_text("secret_base_32_encoded = pending_id_p_link_id = 1\n")
    status, stderr = run_hook(tmp_path, capsys)
    assert status == 1
    assert "no single `class Unset:`" in stderr
