"""The client against the spec: every facade operation's request, as the client really sends it, validates.

Prism (``prism mock --errors``) checks each request's path, query, headers, security and body against
openapi/two-factor.yaml. A valid request gets a mocked answer; an invalid one gets an error status with the
violations in the ``sl-violations`` header. So a test passes only when the answer is a success without that
header. The last tests prove Prism really rejects broken requests, so a silent Prism cannot pass them.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx2
import pytest

from fusionauth_two_factor import (
    ApiError,
    ApiResponse,
    AsyncLoginController,
    AsyncTwoFactorController,
    Client,
    LoginController,
    RequestOptions,
    TwoFactorController,
)
from fusionauth_two_factor.models import (
    AnyJsonMap,
    DeviceInfo,
    EventInfo,
    Location,
    LoginMetaData,
    LoginRequest,
    MessageType,
    MultiFactorActionValue,
    TwoFactorDisableRequest,
    TwoFactorLoginRequest,
    TwoFactorMethodType,
    TwoFactorRequest,
    TwoFactorSendForEnableDisableRequest,
    TwoFactorSendForLoginRequest,
    TwoFactorStartRequest,
    TwoFactorStatusRequest,
    TwoFactorUpdateRequest,
)

from .conftest import PrismServer

API_KEY = "prism-contract-api-key"
TENANT_ID = "6b4a9e5f-3c1d-4f0a-9e2b-0d5c7a1e8f30"
USER_ID = uuid.UUID("00000000-0000-0000-0000-000000000001")
APPLICATION_ID = uuid.UUID("3c219e58-ed0e-4b18-ad48-f4f92793ae32")
TWO_FACTOR_ID = "YkQY5Gsyo4RlfmDciBGRmvfj3RmatUqrbjoIZ19fmw4"
TRUST_ID = "cGdnqk6DR3hNxwYMWh0ddVb3bMDBw-y24KfpT2cr1c4"
# Prism checks that a bearer token is present, not that it verifies; a JWT-shaped string is realistic enough.
ENCODED_JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIwMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDEifQ.c2lnbmF0dXJl"
VIOLATIONS_HEADER = "sl-violations"


def state_map(values: Mapping[str, Any]) -> AnyJsonMap:
    state = AnyJsonMap()
    state.additional_properties.update(values)
    return state


EVENT_INFO = EventInfo(
    data=state_map({"source": "contract-test"}),
    device_description="A laptop",
    device_name="Laptop",
    device_type="BROWSER",
    ip_address="192.0.2.10",
    location=Location(city="Denver", country="US", latitude=39.74, longitude=-104.99, region="CO"),
    os="Linux",
    user_agent="contract-test/1.0",
)


@dataclass(frozen=True)
class FacadeCall:
    """One call of a controller method: the same arguments go to the sync and the async controller.

    ``controller``: ``two_factor`` (TwoFactorController) or ``login`` (LoginController)."""

    method: str
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = field(default_factory=dict)
    controller: str = "two_factor"


FACADE_CALLS: dict[str, FacadeCall] = {
    "status, UUID user id": FacadeCall("retrieve_two_factor_status", (TRUST_ID,), {"user_id": USER_ID}),
    "status, str ids, applicationId": FacadeCall(
        "retrieve_two_factor_status",
        (TRUST_ID,),
        {"user_id": str(USER_ID), "application_id": str(APPLICATION_ID)},
    ),
    "status answered 242": FacadeCall(
        "retrieve_two_factor_status",
        (TRUST_ID,),
        # Prism answers the status a client asks for with `Prefer`, when the spec declares it.
        {"user_id": USER_ID, "request_options": RequestOptions(extra_headers={"Prefer": "code=242"})},
    ),
    "start, dict with loginId": FacadeCall(
        "start_two_factor_login", ({"loginId": "richard@piedpiper.com", "state": {"next": "/pay", "step": 2}},)
    ),
    "start, dict with userId": FacadeCall(
        "start_two_factor_login",
        ({"userId": str(USER_ID), "applicationId": str(APPLICATION_ID), "trustChallenge": "a-challenge"},),
    ),
    "start, model with every field": FacadeCall(
        "start_two_factor_login",
        (
            TwoFactorStartRequest(
                application_id=APPLICATION_ID,
                code="123456",
                login_id="richard",
                login_id_types=["email", "username"],
                state=state_map({"redirect_uri": "https://example.com/settings", "attempt": 1, "tags": ["a"]}),
                trust_challenge="a-challenge",
                user_id=USER_ID,
            ),
        ),
    ),
    "login, dict with the required fields": FacadeCall(
        "two_factor_login", ({"twoFactorId": TWO_FACTOR_ID, "code": "123456"},)
    ),
    "login, dict with optional fields": FacadeCall(
        "two_factor_login",
        (
            {
                "twoFactorId": TWO_FACTOR_ID,
                "code": "B7K2M-Q9XWP",
                "trustComputer": True,
                "applicationId": str(APPLICATION_ID),
                "ipAddress": "192.0.2.10",
                "noJWT": False,
                "metaData": {"device": {"name": "Laptop", "type": "BROWSER"}, "scopes": ["openid"]},
            },
        ),
    ),
    "login, model with every field": FacadeCall(
        "two_factor_login",
        (
            TwoFactorLoginRequest(
                code="123456",
                two_factor_id=TWO_FACTOR_ID,
                application_id=APPLICATION_ID,
                event_info=EVENT_INFO,
                ip_address="192.0.2.10",
                meta_data=LoginMetaData(
                    device=DeviceInfo(
                        description="A laptop", last_accessed_address="192.0.2.10", name="Laptop", type_="BROWSER"
                    ),
                    data=state_map({"k": "v"}),
                    scopes=["openid", "offline_access"],
                ),
                new_device=True,
                no_jwt=False,
                trust_computer=True,
                user_id=USER_ID,
                bot_detection_score=0.5,
            ),
        ),
    ),
    "send to enable email, dict": FacadeCall(
        "send_two_factor_code_for_enable_disable",
        ({"method": "email", "email": "richard@piedpiper.com", "userId": str(USER_ID)},),
    ),
    "send to enable sms, dict with messageType": FacadeCall(
        "send_two_factor_code_for_enable_disable",
        (
            {
                "method": "sms",
                "mobilePhone": "+15555550101",
                "messageType": "Voice",
                "userId": str(USER_ID),
                "applicationId": str(APPLICATION_ID),
            },
        ),
    ),
    "send to disable, model": FacadeCall(
        "send_two_factor_code_for_enable_disable",
        (TwoFactorSendForEnableDisableRequest(method_id="UYTR", user_id=USER_ID),),
    ),
    "send to enable sms, model": FacadeCall(
        "send_two_factor_code_for_enable_disable",
        (
            TwoFactorSendForEnableDisableRequest(
                method="sms", mobile_phone="+15555550101", message_type=MessageType.SMS, user_id=USER_ID
            ),
        ),
    ),
    "secret": FacadeCall("generate_two_factor_secret_using_jwt", (ENCODED_JWT,)),
    "send during login, dict": FacadeCall(
        "send_two_factor_code_for_login_using_method", (TWO_FACTOR_ID, {"methodId": "UYTR"})
    ),
    "send during login, model": FacadeCall(
        "send_two_factor_code_for_login_using_method", (TWO_FACTOR_ID, TwoFactorSendForLoginRequest(method_id="PQSM"))
    ),
    # ---- the rest of the multi-factor journey
    "password login, dict": FacadeCall(
        "login",
        ({"loginId": "richard@piedpiper.com", "password": "pässword", "applicationId": str(APPLICATION_ID)},),
        controller="login",
    ),
    "password login with a trust, dict": FacadeCall(
        "login",
        (
            {
                "loginId": "richard",
                "loginIdTypes": ["username"],
                "password": "pied-piper-1",
                "twoFactorTrustId": TRUST_ID,
                "noJWT": True,
                "metaData": {"device": {"name": "Laptop", "type": "BROWSER"}},
            },
        ),
        controller="login",
    ),
    "password login, model with every field": FacadeCall(
        "login",
        (
            LoginRequest(
                application_id=APPLICATION_ID,
                bot_detection_score=0.5,
                event_info=EVENT_INFO,
                ip_address="192.0.2.10",
                login_id="richard@piedpiper.com",
                login_id_types=["email", "username"],
                meta_data=LoginMetaData(device=DeviceInfo(name="Laptop", type_="BROWSER"), scopes=["openid"]),
                new_device=True,
                no_jwt=False,
                password="pied-piper-1",
                two_factor_trust_id=TRUST_ID,
            ),
        ),
        controller="login",
    ),
    "password login answered 242": FacadeCall(
        "login",
        ({"loginId": "richard@piedpiper.com", "password": "pied-piper-1"},),
        {"request_options": RequestOptions(extra_headers={"Prefer": "code=242"})},
        controller="login",
    ),
    "status without a trust": FacadeCall("retrieve_two_factor_status", (None,), {"user_id": USER_ID}),
    "status without a trust, applicationId": FacadeCall(
        "retrieve_two_factor_status", (None,), {"user_id": str(USER_ID), "application_id": APPLICATION_ID}
    ),
    "status by POST, dict": FacadeCall(
        "retrieve_two_factor_status_with_request", ({"userId": str(USER_ID), "action": "stepUp"},)
    ),
    "status by POST, model with every field": FacadeCall(
        "retrieve_two_factor_status_with_request",
        (
            TwoFactorStatusRequest(
                user_id=USER_ID,
                access_token=ENCODED_JWT,
                action=MultiFactorActionValue.CHANGEPASSWORD,
                application_id=APPLICATION_ID,
                event_info=EVENT_INFO,
                two_factor_trust_id=TRUST_ID,
            ),
        ),
    ),
    "secret with the API key": FacadeCall("generate_two_factor_secret"),
    "enable an authenticator, dict": FacadeCall(
        "enable_two_factor",
        (USER_ID, {"method": "authenticator", "code": "123456", "secret": "8MJJfCY4ERBtotvenSc3", "name": "Phone"}),
    ),
    "enable email, model with every field": FacadeCall(
        "enable_two_factor",
        (
            str(USER_ID),
            TwoFactorRequest(
                code="123456",
                method=TwoFactorMethodType.EMAIL,
                application_id=APPLICATION_ID,
                email="richard@piedpiper.com",
                event_info=EVENT_INFO,
                name="Work inbox",
                two_factor_id=TWO_FACTOR_ID,
            ),
        ),
    ),
    "enable with a JWT, dict": FacadeCall(
        "enable_two_factor_using_jwt",
        (ENCODED_JWT, {"method": "sms", "code": "123456", "mobilePhone": "+15555550101"}),
    ),
    "enable with a JWT, model": FacadeCall(
        "enable_two_factor_using_jwt",
        (
            ENCODED_JWT,
            TwoFactorRequest(code="123456", method="authenticator", secret_base32_encoded="HBGUUSTG"),
        ),
    ),
    "rename, dict": FacadeCall("update_two_factor", (USER_ID, {"methodId": "KLRT", "name": "Work phone"})),
    "rename, model clearing the name": FacadeCall(
        "update_two_factor", (str(USER_ID), TwoFactorUpdateRequest(method_id="KLRT", event_info=EVENT_INFO))
    ),
    "disable, query string": FacadeCall(
        "disable_two_factor", (USER_ID,), {"method_id": "KLRT", "code": "12 34+/", "application_id": APPLICATION_ID}
    ),
    "disable, dict body": FacadeCall(
        "disable_two_factor_with_request", (USER_ID, {"methodId": "KLRT", "code": "123456"})
    ),
    "disable, model body": FacadeCall(
        "disable_two_factor_with_request",
        (
            str(USER_ID),
            TwoFactorDisableRequest(
                code="B7K2M-Q9XWP", method_id="KLRT", application_id=APPLICATION_ID, event_info=EVENT_INFO
            ),
        ),
    ),
    "disable with a JWT": FacadeCall(
        "disable_two_factor_using_jwt", (ENCODED_JWT,), {"method_id": "UYTR", "code": "123456"}
    ),
    "generate recovery codes": FacadeCall("generate_two_factor_recovery_codes", (USER_ID,)),
    "retrieve recovery codes (deprecated)": FacadeCall("retrieve_two_factor_recovery_codes", (str(USER_ID),)),
}

CONTROLLERS = {
    "two_factor": (TwoFactorController, AsyncTwoFactorController),
    "login": (LoginController, AsyncLoginController),
}

TENANTS = {"no tenant header": None, "tenant header": TENANT_ID}


def make_client(prism: PrismServer, tenant_id: str | None, api_key: str | None = API_KEY) -> Client:
    # No retries: a retried request would hide which attempt Prism judged.
    return Client(base_url=prism.base_url, api_key=api_key, tenant_id=tenant_id, max_retries=0)


def public_methods(controller: type) -> set[str]:
    return {name for name in dir(controller) if not name.startswith("_")}


def assert_prism_accepted(status_code: int, headers: httpx2.Headers, body: str, prism: PrismServer) -> None:
    violations = headers.get(VIOLATIONS_HEADER)
    assert violations is None, f"Prism found the request invalid: {violations}\n{prism.log_tail()}"
    assert 200 <= status_code < 300, f"Prism answered {status_code} {body[:300]}\n{prism.log_tail()}"


def assert_accepted_answer(outcome: ApiResponse[Any] | ApiError, prism: PrismServer) -> None:
    """The facade returned a mocked success, or raised with Prism's answer: judge either the same way."""
    if isinstance(outcome, ApiError):
        assert_prism_accepted(outcome.status_code, outcome.headers, outcome.body, prism)
    else:
        assert_prism_accepted(outcome.status_code, outcome.headers, outcome.content.decode(errors="replace"), prism)


