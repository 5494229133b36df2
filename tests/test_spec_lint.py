"""The Redocly ruleset in tools/spec-lint/ passes the real spec and bites on broken copies of it.

Runs the pinned Redocly CLI that `nox -s spec_lint` installs (`npm ci` in tools/spec-lint/) and points
SPEC_LINT_BIN at. Without node or that install the tests skip; the spec_lint session always has both.
Each broken copy is the real spec, loaded, changed in one place and written to tmp_path; the test asserts
the exact set of rule ids the linter reports for it.
"""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SPEC_PATH = ROOT / "openapi" / "two-factor.yaml"
CONFIG_PATH = ROOT / "tools" / "spec-lint" / "redocly.yaml"
LOCAL_BIN = ROOT / "tools" / "spec-lint" / "node_modules" / ".bin" / "redocly"
# No telemetry and no update check: the lint runs offline (the ruleset also says `telemetry: off`).
OFFLINE_ENV = {"REDOCLY_TELEMETRY": "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true", "NO_COLOR": "1"}

Spec = dict[str, Any]


def linter() -> Path:
    configured = os.environ.get("SPEC_LINT_BIN")
    binary = ROOT / configured if configured else LOCAL_BIN  # a relative SPEC_LINT_BIN is from the repo root
    if shutil.which("node") is None:
        pytest.skip("node is not on PATH; run `nox -s spec_lint` to lint the spec")
    if not binary.is_file():
        pytest.skip(f"Redocly CLI not installed at {binary}; run `nox -s spec_lint` (npm ci in tools/spec-lint/)")
    return binary


def lint(spec_file: Path) -> dict[str, Any]:
    """Lint one file with the project ruleset; return Redocly's JSON report."""
    result = subprocess.run(  # noqa: S603 - a fixed, project-local binary
        [
            str(linter()),
            "lint",
            "--config",
            str(CONFIG_PATH),
            "--format",
            "json",
            "--max-problems",
            "10000",
            str(spec_file),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **OFFLINE_ENV},
        timeout=120,
        check=False,
    )
    assert result.stdout.strip(), f"no report from the linter (exit {result.returncode}):\n{result.stderr}"
    report: dict[str, Any] = json.loads(result.stdout)
    errors = report["totals"]["errors"]
    assert (result.returncode != 0) == (errors > 0), f"exit {result.returncode} with {errors} errors"
    return report


def rule_ids(report: dict[str, Any]) -> set[str]:
    return {problem["ruleId"] for problem in report["problems"]}


def load_spec() -> Spec:
    spec: Spec = yaml.safe_load(SPEC_PATH.read_text())
    return spec


def write(spec: Spec, tmp_path: Path) -> Path:
    target = tmp_path / "two-factor.yaml"
    target.write_text(yaml.safe_dump(spec, sort_keys=False, allow_unicode=True, width=1000))
    return target


def operation(spec: Spec, operation_id: str) -> dict[str, Any]:
    for item in spec["paths"].values():
        for candidate in item.values():
            if isinstance(candidate, dict) and candidate.get("operationId") == operation_id:
                return candidate
    raise AssertionError(f"no operation {operation_id} in the spec")


def schema(spec: Spec, name: str) -> dict[str, Any]:
    found: dict[str, Any] = spec["components"]["schemas"][name]
    return found


# --- The breakages: each changes one thing the ruleset must catch ---------------------------------------------


def drop_operation_description(spec: Spec) -> None:
    del operation(spec, "startTwoFactorLogin")["description"]


def drop_operation_summary(spec: Spec) -> None:
    del operation(spec, "twoFactorLogin")["summary"]


def drop_parameter_description(spec: Spec) -> None:
    (user_id,) = [p for p in operation(spec, "retrieveTwoFactorStatus")["parameters"] if p.get("name") == "userId"]
    del user_id["description"]


def drop_header_parameter_description(spec: Spec) -> None:
    del spec["components"]["parameters"]["TenantId"]["description"]


def drop_property_description(spec: Spec) -> None:
    del schema(spec, "User")["properties"]["middleName"]["description"]


def drop_wrapped_ref_property_description(spec: Spec) -> None:
    # An `allOf`-wrapped $ref exists only to carry its own description: without it the property has none.
    prop = schema(spec, "LoginResponse")["properties"]["refreshTokenId"]
    assert "allOf" in prop
    del prop["description"]


def drop_nested_property_description(spec: Spec) -> None:
    del schema(spec, "AuthenticatorConfiguration")["properties"]["codeLength"]["description"]


def drop_schema_description(spec: Spec) -> None:
    del schema(spec, "MessageType")["description"]


def empty_response_description(spec: Spec) -> None:
    operation(spec, "sendTwoFactorCodeForEnableDisable")["responses"]["200"]["description"] = ""


def rename_operation_id(spec: Spec) -> None:
    operation(spec, "twoFactorLogin")["operationId"] = "completeTwoFactorLogin"


def upper_camel_operation_id(spec: Spec) -> None:
    operation(spec, "twoFactorLogin")["operationId"] = "TwoFactorLogin"


def duplicate_operation_id(spec: Spec) -> None:
    operation(spec, "sendTwoFactorCodeForLoginUsingMethod")["operationId"] = "sendTwoFactorCodeForEnableDisable"


def default_instead_of_errors(spec: Spec) -> None:
    # What FusionAuth's published spec does: one `default: Errors` in place of the declared error statuses.
    responses = operation(spec, "generateTwoFactorSecretUsingJWT")["responses"]
    for status in [s for s in responses if not s.startswith("2")]:
        del responses[status]
    responses["default"] = {
        "description": "Errors.",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Errors"}}},
    }


def default_next_to_declared_errors(spec: Spec) -> None:
    operation(spec, "startTwoFactorLogin")["responses"]["default"] = {"description": "Anything else."}


