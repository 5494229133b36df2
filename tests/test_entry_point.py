"""./dev, the entry point of the README's two commands, run as a user runs it: a copy of it in a project of its
own, whose "tools" dependency group pins a fake nox (a wheel made here, installed offline by the real pip into
a real venv), so that each run shows the arguments nox got, where it ran and which pin was installed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

DEV = Path(__file__).resolve().parents[1] / "dev"

# The fake nox's whole behaviour: one line of JSON saying what it was given.
FAKE_NOX_MAIN = """\
import json, os, sys
from importlib.metadata import version
print(json.dumps({"argv": sys.argv[1:], "cwd": os.getcwd(), "version": version("nox"), "prefix": sys.prefix}))
"""


def write_fake_nox_wheel(directory: Path, version: str) -> None:
    dist_info = f"nox-{version}.dist-info"
    files = {
        "nox/__init__.py": "",
        "nox/__main__.py": FAKE_NOX_MAIN,
        f"{dist_info}/METADATA": f"Metadata-Version: 2.1\nName: nox\nVersion: {version}\n",
        f"{dist_info}/WHEEL": "Wheel-Version: 1.0\nGenerator: tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
    }
    files[f"{dist_info}/RECORD"] = "".join(f"{name},,\n" for name in [*files, f"{dist_info}/RECORD"])
    with zipfile.ZipFile(directory / f"nox-{version}-py3-none-any.whl", "w") as wheel:
        for name, text in files.items():
            wheel.writestr(name, text)


def write_executable(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    path.chmod(0o755)


def pin_nox(root: Path, version: str) -> None:
    (root / "pyproject.toml").write_text(f'[dependency-groups]\ntools = ["nox=={version}"]\n', encoding="utf-8")


def make_project(root: Path, nox_version: str = "1.0") -> Path:
    root.mkdir(parents=True)
    shutil.copy2(DEV, root / "dev")
    pin_nox(root, nox_version)
    return root


def run(command: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    # A fixed script (a copy of ./dev) and our own arguments.
    return subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True, timeout=120, check=False)  # noqa: S603


@dataclass(frozen=True)
class NoxCall:
    argv: list[str]
    cwd: Path
    version: str
    prefix: Path


def nox_call(result: subprocess.CompletedProcess[str]) -> NoxCall:
    """What the fake nox was given (the last line it printed)."""
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.splitlines()[-1])
    return NoxCall(seen["argv"], Path(seen["cwd"]).resolve(), seen["version"], Path(seen["prefix"]).resolve())


def set_up_message(result: subprocess.CompletedProcess[str]) -> bool:
    return "./dev: setting up" in result.stderr


@pytest.fixture(scope="module")
def dev_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """python3 is the interpreter running these tests; pip reads no configuration and installs only fake noxes."""
    wheels = tmp_path_factory.mktemp("wheels")
    for version in ("1.0", "2.0"):
        write_fake_nox_wheel(wheels, version)
    python_dir = tmp_path_factory.mktemp("python")
    write_executable(python_dir / "python3", f'#!/bin/sh\nexec "{sys.executable}" "$@"\n')
    env = {name: value for name, value in os.environ.items() if not name.startswith("PIP_")}
    return env | {
        "PATH": f"{python_dir}{os.pathsep}{os.environ['PATH']}",
        "PIP_CONFIG_FILE": os.devnull,
        "PIP_NO_INDEX": "1",
        "PIP_FIND_LINKS": str(wheels),
    }


@dataclass(frozen=True)
class BuiltProject:
    root: Path
    first_runs: list[subprocess.CompletedProcess[str]]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, dev_env: dict[str, str]) -> BuiltProject:
    """A project whose tools venv was built by two first runs of ./dev started at once, as when two terminals
    start on a fresh clone (built once for the module: it takes seconds)."""
    root = make_project(tmp_path_factory.mktemp("built") / "project")
    with ThreadPoolExecutor(max_workers=2) as pool:
        first_runs = list(pool.map(lambda session: run([str(root / "dev"), session], dev_env, root), ["lint", "tests"]))
    return BuiltProject(root, first_runs)


def copy_of(built: BuiltProject, destination: Path) -> Path:
    """Another project with a copy of the built tools venv (a venv run as `bin/python -m` works where it lies)."""
    root = make_project(destination)
    shutil.copytree(built.root / ".tools-venv", root / ".tools-venv", symlinks=True)
    return root


def test_the_first_runs_set_up_one_tools_venv_with_the_pinned_nox(built: BuiltProject) -> None:
    calls = [nox_call(first_run) for first_run in built.first_runs]
    assert [call.argv[1] for call in calls] == ["lint", "tests"]
    assert {(call.version, call.prefix) for call in calls} == {("1.0", (built.root / ".tools-venv").resolve())}
    assert sum(set_up_message(first_run) for first_run in built.first_runs) == 1  # the other waited, then used it


def test_later_runs_use_the_tools_venv_as_it_is(built: BuiltProject, dev_env: dict[str, str]) -> None:
    again = run([str(built.root / "dev"), "nox", "--version"], dev_env, built.root)
    assert not set_up_message(again)
    assert nox_call(again).version == "1.0"


@pytest.mark.parametrize(
    ("dev_args", "nox_args"),
    [
        (["demo", "--url", "http://127.0.0.1:9011"], ["--session", "demo", "--", "--url", "http://127.0.0.1:9011"]),
        (["tests", "-k", "retry", "-x"], ["--session", "tests", "--", "-k", "retry", "-x"]),
        (["tests", "--", "-k", "retry"], ["--session", "tests", "--", "-k", "retry"]),
        (["tests", "-x", "--", "tests/test_wire.py"], ["--session", "tests", "--", "-x", "--", "tests/test_wire.py"]),
        (["lint"], ["--session", "lint", "--"]),
        (["nox", "-s", "lint", "typecheck"], ["-s", "lint", "typecheck"]),
        (["nox", "-r", "-s", "tests", "-p", "3.12", "--", "-x"], ["-r", "-s", "tests", "-p", "3.12", "--", "-x"]),
    ],
)
def test_arguments_after_the_session_name_go_to_the_session(
    built: BuiltProject, dev_env: dict[str, str], dev_args: list[str], nox_args: list[str]
) -> None:
    call = nox_call(run([str(built.root / "dev"), *dev_args], dev_env, built.root))
    assert call.argv == nox_args


def test_nox_runs_at_the_project_root_from_any_directory(
    built: BuiltProject, dev_env: dict[str, str], tmp_path: Path
) -> None:
    subdirectory = built.root / "docs"
    subdirectory.mkdir(exist_ok=True)
    from_subdirectory = run(["../dev", "lint"], dev_env, subdirectory)
    from_elsewhere = run([str(built.root / "dev"), "lint"], dev_env, tmp_path)
    assert nox_call(from_subdirectory).cwd == nox_call(from_elsewhere).cwd == built.root.resolve()


def test_dev_alone_prints_the_usage_then_lists_the_sessions(built: BuiltProject, dev_env: dict[str, str]) -> None:
    result = run([str(built.root / "dev")], dev_env, built.root)
    assert result.stdout.startswith("usage: ./dev SESSION [ARGS...]")
    assert nox_call(result).argv == ["--list"]


def test_a_changed_pin_rebuilds_the_tools_venv(built: BuiltProject, dev_env: dict[str, str], tmp_path: Path) -> None:
    root = copy_of(built, tmp_path / "project")
    assert nox_call(run([str(root / "dev"), "lint"], dev_env, root)).version == "1.0"
    pin_nox(root, "2.0")
    rebuilt = run([str(root / "dev"), "lint"], dev_env, root)
    assert set_up_message(rebuilt)
    assert nox_call(rebuilt).version == "2.0"


def test_a_venv_whose_python_is_gone_is_rebuilt(built: BuiltProject, dev_env: dict[str, str], tmp_path: Path) -> None:
    root = copy_of(built, tmp_path / "project")
    python = root / ".tools-venv" / "bin" / "python"
    python.unlink()
    python.symlink_to(tmp_path / "uninstalled-python")  # as when the Python the venv was made from is removed
    rebuilt = run([str(root / "dev"), "lint"], dev_env, root)
    assert set_up_message(rebuilt)
    assert nox_call(rebuilt).argv == ["--session", "lint", "--"]


@pytest.mark.parametrize("argv", [["--help"], ["-h"]])
def test_help_needs_no_venv(dev_env: dict[str, str], tmp_path: Path, argv: list[str]) -> None:
    root = make_project(tmp_path / "project")
    result = run([str(root / "dev"), *argv], dev_env, root)
    assert result.returncode == 0
    assert result.stdout.startswith("usage: ./dev SESSION [ARGS...]")
    assert not (root / ".tools-venv").exists()


def test_an_option_before_the_session_is_a_usage_error(dev_env: dict[str, str], tmp_path: Path) -> None:
    root = make_project(tmp_path / "project")
    result = run([str(root / "dev"), "-p", "3.12", "tests"], dev_env, root)
    assert result.returncode == 2
    assert "unknown option -p; nox's own options go after `./dev nox`" in result.stderr
    assert not (root / ".tools-venv").exists()


def test_a_project_without_the_tools_group_says_so(dev_env: dict[str, str], tmp_path: Path) -> None:
    root = make_project(tmp_path / "project")
    (root / "pyproject.toml").write_text("[dependency-groups]\ntest = []\n", encoding="utf-8")
    result = run([str(root / "dev"), "tests"], dev_env, root)
    assert result.returncode == 1
    assert "pyproject.toml needs a dependency group 'tools'" in result.stderr


def test_a_too_old_python3_gets_a_clear_message(tmp_path: Path) -> None:
    root = make_project(tmp_path / "project")
    old_python_dir = tmp_path / "old-python"
    old_python_dir.mkdir()
    # Answers as Python 3.10 does: fails the version check, and names its version when asked.
    write_executable(
        old_python_dir / "python3", '#!/bin/sh\ncase "$1" in -V) echo "Python 3.10.14" ;; *) exit 1 ;; esac\n'
    )
    result = run([str(root / "dev"), "tests"], {"PATH": str(old_python_dir)}, root)
    assert result.returncode == 1
    assert result.stderr == (
        f"./dev: needs Python 3.11 or newer as python3; {old_python_dir / 'python3'} is: Python 3.10.14\n"
    )
    assert not (root / ".tools-venv").exists()


def test_a_missing_python3_gets_a_clear_message(tmp_path: Path) -> None:
    root = make_project(tmp_path / "project")
    result = run([str(root / "dev"), "tests"], {"PATH": str(tmp_path / "empty")}, root)
    assert result.returncode == 127
    assert result.stderr == "./dev: python3 not found on PATH; install Python 3.11 or newer\n"