@pytest.mark.parametrize("controller", CONTROLLERS, ids=CONTROLLERS)
def test_the_calls_cover_every_facade_operation(controller: str) -> None:
    sync_controller, async_controller = CONTROLLERS[controller]
    covered = {call.method for call in FACADE_CALLS.values() if call.controller == controller}
    assert covered == public_methods(sync_controller) == public_methods(async_controller)


# The facade warns that FusionAuth deprecated retrieving recovery codes; the request is still checked.
deprecated_call_allowed = pytest.mark.filterwarnings("ignore:retrieveTwoFactorRecoveryCodes is deprecated")


@deprecated_call_allowed
@pytest.mark.parametrize("tenant_id", TENANTS.values(), ids=TENANTS.keys())
@pytest.mark.parametrize("call", FACADE_CALLS.values(), ids=FACADE_CALLS.keys())
def test_sync_request_validates(prism: PrismServer, call: FacadeCall, tenant_id: str | None) -> None:
    with make_client(prism, tenant_id) as client:
        method = getattr(CONTROLLERS[call.controller][0](client), call.method)
        try:
            outcome: ApiResponse[Any] | ApiError = method(*call.args, **call.kwargs)
        except ApiError as error:
            outcome = error
    assert_accepted_answer(outcome, prism)


@deprecated_call_allowed
@pytest.mark.parametrize("tenant_id", TENANTS.values(), ids=TENANTS.keys())
@pytest.mark.parametrize("call", FACADE_CALLS.values(), ids=FACADE_CALLS.keys())
async def test_async_request_validates(prism: PrismServer, call: FacadeCall, tenant_id: str | None) -> None:
    async with make_client(prism, tenant_id) as client:
        method = getattr(CONTROLLERS[call.controller][1](client), call.method)
        try:
            outcome: ApiResponse[Any] | ApiError = await method(*call.args, **call.kwargs)
        except ApiError as error:
            outcome = error
    assert_accepted_answer(outcome, prism)


