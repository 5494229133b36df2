"""Developer and CI tasks. Tool versions are pinned in pyproject.toml's dependency groups."""

from __future__ import annotations

import nox

nox.options.default_venv_backend = "venv"
nox.options.sessions = ["check_generated", "lint", "typecheck", "tests"]

PYPROJECT = nox.project.load_toml("pyproject.toml")
PYTHON = "3.11"


def install_group(session: nox.Session, group: str) -> None:
    session.install(*nox.project.dependency_groups(PYPROJECT, group))


@nox.session(python=PYTHON)
def generate(session: nox.Session) -> None:
    """Regenerate generated/ from openapi/two-factor.yaml."""
    install_group(session, "generate")
    session.run("python", "scripts/generate.py")


@nox.session(python=PYTHON)
def check_generated(session: nox.Session) -> None:
    """Fail, with a diff, when generated/ does not match the spec (stale or edited by hand)."""
    install_group(session, "generate")
    session.run("python", "scripts/generate.py", "--check")


@nox.session(python=PYTHON)
def spec_diff(session: nox.Session) -> None:
    """The API-change report for a pull request.

    nox -s spec_diff -- [BASE [HEAD]] [--fail-on-breaking] [--format json]
    """
    session.install("pyyaml==6.0.4")
    session.run("python", "scripts/spec_diff.py", *session.posargs)


@nox.session(python=["3.11", "3.12", "3.13"])
def tests(session: nox.Session) -> None:
    """The test suite on every supported Python found, against the package installed as users
    install it (not editable). Outside CI a missing interpreter is skipped; CI has all three."""
    session.install(".[emulator]")
    install_group(session, "test")
    session.run("pytest", *session.posargs)


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """ruff over hand-written and generated code alike."""
    install_group(session, "lint")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session(python=PYTHON)
def typecheck(session: nox.Session) -> None:
    """mypy --strict over the facade (emulator included) and the generated package."""
    session.install(".[emulator]")
    install_group(session, "typecheck")
    session.run("mypy")
