"""Properties of the report over generated OpenAPI documents: a spec has no changes against itself (also when
read back from YAML with line numbers), and any pair of specs is reported without crashing, the JSON, Markdown
and GitHub outputs telling the same story."""

from __future__ import annotations

import json
from types import ModuleType
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = "openapi/two-factor.yaml"
COMPONENTS = ("A", "B", "C")
PROPERTY_NAMES = ("code", "method", "user", "id")
BOUNDED = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

Schema = dict[str, Any]

scalar_schemas: st.SearchStrategy[Schema] = st.sampled_from(
    [
        {},
        {"type": "string"},
        {"type": "string", "format": "uuid"},
        {"type": "string", "format": "date-time"},
        {"type": "string", "enum": ["email", "sms"]},
        {"type": "string", "nullable": True},
        {"type": "string", "x-extensible-enum": ["a"]},
        {"type": "integer", "format": "int64"},
        {"type": "number"},
        {"type": "boolean"},
        {"anyOf": [{"type": "string", "enum": ["email"]}, {"type": "string"}]},
        {"anyOf": [{"type": "integer"}, {"type": "null"}]},
    ]
)
component_refs: st.SearchStrategy[Schema] = st.sampled_from(COMPONENTS).map(
    lambda name: {"$ref": f"#/components/schemas/{name}"}
)


def objects(children: st.SearchStrategy[Schema]) -> st.SearchStrategy[Schema]:
    def shape(properties: dict[str, Schema]) -> st.SearchStrategy[Schema]:
        required = st.lists(st.sampled_from(sorted(properties)), unique=True) if properties else st.just([])
        extra = st.sampled_from([True, False, {"type": "string"}])
        flags = st.sampled_from([{}, {"readOnly": True}, {"writeOnly": True}])
        return st.builds(
            lambda required, extra, flags: {
                "type": "object",
                "properties": {
                    name: {**schema, **flags} if name == "id" else schema for name, schema in properties.items()
                },
                "required": required,
                "additionalProperties": extra,
            },
            required,
            extra,
            flags,
        )

    return st.dictionaries(st.sampled_from(PROPERTY_NAMES), children, max_size=3).flatmap(shape)


def unions(children: st.SearchStrategy[Schema]) -> st.SearchStrategy[Schema]:
    plain = st.builds(
        lambda kind, branches, nullable: {kind: branches + ([{"type": "null"}] if nullable else [])},
        st.sampled_from(["oneOf", "anyOf"]),
        st.lists(children, min_size=1, max_size=3),
        st.booleans(),
    )
    discriminated = st.builds(
        lambda branches, values: {
            "oneOf": branches,
            "discriminator": {
                "propertyName": "method",
                "mapping": dict(zip(values, [b["$ref"] for b in branches], strict=False)),
            },
        },
        st.lists(component_refs, min_size=2, max_size=3),
        st.lists(st.sampled_from(["email", "sms", "totp"]), unique=True, max_size=3),
    )
    return plain | discriminated


schemas: st.SearchStrategy[Schema] = st.recursive(
    scalar_schemas | component_refs,
    lambda children: (
        objects(children)
        | unions(children)
        | st.builds(lambda items: {"type": "array", "items": items}, children)
        | st.builds(lambda parts: {"allOf": parts}, st.lists(children, min_size=1, max_size=2))
    ),
    max_leaves=6,
)


def media(schema: Schema) -> dict[str, Any]:
    return {"application/json": {"schema": schema}}


responses = st.dictionaries(
    st.sampled_from(["200", "202", "242", "400", "default"]),
    st.builds(
        lambda body, headers: {
            "description": "x",
            **({"content": media(body)} if body is not None else {}),
            **({"headers": headers} if headers else {}),
        },
        st.none() | schemas,
        st.dictionaries(
            st.sampled_from(["X-Request-Id", "x-request-id", "Retry-After"]),
            st.builds(lambda required, schema: {"required": required, "schema": schema}, st.booleans(), scalar_schemas),
            max_size=2,
        ),
    ),
    min_size=1,
    max_size=3,
)
security: st.SearchStrategy[list[dict[str, list[str]]] | None] = st.sampled_from(
    [None, [], [{}], [{"ApiKey": []}], [{"ApiKey": []}, {"Jwt": []}], [{"OAuth": ["read"]}]]
)