@pytest.mark.parametrize("tenant_id", TENANTS.values(), ids=TENANTS.keys())
async def test_a_password_login_without_an_api_key_validates(prism: PrismServer, tenant_id: str | None) -> None:
    """The spec lets the password login go without a key (FusionAuth: per application); no header is sent."""
    body = {"loginId": "richard@piedpiper.com", "password": "pied-piper-1"}
    with make_client(prism, tenant_id, api_key=None) as client:
        sync_outcome = LoginController(client).login(body)
    async with make_client(prism, tenant_id, api_key=None) as client:
        async_outcome = await AsyncLoginController(client).login(body)
    assert_accepted_answer(sync_outcome, prism)
    assert_accepted_answer(async_outcome, prism)


def test_login_242_is_reported_as_two_factor_required(prism: PrismServer) -> None:
    """Prism's 242 mock of the password login reaches the facade as a challenge with its twoFactorId."""
    call = FACADE_CALLS["password login answered 242"]
    with make_client(prism, None) as client:
        login = LoginController(client).login(*call.args, **call.kwargs)
    assert (login.status_code, login.two_factor_required) == (242, True)
    assert login.result is not None
    assert isinstance(login.result.to_dict().get("twoFactorId"), str)


def test_status_242_is_reported_as_two_factor_required(prism: PrismServer) -> None:
    """Prism's 242 mock reaches the facade as a success, which proves the `Prefer` variant above is real."""
    with make_client(prism, None) as client:
        call = FACADE_CALLS["status answered 242"]
        status = TwoFactorController(client).retrieve_two_factor_status(*call.args, **call.kwargs)
    assert status.status_code == 242
    assert status.two_factor_required is True


