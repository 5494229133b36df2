"""The spec against the emulator: schemathesis generates requests for every operation of
openapi/two-factor.yaml, sends them to a running emulator, and checks every answer against the spec.

Checks: no 5xx; every status code, content type, body and header declared by the spec; schema-violating
requests rejected; required headers and authentication really required. Not checked: that every
schema-valid request succeeds (``positive_data_acceptance``), because FusionAuth validates meaning too and
documents 400 for, say, an ``applicationId`` that names no application.

Most generated data hits 400/401/404/421. The ``flatmap_case`` hook below also swaps seeded ids (users,
application, tenant), passwords, live ``twoFactorId``s, current authenticator codes and existing method
ids into some positive cases, so the successes (200, 202, 203, 242, 409, 410, ...) are generated and
checked too; ``test_every_operation_answers_as_documented`` and ``test_the_journey_answers_as_documented``
walk through them deterministically. Enabling and disabling change the module's one state: the
generated disables target the seed user ``enrol`` (its methods are added by the hook when it has none),
so ``mfa`` keeps the methods the other operations need.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import httpx2
import pytest

pytest.importorskip("schemathesis", reason="schemathesis is not installed here; the contract nox session installs it")

# The imports below need schemathesis, so they come after the skip. The typecheck session has no schemathesis
# (it is only in the contract group): there mypy sees it as Any, hence the ignores, which are unused where it
# is installed.
import schemathesis  # type: ignore[import-not-found, unused-ignore]
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error  # type: ignore[import-not-found, unused-ignore]
from schemathesis.specs.openapi.checks import (  # type: ignore[import-not-found, unused-ignore]
    content_type_conformance,
    ignored_auth,
    missing_required_header,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from fusionauth_two_factor.emulator import EmulatorServer
from fusionauth_two_factor.emulator.body import Body
from fusionauth_two_factor.emulator.codes import new_secret, totp_at
from fusionauth_two_factor.emulator.models import Method
from fusionauth_two_factor.emulator.state import EmulatorState

from .conftest import SPEC_PATH

MAX_EXAMPLES_PER_OPERATION = 50
TENANT_HEADER = "X-FusionAuth-TenantId"

SPEC_CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
    negative_data_rejection,
    missing_required_header,
    ignored_auth,
]

# One state for the whole module: the hook below creates live twoFactorIds in it while cases are generated,
# and the emulator fixture serves it.
EMULATOR_STATE = EmulatorState()
SEEDED_TENANT_ID = next(iter(EMULATOR_STATE.tenants))
SEEDED_APPLICATION_ID = next(iter(EMULATOR_STATE.applications))
UNKNOWN_USER = "99999999-0000-0000-0000-000000000000"
# Users whose login ends differently: 200/202 (mfa), 203 (change_password), 409 (locked), 410 (expired).
LOGIN_USERS = ["mfa", "change_password", "locked", "expired"]
# Users with a method that can receive a code, and that method's id.
MESSAGING_USERS = {"mfa": "UYTR", "email_only": "JDEM"}
STATUS_USERS = ["mfa", "no_mfa"]  # 242 and 200
# The seed's plaintext passwords (default_seed.json); 242 (mfa), 200 (no_mfa), 203, 409, 410.
PASSWORDS = {
    "mfa": "pied-piper-1",
    "no_mfa": "pied-piper-3",
    "change_password": "pied-piper-4",
    "locked": "pied-piper-5",
    "expired": "pied-piper-6",
}
# The user whose methods the generated disables remove, and the JWT operations act on.
DISPOSABLE = "enrol"
JWT_USERS = {"enableTwoFactorUsingJWT": DISPOSABLE, "disableTwoFactorUsingJWT": DISPOSABLE}

schema = schemathesis.openapi.from_path(SPEC_PATH)


def user_id(alias: str) -> str:
    return EMULATOR_STATE.user(alias).id


def start_challenge(alias: str) -> dict[str, Any]:
    """A live twoFactorId (and its start code) for ``alias``, created directly in the served state."""
    return EMULATOR_STATE.start(Body({"userId": user_id(alias)}), tenant_id=None)


def auth_headers(case: schemathesis.Case, emulator: EmulatorServer) -> dict[str, str]:
    """What the operation's declared security needs: the raw API key, a bearer JWT, or nothing."""
    schemes = {name for requirement in case.operation.definition.raw.get("security", []) for name in requirement}
    if "ApiKeyAuth" in schemes:
        return {"Authorization": emulator.api_key}
    if "JWTBearer" in schemes:
        jwt_user = JWT_USERS.get(case.operation.definition.raw.get("operationId"), "mfa")
        return {"Authorization": f"Bearer {emulator.mint_jwt(jwt_user)}"}
    return {}