def drop_500(spec: Spec) -> None:
    del operation(spec, "twoFactorLogin")["responses"]["500"]


def drop_every_4xx(spec: Spec) -> None:
    responses = operation(spec, "sendTwoFactorCodeForEnableDisable")["responses"]
    for status in [s for s in responses if s.startswith("4")]:
        del responses[status]


def add_unused_schema(spec: Spec) -> None:
    spec["components"]["schemas"]["Orphan"] = {"type": "string", "description": "Referenced by nothing."}


def add_unused_response(spec: Spec) -> None:
    spec["components"]["responses"]["NotFound"] = {"description": "The resource was not found."}


def invalid_schema_example(spec: Spec) -> None:
    schema(spec, "SecretResponse")["example"]["secret"] = 12345


def misspelt_field_in_example(spec: Spec) -> None:
    schema(spec, "TwoFactorLoginRequest")["example"]["trustComptuer"] = True


def invalid_media_type_example(spec: Spec) -> None:
    media = operation(spec, "generateTwoFactorSecretUsingJWT")["responses"]["200"]["content"]["application/json"]
    media["example"] = {"secret": ["not", "a", "string"]}


def undefined_path_parameter(spec: Spec) -> None:
    parameters = operation(spec, "sendTwoFactorCodeForLoginUsingMethod")["parameters"]
    parameters[:] = [p for p in parameters if p.get("name") != "twoFactorId"]


def undefined_security_scheme(spec: Spec) -> None:
    operation(spec, "startTwoFactorLogin")["security"] = [{"BasicAuth": []}]


def example_com_server(spec: Spec) -> None:
    spec["servers"][0]["url"] = "https://fusionauth.example.com"


def extra_path(spec: Spec) -> None:
    status = copy.deepcopy(spec["paths"]["/api/two-factor/status/{twoFactorTrustId}"])
    status["get"]["operationId"] = "retrieveTwoFactorStatusAgain"
    spec["paths"]["/api/two-factor/status-again/{twoFactorTrustId}"] = status


BREAKAGES: list[tuple[Callable[[Spec], None], set[str]]] = [
    (drop_operation_description, {"operation-description"}),
    (drop_operation_summary, {"operation-summary"}),
    (drop_parameter_description, {"parameter-description"}),
    (drop_header_parameter_description, {"parameter-description"}),
    (drop_property_description, {"rule/property-description"}),
    (drop_wrapped_ref_property_description, {"rule/property-description", "no-illogical-composition-keywords"}),
    (drop_nested_property_description, {"rule/property-description"}),
    (drop_schema_description, {"rule/schema-description"}),
    (empty_response_description, {"rule/response-description"}),
    (rename_operation_id, {"rule/operation-id-is-documented-method"}),
    (upper_camel_operation_id, {"rule/operation-id-is-documented-method"}),
    (duplicate_operation_id, {"operation-operationId-unique"}),
    (default_instead_of_errors, {"rule/operation-declares-500-and-no-default", "operation-4xx-response"}),
    (default_next_to_declared_errors, {"rule/operation-declares-500-and-no-default"}),
    (drop_500, {"rule/operation-declares-500-and-no-default"}),
    (drop_every_4xx, {"operation-4xx-response"}),
    (add_unused_schema, {"no-unused-components"}),
    (add_unused_response, {"no-unused-components"}),
    (invalid_schema_example, {"no-invalid-schema-examples"}),
    (misspelt_field_in_example, {"no-invalid-schema-examples"}),
    (invalid_media_type_example, {"no-invalid-media-type-examples"}),
    (undefined_path_parameter, {"path-parameters-defined"}),
    (undefined_security_scheme, {"security-defined"}),
    (example_com_server, {"rule/server-not-example-com"}),
    (extra_path, {"rule/two-factor-paths", "rule/operation-id-is-documented-method"}),
]


def test_real_spec_has_no_problems() -> None:
    report = lint(SPEC_PATH)
    assert report["problems"] == [], json.dumps(report["problems"], indent=2)[:4000]
    assert report["totals"] == {"errors": 0, "warnings": 0, "ignored": 0}


def test_round_tripped_copy_has_no_problems(tmp_path: Path) -> None:
    """The broken copies below are written the same way; unbroken, such a copy is clean, so each reported
    problem comes from the breakage alone."""
    report = lint(write(load_spec(), tmp_path))
    assert report["problems"] == [], json.dumps(report["problems"], indent=2)[:4000]


@pytest.mark.parametrize(("breakage", "expected"), BREAKAGES, ids=[b.__name__ for b, _ in BREAKAGES])
def test_ruleset_reports_breakage(tmp_path: Path, breakage: Callable[[Spec], None], expected: set[str]) -> None:
    spec = load_spec()
    breakage(spec)
    assert spec != load_spec(), "the breakage changed nothing"
    report = lint(write(spec, tmp_path))
    assert rule_ids(report) == expected, json.dumps(report["problems"], indent=2)[:4000]
    # Errors, not warnings: every rule in the ruleset fails the lint.
    assert report["totals"]["errors"] == len(report["problems"]) > 0
    assert report["totals"]["warnings"] == 0


def test_every_rule_is_an_error() -> None:
    """The ruleset never warns: each rule is `error` or `off` (with a comment saying why)."""
    config = yaml.safe_load(CONFIG_PATH.read_text())
    severities: dict[str, object] = {}
    for name, setting in config["rules"].items():
        # PyYAML reads YAML 1.1, where a bare `off` is False; Redocly (YAML 1.2) reads the string "off".
        severity = setting.get("severity", "error") if isinstance(setting, dict) else setting
        severities[name] = "off" if severity is False else severity
    assert set(severities.values()) <= {"error", "off"}, severities