# ---- Prism does reject invalid requests (so the checks above can fail)


def violations_of(response: httpx2.Response) -> list[dict[str, Any]]:
    raw = response.headers.get(VIOLATIONS_HEADER)
    assert raw is not None, f"Prism accepted an invalid request: {response.status_code} {response.text[:300]}"
    violations: list[dict[str, Any]] = json.loads(raw)
    return violations


def test_prism_rejects_a_status_request_without_user_id(prism: PrismServer) -> None:
    response = httpx2.get(f"{prism.base_url}/api/two-factor/status/{TRUST_ID}", headers={"Authorization": API_KEY})
    assert response.status_code == 400
    messages = [violation["message"] for violation in violations_of(response)]
    assert any("userid" in message.lower() for message in messages), messages


def test_prism_rejects_a_login_body_without_code(prism: PrismServer) -> None:
    response = httpx2.post(f"{prism.base_url}/api/two-factor/login", json={"twoFactorId": TWO_FACTOR_ID})
    assert response.status_code == 400
    violations = violations_of(response)
    assert any(v["location"] == ["request", "body"] and "'code'" in v["message"] for v in violations), violations


def test_prism_rejects_a_malformed_tenant_header(prism: PrismServer) -> None:
    response = httpx2.post(
        f"{prism.base_url}/api/two-factor/login",
        json={"twoFactorId": TWO_FACTOR_ID, "code": "123456"},
        headers={"X-FusionAuth-TenantId": "not-a-uuid"},
    )
    assert response.status_code == 400
    violations = violations_of(response)
    assert any(v["location"][:2] == ["request", "header"] for v in violations), violations