# ---- realistic data for some positive cases


def with_seeded_scope(case: schemathesis.Case, container: dict[str, Any]) -> dict[str, Any]:
    """``container`` with any applicationId pointing at the seeded application; the tenant header likewise."""
    if case.headers and case.headers.get(TENANT_HEADER):
        case.headers = {**case.headers, TENANT_HEADER: SEEDED_TENANT_ID}
    if "applicationId" in container:
        return {**container, "applicationId": SEEDED_APPLICATION_ID}
    return container


def plug_status(case: schemathesis.Case, draw: st.DrawFn) -> None:
    query = {**(case.query or {}), "userId": user_id(draw(st.sampled_from(STATUS_USERS)))}
    case.query = with_seeded_scope(case, query)


def plug_start(case: schemathesis.Case, draw: st.DrawFn) -> None:
    body = dict(case.body)
    if draw(st.booleans()):
        body["userId"] = user_id("mfa")
    else:
        body.pop("userId", None)
        body["loginId"] = EMULATOR_STATE.user("mfa").email
        body.pop("loginIdTypes", None)  # generated types are not identity types: 400
    case.body = with_seeded_scope(case, body)


def plug_login(case: schemathesis.Case, draw: st.DrawFn) -> None:
    challenge = start_challenge(draw(st.sampled_from(LOGIN_USERS)))
    body = {**case.body, "twoFactorId": challenge["twoFactorId"]}
    if draw(st.booleans()):  # else the generated code stays: 421
        body["code"] = challenge["code"]
    case.body = with_seeded_scope(case, body)


def plug_send_for_login(case: schemathesis.Case, draw: st.DrawFn) -> None:
    alias = draw(st.sampled_from(sorted(MESSAGING_USERS)))
    case.path_parameters = {**(case.path_parameters or {}), "twoFactorId": start_challenge(alias)["twoFactorId"]}
    case.body = {**case.body, "methodId": MESSAGING_USERS[alias]}
    case.headers = with_seeded_scope(case, dict(case.headers or {}))


def plug_send_for_enable_disable(case: schemathesis.Case, draw: st.DrawFn) -> None:
    body = {**case.body, "userId": user_id("mfa")}
    if draw(st.booleans()):
        body["methodId"] = MESSAGING_USERS["mfa"]
    else:
        body.pop("methodId", None)
        body.update({"method": "email", "email": "richard+new@piedpiper.com"})
        body.pop("messageType", None)
    case.body = with_seeded_scope(case, body)


def now_ms() -> int:
    return EMULATOR_STATE.clock.now_ms()


def fresh_authenticator() -> dict[str, Any]:
    """An enable request body for a new authenticator, with its current code."""
    secret = new_secret()
    return {"method": "authenticator", "secret": secret, "code": totp_at(secret, now_ms())}


def disposable_method() -> Method:
    """One of ``enrol``'s methods (an authenticator), enabled directly in the served state when it has none."""
    user = EMULATOR_STATE.user(DISPOSABLE)
    if not user.methods:
        EMULATOR_STATE.enable_two_factor(user, Body(fresh_authenticator()), tenant_id=None)
    return user.methods[0]


def disposable_code(method: Method) -> str:
    assert method.key is not None
    return totp_at(method.key, now_ms())


def plug_password_login(case: schemathesis.Case, draw: st.DrawFn) -> None:
    alias = draw(st.sampled_from(sorted(PASSWORDS)))
    body = {**case.body, "loginId": EMULATOR_STATE.user(alias).email, "password": PASSWORDS[alias]}
    for unusable in ("loginIdTypes", "oneTimePassword", "twoFactorTrustId"):  # generated ones: 400 or 404
        body.pop(unusable, None)
    case.body = with_seeded_scope(case, body)


def plug_status_with_request(case: schemathesis.Case, draw: st.DrawFn) -> None:
    body = {**case.body, "userId": user_id(draw(st.sampled_from(STATUS_USERS)))}
    body.pop("accessToken", None)  # a generated token is not one the emulator signed: 400
    case.body = with_seeded_scope(case, body)


