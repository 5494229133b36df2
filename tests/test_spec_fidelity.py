"""The spec's models match FusionAuth's own definitions, field by field.

FusionAuth's definitions come from tests/fixtures/fusionauth_definitions.json, a dated extract of the client
builder's domain JSON (which generates every official client) and the Java client's deprecations, with the
source commits recorded; scripts/refresh_fusionauth_definitions.py refreshes it. A spec schema names the
FusionAuth type it describes in `x-fusionauth-definition`; a field FusionAuth defines that the spec leaves
out is listed with the reason in `x-fusionauth-omitted`, and a field the spec has that the definition lacks
in `x-fusionauth-extra`. A schema for one status code or one endpoint (`x-fusionauth-narrows`) takes a
subset of the fields of the type it narrows, or composes it, and requires what that status or endpoint
guarantees. So drift shows here, offline, when either the spec or the extract changes.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SPEC: dict[str, Any] = yaml.safe_load((ROOT / "openapi" / "two-factor.yaml").read_text())
SCHEMAS: dict[str, Any] = SPEC["components"]["schemas"]
EXTRACT: dict[str, Any] = json.loads((ROOT / "tests" / "fixtures" / "fusionauth_definitions.json").read_text())
DEFINITIONS: dict[str, Any] = EXTRACT["types"]

# How the spec writes a Java value type of FusionAuth's JSON.
SCALARS: dict[str, dict[str, Any]] = {
    "String": {"type": "string"},
    "URI": {"type": "string"},
    "Locale": {"type": "string"},
    "ZoneId": {"type": "string"},
    "LocalDate": {"type": "string"},
    # IdentityType is a class with one `name`, but FusionAuth writes it as that name (see UserIdentity.type).
    "IdentityType": {"type": "string"},
    "UUID": {"type": "string", "format": "uuid"},
    "ZonedDateTime": {"type": "integer", "format": "int64"},
    "boolean": {"type": "boolean"},
    "Boolean": {"type": "boolean"},
    "int": {"type": "integer"},
    "Integer": {"type": "integer"},
    "long": {"type": "integer"},
    "Long": {"type": "integer"},
    "double": {"type": "number"},
    "Double": {"type": "number"},
}
COLLECTIONS = {"List", "Set", "SortedSet"}


def ref_name(node: dict[str, Any]) -> str:
    return str(node["$ref"]).rsplit("/", 1)[1]


def unwrap(node: dict[str, Any]) -> dict[str, Any]:
    """A property without its description wrapper (`allOf: [$ref]`) and with named schemas resolved."""
    while True:
        if "allOf" in node and len(node["allOf"]) == 1:
            node = node["allOf"][0]
        elif (
            "$ref" in node
            and "enum" not in SCHEMAS[ref_name(node)]
            and "x-fusionauth-definition" not in (SCHEMAS[ref_name(node)])
        ):
            node = SCHEMAS[ref_name(node)]  # Uuid, Instant, AnyJsonMap, TwoFactorMethodKind, ...
        else:
            return node


def definition_of(schema_name: str) -> str:
    schema = SCHEMAS[schema_name]
    return str(schema.get("x-fusionauth-definition") or schema["x-fusionauth-narrows"])


def spec_schema_for(fusionauth_type: str) -> str:
    (name,) = (name for name, schema in SCHEMAS.items() if schema.get("x-fusionauth-definition") == fusionauth_type)
    return name


def fusionauth_fields(fusionauth_type: str) -> dict[str, str]:
    """The fields of a FusionAuth type, inherited ones included."""
    definition = DEFINITIONS[fusionauth_type]
    fields: dict[str, str] = {}
    for parent in definition.get("extends", []):
        fields |= fusionauth_fields(parent)
    own: dict[str, str] = definition["fields"]
    return fields | own


def fusionauth_deprecated_fields(fusionauth_type: str) -> set[str]:
    definition = DEFINITIONS[fusionauth_type]
    found = set(definition.get("deprecatedFields", []))
    for parent in definition.get("extends", []):
        found |= fusionauth_deprecated_fields(parent)
    return found


def own_properties(schema: dict[str, Any]) -> dict[str, Any]:
    """The properties of a schema, those of an `allOf` it composes included."""
    found: dict[str, Any] = {}
    for part in schema.get("allOf", []):
        found |= own_properties(SCHEMAS[ref_name(part)] if "$ref" in part else part)
    own: dict[str, Any] = schema.get("properties", {})
    return found | own


def type_mismatch(java_type: str, node: dict[str, Any]) -> str | None:
    """Why the spec's `node` cannot carry FusionAuth's `java_type`, or None when it can."""
    node = unwrap(node)
    outer, _, arguments = java_type.partition("<")
    if outer in COLLECTIONS or outer == "Map":
        return container_mismatch(java_type, outer, arguments.removesuffix(">"), node)
    if java_type in SCALARS:
        return scalar_mismatch(java_type, node)
    if java_type not in DEFINITIONS:
        return f"{java_type} is neither a known Java type nor in the extract"
    if "enum" in DEFINITIONS[java_type]:
        return enum_mismatch(java_type, node)
    if "$ref" not in node or definition_of(ref_name(node)) != java_type:
        return f"{java_type} must reference the schema of {java_type} ({spec_schema_for(java_type)})"
    return None


def container_mismatch(java_type: str, outer: str, arguments: str, node: dict[str, Any]) -> str | None:
    if outer in COLLECTIONS:
        return type_mismatch(arguments, node["items"]) if node.get("type") == "array" else f"{java_type}: an array"
    if node.get("type") != "object":
        return f"{java_type} must be an object"
    value_type = arguments.split(",", 1)[1]
    values = node.get("additionalProperties")
    if value_type == "Object":
        return None if values == {} else f"{java_type} must hold any JSON value"
    return None if values is not None and type_mismatch(value_type, values) is None else f"{java_type} values"


def scalar_mismatch(java_type: str, node: dict[str, Any]) -> str | None:
    if java_type == "String" and "anyOf" in node:
        # A String FusionAuth checks against known values (a method kind): an open enum of them is fine.
        return None if {"type": "string"} in node["anyOf"] else "an anyOf must also accept any string"
    if java_type == "String" and "format" in node:
        return f"{java_type} is a plain string, not {node['format']}"
    expected = SCALARS[java_type]
    actual = {key: node[key] for key in expected if key in node}
    return None if actual == expected else f"{java_type} must be {expected}, not {node}"


def enum_mismatch(java_type: str, node: dict[str, Any]) -> str | None:
    branches = node.get("anyOf", [])
    enums = [SCHEMAS[ref_name(branch)] for branch in branches if "$ref" in branch]
    if {"type": "string"} not in branches or len(enums) != 1:
        return f"the enum {java_type} must be open: anyOf [its enum schema, any string]"
    if enums[0].get("x-fusionauth-definition") != java_type:
        return f"the enum {java_type} must reference the schema that defines it"
    return None


DEFINED = sorted(name for name, schema in SCHEMAS.items() if "x-fusionauth-definition" in schema)
OBJECTS = [name for name in DEFINED if "enum" not in DEFINITIONS[SCHEMAS[name]["x-fusionauth-definition"]]]
ENUMS = [name for name in DEFINED if name not in OBJECTS]
NARROWED = sorted(name for name, schema in SCHEMAS.items() if "x-fusionauth-narrows" in schema)


def test_the_extract_records_its_sources() -> None:
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", EXTRACT["refreshed"])
    for repository in ("FusionAuth/fusionauth-client-builder", "FusionAuth/fusionauth-java-client"):
        source = EXTRACT["sources"][repository]
        assert re.fullmatch(r"[0-9a-f]{40}", source["commit"]), repository
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", source["date"]), repository


def test_every_schema_says_which_fusionauth_definition_it_describes() -> None:
    """Only the spec's own building blocks (value types, open-enum wrappers, per-endpoint bodies) have none."""
    building_blocks = {"AnyJsonMap", "StringMap", "Instant", "Uuid", "UsernameStatus"}
    # FusionAuth types these as plain strings; the spec's open enums list the values its documentation gives.
    building_blocks |= {"TwoFactorMethodKind", "TwoFactorMethodType", "LoginIdType", "LoginIdTypeValue"}
    markers = {"x-fusionauth-definition", "x-fusionauth-narrows"}
    described = {name for name, schema in SCHEMAS.items() if set(schema) & markers}
    assert set(SCHEMAS) - described == building_blocks
    for name in DEFINED:
        assert SCHEMAS[name]["x-fusionauth-definition"] in DEFINITIONS, name


