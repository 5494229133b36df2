"""Hypothesis strategies for JSON documents that are valid against a schema of the spec.

Written for this spec's subset of OpenAPI 3.0: $ref, object (properties, required,
additionalProperties), array, string (format uuid), integer, number, boolean, anyOf, allOf, enum.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

SPEC: dict[str, Any] = yaml.safe_load((Path(__file__).parent.parent / "openapi" / "two-factor.yaml").read_text())
SCHEMAS: dict[str, Any] = SPEC["components"]["schemas"]

json_scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(2**53), 2**53)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8)
)
any_json = st.recursive(
    json_scalars,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3),
    max_leaves=8,
)
wire_strings = st.text(max_size=12)


def for_schema(schema: dict[str, Any], depth: int = 0) -> st.SearchStrategy[Any]:  # noqa: PLR0911 - one per type
    if "$ref" in schema:
        return st.deferred(lambda: for_schema(SCHEMAS[schema["$ref"].rsplit("/", 1)[1]], depth + 1))
    if "allOf" in schema:
        if len(schema["allOf"]) == 1:
            return for_schema(schema["allOf"][0], depth)
        return _object(_merged(schema["allOf"]), depth)  # a schema that narrows another: its fields, more required
    if "anyOf" in schema:
        return st.one_of([for_schema(option, depth) for option in schema["anyOf"]])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    kind = schema.get("type", "object")
    if kind == "string":
        return st.uuids().map(str) if schema.get("format") == "uuid" else wire_strings
    if kind == "integer":
        return st.integers(-(2**63), 2**63 - 1)
    if kind == "number":
        return st.floats(allow_nan=False, allow_infinity=False) | st.integers(-(2**53), 2**53)
    if kind == "boolean":
        return st.booleans()
    if kind == "array":
        return st.lists(for_schema(schema["items"], depth + 1), max_size=2 if depth < 4 else 0)
    return _object(schema, depth)


def _merged(parts: list[dict[str, Any]]) -> dict[str, Any]:
    merged: dict[str, Any] = {"properties": {}, "required": []}
    for part in parts:
        resolved = SCHEMAS[part["$ref"].rsplit("/", 1)[1]] if "$ref" in part else part
        merged["properties"] |= resolved.get("properties", {})
        merged["required"] += resolved.get("required", [])
    return merged


def _object(schema: dict[str, Any], depth: int) -> st.SearchStrategy[dict[str, Any]]:
    properties = schema.get("properties", {})
    required = set(schema.get("required", []))
    extra = schema.get("additionalProperties", True)
    if not properties:
        values = any_json if extra in ({}, True) else for_schema(extra, depth + 1)
        return st.dictionaries(st.text(max_size=8), values, max_size=3)
    optional = (
        {}
        if depth > 5
        else {name: for_schema(sub, depth + 1) for name, sub in properties.items() if name not in required}
    )
    documented = st.fixed_dictionaries(
        {name: for_schema(properties[name], depth + 1) for name in required}, optional=optional
    )
    # Fields a newer FusionAuth might add: names this version does not know.
    unknown = st.dictionaries(st.text(min_size=1, max_size=6).map(lambda name: f"future_{name}"), any_json, max_size=2)
    return st.tuples(documented, unknown).map(lambda parts: {**parts[1], **parts[0]})


def response_schema(operation_id: str, status: str) -> dict[str, Any] | None:
    for item in SPEC["paths"].values():
        for operation in item.values():
            if operation["operationId"] == operation_id:
                response = operation["responses"].get(status)
                while response and "$ref" in response:
                    response = SPEC["components"]["responses"][response["$ref"].rsplit("/", 1)[1]]
                content = (response or {}).get("content")
                return content["application/json"]["schema"] if content else None
    raise KeyError(operation_id)
