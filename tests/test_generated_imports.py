"""The generated package's import cost (issue 15): its models package imports a model's module when
the model is first used (templates/models_init.py.jinja), so an API module imports only the models
it uses, while every name stays in `__all__`, `dir()`, star imports and type checkers' view."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import textwrap
from importlib import import_module
from pathlib import Path

import pytest
from fusionauth_two_factor_generated import models
from test_examples import mypy_strict

PACKAGE = "fusionauth_two_factor_generated"
ROOT = Path(__file__).resolve().parent.parent / "generated" / PACKAGE
API_MODULES = sorted(path.stem for path in (ROOT / "api" / "two_factor").glob("*.py") if path.stem != "__init__")


def imported_models(statement: str) -> list[str]:
    """The model modules a fresh interpreter holds after running `statement`."""
    code = (
        f"import json, sys\n{statement}\n"
        f"print(json.dumps(sorted(name for name in sys.modules if name.startswith('{PACKAGE}.models.'))))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)  # noqa: S603
    names: list[str] = json.loads(run.stdout)
    return [name.removeprefix(f"{PACKAGE}.models.") for name in names]


def model_imports(path: Path) -> set[str]:
    """The model modules `path` imports when it runs: its module-level imports, not those for type checkers."""
    found = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("models."):
            found.add(node.module.removeprefix("models."))
    return found


def model_closure(modules: set[str]) -> set[str]:
    """`modules` and every model module they import, transitively."""
    seen: set[str] = set()
    pending = list(modules)
    while pending:
        module = pending.pop()
        if module not in seen:
            seen.add(module)
            pending.extend(model_imports(ROOT / "models" / f"{module}.py"))
    return seen


def test_importing_the_models_package_imports_no_model() -> None:
    assert imported_models(f"import {PACKAGE}.models") == []


@pytest.mark.parametrize("api_module", API_MODULES)
def test_an_api_module_imports_only_the_models_it_uses(api_module: str) -> None:
    path = ROOT / "api" / "two_factor" / f"{api_module}.py"
    expected = model_closure(model_imports(path))
    assert set(imported_models(f"import {PACKAGE}.api.two_factor.{api_module}")) == expected
    assert len(expected) < len(models.__all__) / 2


def test_the_login_api_module_imports_its_own_models_only() -> None:
    """The heaviest answer, named: not User or the other models nested in a LoginResponse."""
    assert imported_models(f"import {PACKAGE}.api.two_factor.two_factor_login") == [
        "any_json_map",
        "authentication_threats_value",
        "change_password_reason_value",
        "errors",
        "login_change_password_response",
        "login_prevented_actions",
        "login_response",
        "two_factor_login_request",
    ]


def test_every_name_of_all_is_its_modules_class_and_is_listed_by_dir() -> None:
    assert set(models.__all__) <= set(dir(models))
    for name in models.__all__:
        value = getattr(models, name)
        assert value.__name__ == name
        assert value is getattr(import_module(value.__module__), name)
        assert vars(models)[name] is value  # looked up once, then an attribute like any other


def test_a_star_import_binds_every_name() -> None:
    namespace: dict[str, object] = {}
    exec(f"from {PACKAGE}.models import *", namespace)  # noqa: S102
    assert set(models.__all__) <= namespace.keys()


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match=rf"^module '{PACKAGE}.models' has no attribute 'LoginResponce'$"):
        models.LoginResponce  # type: ignore[attr-defined]  # noqa: B018


def test_type_checkers_see_every_model_and_no_other_name(tmp_path: Path) -> None:
    (tmp_path / "uses_models.py").write_text(
        textwrap.dedent(
            f"""\
            from {PACKAGE} import models
            from {PACKAGE}.models import LoginResponse, TwoFactorStartRequest

            request: TwoFactorStartRequest = models.TwoFactorStartRequest(login_id="richard@piedpiper.com")
            parse = LoginResponse.from_dict
            print(request, parse, models.LoginResponce)
            """
        ),
        encoding="utf-8",
    )
    checked = mypy_strict(tmp_path, ["uses_models.py"])
    assert checked.stdout.splitlines() == [
        'uses_models.py:6: error: Module has no attribute "LoginResponce"; maybe "LoginResponse"?  [attr-defined]'
    ], checked.stdout + checked.stderr


def test_the_package_imports_its_clients_and_attrs_at_first_use_only() -> None:
    """templates/package_init.py.jinja: `Client` and `AuthenticatedClient` still import from the package."""
    code = (
        f"import sys\nimport {PACKAGE}.models\n"
        f"print(sorted(name for name in ('attr', '{PACKAGE}.client') if name in sys.modules))\n"
        f"from {PACKAGE} import AuthenticatedClient, Client\n"
        "print(Client.__module__, AuthenticatedClient.__module__)\n"
        f"import {PACKAGE} as package\n"
        "print(sorted(set(package.__all__) - set(dir(package))))\n"
        "try:\n    package.Clint\nexcept AttributeError as error:\n    print(error)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)  # noqa: S603

    assert run.stdout.splitlines() == [
        "[]",
        f"{PACKAGE}.client {PACKAGE}.client",
        "[]",
        f"module '{PACKAGE}' has no attribute 'Clint'",
    ]