def test_every_fusionauth_type_the_operations_reach_has_its_schema() -> None:
    """Each type the extract holds (the spec's models and everything their fields reach) is in the spec once."""
    described = [SCHEMAS[name]["x-fusionauth-definition"] for name in DEFINED]
    assert len(described) == len(set(described))
    abstract_parents = {parent for definition in DEFINITIONS.values() for parent in definition.get("extends", [])}
    expected = set(DEFINITIONS) - abstract_parents - {"IdentityType"}
    assert set(described) == expected


@pytest.mark.parametrize("schema_name", OBJECTS)
def test_fields_match_fusionauth_field_by_field(schema_name: str) -> None:
    schema = SCHEMAS[schema_name]
    defined = fusionauth_fields(schema["x-fusionauth-definition"])
    omitted = schema.get("x-fusionauth-omitted", {})
    extra = schema.get("x-fusionauth-extra", {})
    assert all(reason.strip() for reason in [*omitted.values(), *extra.values()]), "every exception says why"
    assert set(omitted) <= set(defined), "only a field FusionAuth defines can be omitted"
    assert not set(extra) & set(defined), "a field FusionAuth defines is not extra"
    assert set(own_properties(schema)) == (set(defined) - set(omitted)) | set(extra)


@pytest.mark.parametrize("schema_name", OBJECTS + NARROWED)
def test_field_types_carry_fusionauth_types(schema_name: str) -> None:
    schema = SCHEMAS[schema_name]
    defined = fusionauth_fields(definition_of(schema_name))
    mismatches = {
        name: why
        for name, node in own_properties(schema).items()
        if name in defined and (why := type_mismatch(defined[name], node)) is not None
    }
    assert mismatches == {}