def plug_enable(case: schemathesis.Case, draw: st.DrawFn) -> None:
    if case.path_parameters is not None and "userId" in case.path_parameters:
        case.path_parameters = {**case.path_parameters, "userId": user_id(DISPOSABLE)}
    body = {**case.body, **fresh_authenticator()}
    for unusable in ("secretBase32Encoded", "twoFactorId"):  # generated ones: 400
        body.pop(unusable, None)
    case.body = with_seeded_scope(case, body)


def plug_disable(case: schemathesis.Case, draw: st.DrawFn) -> None:
    method = disposable_method()
    if case.path_parameters is not None and "userId" in case.path_parameters:
        case.path_parameters = {**case.path_parameters, "userId": user_id(DISPOSABLE)}
    proof = {"methodId": method.id, "code": disposable_code(method)}
    if isinstance(case.body, dict):
        case.body = with_seeded_scope(case, {**case.body, **proof})
    else:
        case.query = with_seeded_scope(case, {**(case.query or {}), **proof})


def plug_update(case: schemathesis.Case, draw: st.DrawFn) -> None:
    case.path_parameters = {**(case.path_parameters or {}), "userId": user_id("mfa")}
    if isinstance(case.body, dict):
        case.body = {**case.body, "methodId": draw(st.sampled_from(["KLRT", "UYTR", "PQSM"]))}
    case.headers = with_seeded_scope(case, dict(case.headers or {}))


def plug_recovery_codes(case: schemathesis.Case, draw: st.DrawFn) -> None:
    case.path_parameters = {**(case.path_parameters or {}), "userId": user_id(draw(st.sampled_from(STATUS_USERS)))}
    case.headers = with_seeded_scope(case, dict(case.headers or {}))


PLUGGERS = {
    "retrieveTwoFactorStatus": plug_status,
    "retrieveTwoFactorStatusWithoutTrust": plug_status,
    "retrieveTwoFactorStatusWithRequest": plug_status_with_request,
    "startTwoFactorLogin": plug_start,
    "twoFactorLogin": plug_login,
    "sendTwoFactorCodeForLoginUsingMethod": plug_send_for_login,
    "sendTwoFactorCodeForEnableDisable": plug_send_for_enable_disable,
    "login": plug_password_login,
    "enableTwoFactor": plug_enable,
    "enableTwoFactorUsingJWT": plug_enable,
    "disableTwoFactor": plug_disable,
    "disableTwoFactorUsingJWT": plug_disable,
    "updateTwoFactor": plug_update,
    "generateTwoFactorRecoveryCodes": plug_recovery_codes,
    "retrieveTwoFactorRecoveryCodes": plug_recovery_codes,
}


@st.composite
def maybe_realistic(draw: st.DrawFn, case: schemathesis.Case) -> schemathesis.Case:
    operation_id = case.operation.definition.raw.get("operationId")
    plug = PLUGGERS.get(operation_id)
    meta = case.meta
    # Negative cases are left alone: swapping in a valid id could repair the very part that was made invalid.
    if plug is None or meta is None or not meta.generation.mode.is_positive:
        return case
    # A body that is not an object cannot take the ids; operations without a body (the recovery codes) can.
    if case.operation.body and case.operation.method.upper() in {"POST", "PUT"} and not isinstance(case.body, dict):
        return case
    if draw(st.booleans()):  # half of them: the other half keeps the generated ids (400, 404, ...)
        plug(case, draw)
    return case


@schema.hook("flatmap_case")  # type: ignore[untyped-decorator, unused-ignore]
def realistic_ids(context: schemathesis.HookContext, case: schemathesis.Case) -> st.SearchStrategy[Any]:
    return maybe_realistic(case)


# ---- sending and checking


# FusionAuth answers enabling a user's second or later method with an empty 200 ("After that, this call does not
# return a JSON response body", apis/two-factor/_two-factor-enable-response.mdx). OpenAPI cannot make a response's
# content optional, so the spec declares the first method's TwoFactorResponse and says so in words. That answer
# alone skips the two body checks, and only once the user really has another method.
ENABLE_OPERATIONS = frozenset({"enableTwoFactor", "enableTwoFactorUsingJWT"})
BODY_CHECKS = (content_type_conformance, response_schema_conformance)


