"""One small spec pair per rule: the check id, the breaking/non-breaking call and the report line."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import pytest
import yaml

OP = "POST /things/{thingId}"


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


def parameters(*flows: str) -> dict[str, Any]:
    listed = "".join(f"\n  - {flow}" for flow in flows)
    return spec(f'parameters:{listed or " []"}\nresponses: {{"200": {{description: ok}}}}')


def statuses(*codes: str, body: bool = False) -> dict[str, Any]:
    content = ", content: {application/json: {schema: {type: object}}}" if body else ""
    return spec("responses: {" + ", ".join(f'"{code}": {{description: x{content}}}' for code in codes) + "}")


def secured(
    security: str, schemes: str = "{ApiKey: {type: apiKey, in: header, name: Authorization}}"
) -> dict[str, Any]:
    return spec(f'security: {security}\nresponses: {{"200": {{description: ok}}}}', f"securitySchemes: {schemes}")


def only_change(spec_diff: ModuleType, base: dict[str, Any], head: dict[str, Any]) -> Any:
    changes = spec_diff.diff_specs(base, head)
    assert len(changes) == 1, [spec_diff.render_change_line(c) for c in changes]
    return changes[0]


OBJ = "{type: object, properties: {code: {type: string}}}"
TWO_PROPS = "{type: object, properties: {code: {type: string}, name: {type: string}}}"
CODE_REQUIRED = "{type: object, required: [code], properties: {code: {type: string}}}"
ENUM = "{type: object, properties: {method: {type: string, enum: [email, sms]}}}"
ENUM_SMALLER = "{type: object, properties: {method: {type: string, enum: [email]}}}"
OPEN_ENUM = "{type: object, properties: {method: {anyOf: [{type: string, enum: [email]}, {type: string}]}}}"
OPEN_ENUM_BIGGER = "{type: object, properties: {method: {anyOf: [{type: string, enum: [email, sms]}, {type: string}]}}}"
CLOSED_ENUM = "{type: object, properties: {method: {type: string, enum: [email]}}}"


def typed(json_type: str, extra: str = "") -> str:
    return f"{{type: object, properties: {{age: {{type: {json_type}{extra}}}}}}}"


def rule_case(
    base: dict[str, Any], head: dict[str, Any], check: str | None, breaking: bool | None, line: str | None, *, name: str
) -> Any:
    """One rule: the spec pair, then the expected check id, classification and report line (None: no change)."""
    return pytest.param((base, head), check, breaking, line, id=name)


CASES = [
    # operations
    rule_case(
        parameters(),
        {**parameters(), "paths": {}},
        "api-removed-without-deprecation",
        True,
        "- `operation` was removed — the generated module disappears; calls to it break "
        "(`api-removed-without-deprecation`)",
        name="operation-removed",
    ),
    rule_case(
        spec('deprecated: true\nresponses: {"200": {description: ok}}'),
        {**parameters(), "paths": {}},
        "api-removed-after-deprecation",
        True,
        "- `operation` was removed — deprecated, yet the generated module disappears; calls break "
        "(`api-removed-after-deprecation`)",
        name="deprecated-operation-removed",
    ),
    rule_case(
        {**parameters(), "paths": {}},
        parameters(),
        "endpoint-added",
        False,
        "- `operation` was added — a new capability (`endpoint-added`)",
        name="operation-added",
    ),
    rule_case(
        spec('operationId: login\nresponses: {"200": {description: ok}}'),
        spec('operationId: twoFactorLogin\nresponses: {"200": {description: ok}}'),
        "api-operation-id-removed",
        True,
        "- `operation` operationId changed from `login` to `twoFactorLogin` — the generated module and function are "
        "named after it (`api-operation-id-removed`)",
        name="operation-id-changed",
    ),
    rule_case(
        parameters(),
        spec('deprecated: true\nparameters: []\nresponses: {"200": {description: ok}}'),
        "endpoint-deprecated",
        False,
        "- `operation` was deprecated — calls keep working (`endpoint-deprecated`)",
        name="operation-deprecated",
    ),
    # parameters
    rule_case(
        parameters(),
        parameters("{name: userId, in: query, required: true, schema: {type: string}}"),
        "new-required-request-parameter",
        True,
        "- `query parameter userId` was added (required) — callers that do not pass it are rejected; the function "
        "requires it (`new-required-request-parameter`)",
        name="new-required-parameter",
    ),
    rule_case(
        parameters(),
        parameters("{name: userId, in: query, schema: {type: string}}"),
        "new-optional-request-parameter",
        False,
        "- `query parameter userId` was added (optional) — callers may ignore it (`new-optional-request-parameter`)",
        name="new-optional-parameter",
    ),
    rule_case(
        parameters("{name: userId, in: query, schema: {type: string}}"),
        parameters(),
        "request-parameter-removed",
        True,
        "- `query parameter userId` was removed — the generated function loses the argument; passing it raises "
        "TypeError (`request-parameter-removed`)",
        name="parameter-removed",
    ),
    rule_case(
        parameters("{name: userId, in: query, schema: {type: string}}"),
        parameters("{name: userId, in: query, required: true, schema: {type: string}}"),
        "request-parameter-became-required",
        True,
        "- `query parameter userId` became required — callers that omit it are rejected; the function requires it "
        "(`request-parameter-became-required`)",
        name="parameter-became-required",
    ),
    rule_case(
        parameters("{name: userId, in: query, required: true, schema: {type: string}}"),
        parameters("{name: userId, in: query, schema: {type: string}}"),
        "request-parameter-became-optional",
        False,
        "- `query parameter userId` became optional — callers may keep passing it "
        "(`request-parameter-became-optional`)",
        name="parameter-became-optional",
    ),
    rule_case(
        parameters("{name: tenant, in: query, schema: {type: string}}"),
        parameters("{name: tenant, in: header, schema: {type: string}}"),
        "request-parameter-location-changed",
        False,
        "- `query parameter tenant` moved from query to header — the generated keyword argument keeps its name "
        "(`request-parameter-location-changed`)",
        name="parameter-moved-query-to-header",
    ),
    rule_case(
        parameters("{name: thingId, in: path, required: true, schema: {type: string}}"),
        parameters("{name: thingId, in: query, required: true, schema: {type: string}}"),
        "request-parameter-location-changed",
        True,
        "- `path parameter thingId` moved from path to query — path parameters are positional in the generated "
        "functions (`request-parameter-location-changed`)",
        name="parameter-moved-out-of-path",
    ),
    rule_case(
        parameters("{name: count, in: query, schema: {type: string}}"),
        parameters("{name: count, in: query, schema: {type: integer}}"),
        "request-parameter-type-changed",
        True,
        "- `query parameter count` type changed from `string` to `integer` — values callers send today may be "
        "rejected (`request-parameter-type-changed`)",
        name="parameter-type-narrowed",
    ),
    rule_case(
        parameters("{name: count, in: query, schema: {type: integer}}"),
        parameters("{name: count, in: query, schema: {type: number}}"),
        "request-parameter-type-changed",
        False,
        "- `query parameter count` type changed from `integer` to `number` — every value callers send today is still "
        "accepted (`request-parameter-type-changed`)",
        name="parameter-type-widened",
    ),
    rule_case(
        parameters("{name: method, in: query, schema: {type: string, enum: [email, sms]}}"),
        parameters("{name: method, in: query, schema: {type: string, enum: [email]}}"),
        "request-parameter-enum-value-removed",
        True,
        '- `query parameter method` removed enum value "sms" — callers sending it are rejected; the generated Enum '
        "loses the member (`request-parameter-enum-value-removed`)",
        name="parameter-enum-value-removed",
    ),
    # request bodies
    rule_case(
        request_body(OBJ),
        request_body("{type: object, required: [name], properties: {code: {type: string}, name: {type: string}}}"),
        "new-required-request-property",
        True,
        "- `request body: name` was added (required) — callers that do not send it are rejected; the model requires it "
        "(`new-required-request-property`)",
        name="new-required-request-property",
    ),
    rule_case(
        request_body(OBJ),
        request_body(TWO_PROPS),
        "new-optional-request-property",
        False,
        "- `request body: name` was added (optional) — callers may ignore it (`new-optional-request-property`)",
        name="new-optional-request-property",
    ),
    rule_case(
        request_body(TWO_PROPS),
        request_body(OBJ),
        "request-property-removed",
        True,
        "- `request body: name` was removed (optional) — the generated model loses the field; setting it raises "
        "TypeError (`request-property-removed`)",
        name="request-property-removed",
    ),
    rule_case(
        request_body(OBJ),
        request_body(CODE_REQUIRED),
        "request-property-became-required",
        True,
        "- `request body: code` became required — callers that omit it are rejected; the model requires it "
        "(`request-property-became-required`)",
        name="request-property-became-required",
    ),
    rule_case(
        request_body(CODE_REQUIRED),
        request_body(OBJ),
        "request-property-became-optional",
        False,
        "- `request body: code` became optional — callers may keep sending it (`request-property-became-optional`)",
        name="request-property-became-optional",
    ),
    rule_case(
        request_body("{type: object, properties: {user: {type: object, properties: {age: {type: integer}}}}}"),
        request_body("{type: object, properties: {user: {type: object, properties: {age: {type: string}}}}}"),
        "request-property-type-changed",
        True,
        "- `request body: user.age` type changed from `integer` to `string` — values callers send today may be "
        "rejected (`request-property-type-changed`)",
        name="nested-request-type-narrowed",
    ),
    rule_case(
        request_body(ENUM_SMALLER),
        request_body(ENUM),
        "request-property-enum-value-added",
        False,
        '- `request body: method` added enum value "sms" (closed enum) — callers may keep sending the old values '
        "(`request-property-enum-value-added`)",
        name="request-enum-value-added",
    ),
    rule_case(
        request_body(typed("string")),
        request_body(typed("string", ", enum: [a]")),
        "request-property-became-enum",
        True,
        "- `request body: age` became an enum — callers sending other values are rejected "
        "(`request-property-became-enum`)",
        name="request-became-enum",
    ),
    rule_case(
        request_body(typed("string", ", nullable: true")),
        request_body(typed("string")),
        "request-property-became-not-nullable",
        True,
        "- `request body: age` became not nullable — callers that send None are rejected "
        "(`request-property-became-not-nullable`)",
        name="request-became-not-nullable",
    ),
    rule_case(
        request_body(OBJ),
        request_body("{type: object, additionalProperties: false, properties: {code: {type: string}}}"),
        "request-body-additional-properties-changed",
        True,
        "- `request body` additionalProperties changed from any to forbidden — extra properties are rejected; the "
        "model drops them (`request-body-additional-properties-changed`)",
        name="request-additional-properties-forbidden",
    ),
    rule_case(
        request_body("{type: object, properties: {code: {type: string}, id: {type: string}}}"),
        request_body(
            "{type: object, required: [id], properties: {code: {type: string}, id: {type: string, readOnly: true}}}"
        ),
        "request-property-removed",
        True,
        "- `request body: id` was removed (optional) — the generated model loses the field; setting it raises "
        "TypeError "
        "(`request-property-removed`)",
        name="request-property-became-read-only",
    ),
    rule_case(
        spec('responses: {"200": {description: ok}}'),
        request_body(OBJ),
        "added-required-request-body",
        True,
        "- `request body` was added (required) — callers must now send a body (`added-required-request-body`)",
        name="required-request-body-added",
    ),
    rule_case(
        request_body(OBJ),
        spec('responses: {"200": {description: ok}}'),
        "request-body-removed",
        True,
        "- `request body` was removed — the generated function loses its body argument (`request-body-removed`)",
        name="request-body-removed",
    ),
    # response bodies
    rule_case(
        response_body(CODE_REQUIRED),
        response_body("{type: object, properties: {}}"),
        "response-required-property-removed",
        True,
        "- `200 response body: code` was removed (required) — the generated model loses the attribute; reading it "
        "raises (`response-required-property-removed`)",
        name="response-required-property-removed",
    ),
    rule_case(
        response_body(TWO_PROPS),
        response_body(OBJ),
        "response-optional-property-removed",
        True,
        "- `200 response body: name` was removed (optional) — the generated model loses the attribute; reading it "
        "raises (`response-optional-property-removed`)",
        name="response-optional-property-removed",
    ),
    rule_case(
        response_body(OBJ),
        response_body(TWO_PROPS),
        "response-optional-property-added",
        False,
        "- `200 response body: name` was added (optional) — readers may ignore it (`response-optional-property-added`)",
        name="response-property-added",
    ),
    rule_case(
        response_body(CODE_REQUIRED),
        response_body(OBJ),
        "response-property-became-optional",
        True,
        "- `200 response body: code` became optional — the attribute may be UNSET; readers that assume it is set break "
        "(`response-property-became-optional`)",
        name="response-property-became-optional",
    ),
    rule_case(
        response_body(OBJ),
        response_body(CODE_REQUIRED),
        "response-property-became-required",
        False,
        "- `200 response body: code` became required — readers already handle it being present "
        "(`response-property-became-required`)",
        name="response-property-became-required",
    ),
    rule_case(
        response_body(typed("integer")),
        response_body(typed("number")),
        "response-property-type-changed",
        True,
        "- `200 response body: age` type changed from `integer` to `number` — readers may receive values of a type "
        "they "
        "do not handle (`response-property-type-changed`)",
        name="response-type-widened",
    ),
    rule_case(
        response_body(typed("number")),
        response_body(typed("integer")),
        "response-property-type-changed",
        False,
        "- `200 response body: age` type changed from `number` to `integer` — every value returned fits the old type "
        "(`response-property-type-changed`)",
        name="response-type-narrowed",
    ),
    rule_case(
        response_body("{type: object, properties: {age: {oneOf: [{type: integer}]}}}"),
        response_body("{type: object, properties: {age: {oneOf: [{type: integer}, {type: string}]}}}"),
        "response-property-type-changed",
        True,
        "- `200 response body: age` type changed from `integer` to `integer|string` — readers may receive values of a "
        "type they do not handle (`response-property-type-changed`)",
        name="response-one-of-branch-added",
    ),
    rule_case(
        response_body(typed("string")),
        response_body(typed("string", ", nullable: true")),
        "response-property-became-nullable",
        True,
        "- `200 response body: age` became nullable — readers may now receive None "
        "(`response-property-became-nullable`)",
        name="response-became-nullable",
    ),
    rule_case(
        response_body(typed("string")),
        response_body("{type: object, properties: {age: {anyOf: [{type: string}, {type: 'null'}]}}}"),
        "response-property-became-nullable",
        True,
        "- `200 response body: age` became nullable — readers may now receive None "
        "(`response-property-became-nullable`)",
        name="response-any-of-null-branch",
    ),
    rule_case(
        response_body(ENUM_SMALLER),
        response_body(ENUM),
        "response-property-enum-value-added",
        True,
        '- `200 response body: method` added enum value "sms" (closed enum) — closed enum: the generated Enum raises '
        "ValueError on unknown values (`response-property-enum-value-added`)",
        name="response-closed-enum-value-added",
    ),
    rule_case(
        response_body(OPEN_ENUM),
        response_body(OPEN_ENUM_BIGGER),
        "response-property-enum-value-added",
        False,
        '- `200 response body: method` added enum value "sms" (open enum) — open enum: the generated union falls back '
        "to str (`response-property-enum-value-added`)",
        name="response-open-enum-value-added",
    ),
    rule_case(
        response_body(ENUM),
        response_body(ENUM_SMALLER),
        "response-property-enum-value-removed",
        True,
        '- `200 response body: method` removed enum value "sms" — the generated Enum loses the member; naming it '
        "raises "
        "AttributeError (`response-property-enum-value-removed`)",
        name="response-enum-value-removed",
    ),
    rule_case(
        response_body(OPEN_ENUM),
        response_body(CLOSED_ENUM),
        "response-property-enum-became-closed",
        True,
        "- `200 response body: method` enum became closed — unknown values now raise ValueError "
        "(`response-property-enum-became-closed`)",
        name="response-enum-became-closed",
    ),
    rule_case(
        response_body(typed("string")),
        response_body(typed("string", ", format: date-time")),
        "response-property-format-changed",
        True,
        "- `200 response body: age` format changed from `none` to `date-time` (str → datetime.datetime) — the "
        "generated "
        "Python type changes (`response-property-format-changed`)",
        name="format-changes-python-type",
    ),
    rule_case(
        response_body(typed("integer", ", format: int32")),
        response_body(typed("integer", ", format: int64")),
        "response-property-format-changed",
        False,
        "- `200 response body: age` format changed from `int32` to `int64` — the generated Python type stays the same "
        "(`response-property-format-changed`)",
        name="format-keeps-python-type",
    ),
    rule_case(
        response_body("{type: object, additionalProperties: false, properties: {code: {type: string}}}"),
        response_body(OBJ),
        "response-body-additional-properties-changed",
        True,
        "- `200 response body` additionalProperties changed from forbidden to any — readers may receive extra "
        "properties they do not expect (`response-body-additional-properties-changed`)",
        name="response-additional-properties-allowed",
    ),
    rule_case(
        response_body("{type: object, additionalProperties: {type: string}}"),
        response_body("{type: object, additionalProperties: {type: integer}}"),
        "response-property-type-changed",
        True,
        "- `200 response body: {}` type changed from `string` to `integer` — readers may receive values of a type they "
        "do not handle (`response-property-type-changed`)",
        name="additional-properties-value-type",
    ),
    rule_case(
        response_body(
            "{allOf: [{$ref: '#/components/schemas/Base'}, {type: object, properties: {b: {type: string}}}]}",
            "schemas: {Base: {type: object, required: [a], properties: {a: {type: string}}}}",
        ),
        response_body(
            "{allOf: [{$ref: '#/components/schemas/Base'}, {type: object, properties: {b: {type: string}}}]}",
            "schemas: {Base: {type: object, properties: {a: {type: string}}}}",
        ),
        "response-property-became-optional",
        True,
        "- `200 response body: a` became optional — the attribute may be UNSET; readers that assume it is set break "
        "(`response-property-became-optional`)",
        name="all-of-merged",
    ),
    rule_case(
        response_body("{type: object, properties: {secret: {type: string, writeOnly: true}}}"),
        response_body("{type: object, properties: {}}"),
        None,
        None,
        None,
        name="write-only-response-property-ignored",
    ),
    # statuses and media types
    rule_case(
        statuses("200", "202"),
        statuses("200"),
        "response-success-status-removed",
        True,
        "- `202 response` was removed — code handling that outcome breaks (`response-success-status-removed`)",
        name="success-status-removed",
    ),
    rule_case(
        statuses("200"),
        statuses("200", "404"),
        "response-non-success-status-added",
        False,
        "- `404 response` was added — notable: errors were always possible; review error handling "
        "(`response-non-success-status-added`)",
        name="error-status-added",
    ),
    rule_case(
        statuses("200", "404"),
        statuses("200"),
        "response-non-success-status-removed",
        False,
        "- `404 response` was removed — the server no longer documents that failure "
        "(`response-non-success-status-removed`)",
        name="error-status-removed",
    ),
    rule_case(
        statuses("200"),
        statuses("200", "242"),
        "response-success-status-added",
        False,
        "- `242 response` was added — a new outcome; review code that narrows `parsed` "
        "(`response-success-status-added`)",
        name="success-status-added",
    ),
    rule_case(
        statuses("200", body=True),
        statuses("200"),
        "response-media-type-removed",
        True,
        "- `200 response body` media type application/json was removed — readers of that media type get nothing "
        "(`response-media-type-removed`)",
        name="response-media-type-removed",
    ),
    # security
    rule_case(
        secured("[]"),
        secured("[{ApiKey: []}]"),
        "api-security-added",
        True,
        "- `security` now requires ApiKey — unauthenticated callers are rejected; an AuthenticatedClient is needed "
        "(`api-security-added`)",
        name="security-now-required",
    ),
    rule_case(
        secured("[{ApiKey: []}]"),
        secured("[]"),
        "api-security-removed",
        False,
        "- `security` no longer requires authentication — credentials are no longer needed (`api-security-removed`)",
        name="security-no-longer-required",
    ),
    rule_case(
        secured("[{ApiKey: []}]"),
        secured(
            "[{ApiKey: []}, {Jwt: []}]",
            "{ApiKey: {type: apiKey, in: header, name: Authorization}, Jwt: {type: http, scheme: bearer}}",
        ),
        "api-security-added",
        False,
        "- `security` now also accepts Jwt — an additional way to authenticate (`api-security-added`)",
        name="security-alternative-added",
    ),
    rule_case(
        secured(
            "[{ApiKey: []}, {Jwt: []}]",
            "{ApiKey: {type: apiKey, in: header, name: Authorization}, Jwt: {type: http, scheme: bearer}}",
        ),
        secured(
            "[{ApiKey: []}]",
            "{ApiKey: {type: apiKey, in: header, name: Authorization}, Jwt: {type: http, scheme: bearer}}",
        ),
        "api-security-removed",
        True,
        "- `security` no longer accepts Jwt — callers authenticating this way are rejected (`api-security-removed`)",
        name="security-alternative-removed",
    ),
    rule_case(
        secured("[{OAuth: [read]}]", "{OAuth: {type: oauth2, flows: {}}}"),
        secured("[{OAuth: [read, write]}]", "{OAuth: {type: oauth2, flows: {}}}"),
        "api-security-scope-added",
        True,
        "- `security` OAuth requires scope write — credentials without that scope are rejected "
        "(`api-security-scope-added`)",
        name="security-scope-added",
    ),
]


@pytest.mark.parametrize(("specs", "check", "breaking", "line"), CASES)
def test_rule(
    spec_diff: ModuleType,
    specs: tuple[dict[str, Any], dict[str, Any]],
    check: str | None,
    breaking: bool | None,
    line: str | None,
) -> None:
    base, head = specs
    if check is None:
        assert spec_diff.diff_specs(base, head) == []
        return
    change = only_change(spec_diff, base, head)
    assert (change.id, change.breaking, change.operation) == (check, breaking, OP)
    assert spec_diff.render_change_line(change) == line


def test_an_enum_next_to_a_branch_of_another_type_stays_closed(spec_diff: ModuleType) -> None:
    mixed = "{type: object, properties: {method: {anyOf: [{type: string, enum: [email]}, {type: integer}]}}}"
    change = only_change(spec_diff, response_body(mixed), response_body(mixed.replace("[email]", "[email, sms]")))

    assert (change.id, change.breaking, change.message) == (
        "response-property-enum-value-added",
        True,
        'added enum value "sms" (closed enum)',
    )


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
