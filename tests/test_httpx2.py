"""The package runs on httpx2, httpx's maintained continuation, and never on the legacy httpx."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx2
import pytest
from packaging.requirements import Requirement

from fusionauth_two_factor import Client, RequestOptions

ROOT = Path(__file__).resolve().parent.parent


def _load_hook() -> ModuleType:
    """scripts/use_httpx2.py, the generator's post-hook (scripts/ is not a package)."""
    spec = importlib.util.spec_from_file_location("use_httpx2", ROOT / "scripts" / "use_httpx2.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


use_httpx2 = _load_hook()


def _legacy(name: str) -> object:
    """An object whose class comes from the legacy `httpx` package, as `httpx.Client()` would be."""
    kind = type(name, (), {"__module__": "httpx._client" if name.endswith("Client") else "httpx._config"})
    return kind()


@pytest.mark.parametrize(
    ("argument", "legacy"),
    [("http_client", "Client"), ("async_http_client", "AsyncClient"), ("timeout", "Timeout")],
)
def test_a_legacy_httpx_object_is_refused_at_construction_with_the_migration(argument: str, legacy: str) -> None:
    arguments: dict[str, Any] = {argument: _legacy(legacy)}
    with pytest.raises(TypeError) as raised:
        Client("https://auth.example.com", **arguments)
    message = str(raised.value)
    assert f"{argument} is an httpx.{legacy} from the legacy httpx package" in message
    assert f"pass an httpx2.{legacy}" in message
    assert "pip install httpx2" in message


def test_a_legacy_httpx_timeout_is_refused_per_call_too() -> None:
    with pytest.raises(TypeError, match=r"httpx\.Timeout from the legacy httpx package"):
        RequestOptions(timeout=_legacy("Timeout"))  # type: ignore[arg-type]


def test_another_kind_of_http_client_is_refused_at_construction() -> None:
    with pytest.raises(TypeError, match=r"http_client must be an httpx2\.Client, not AsyncClient"):
        Client("https://auth.example.com", http_client=httpx2.AsyncClient())  # type: ignore[arg-type]


def test_the_users_own_httpx2_clients_are_accepted() -> None:
    with httpx2.Client() as sync_client:
        Client("https://auth.example.com", http_client=sync_client, async_http_client=httpx2.AsyncClient())


def test_importing_the_package_imports_neither_httpx_nor_httpcore() -> None:
    code = "import sys, fusionauth_two_factor, fusionauth_two_factor.models; print(sorted(sys.modules))"
    modules = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout  # noqa: S603 - fixed code
    assert "'httpx2'" in modules
    assert not re.search(r"'(httpx|httpcore)(\.[^']*)?'", modules)


def _requirements(distribution: str, extras: frozenset[str], seen: set[str]) -> set[str]:
    """Every distribution that installing `distribution[extras]` pulls in, read from installed metadata."""
    names = set()
    for line in importlib.metadata.requires(distribution) or []:
        requirement = Requirement(line)
        marker = requirement.marker
        if marker is not None and not any(marker.evaluate({"extra": extra}) for extra in extras | {""}):
            continue
        name = requirement.name.lower().replace("_", "-")
        names.add(name)
        if name not in seen:
            seen.add(name)
            names |= _requirements(name, frozenset(requirement.extras), seen)
    return names


def test_installing_the_package_with_every_extra_installs_httpx2_and_not_httpx() -> None:
    extras = frozenset(importlib.metadata.metadata("fusionauth-two-factor").get_all("Provides-Extra") or [])
    installed = _requirements("fusionauth-two-factor", extras, set())
    assert "httpx2" in installed
    assert not installed & {"httpx", "httpcore"}


def test_the_generator_hook_renames_every_use_of_httpx(tmp_path: Path) -> None:
    module = tmp_path / "client.py"
    module.write_text(
        textwrap.dedent(
            """\
            import httpx
            from httpx import Response
            from httpx._types import URLTypes


            def send(client: httpx.Client, httpx_args: dict[str, str]) -> Response:
                return client.get("/", **httpx_args)
            """
        )
    )
    assert use_httpx2.main([str(tmp_path)]) == 0
    renamed = module.read_text()
    assert "import httpx2\nfrom httpx2 import Response\nfrom httpx2._types import URLTypes" in renamed
    assert "client: httpx2.Client, httpx_args: dict[str, str]" in renamed  # other names are left alone


def test_the_generator_hook_fails_on_any_use_of_httpx_its_rename_missed() -> None:
    source = "import httpx.mock as mocked\nfrom httpx import Client\nclient = httpx.Client()\n"
    assert use_httpx2.httpx_uses(source) == [
        "1: import httpx.mock",
        "2: from httpx import ...",
        "3: the name httpx",
    ]
    assert use_httpx2.httpx_uses("import httpx2\nhttpx_args = {}\n") == []


def test_the_generator_hook_refuses_a_folder_without_modules(tmp_path: Path) -> None:
    assert use_httpx2.main([str(tmp_path)]) == 1


def test_the_committed_generated_package_uses_httpx2_only() -> None:
    package = ROOT / "generated" / "fusionauth_two_factor_generated"
    uses = {
        str(module.relative_to(package)): use_httpx2.httpx_uses(module.read_text()) for module in package.rglob("*.py")
    }
    assert not {name: found for name, found in uses.items() if found}
    assert "import httpx2" in (package / "client.py").read_text()
