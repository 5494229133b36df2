"""What the report does across operations and schemas (one spec pair per rule is in corpus/, see
test_spec_diff_corpus.py): open enums, shared recursive schemas, document-level security, nesting, order."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import yaml


def spec(operation: str, components: str = "", top: str = "") -> dict[str, Any]:
    """An OpenAPI document with one operation (YAML text) and optional components / top-level keys."""
    document: dict[str, Any] = {
        "openapi": "3.0.3",
        "info": {"title": "test", "version": "1"},
        "paths": {"/things/{thingId}": {"post": yaml.safe_load(operation)}},
    }
    if components:
        document["components"] = yaml.safe_load(components)
    if top:
        document.update(yaml.safe_load(top))
    return document


def request_body(schema: str, components: str = "") -> dict[str, Any]:
    operation = f"""
requestBody:
  required: true
  content: {{application/json: {{schema: {schema}}}}}
responses: {{"200": {{description: ok}}}}
"""
    return spec(operation, components)


def response_body(schema: str, components: str = "") -> dict[str, Any]:
    return spec(
        f'responses: {{"200": {{description: ok, content: {{application/json: {{schema: {schema}}}}}}}}}', components
    )


def secured(
    security: str, schemes: str = "{ApiKey: {type: apiKey, in: header, name: Authorization}}"
) -> dict[str, Any]:
    return spec(f'security: {security}\nresponses: {{"200": {{description: ok}}}}', f"securitySchemes: {schemes}")


def only_change(spec_diff: ModuleType, base: dict[str, Any], head: dict[str, Any]) -> Any:
    changes = spec_diff.diff_specs(base, head)
    assert len(changes) == 1, [spec_diff.render_change_line(c) for c in changes]
    return changes[0]


TWO_PROPS = "{type: object, properties: {code: {type: string}, name: {type: string}}}"
ENUM = "{type: object, properties: {method: {type: string, enum: [email, sms]}}}"


def test_an_enum_next_to_a_branch_of_another_type_stays_closed(spec_diff: ModuleType) -> None:
    mixed = "{type: object, properties: {method: {anyOf: [{type: string, enum: [email]}, {type: integer}]}}}"
    change = only_change(spec_diff, response_body(mixed), response_body(mixed.replace("[email]", "[email, sms]")))

    assert (change.id, change.breaking, change.message) == (
        "response-property-enum-value-added",
        True,
        'added enum value "sms" (closed enum)',
    )


OPEN = "{anyOf: [{type: string, enum: [email, username]}, {type: string}]}"


def test_a_string_that_becomes_an_open_enum_is_not_breaking_either_way(spec_diff: ModuleType) -> None:
    # loginIdTypes went from `items: {type: string}` to an open enum: callers may still send any string.
    plain = "{type: object, properties: {kinds: {type: array, items: {type: string}}}}"
    open_enum = plain.replace("{type: string}", OPEN)
    sent = only_change(spec_diff, request_body(plain), request_body(open_enum))
    received = only_change(spec_diff, response_body(plain), response_body(open_enum))

    assert (sent.id, sent.breaking, sent.message) == ("request-property-became-open-enum", False, "became an open enum")
    assert (received.id, received.breaking) == ("response-property-became-open-enum", False)


def test_a_string_that_becomes_a_closed_enum_still_breaks_callers(spec_diff: ModuleType) -> None:
    plain = "{type: object, properties: {kind: {type: string}}}"
    change = only_change(spec_diff, request_body(plain), request_body(plain.replace("string}", "string, enum: [a]}")))

    assert (change.id, change.breaking, change.message) == ("request-property-became-enum", True, "became an enum")


def test_identical_specs_have_no_changes(spec_diff: ModuleType) -> None:
    document = response_body(ENUM)
    assert spec_diff.diff_specs(document, response_body(ENUM)) == []


USER_SCHEMAS = """
schemas:
  User:
    type: object
    properties:
      manager: {{$ref: '#/components/schemas/User'}}
      twoFactor:
        type: object
        properties:
          methods:
            type: array
            items: {{type: object, properties: {{method: {{type: string, enum: [{values}]}}}}}}
"""


def two_operations_sharing_user(values: str) -> dict[str, Any]:
    """Two operations whose 200 bodies reach the recursive shared schema ``User`` by different routes."""
    document = response_body("{type: object, properties: {user: {$ref: '#/components/schemas/User'}}}")
    document["paths"]["/users"] = {
        "get": yaml.safe_load(
            'responses: {"200": {description: ok, content: {application/json: {schema: '
            "{type: array, items: {$ref: '#/components/schemas/User'}}}}}}"
        )
    }
    document["components"] = yaml.safe_load(USER_SCHEMAS.format(values=values))
    return document


def test_change_in_shared_recursive_schema_is_reported_under_every_operation(spec_diff: ModuleType) -> None:
    changes = spec_diff.diff_specs(two_operations_sharing_user("email"), two_operations_sharing_user("email, sms"))

    assert [(c.operation, c.location, c.id, c.breaking) for c in changes] == [
        (
            "POST /things/{thingId}",
            "200 response body: user.twoFactor.methods[].method",
            "response-property-enum-value-added",
            True,
        ),
        ("GET /users", "200 response body: [].twoFactor.methods[].method", "response-property-enum-value-added", True),
    ]


def test_global_security_change_is_reported_once_at_document_level(spec_diff: ModuleType) -> None:
    schemes = "securitySchemes: {ApiKey: {type: apiKey, in: header, name: Authorization}}"
    base = spec('responses: {"200": {description: ok}}', schemes)
    head = spec('responses: {"200": {description: ok}}', schemes, top="security: [{ApiKey: []}]")
    base["paths"]["/other"] = head["paths"]["/other"] = {"get": {"responses": {"200": {"description": "ok"}}}}

    changes = spec_diff.diff_specs(base, head)

    assert [(c.operation, c.id, c.breaking) for c in changes] == [("(document)", "api-security-added", True)]


def test_a_redefined_security_scheme_is_reported_once_at_document_level(spec_diff: ModuleType) -> None:
    base = secured("[{ApiKey: []}]")
    head = secured("[{ApiKey: []}]", "{ApiKey: {type: apiKey, in: header, name: X-API-Key}}")
    base["paths"]["/other"] = head["paths"]["/other"] = {"get": {"security": [{"ApiKey": []}], "responses": {}}}

    changes = spec_diff.diff_specs(base, head)

    assert [spec_diff.render_change_line(c) for c in changes] == [
        "- `security` scheme ApiKey was redefined — client auth settings are configured by hand, not generated "
        "(`api-security-scheme-changed`)"
    ]
    assert changes[0].operation == "(document)"


def test_removed_and_added_properties_nested_under_a_new_parent_are_not_repeated(spec_diff: ModuleType) -> None:
    base = response_body("{type: object, properties: {a: {type: string}}}")
    head = response_body("{type: object, properties: {b: {type: object, properties: {c: {type: string}}}}}")

    changes = spec_diff.diff_specs(base, head)

    assert [(c.location, c.id) for c in changes] == [
        ("200 response body: a", "response-optional-property-removed"),
        ("200 response body: b", "response-optional-property-added"),
    ]


def test_changes_come_out_sorted_and_stable(spec_diff: ModuleType) -> None:
    base = request_body(TWO_PROPS)
    head = request_body("{type: object, required: [zeta], properties: {zeta: {type: string}, code: {type: integer}}}")

    first = spec_diff.diff_specs(base, head)

    assert [c.location for c in first] == ["request body: code", "request body: name", "request body: zeta"]
    assert first == spec_diff.diff_specs(base, head)
