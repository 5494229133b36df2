"""The script end to end, as the nox session runs it, against a throwaway git repository."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SPEC_V1 = """\
openapi: 3.0.3
info: {title: two-factor, version: "1"}
security: [{ApiKey: []}]
paths:
  /api/two-factor/login:
    post:
      operationId: twoFactorLogin
      requestBody:
        required: true
        content: {application/json: {schema: {$ref: '#/components/schemas/LoginRequest'}}}
      responses:
        "200": {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/LoginResponse'}}}}
  /api/two-factor/status:
    get:
      operationId: retrieveStatus
      responses:
        "200": {description: ok}
components:
  securitySchemes:
    ApiKey: {type: apiKey, in: header, name: Authorization}
  schemas:
    LoginRequest:
      type: object
      required: [code]
      properties:
        code: {type: string}
        twoFactorId: {type: string}
    LoginResponse:
      type: object
      properties:
        token: {type: string}
        method: {type: string, enum: [authenticator, email]}
"""

# Breaking: twoFactorId becomes required, a closed response enum gains a value, status is removed.
# Non-breaking: a new optional request field.
SPEC_V2 = (
    SPEC_V1.replace("required: [code]", "required: [code, twoFactorId]")
    .replace("enum: [authenticator, email]", "enum: [authenticator, email, sms]")
    .replace("twoFactorId: {type: string}", "twoFactorId: {type: string}\n        trustComputer: {type: boolean}")
    .replace(SPEC_V1[SPEC_V1.index("  /api/two-factor/status:") : SPEC_V1.index("components:")], "")
)
# Only non-breaking: a new optional response field.
SPEC_V3 = SPEC_V2.replace("token: {type: string}", "token: {type: string}\n        expiresIn: {type: integer}")

FACADE_V1 = """\
__all__ = ["TwoFactorClient"]


class TwoFactorClient:
    def login(self, two_factor_id: str, code: str) -> dict: ...
    def status(self) -> dict: ...
"""
FACADE_V2 = """\
__all__ = ["TwoFactorClient", "LoginResult"]


class TwoFactorClient:
    def login(self, two_factor_id: str, code: str, *, trust_computer: bool = False) -> LoginResult: ...


class LoginResult: ...
"""

GENERATED = "generated/fusionauth_two_factor_generated"


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    identity = ["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"]
    command = ["git", *identity, *args]
    result = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, check=True)  # noqa: S603
    return result.stdout


def write(repo: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text)


def commit(repo: Path, tag: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", tag)
    git(repo, "tag", tag)


def make_repo(root: Path) -> Path:
    """main: v1; branch feature (checked out): v2 (breaking + regenerated code + facade change), then v3."""
    repo = root / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    write(
        repo,
        {
            "openapi/two-factor.yaml": SPEC_V1,
            "src/fusionauth_two_factor/__init__.py": FACADE_V1,
            f"{GENERATED}/client.py": "# client v1\n",
            f"{GENERATED}/api/retrieve_status.py": "# status\n",
        },
    )
    commit(repo, "v1")
    git(repo, "checkout", "-q", "-b", "feature")
    write(
        repo,
        {
            "openapi/two-factor.yaml": SPEC_V2,
            "src/fusionauth_two_factor/__init__.py": FACADE_V2,
            f"{GENERATED}/client.py": "# client v2\n",
            f"{GENERATED}/models/login_result.py": "# new model\n",
        },
    )
    (repo / GENERATED / "api" / "retrieve_status.py").unlink()
    commit(repo, "v2")
    write(repo, {"openapi/two-factor.yaml": SPEC_V3})
    commit(repo, "v3")
    return repo


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_repo(tmp_path_factory.mktemp("spec-diff"))


def run(script: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CEILING_DIRECTORIES": str(cwd.parent)}
    return subprocess.run(  # noqa: S603 - the script under test, run as the nox session runs it
        [sys.executable, str(script), *args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


def test_markdown_report(script_path: Path, repo: Path) -> None:
    result = run(script_path, repo, "v1", "v2")

    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "## API changes in `openapi/two-factor.yaml`: `v1` → `v2`\n"
        "\n"
        "**3 breaking**, 1 non-breaking API changes; 1 breaking facade changes.\n"
        "\n"
        "### Breaking changes\n"
        "\n"
        "#### `POST /api/two-factor/login`\n"
        "\n"
        '- `200 response body: method` added enum value "sms" (closed enum) — closed enum: the generated Enum raises '
        "ValueError on unknown values (`response-property-enum-value-added`)\n"
        "- `request body: twoFactorId` became required — callers that omit it are rejected; the model requires it "
        "(`request-property-became-required`)\n"
        "\n"
        "#### `GET /api/two-factor/status`\n"
        "\n"
        "- `operation` was removed — the generated module disappears; calls to it break "
        "(`api-removed-without-deprecation`)\n"
        "\n"
        "### Non-breaking changes\n"
        "\n"
        "#### `POST /api/two-factor/login`\n"
        "\n"
        "- `request body: trustComputer` was added (optional) — callers may ignore it "
        "(`new-optional-request-property`)\n"
        "\n"
        "### Regenerated code (`generated/`)\n"
        "\n"
        "- `D` generated/fusionauth_two_factor_generated/api/retrieve_status.py\n"
        "- `M` generated/fusionauth_two_factor_generated/client.py\n"
        "- `A` generated/fusionauth_two_factor_generated/models/login_result.py\n"
        "\n"
        "### Facade public surface (`src/fusionauth_two_factor`)\n"
        "\n"
        "- `fusionauth_two_factor.LoginResult` was added: `class LoginResult` — non-breaking: new public API\n"
        "- `fusionauth_two_factor.TwoFactorClient.login` changed from "
        "`def login(self, two_factor_id: str, code: str) -> dict` to "
        "`def login(self, two_factor_id: str, code: str, *, trust_computer: bool=False) -> LoginResult` — "
        "non-breaking: existing calls keep working (annotations or new optional parameters)\n"
        "- `fusionauth_two_factor.TwoFactorClient.status` was removed: `def status(self) -> dict` — **breaking**: "
        "code using it breaks\n"
        "- `fusionauth_two_factor.__all__['LoginResult']` was added — non-breaking: new public API\n"
    )


def test_json_report(script_path: Path, repo: Path) -> None:
    result = run(script_path, repo, "v1", "v2", "--format", "json")

    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["base"], report["head"], report["spec"], report["breaking"]) == (
        "v1",
        "v2",
        "openapi/two-factor.yaml",
        4,
    )
    assert [(c["operation"], c["location"], c["kind"], c["id"], c["breaking"]) for c in report["changes"]] == [
        ("POST /api/two-factor/login", "200 response body: method", "enum", "response-property-enum-value-added", True),
        ("POST /api/two-factor/login", "request body: trustComputer", "added", "new-optional-request-property", False),
        (
            "POST /api/two-factor/login",
            "request body: twoFactorId",
            "required",
            "request-property-became-required",
            True,
        ),
        ("GET /api/two-factor/status", "operation", "removed", "api-removed-without-deprecation", True),
    ]
    assert report["changes"][0]["message"] == 'added enum value "sms" (closed enum)'
    assert report["changes"][0]["reason"] == "closed enum: the generated Enum raises ValueError on unknown values"
    assert report["generated_files"] == [
        {"status": "D", "path": f"{GENERATED}/api/retrieve_status.py"},
        {"status": "M", "path": f"{GENERATED}/client.py"},
        {"status": "A", "path": f"{GENERATED}/models/login_result.py"},
    ]
    assert [(s["name"], s["change"], s["breaking"]) for s in report["surface_changes"]] == [
        ("fusionauth_two_factor.LoginResult", "added", False),
        ("fusionauth_two_factor.TwoFactorClient.login", "changed", False),
        ("fusionauth_two_factor.TwoFactorClient.status", "removed", True),
        ("fusionauth_two_factor.__all__['LoginResult']", "added", False),
    ]


def test_fail_on_breaking_sets_the_exit_status(script_path: Path, repo: Path) -> None:
    assert run(script_path, repo, "v1", "v2", "--fail-on-breaking").returncode == 1
    non_breaking = run(script_path, repo, "v2", "v3", "--fail-on-breaking")
    assert non_breaking.returncode == 0
    assert "**0 breaking**, 1 non-breaking API changes; 0 breaking facade changes." in non_breaking.stdout
    assert "No files changed." in non_breaking.stdout


def test_unknown_ref_is_a_usage_error(script_path: Path, repo: Path) -> None:
    result = run(script_path, repo, "v1", "no-such-ref")

    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == "spec_diff.py: error: unknown git ref 'no-such-ref'\n"


def test_outside_a_git_repository_is_a_usage_error(script_path: Path, tmp_path: Path) -> None:
    result = run(script_path, tmp_path, "v1")

    assert result.returncode == 2
    assert result.stderr == "spec_diff.py: error: not inside a git repository\n"


def test_defaults_compare_the_merge_base_with_main_to_the_working_tree(script_path: Path, tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    write(
        repo, {"openapi/two-factor.yaml": SPEC_V3.replace("security: [{ApiKey: []}]\n", ""), f"{GENERATED}/new.py": ""}
    )
    merge_base = git(repo, "merge-base", "HEAD", "main").strip()

    result = run(script_path, repo, "--format", "json")

    report = json.loads(result.stdout)
    assert (report["base"], report["head"]) == (f"merge-base {merge_base[:12]}", "working tree")
    ids = {(c["operation"], c["id"]) for c in report["changes"]}
    assert ("POST /api/two-factor/login", "request-property-became-required") in ids  # committed on the branch
    assert ("(document)", "api-security-removed") in ids  # uncommitted edit, to the document's own security
    assert {"status": "A", "path": f"{GENERATED}/new.py"} in report["generated_files"]  # untracked file


def test_unparseable_spec_is_a_usage_error(script_path: Path, tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    write(repo, {"openapi/two-factor.yaml": "paths: [unclosed\n"})

    result = run(script_path, repo, "v3")

    assert result.returncode == 2
    assert result.stderr.startswith("spec_diff.py: error: cannot parse openapi/two-factor.yaml at the working tree")
    assert "Traceback" not in result.stderr


def test_a_spec_missing_at_a_revision_is_an_empty_api(script_path: Path, tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    write(repo, {"openapi/new.yaml": SPEC_V1})

    result = run(script_path, repo, "v3", "--spec", "openapi/new.yaml", "--format", "json")

    assert result.returncode == 0, result.stderr
    assert [(c["operation"], c["id"]) for c in json.loads(result.stdout)["changes"]] == [
        ("POST /api/two-factor/login", "endpoint-added"),
        ("GET /api/two-factor/status", "endpoint-added"),
    ]


def test_help_documents_the_defaults(script_path: Path, repo: Path) -> None:
    result = run(script_path, repo, "--help")

    assert result.returncode == 0
    assert "merge-base of HEAD with origin/main" in result.stdout
    assert "HEAD defaults to the working tree" in result.stdout


def test_github_format_prints_one_annotation_per_breaking_change_on_the_head_line(
    script_path: Path, repo: Path
) -> None:
    result = run(script_path, repo, "v1", "v2", "--format", "github")

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        # SPEC_V2 line 22: `twoFactorId`, now required; line 28: `method`, whose enum grew; line 4: `paths` (the
        # status path is gone); the facade method is gone from the head, so it has no place there.
        "::error file=openapi/two-factor.yaml,line=28::POST /api/two-factor/login 200 response body: method: added "
        'enum value "sms" (closed enum) — closed enum: the generated Enum raises ValueError on unknown values '
        "(response-property-enum-value-added)",
        "::error file=openapi/two-factor.yaml,line=22::POST /api/two-factor/login request body: twoFactorId: became "
        "required — callers that omit it are rejected; the model requires it (request-property-became-required)",
        "::error file=openapi/two-factor.yaml,line=4::GET /api/two-factor/status operation: was removed — the "
        "generated module disappears; calls to it break (api-removed-without-deprecation)",
        "::error::fusionauth_two_factor.TwoFactorClient.status was removed: `def status(self) -> dict` — code using "
        "it breaks",
        "spec_diff: 4 breaking change(s) between v1 and v2",
    ]
    assert SPEC_V2.splitlines()[21].strip() == "twoFactorId: {type: string}"
    assert SPEC_V2.splitlines()[27].strip().startswith("method:")


SPLIT_SPEC = """\
openapi: 3.0.3
info: {title: two-factor, version: "1"}
paths:
  /api/two-factor/login:
    post:
      operationId: twoFactorLogin
      requestBody:
        content: {application/json: {schema: {$ref: 'schemas/login.yaml#/LoginRequest'}}}
      responses: {"200": {description: ok}}
"""
LOGIN_SCHEMA = "LoginRequest:\n  type: object\n  properties:\n    code: {type: string}\n"


def test_external_refs_are_read_at_each_revision_and_a_missing_one_is_an_error(
    script_path: Path, tmp_path: Path
) -> None:
    repo = tmp_path / "split"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    write(repo, {"openapi/two-factor.yaml": SPLIT_SPEC, "openapi/schemas/login.yaml": LOGIN_SCHEMA})
    commit(repo, "v1")
    write(repo, {"openapi/schemas/login.yaml": LOGIN_SCHEMA.replace("string", "integer")})
    commit(repo, "v2")

    changed = run(script_path, repo, "v1", "v2", "--format", "github")
    (repo / "openapi" / "schemas" / "login.yaml").unlink()
    missing = run(script_path, repo, "v2", "--format", "github")
    summary = run(script_path, repo, "v2")

    assert changed.returncode == 0, changed.stderr
    assert changed.stdout.startswith(
        "::error file=openapi/schemas/login.yaml,line=4::POST /api/two-factor/login request body: code: type changed"
    )
    assert missing.returncode == 2
    assert missing.stderr == (
        "spec_diff.py: error: the spec at the working tree cannot be compared: cannot resolve $ref "
        "'schemas/login.yaml#/LoginRequest': openapi/schemas/login.yaml does not exist at the working tree "
        "(openapi/two-factor.yaml line 8)\n"
    )
    assert missing.stdout.splitlines()[0] == (
        "::error file=openapi/two-factor.yaml,line=8::cannot resolve $ref 'schemas/login.yaml#/LoginRequest': "
        "openapi/schemas/login.yaml does not exist at the working tree"
    )
    assert summary.returncode == 2
    assert summary.stdout == (
        "## API changes in `openapi/two-factor.yaml`: the spec cannot be compared\n"
        "\n"
        "- `openapi/two-factor.yaml` line 8: cannot resolve $ref 'schemas/login.yaml#/LoginRequest': "
        "openapi/schemas/login.yaml does not exist at the working tree\n"
    )
