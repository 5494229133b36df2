"""The hand-maintained spec is valid OpenAPI and states FusionAuth's real behaviour."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_spec_validator import validate

SPEC_PATH = Path(__file__).parent.parent / "openapi" / "two-factor.yaml"
SPEC: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text())


def operations() -> dict[str, dict[str, Any]]:
    found = {}
    for path, item in SPEC["paths"].items():
        for method, operation in item.items():
            found[operation["operationId"]] = {**operation, "path": path, "method": method}
    return found


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        *_, kind, name = node["$ref"].split("/")
        node = SPEC["components"][kind][name]
    return node


def test_the_spec_is_valid_openapi() -> None:
    validate(SPEC)


def test_operation_ids_are_the_documented_method_names() -> None:
    assert set(operations()) == {
        "retrieveTwoFactorStatus",
        "startTwoFactorLogin",
        "twoFactorLogin",
        "sendTwoFactorCodeForEnableDisable",
        "generateTwoFactorSecretUsingJWT",
        "sendTwoFactorCodeForLoginUsingMethod",
        "retrieveTwoFactorStatusWithoutTrust",
        "retrieveTwoFactorStatusWithRequest",
        "login",
        "enableTwoFactor",
        "enableTwoFactorUsingJWT",
        "disableTwoFactor",
        "disableTwoFactorUsingJWT",
        "generateTwoFactorRecoveryCodes",
        "retrieveTwoFactorRecoveryCodes",
        "updateTwoFactor",
    }


@pytest.mark.parametrize(
    ("operation_id", "security"),
    [
        ("retrieveTwoFactorStatus", [{"ApiKeyAuth": []}]),
        ("startTwoFactorLogin", [{"ApiKeyAuth": []}]),
        ("twoFactorLogin", []),
        ("sendTwoFactorCodeForEnableDisable", [{"ApiKeyAuth": []}]),
        # One HTTP operation: FusionAuth's generateTwoFactorSecret (API key) and ...UsingJWT (JWT).
        ("generateTwoFactorSecretUsingJWT", [{"ApiKeyAuth": []}, {"JWTBearer": []}]),
        ("sendTwoFactorCodeForLoginUsingMethod", []),
        ("retrieveTwoFactorStatusWithoutTrust", [{"ApiKeyAuth": []}]),
        ("retrieveTwoFactorStatusWithRequest", [{"ApiKeyAuth": []}]),
        # The API key is required only when the application (or tenant) says so.
        ("login", [{"ApiKeyAuth": []}, {}]),
        ("enableTwoFactor", [{"ApiKeyAuth": []}]),
        ("enableTwoFactorUsingJWT", [{"JWTBearer": []}]),
        ("disableTwoFactor", [{"ApiKeyAuth": []}]),
        ("disableTwoFactorUsingJWT", [{"JWTBearer": []}]),
        ("generateTwoFactorRecoveryCodes", [{"ApiKeyAuth": []}]),
        ("retrieveTwoFactorRecoveryCodes", [{"ApiKeyAuth": []}]),
        ("updateTwoFactor", [{"ApiKeyAuth": []}]),
    ],
)
def test_security_per_operation(operation_id: str, security: list[Any]) -> None:
    assert operations()[operation_id].get("security", SPEC["security"]) == security


def test_api_key_is_raw_in_authorization_and_jwt_is_bearer() -> None:
    schemes = SPEC["components"]["securitySchemes"]
    assert schemes["ApiKeyAuth"] == {**schemes["ApiKeyAuth"], "type": "apiKey", "in": "header", "name": "Authorization"}
    assert (schemes["JWTBearer"]["type"], schemes["JWTBearer"]["scheme"]) == ("http", "bearer")


@pytest.mark.parametrize(
    ("operation_id", "codes"),
    [
        ("retrieveTwoFactorStatus", {"200", "242", "400", "401", "500"}),
        ("startTwoFactorLogin", {"200", "400", "401", "404", "500", "503"}),
        ("twoFactorLogin", {"200", "202", "203", "212", "213", "400", "404", "409", "410", "421", "500", "503", "504"}),
        ("sendTwoFactorCodeForEnableDisable", {"200", "400", "401", "500", "503"}),
        ("generateTwoFactorSecretUsingJWT", {"200", "401", "500", "503"}),
        ("sendTwoFactorCodeForLoginUsingMethod", {"200", "400", "401", "500", "503"}),
        ("retrieveTwoFactorStatusWithoutTrust", {"200", "242", "400", "401", "500"}),
        ("retrieveTwoFactorStatusWithRequest", {"200", "242", "400", "401", "500"}),
        (
            "login",
            {"200", "202", "203", "212", "213", "242", "400", "401", "404", "409", "410", "423", "500", "503", "504"},
        ),
        ("enableTwoFactor", {"200", "400", "401", "404", "421", "500", "503"}),
        ("enableTwoFactorUsingJWT", {"200", "400", "401", "404", "421", "500", "503"}),
        ("disableTwoFactor", {"200", "400", "401", "404", "421", "500", "503"}),
        ("disableTwoFactorUsingJWT", {"200", "400", "401", "404", "421", "500", "503"}),
        ("generateTwoFactorRecoveryCodes", {"200", "400", "401", "500"}),
        ("retrieveTwoFactorRecoveryCodes", {"200", "400", "401", "500"}),
        ("updateTwoFactor", {"200", "400", "401", "404", "500", "503"}),
    ],
)
def test_every_documented_status_code_and_no_default(operation_id: str, codes: set[str]) -> None:
    assert set(operations()[operation_id]["responses"]) == codes


EMPTY_BODIES = {"401", "404", "410", "421", "423", "500", "504"}


def test_empty_bodies_declare_no_content_and_400_is_errors() -> None:
    for operation_id, operation in operations().items():
        for code, declared in operation["responses"].items():
            response = resolve(declared)
            if code in EMPTY_BODIES:
                assert "content" not in response, (operation_id, code)
            if code == "400":
                assert response["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Errors"}


def test_send_and_disable_successes_have_no_body() -> None:
    for operation_id in (
        "sendTwoFactorCodeForEnableDisable",
        "sendTwoFactorCodeForLoginUsingMethod",
        "disableTwoFactor",
        "disableTwoFactorUsingJWT",
        "updateTwoFactor",
    ):
        assert "content" not in resolve(operations()[operation_id]["responses"]["200"])


def test_disable_takes_the_query_or_the_body_form() -> None:
    for operation_id in ("disableTwoFactor", "disableTwoFactorUsingJWT"):
        operation = operations()[operation_id]
        query = {resolve(p)["name"]: resolve(p) for p in operation["parameters"] if resolve(p)["in"] == "query"}
        assert set(query) == {"methodId", "code", "applicationId"}
        assert not any(parameter["required"] for parameter in query.values())
        body = resolve(operation["requestBody"])
        assert body["required"] is False
        schema = body["content"]["application/json"]["schema"]
        assert schema == {"$ref": "#/components/schemas/TwoFactorDisableRequest"}


def test_login_242_carries_the_two_factor_id_and_methods() -> None:
    media = operations()["login"]["responses"]["242"]["content"]["application/json"]
    assert media["schema"] == {"$ref": "#/components/schemas/LoginTwoFactorRequiredResponse"}
    assert {"twoFactorId", "methods"} <= set(media["example"])
    login_request = SPEC["components"]["schemas"]["LoginRequest"]["properties"]
    assert "twoFactorTrustId" in login_request


def response_schema(operation_id: str, status: str) -> dict[str, Any]:
    response = resolve(operations()[operation_id]["responses"][status])
    return resolve(response["content"]["application/json"]["schema"])


def required_fields(schema: dict[str, Any]) -> set[str]:
    required = set(schema.get("required", []))
    for part in schema.get("allOf", []):
        required |= required_fields(resolve(part))
    return required


# What FusionAuth's documentation says every answer of that status carries (the spec cites the page at
# each schema). Anything more would break parsing real answers; anything less types a field as maybe absent.
ALWAYS_SENT = [
    ("startTwoFactorLogin", "200", {"code", "twoFactorId"}),
    ("generateTwoFactorSecretUsingJWT", "200", {"secret", "secretBase32Encoded"}),
    ("login", "200", {"user"}),
    ("login", "202", {"user"}),
    ("login", "203", {"changePasswordId", "changePasswordReason"}),
    ("login", "212", {"user"}),
    ("login", "213", {"user"}),
    ("login", "242", {"twoFactorId"}),
    ("twoFactorLogin", "200", {"user"}),
    ("twoFactorLogin", "203", {"changePasswordId", "changePasswordReason"}),
    ("enableTwoFactor", "200", {"recoveryCodes"}),
    ("generateTwoFactorRecoveryCodes", "200", {"recoveryCodes"}),
    # No source says whether the deprecated retrieve sends its empty list (1.68+) or leaves it out.
    ("retrieveTwoFactorRecoveryCodes", "200", set()),
    ("retrieveTwoFactorStatusWithRequest", "200", set()),
    ("retrieveTwoFactorStatusWithRequest", "242", set()),
]


@pytest.mark.parametrize(("operation_id", "status", "fields"), ALWAYS_SENT)
def test_response_fields_fusionauth_always_sends_are_required(operation_id: str, status: str, fields: set[str]) -> None:
    assert required_fields(response_schema(operation_id, status)) == fields


@pytest.mark.parametrize(
    ("operation_id", "fields"),
    [
        # Documented as required per endpoint; "one of method and methodId" and "one of loginId and userId"
        # are checked by the facade (src/fusionauth_two_factor/_validation.py), not expressible here
        # without making the generated model a union.
        ("sendTwoFactorCodeForLoginUsingMethod", {"methodId"}),
        ("sendTwoFactorCodeForEnableDisable", {"userId"}),
        ("startTwoFactorLogin", set()),
    ],
)
def test_each_send_requires_what_its_endpoint_documents(operation_id: str, fields: set[str]) -> None:
    body = operations()[operation_id]["requestBody"]["content"]["application/json"]["schema"]
    assert required_fields(resolve(body)) == fields


def test_deprecated_login_fields_name_their_replacement() -> None:
    schemas = SPEC["components"]["schemas"]
    for schema in ("LoginRequest", "TwoFactorLoginRequest"):
        for field, replacement in (("ipAddress", "eventInfo.ipAddress"), ("metaData", "eventInfo.deviceName")):
            node = schemas[schema]["properties"][field]
            assert node["deprecated"] is True
            assert replacement in node["description"], (schema, field)
    assert schemas["User"]["properties"]["verified"]["deprecated"] is True


def test_no_statement_without_a_source() -> None:
    """Claims an audit found no FusionAuth source for (issue 12) stay out."""
    text = SPEC_PATH.read_text()
    assert "has been seen" not in text
    assert "JWT only" not in text
    assert "Requires a paid FusionAuth licence" not in text
    tenant = SPEC["components"]["parameters"]["TenantId"]["description"]
    assert "Optional on every operation here, even with several" in " ".join(tenant.split())


def test_retrieving_recovery_codes_is_deprecated() -> None:
    assert operations()["retrieveTwoFactorRecoveryCodes"]["deprecated"] is True
    assert "deprecated" not in operations()["generateTwoFactorRecoveryCodes"]


def test_every_operation_declares_the_optional_tenant_header() -> None:
    for operation in operations().values():
        assert {"$ref": "#/components/parameters/TenantId"} in operation["parameters"]
    header = SPEC["components"]["parameters"]["TenantId"]
    assert (header["name"], header["in"], header["required"]) == ("X-FusionAuth-TenantId", "header", False)


def test_field_errors_are_a_map_of_error_lists() -> None:
    field_errors = SPEC["components"]["schemas"]["Errors"]["properties"]["fieldErrors"]
    assert field_errors["type"] == "object"
    assert field_errors["additionalProperties"]["type"] == "array"


def test_free_form_maps_hold_any_json() -> None:
    assert SPEC["components"]["schemas"]["AnyJsonMap"]["additionalProperties"] == {}
    text = SPEC_PATH.read_text()
    assert "additionalProperties:\n        type: object" not in text


def test_identity_type_is_a_plain_string_and_no_pattern_is_broken() -> None:
    schemas = SPEC["components"]["schemas"]
    assert schemas["UserIdentity"]["properties"]["type"]["type"] == "string"
    assert "^w+/w+$" not in SPEC_PATH.read_text()


def test_required_request_fields() -> None:
    schemas = SPEC["components"]["schemas"]
    assert schemas["TwoFactorLoginRequest"]["required"] == ["twoFactorId", "code"]
    assert schemas["TwoFactorRequest"]["required"] == ["code", "method"]
    assert schemas["TwoFactorDisableRequest"]["required"] == ["methodId", "code"]
    assert schemas["TwoFactorStatusRequest"]["required"] == ["userId"]
    # The one-time-password login needs neither loginId nor password: nothing is required.
    assert "required" not in schemas["LoginRequest"]
    status = operations()["retrieveTwoFactorStatus"]
    user_id = next(p for p in status["parameters"] if p.get("name") == "userId")
    assert user_id["required"] is True


def test_status_trust_has_expired_and_login_has_event_info() -> None:
    schemas = SPEC["components"]["schemas"]
    assert "expired" in schemas["TwoFactorTrust"]["properties"]
    assert "eventInfo" in schemas["TwoFactorLoginRequest"]["properties"]


def enum_references(node: Any, in_open_any_of: bool = False) -> list[tuple[str, bool]]:
    """(enum schema name, whether it is referenced inside an anyOf that also accepts any string)."""
    found: list[tuple[str, bool]] = []
    if isinstance(node, dict):
        ref = node.get("$ref", "")
        if ref.startswith("#/components/schemas/") and "enum" in resolve(node):
            found.append((ref.rsplit("/", 1)[1], in_open_any_of))
        for key, value in node.items():
            open_any_of = key == "anyOf" and {"type": "string"} in value
            found.extend(enum_references(value, open_any_of))
    elif isinstance(node, list):
        for item in node:
            found.extend(enum_references(item, in_open_any_of))
    return found


def test_every_enum_is_open() -> None:
    """A closed enum would make the client crash on a value a newer FusionAuth adds."""
    references = enum_references(SPEC)
    assert len(references) >= 7
    closed = [name for name, is_open in references if not is_open]
    assert closed == []
