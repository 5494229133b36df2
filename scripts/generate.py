"""Regenerate `generated/` from `openapi/two-factor.yaml`, or check that it is up to date.

    python scripts/generate.py           # rewrite generated/fusionauth_two_factor_generated
    python scripts/generate.py --check   # regenerate into a temporary folder and diff; exit 1 on drift

Run it through nox (`nox -s generate`, `nox -s check_generated`), which installs the pinned
openapi-python-client and ruff. The generator's post-hooks call `ruff` from PATH, so this script
puts its own interpreter's folder first on PATH and refuses to run with a ruff or generator version
other than the pinned ones: a different ruff formats differently, and the output must be
byte-for-byte reproducible.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi" / "two-factor.yaml"
CONFIG = ROOT / "generator-config.yaml"
# Checked-in templates that replace the generator's own of the same name (the rest stay its own).
TEMPLATES = ROOT / "templates"
PACKAGE = "fusionauth_two_factor_generated"
TARGET = ROOT / "generated" / PACKAGE
# The generator writes no py.typed marker with --meta none; without it the typed models are
# invisible to users' type checkers.
PY_TYPED = "# Marker file for PEP 561: this package ships inline type hints.\n"


def pinned_versions() -> dict[str, str]:
    """The exact versions pyproject.toml pins in its `generate` dependency group."""
    groups = tomllib.loads((ROOT / "pyproject.toml").read_text())["dependency-groups"]
    pins = {}
    for requirement in groups["generate"]:
        name, _, version = requirement.partition("==")
        pins[name] = version
    return pins


def check_tool_versions(bin_dir: Path) -> None:
    pins = pinned_versions()
    installed_generator = metadata.version("openapi-python-client")
    ruff_output = subprocess.run(
        [str(bin_dir / "ruff"), "--version"], capture_output=True, text=True, check=True
    ).stdout
    match = re.search(r"ruff (\S+)", ruff_output)
    installed = {"openapi-python-client": installed_generator, "ruff": match.group(1) if match else "?"}
    wrong = {name: version for name, version in installed.items() if pins.get(name) != version}
    if wrong:
        sys.exit(f"generate: tool versions {wrong} differ from the pins {pins}; run it through nox.")


def generate_into(output: Path) -> None:
    bin_dir = Path(sys.executable).parent
    check_tool_versions(bin_dir)
    env = {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
        # Where the post-hooks in generator-config.yaml find the checked-in hook scripts.
        "FUSIONAUTH_GENERATOR_HOOKS": str(ROOT / "scripts"),
    }
    command = [
        str(bin_dir / "openapi-python-client"),
        "generate",
        "--path",
        str(SPEC),
        "--config",
        str(CONFIG),
        "--output-path",
        str(output),
        "--custom-template-path",
        str(TEMPLATES),
        "--meta",
        "none",
        "--fail-on-warning",
    ]
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"generate: openapi-python-client failed:\n{result.stdout}\n{result.stderr}")
    (output / "py.typed").write_text(PY_TYPED)


def files_under(folder: Path) -> dict[str, Path]:
    return {
        path.relative_to(folder).as_posix(): path
        for path in sorted(folder.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


def drift(expected: Path, actual: Path) -> list[str]:
    """A unified diff from the committed package (`actual`) to a fresh generation (`expected`)."""
    fresh, committed = files_under(expected), files_under(actual)
    lines: list[str] = []
    for name in sorted(fresh.keys() | committed.keys()):
        old = committed[name].read_text(errors="replace").splitlines(keepends=True) if name in committed else []
        new = fresh[name].read_text(errors="replace").splitlines(keepends=True) if name in fresh else []
        label = f"generated/{PACKAGE}/{name}"
        lines.extend(difflib.unified_diff(old, new, fromfile=f"{label} (committed)", tofile=f"{label} (from spec)"))
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="fail with a diff when generated/ is stale")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        output = Path(scratch) / PACKAGE
        generate_into(output)
        if args.check:
            diff = drift(output, TARGET)
            if diff:
                sys.stdout.writelines(diff)
                print(
                    "\ngenerated/ does not match openapi/two-factor.yaml: run `nox -s generate` and commit the result."
                )
                return 1
            print("generated/ matches openapi/two-factor.yaml.")
            return 0
        shutil.rmtree(TARGET, ignore_errors=True)
        shutil.copytree(output, TARGET)
    print(f"Wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