@pytest.mark.parametrize("schema_name", ENUMS)
def test_enums_have_fusionauth_values(schema_name: str) -> None:
    schema = SCHEMAS[schema_name]
    assert set(schema["enum"]) == set(DEFINITIONS[schema["x-fusionauth-definition"]]["enum"])


@pytest.mark.parametrize("schema_name", OBJECTS + NARROWED)
def test_deprecated_fields_are_deprecated_and_name_the_replacement(schema_name: str) -> None:
    """FusionAuth's client deprecations are all in the spec; one more must come from its documentation."""
    properties = own_properties(SCHEMAS[schema_name])
    in_clients = fusionauth_deprecated_fields(definition_of(schema_name)) & set(properties)
    deprecated = {name for name, node in properties.items() if node.get("deprecated")}
    assert in_clients <= deprecated
    for name in deprecated:
        assert "instead" in properties[name]["description"], f"{name}: say what replaces it"
    for name in deprecated - in_clients:
        words = " ".join(properties[name]["description"].split())
        assert "FusionAuth's documentation" in words, f"{name}: say who deprecates it"


@pytest.mark.parametrize("schema_name", NARROWED)
def test_status_schemas_narrow_their_fusionauth_type(schema_name: str) -> None:
    """A schema for one status keeps FusionAuth's fields (a subset) and requires only fields it has."""
    schema = SCHEMAS[schema_name]
    properties = own_properties(schema)
    assert set(properties) <= set(fusionauth_fields(schema["x-fusionauth-narrows"]))
    required = set(schema.get("required", []))
    for part in schema.get("allOf", []):
        required |= set(part.get("required", []))
    assert required <= set(properties)


def test_the_fidelity_checks_bite() -> None:
    """A wrong type, a missing open enum and a wrong reference are each reported."""
    assert type_mismatch("UUID", {"type": "string"}) is not None
    assert type_mismatch("ZonedDateTime", {"type": "string"}) is not None
    assert type_mismatch("ContentStatus", {"type": "string"}) is not None
    assert type_mismatch("List<String>", {"type": "string"}) is not None
    assert type_mismatch("Map<String,Object>", {"$ref": "#/components/schemas/StringMap"}) is not None
    assert type_mismatch("User", {"$ref": "#/components/schemas/TwoFactorMethod"}) is not None
    assert type_mismatch("ContentStatus", {"$ref": "#/components/schemas/UsernameStatus"}) is None
