"""Facade coverage guard: the spec, the generated operations and both controllers agree.

Fails, naming the operation, when the spec has an operation the facade does not expose under its
documented name, when the facade exposes one the spec lacks, or when a facade method's parameters
no longer match the generated operation's. Also pins the public import surface, so that a
regeneration cannot silently drop an export.
"""

from __future__ import annotations

import inspect
import re
import types
import typing
from pathlib import Path
from typing import Any

import attrs
import pytest
import yaml
from fusionauth_two_factor_generated import models as generated_models

import fusionauth_two_factor
from fusionauth_two_factor import (
    AsyncLoginController,
    AsyncTwoFactorController,
    LoginController,
    TwoFactorController,
    _operations,
    models,
)
from fusionauth_two_factor._operations import ALL_OPERATIONS, Auth, Operation

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
CONTROLLERS = [(TwoFactorController, AsyncTwoFactorController), (LoginController, AsyncLoginController)]
ALL_CONTROLLERS = [controller for pair in CONTROLLERS for controller in pair]


def snake_case(operation_id: str) -> str:
    return re.sub(r"(?<=[a-z])(?=[A-Z])", "_", operation_id).lower()


def public_methods(controller: type) -> set[str]:
    return {name for name, _ in inspect.getmembers(controller, inspect.isfunction) if not name.startswith("_")}


def rows_of(method: str) -> list[Operation[Any]]:
    """The table rows a facade method sends (the status call has two: with and without a trust id)."""
    return [operation for operation in ALL_OPERATIONS if snake_case(operation.name) == method]


def test_every_spec_operation_is_sent_by_a_row_of_the_table() -> None:
    assert {operation.operation_id for operation in ALL_OPERATIONS} == set(SPEC_OPERATIONS)


@pytest.mark.parametrize("operation", ALL_OPERATIONS, ids=lambda operation: operation.name)
def test_each_row_matches_its_spec_operation(operation: Operation[Any]) -> None:
    assert (operation.method, operation.path_template) == SPEC_OPERATIONS[operation.operation_id]
    generated_module = operation.build_request.__module__.rpartition(".")[2]
    assert generated_module == snake_case(operation.operation_id)


def test_each_row_is_typed_as_the_models_it_names() -> None:
    """A row's annotation (what mypy checks the controllers against) names the models its row loads."""
    every_model = {name: getattr(generated_models, name) for name in generated_models.__all__}
    hints = typing.get_type_hints(_operations, localns=every_model)
    rows = {name: row for name, row in vars(_operations).items() if isinstance(row, Operation)}
    assert set(rows.values()) == set(ALL_OPERATIONS)
    for name, row in rows.items():
        (declared,) = typing.get_args(hints[name])
        loaded = row.result_type if isinstance(row.result_type, tuple) else (row.result_type or types.NoneType,)
        expected = {*loaded, types.NoneType} if row.body_optional else set(loaded)
        assert set(typing.get_args(declared) or (declared,)) == expected, name
        assert row.body_type is None or attrs.has(row.body_type), name
        assert row.build_request is row.build_request, name  # loaded once, then kept


def test_every_row_is_a_method_of_exactly_one_controller_pair() -> None:
    documented = {snake_case(operation.name) for operation in ALL_OPERATIONS}
    exposed = [public_methods(sync) for sync, _ in CONTROLLERS]
    assert set().union(*exposed) == documented
    assert not set.intersection(*exposed)
    assert public_methods(LoginController) == {"login"}


@pytest.mark.parametrize("controller", ALL_CONTROLLERS)
def test_facade_parameters_match_the_generated_operations(controller: type) -> None:
    for method in public_methods(controller):
        facade = inspect.signature(getattr(controller, method)).parameters
        rows = rows_of(method)
        assert rows, method
        facade_names = set(facade) - FACADE_ONLY
        generated: set[str] = set()
        for operation in rows:
            parameters = inspect.signature(operation.build_request).parameters
            generated |= set(parameters) - GENERATED_ONLY
            required = {name for name, parameter in parameters.items() if parameter.default is inspect.Parameter.empty}
            assert required <= facade_names, f"{method}: {operation.operation_id} needs {required - facade_names}"
            assert ("body" in facade_names) is (operation.body_type is not None), method
            assert ("encoded_jwt" in facade) is (operation.auth is Auth.JWT), method
        facade_names.discard("two_factor_trust_id" if len(rows) > 1 else "")  # with a trust, or without
        assert facade_names <= generated, f"{method} takes {facade_names - generated}, which no operation has"
        assert "request_options" in facade
        assert facade["request_options"].kind is inspect.Parameter.KEYWORD_ONLY


@pytest.mark.parametrize(("sync", "async_"), CONTROLLERS)
def test_sync_and_async_signatures_are_identical(sync: type, async_: type) -> None:
    assert public_methods(sync) == public_methods(async_)
    for name in public_methods(sync):
        assert inspect.signature(getattr(sync, name)) == inspect.signature(getattr(async_, name)), name
        assert inspect.iscoroutinefunction(getattr(async_, name)), name
        assert getattr(async_, name).__doc__ == getattr(sync, name).__doc__


@pytest.mark.parametrize("controller", [sync for sync, _ in CONTROLLERS])
def test_optional_parameters_are_keyword_only(controller: type) -> None:
    for name in public_methods(controller):
        for parameter in inspect.signature(getattr(controller, name)).parameters.values():
            if parameter.default is not inspect.Parameter.empty:
                assert parameter.kind is inspect.Parameter.KEYWORD_ONLY, (name, parameter.name)


def test_public_import_surface() -> None:
    for name in ("Client", "TwoFactorController", "AsyncTwoFactorController", "LoginController", "ApiResponse"):
        assert name in fusionauth_two_factor.__all__
    for name in fusionauth_two_factor.__all__:
        assert hasattr(fusionauth_two_factor, name), name
    assert set(models.__all__) == {*generated_models.__all__, "UNSET", "Unset"}
    assert models.LoginResponse is generated_models.LoginResponse