@st.composite
def operations(draw: st.DrawFn, path: str) -> dict[str, Any]:
    path_parameters = [
        {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}
        for name in path.replace("}", "{").split("{")[1::2]
    ]
    query = draw(
        st.lists(
            st.builds(
                lambda name, where, required, schema: {
                    "name": name,
                    "in": where,
                    "required": required,
                    "schema": schema,
                },
                st.sampled_from(["userId", "tenant"]),
                st.sampled_from(["query", "header"]),
                st.booleans(),
                scalar_schemas,
            ),
            max_size=2,
            unique_by=lambda parameter: parameter["name"],
        )
    )
    operation: dict[str, Any] = {"parameters": path_parameters + query, "responses": draw(responses)}
    if operation_id := draw(st.sampled_from([None, "login", "twoFactorLogin"])):
        operation["operationId"] = operation_id
    if body := draw(st.none() | schemas):
        operation["requestBody"] = {"required": draw(st.booleans()), "content": media(body)}
    if (requirements := draw(security)) is not None:
        operation["security"] = requirements
    if draw(st.booleans()):
        operation["deprecated"] = True
    return operation


@st.composite
def specs(draw: st.DrawFn) -> dict[str, Any]:
    paths: dict[str, Any] = {}
    for path in draw(st.lists(st.sampled_from(["/a", "/a/{id}", "/b/{userId}/{methodId}"]), unique=True, max_size=3)):
        methods = draw(st.lists(st.sampled_from(["get", "post"]), unique=True, min_size=1))
        paths[path] = {method: draw(operations(path)) for method in methods}
    document: dict[str, Any] = {
        "openapi": "3.0.3",
        "info": {"title": "generated", "version": "1"},
        "paths": paths,
        "components": {
            "schemas": {name: draw(schemas) for name in COMPONENTS},
            "securitySchemes": {
                "ApiKey": {"type": "apiKey", "in": "header", "name": draw(st.sampled_from(["Authorization", "X-Key"]))},
                "Jwt": {"type": "http", "scheme": "bearer"},
                "OAuth": {"type": "oauth2", "flows": {}},
            },
        },
    }
    if (requirements := draw(security)) is not None:
        document["security"] = requirements
    return document


def located(spec_diff: ModuleType, spec: dict[str, Any]) -> Any:
    """The spec as the script reads it from git: YAML text parsed with line numbers."""
    parsed = spec_diff.parse_yaml(yaml.safe_dump(spec, sort_keys=False), ROOT)
    return spec_diff.load_documents(ROOT, parsed, lambda path: None, "head")


@BOUNDED
@given(spec=specs())
def test_a_spec_has_no_changes_against_itself(spec_diff: ModuleType, spec: dict[str, Any]) -> None:
    assert spec_diff.diff_specs(spec, spec) == []
    assert spec_diff.diff_documents(spec_diff.Documents.of(spec), located(spec_diff, spec)) == []


def markdown_changes(markdown: str) -> list[tuple[bool, str, str]]:
    """``(breaking, operation, line)`` for every change line of a Markdown report."""
    found, breaking, operation = [], False, ""
    for line in markdown.splitlines():
        if line.startswith("### "):
            breaking = line == "### Breaking changes"
        elif line.startswith("#### "):
            heading = line.removeprefix("#### ")
            operation = "(document)" if heading == "Whole document (every operation)" else heading.strip("`")
        elif line.startswith("- `") and operation:
            found.append((breaking, operation, line))
        elif line.startswith("### Regenerated"):
            break
    return sorted(found)


@BOUNDED
@given(base=specs(), head=specs(), same_paths=st.booleans())
def test_any_pair_is_reported_and_the_formats_agree(
    spec_diff: ModuleType, base: Any, head: Any, same_paths: bool
) -> None:
    if same_paths:  # the same operations over other components: changes deep inside payloads
        head["paths"] = base["paths"]
    report = spec_diff.Report(
        "base", "head", ROOT, spec_diff.diff_documents(located(spec_diff, base), located(spec_diff, head)), [], []
    )

    document = json.loads(report.to_json())
    from_json = sorted(
        (c["breaking"], c["operation"], f"- `{c['location']}` {c['message']} — {c['reason']} (`{c['id']}`)")
        for c in document["changes"]
    )
    assert markdown_changes(report.to_markdown()) == from_json
    assert document["breaking"] == sum(c["breaking"] for c in document["changes"])
    annotations = [line for line in report.to_github().splitlines() if line.startswith("::error file=")]
    assert len(annotations) == document["breaking"]
    assert all(c["file"] == ROOT and c["line"] >= 1 for c in document["changes"])
