"""Facade coverage guard: the spec, the generated operations and both controllers agree.

Fails, naming the operation, when the spec has an operation the facade does not expose under its
documented name, when the facade exposes one the spec lacks, or when a facade method's parameters
no longer match the generated operation's. Also pins the public import surface, so that a
regeneration cannot silently drop an export.
"""

from __future__ import annotations

import inspect
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from fusionauth_two_factor_generated import models as generated_models

import fusionauth_two_factor
from fusionauth_two_factor import AsyncTwoFactorController, TwoFactorController, models
from fusionauth_two_factor._operations import ALL_OPERATIONS

SPEC = yaml.safe_load((Path(__file__).parent.parent / "openapi" / "two-factor.yaml").read_text())
SPEC_OPERATIONS = {
    operation["operationId"]: (method.upper(), path)
    for path, item in SPEC["paths"].items()
    for method, operation in item.items()
}
# Facade-only parameters: per-call options, and the JWT that the generated code leaves to the client.
FACADE_ONLY = {"self", "request_options", "encoded_jwt"}
# Generated-only parameters: the tenant header, which the Client sends on every call.
GENERATED_ONLY = {"x_fusion_auth_tenant_id"}


def snake_case(operation_id: str) -> str:
    return re.sub(r"(?<=[a-z])(?=[A-Z])", "_", operation_id).lower()


def public_methods(controller: type) -> set[str]:
    return {name for name, _ in inspect.getmembers(controller, inspect.isfunction) if not name.startswith("_")}


@pytest.mark.parametrize("controller", [TwoFactorController, AsyncTwoFactorController])
def test_every_spec_operation_is_exposed_under_its_documented_name(controller: type) -> None:
    missing = {op for op in SPEC_OPERATIONS if not hasattr(controller, snake_case(op))}
    assert not missing, f"{controller.__name__} does not expose: {sorted(missing)}"


@pytest.mark.parametrize("controller", [TwoFactorController, AsyncTwoFactorController])
def test_the_facade_exposes_nothing_the_spec_lacks(controller: type) -> None:
    extra = public_methods(controller) - {snake_case(op) for op in SPEC_OPERATIONS}
    assert not extra, f"{controller.__name__} exposes operations the spec lacks: {sorted(extra)}"


def test_the_operation_table_matches_the_spec() -> None:
    table = {operation.name: (operation.method, operation.path_template) for operation in ALL_OPERATIONS}
    assert table == SPEC_OPERATIONS


@pytest.mark.parametrize("operation", ALL_OPERATIONS, ids=lambda operation: operation.name)
@pytest.mark.parametrize("controller", [TwoFactorController, AsyncTwoFactorController])
def test_facade_parameters_match_the_generated_operation(controller: type, operation: Any) -> None:
    facade = inspect.signature(getattr(controller, snake_case(operation.name))).parameters
    generated = inspect.signature(operation.build_request).parameters
    facade_names = {name: param.default is inspect.Parameter.empty for name, param in facade.items()}
    generated_names = {name: param.default is inspect.Parameter.empty for name, param in generated.items()}
    for name in FACADE_ONLY:
        facade_names.pop(name, None)
    for name in GENERATED_ONLY:
        generated_names.pop(name, None)
    assert facade_names == generated_names, (
        f"{operation.name}: {controller.__name__} takes {facade_names}, the generated operation {generated_names} "
        "(name: required?)"
    )
    assert "request_options" in facade
    assert facade["request_options"].kind is inspect.Parameter.KEYWORD_ONLY


def test_sync_and_async_signatures_are_identical() -> None:
    for name in public_methods(TwoFactorController):
        sync = inspect.signature(getattr(TwoFactorController, name))
        async_ = inspect.signature(getattr(AsyncTwoFactorController, name))
        assert sync == async_, name
        assert inspect.iscoroutinefunction(getattr(AsyncTwoFactorController, name)), name
        assert getattr(AsyncTwoFactorController, name).__doc__ == getattr(TwoFactorController, name).__doc__


def test_optional_parameters_are_keyword_only() -> None:
    for name in public_methods(TwoFactorController):
        for parameter in inspect.signature(getattr(TwoFactorController, name)).parameters.values():
            if parameter.default is not inspect.Parameter.empty:
                assert parameter.kind is inspect.Parameter.KEYWORD_ONLY, (name, parameter.name)


def test_public_import_surface() -> None:
    for name in ("Client", "TwoFactorController", "AsyncTwoFactorController", "ApiResponse", "ApiError"):
        assert name in fusionauth_two_factor.__all__
    for name in fusionauth_two_factor.__all__:
        assert hasattr(fusionauth_two_factor, name), name
    assert set(models.__all__) == set(generated_models.__all__)
    assert models.LoginResponse is generated_models.LoginResponse