def checks_for(case: schemathesis.Case, response: schemathesis.Response) -> list[Any]:
    operation_id = case.operation.definition.raw.get("operationId")
    if operation_id in ENABLE_OPERATIONS and response.status_code == 200 and not response.content:
        path_user = (case.path_parameters or {}).get("userId")
        user = EMULATOR_STATE.user(path_user or JWT_USERS[operation_id])
        assert len(user.methods) > 1, "an empty answer for a first method"
        return [check for check in SPEC_CHECKS if check not in BODY_CHECKS]
    if operation_id == "sendTwoFactorCodeForLoginUsingMethod" and response.status_code == 500 and not response.content:
        # A twoFactorId no challenge has (a negative case's): FusionAuth answers it with an empty 500, a
        # NullPointerException it has not fixed (fusionauth-issues#2315), and so does the emulator. The
        # 500 is a documented status of the operation: every other check still applies.
        return [check for check in SPEC_CHECKS if check is not not_a_server_error]
    return SPEC_CHECKS


def call_checked(case: schemathesis.Case, emulator: EmulatorServer) -> schemathesis.Response:
    """Send ``case`` with the credential its operation needs and run the spec's checks on the answer."""
    headers = auth_headers(case, emulator)
    response = case.call(base_url=emulator.base_url, headers=headers)
    transport = {"base_url": emulator.base_url, "headers": headers}  # for checks that send the request again
    case.validate_response(response, checks=checks_for(case, response), headers=headers, transport_kwargs=transport)
    return response


# ---- tests


@pytest.fixture(scope="module")
def emulator() -> Iterator[EmulatorServer]:
    with EmulatorServer(state=EMULATOR_STATE) as server:
        yield server


