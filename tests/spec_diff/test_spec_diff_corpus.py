"""The corpus: spec pairs in ``corpus/*.yaml``, each listing every change the report must find in it.

A case holds the files of each revision as text (``base``/``head``: repository path -> YAML text, the root spec
being ``openapi/two-factor.yaml``; a revision without it is an empty API) and either ``changes`` (every change,
in report order, with the fields to check: ``operation``, ``location``, ``id``, ``breaking``, ``message``,
``report`` for the Markdown line, ``at``/``file`` for the head-spec line an annotation goes to) or ``error`` (a
part of the message of the exit-2 error the pair must raise).
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

CORPUS = Path(__file__).parent / "corpus"
ROOT = "openapi/two-factor.yaml"
CASE_FILES = sorted(CORPUS.glob("*.yaml"))
CASE_KEYS = {"summary", "base", "head", "changes", "error"}


def load_case(path: Path) -> dict[str, Any]:
    case: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return case


def documents(spec_diff: ModuleType, files: dict[str, str], revision: str) -> Any:
    """A revision of a case as the script loads one from git: located YAML, ``$ref``s into its other files."""
    parsed = {name: spec_diff.parse_yaml(text, name) for name, text in files.items()}
    return spec_diff.load_documents(ROOT, parsed.get(ROOT) or {}, parsed.get, revision)


def diff_case(spec_diff: ModuleType, case: dict[str, Any]) -> list[Any]:
    changes: list[Any] = spec_diff.diff_documents(
        documents(spec_diff, case["base"] or {}, "base"), documents(spec_diff, case["head"] or {}, "head")
    )
    return changes


def view(spec_diff: ModuleType, change: Any, fields: Any) -> dict[str, Any]:
    """The fields of ``change`` a case names, under the case's names."""
    values = {
        "operation": change.operation,
        "location": change.location,
        "id": change.id,
        "breaking": change.breaking,
        "message": change.message,
        "report": spec_diff.render_change_line(change),
        "at": change.line,
        "file": change.file,
    }
    return {name: values[name] for name in fields}


@pytest.mark.parametrize("case_file", CASE_FILES, ids=lambda path: path.stem)
def test_corpus_case(spec_diff: ModuleType, case_file: Path) -> None:
    case = load_case(case_file)
    assert set(case) <= CASE_KEYS
    assert case["summary"]
    if "error" in case:
        with pytest.raises(spec_diff.SpecError) as raised:
            diff_case(spec_diff, case)
        assert case["error"] in str(raised.value)
        return
    changes = diff_case(spec_diff, case)
    expected = case["changes"]
    assert len(changes) == len(expected), [spec_diff.render_change_line(c) for c in changes]
    assert [view(spec_diff, c, e) for c, e in zip(changes, expected, strict=True)] == expected


def test_the_corpus_exercises_every_rule(spec_diff: ModuleType) -> None:
    seen = {
        (change.breaking, change.reason)
        for case in map(load_case, CASE_FILES)
        if "error" not in case
        for change in diff_case(spec_diff, case)
    }
    assert [rule for rule, outcome in spec_diff.RULES.items() if outcome not in seen] == []


def test_github_format_annotates_each_breaking_change_on_its_head_line(spec_diff: ModuleType) -> None:
    changes = diff_case(spec_diff, load_case(CORPUS / "external-ref-change.yaml"))
    report = spec_diff.Report("v1", "v2", ROOT, changes, [], [])

    assert report.to_github().splitlines() == [
        "::error file=openapi/schemas/two-factor.yaml,line=4::GET /users/{userId} 200 response body: "
        'twoFactor.method: added enum value "sms" (closed enum) — closed enum: the generated Enum raises ValueError '
        "on unknown values (response-property-enum-value-added)",
        "::error file=openapi/parameters.yaml,line=1::GET /users/{userId} path parameter userId: format changed "
        "from `none` to `uuid` (str → UUID) — the generated Python type changes (request-parameter-format-changed)",
        "spec_diff: 2 breaking change(s) between v1 and v2",
    ]


def test_workflow_commands_are_escaped(spec_diff: ModuleType) -> None:
    assert (
        spec_diff.workflow_error("50% off\nnow", "a,b:c.yaml", 3)
        == "::error file=a%2Cb%3Ac.yaml,line=3::50%25 off%0Anow"
    )
    assert spec_diff.workflow_error("no place") == "::error::no place"