def test_prism_rejects_a_secret_request_without_a_credential(prism: PrismServer) -> None:
    """The secret takes an API key or a bearer JWT (one operation, two security alternatives): not nothing."""
    response = httpx2.get(f"{prism.base_url}/api/two-factor/secret")
    assert response.status_code == 401
    assert violations_of(response)


def test_prism_rejects_an_api_key_operation_without_authorization(prism: PrismServer) -> None:
    response = httpx2.post(f"{prism.base_url}/api/two-factor/start", json={"loginId": "richard@piedpiper.com"})
    assert response.status_code == 401
    assert violations_of(response)


def test_prism_rejects_an_enable_body_without_method(prism: PrismServer) -> None:
    response = httpx2.post(
        f"{prism.base_url}/api/user/two-factor/{USER_ID}", json={"code": "123456"}, headers={"Authorization": API_KEY}
    )
    assert response.status_code == 400
    violations = violations_of(response)
    assert any(v["location"] == ["request", "body"] and "'method'" in v["message"] for v in violations), violations


def test_prism_rejects_a_recovery_code_call_with_a_user_id_that_is_no_uuid(prism: PrismServer) -> None:
    response = httpx2.post(
        f"{prism.base_url}/api/user/two-factor/recovery-code/not-a-uuid", headers={"Authorization": API_KEY}
    )
    assert response.status_code in {400, 422}
    assert violations_of(response)


def test_prism_rejects_a_status_body_with_an_action_that_is_no_string(prism: PrismServer) -> None:
    response = httpx2.post(
        f"{prism.base_url}/api/two-factor/status",
        json={"userId": str(USER_ID), "action": 7},
        headers={"Authorization": API_KEY},
    )
    assert response.status_code == 400
    assert violations_of(response)


def test_prism_rejects_a_jwt_enable_without_bearer_token(prism: PrismServer) -> None:
    response = httpx2.post(
        f"{prism.base_url}/api/user/two-factor",
        json={"method": "email", "code": "123456", "email": "richard@piedpiper.com"},
        headers={"Authorization": API_KEY},
    )
    assert response.status_code == 401
    assert violations_of(response)


def test_a_rejected_request_fails_the_facade_check(prism: PrismServer) -> None:
    """The assertion the facade tests use turns Prism's rejection into a test failure."""
    response = httpx2.post(f"{prism.base_url}/api/two-factor/login", json={"twoFactorId": TWO_FACTOR_ID})
    with pytest.raises(AssertionError, match="Prism found the request invalid"):
        assert_prism_accepted(response.status_code, response.headers, response.text, prism)