@schema.parametrize()  # type: ignore[untyped-decorator, unused-ignore]
@settings(
    max_examples=MAX_EXAMPLES_PER_OPERATION,
    deadline=timedelta(seconds=2),
    # The emulator is module-scoped and the root conftest's log check is meant to span every example.
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
def test_emulator_conforms_to_the_spec(case: schemathesis.Case, emulator: EmulatorServer) -> None:
    call_checked(case, emulator)


# ---- every documented outcome, deterministically, through the same checks


def send_checked(emulator: EmulatorServer, operation_id: str, **parts: Any) -> schemathesis.Response:
    """Build the request from the spec's operation, send it, and run every check on the answer."""
    return call_checked(schema.find_operation_by_id(operation_id).Case(**parts), emulator)


def test_every_operation_answers_as_documented(emulator: EmulatorServer) -> None:
    mfa_user = user_id("mfa")
    status = send_checked(
        emulator, "retrieveTwoFactorStatus", path_parameters={"twoFactorTrustId": "none"}, query={"userId": mfa_user}
    )
    assert status.status_code == 242
    status = send_checked(
        emulator,
        "retrieveTwoFactorStatus",
        path_parameters={"twoFactorTrustId": "none"},
        query={"userId": user_id("no_mfa"), "applicationId": SEEDED_APPLICATION_ID},
        headers={TENANT_HEADER: SEEDED_TENANT_ID},
    )
    assert status.status_code == 200

    start = send_checked(
        emulator,
        "startTwoFactorLogin",
        body={"loginId": "richard@piedpiper.com", "applicationId": SEEDED_APPLICATION_ID, "state": {"next": "/pay"}},
    )
    assert start.status_code == 200
    two_factor_id = start.json()["twoFactorId"]
    sent = send_checked(
        emulator,
        "sendTwoFactorCodeForLoginUsingMethod",
        path_parameters={"twoFactorId": two_factor_id},
        body={"methodId": MESSAGING_USERS["mfa"]},
    )
    assert sent.status_code == 200
    code = emulator.latest_code(two_factor_id=two_factor_id)
    login = send_checked(
        emulator,
        "twoFactorLogin",
        body={
            "twoFactorId": two_factor_id,
            "code": code,
            "trustComputer": True,
            "applicationId": SEEDED_APPLICATION_ID,
        },
    )
    assert login.status_code == 200
    trust_id = login.json()["twoFactorTrustId"]
    trusted = send_checked(
        emulator, "retrieveTwoFactorStatus", path_parameters={"twoFactorTrustId": trust_id}, query={"userId": mfa_user}
    )
    assert trusted.status_code == 200
    assert trusted.json()["trusts"], trusted.text

    assert send_checked(emulator, "generateTwoFactorSecretUsingJWT").status_code == 200
    enable = {"method": "email", "email": "richard+new@piedpiper.com", "userId": mfa_user}
    assert send_checked(emulator, "sendTwoFactorCodeForEnableDisable", body=enable).status_code == 200
    disable = {"methodId": MESSAGING_USERS["mfa"], "userId": mfa_user}
    assert send_checked(emulator, "sendTwoFactorCodeForEnableDisable", body=disable).status_code == 200


def test_the_journey_answers_as_documented(emulator: EmulatorServer) -> None:
    """Every new operation's documented answers, in the order of a user's journey (``no_mfa``, whom the
    generated cases never change), each through the same checks."""
    user = user_id("no_mfa")
    password = {"loginId": EMULATOR_STATE.user("no_mfa").email, "password": PASSWORDS["no_mfa"]}

    def answers(operation_id: str, **parts: Any) -> int:
        return int(send_checked(emulator, operation_id, **parts).status_code)

    assert answers("login", body={**password, "applicationId": SEEDED_APPLICATION_ID}) == 200
    assert answers("login", body={**password, "password": "wrong"}) == 404
    assert answers("login", body={"loginId": password["loginId"]}) == 400
    assert answers("retrieveTwoFactorStatusWithoutTrust", query={"userId": user}) == 200
    secret = send_checked(emulator, "generateTwoFactorSecretUsingJWT").json()["secret"]

    def enable(code: str) -> dict[str, Any]:
        return {"body": {"method": "authenticator", "secret": secret, "code": code}}

    assert answers("enableTwoFactor", path_parameters={"userId": user}, **enable("not-a-code")) == 421
    first = send_checked(
        emulator, "enableTwoFactor", path_parameters={"userId": user}, **enable(totp_at(secret, now_ms()))
    )
    assert first.status_code == 200
    assert len(first.json()["recoveryCodes"]) == 10
    assert answers("enableTwoFactor", path_parameters={"userId": UNKNOWN_USER}, **enable("not-a-code")) == 404
    assert answers("enableTwoFactor", path_parameters={"userId": user}, body={"method": "authenticator"}) == 400

    challenge = send_checked(emulator, "login", body=password)
    assert challenge.status_code == 242
    assert challenge.json()["twoFactorId"]
    method_id = challenge.json()["methods"][0]["id"]
    assert answers("retrieveTwoFactorStatusWithoutTrust", query={"userId": user}) == 242
    assert answers("retrieveTwoFactorStatusWithRequest", body={"userId": user, "action": "stepUp"}) == 242
    assert answers("retrieveTwoFactorStatusWithRequest", body={"userId": UNKNOWN_USER}) == 400
    assert answers("retrieveTwoFactorStatusWithoutTrust", query={"userId": UNKNOWN_USER}) == 400

    # A second method: its 200 has no body.
    second = new_secret()
    body = {"method": "authenticator", "secret": second, "code": totp_at(second, now_ms())}
    assert answers("enableTwoFactor", path_parameters={"userId": user}, body=body) == 200
    rename = {"methodId": method_id, "name": "Work phone"}
    assert answers("updateTwoFactor", path_parameters={"userId": user}, body=rename) == 200
    assert answers("updateTwoFactor", path_parameters={"userId": user}, body={"methodId": "NOPE"}) == 400
    assert answers("updateTwoFactor", path_parameters={"userId": UNKNOWN_USER}, body=rename) == 404

    codes = send_checked(emulator, "generateTwoFactorRecoveryCodes", path_parameters={"userId": user})
    assert codes.status_code == 200
    assert answers("retrieveTwoFactorRecoveryCodes", path_parameters={"userId": user}) == 200
    assert answers("generateTwoFactorRecoveryCodes", path_parameters={"userId": UNKNOWN_USER}) == 400
    assert answers("retrieveTwoFactorRecoveryCodes", path_parameters={"userId": UNKNOWN_USER}) == 400

    wrong = {"methodId": method_id, "code": "not-a-code"}
    assert answers("disableTwoFactor", path_parameters={"userId": user}, query=wrong) == 421
    assert answers("disableTwoFactor", path_parameters={"userId": UNKNOWN_USER}, query=wrong) == 404
    assert answers("disableTwoFactor", path_parameters={"userId": user}, query={**wrong, "methodId": "NOPE"}) == 400
    by_query = {"methodId": method_id, "code": totp_at(secret, now_ms())}
    assert answers("disableTwoFactor", path_parameters={"userId": user}, query=by_query) == 200
    # A recovery code in a body removes the remaining method: MFA is off again.
    by_body = {"methodId": EMULATOR_STATE.user("no_mfa").methods[0].id, "code": codes.json()["recoveryCodes"][0]}
    assert answers("disableTwoFactor", path_parameters={"userId": user}, body=by_body) == 200
    assert answers("login", body=password) == 200


def test_the_jwt_forms_answer_as_documented(emulator: EmulatorServer) -> None:
    """The self-service forms act on the JWT's user (``enrol``): enable, then disable with its code."""
    assert send_checked(emulator, "enableTwoFactorUsingJWT", body=fresh_authenticator()).status_code == 200
    method = disposable_method()
    wrong = {"methodId": method.id, "code": "not-a-code"}
    assert send_checked(emulator, "disableTwoFactorUsingJWT", query=wrong).status_code == 421
    proof = {"methodId": method.id, "code": disposable_code(method)}
    assert send_checked(emulator, "disableTwoFactorUsingJWT", body=proof).status_code == 200
    unusable = schema.find_operation_by_id("enableTwoFactorUsingJWT").Case(body=fresh_authenticator())
    response = unusable.call(base_url=emulator.base_url, headers={"Authorization": "Bearer not.a.jwt"})
    assert response.status_code == 401
    unusable.validate_response(response, checks=SPEC_CHECKS)


LOGIN_OUTCOMES = {
    "not registered for the application": ("mfa", "e3e70682-c209-4cac-a29f-6fbed82c07cd", 202),
    "must change password": ("change_password", None, 203),
    "locked": ("locked", None, 409),
    "expired": ("expired", None, 410),
}


@pytest.mark.parametrize(("alias", "application_id", "expected_status"), LOGIN_OUTCOMES.values(), ids=LOGIN_OUTCOMES)
def test_login_outcomes_answer_as_documented(
    emulator: EmulatorServer, alias: str, application_id: str | None, expected_status: int
) -> None:
    challenge = start_challenge(alias)
    body = {"twoFactorId": challenge["twoFactorId"], "code": challenge["code"]}
    if application_id is not None:
        body["applicationId"] = application_id
    assert send_checked(emulator, "twoFactorLogin", body=body).status_code == expected_status


def test_login_errors_answer_as_documented(emulator: EmulatorServer) -> None:
    challenge = start_challenge("mfa")
    wrong_code = send_checked(emulator, "twoFactorLogin", body={"twoFactorId": challenge["twoFactorId"], "code": "x"})
    assert wrong_code.status_code == 421
    unknown = send_checked(emulator, "twoFactorLogin", body={"twoFactorId": "unknown", "code": "123456"})
    assert unknown.status_code == 404
    missing_code = send_checked(emulator, "twoFactorLogin", body={"twoFactorId": "unknown"})
    assert missing_code.status_code == 400


# ---- the checks bite


def secret_answer(status_code: int, body: dict[str, Any] | None) -> tuple[schemathesis.Case, httpx2.Response]:
    case = schema.find_operation_by_id("generateTwoFactorSecretUsingJWT").Case(
        headers={TENANT_HEADER: "e3e70682-c209-4cac-a29f-6fbed82c07cd"}
    )
    request = httpx2.Request("GET", "http://127.0.0.1:9/api/two-factor/secret")
    headers = {"Content-Type": "application/json;charset=UTF-8"} if body is not None else {}
    content = json.dumps(body).encode() if body is not None else b""
    response = httpx2.Response(status_code, headers=headers, content=content, request=request)
    response.elapsed = timedelta(0)  # set by httpx2 only when it sends; schemathesis reads it
    return case, response


@pytest.mark.parametrize(
    ("status_code", "body"),
    [
        (400, {"generalErrors": [{"code": "[TenantIdRequired]", "message": "another 400"}]}),
        (404, None),
        (200, {"secret": 20}),
    ],
    ids=["another undeclared 400", "an undeclared 404", "a 200 of the wrong shape"],
)
def test_the_checks_reject_answers_the_spec_does_not_declare(status_code: int, body: dict[str, Any] | None) -> None:
    case, response = secret_answer(status_code, body)
    with pytest.raises(schemathesis.errors.FailureGroup):
        case.validate_response(response, checks=SPEC_CHECKS)
