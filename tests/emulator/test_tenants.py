"""Tenant rules with two seeded tenants (this module overrides ``fusionauth_emulator_seed``)."""

from __future__ import annotations

import httpx2
import pytest

from fusionauth_two_factor.emulator.seed import Seed
from fusionauth_two_factor.emulator.server import EmulatorServer

from ._helpers import assert_empty, field_codes, general_codes

TENANT_A = "aaaaaaaa-0000-0000-0000-00000000000a"
TENANT_B = "bbbbbbbb-0000-0000-0000-00000000000b"
APP_A = "aaaaaaaa-1111-0000-0000-00000000000a"
APP_B = "bbbbbbbb-1111-0000-0000-00000000000b"
ALICE_A = "aaaaaaaa-2222-0000-0000-00000000000a"
ALICE_B = "bbbbbbbb-2222-0000-0000-00000000000b"
GLOBAL_KEY = "global-key"
KEY_A = "key-for-tenant-a"


@pytest.fixture
def fusionauth_emulator_seed() -> Seed:
    def alice(user_id: str, tenant: str, app: str, secret: str) -> dict[str, object]:
        return {
            "id": user_id,
            "tenantId": tenant,
            "email": "alice@example.com",
            "registrations": [{"applicationId": app}],
            "twoFactor": {"methods": [{"id": "AUTH", "method": "authenticator", "secret": secret}]},
        }

    return Seed.from_dict(
        {
            "tenants": [{"id": TENANT_A, "name": "A"}, {"id": TENANT_B, "name": "B"}],
            "applications": [{"id": APP_A, "tenantId": TENANT_A}, {"id": APP_B, "tenantId": TENANT_B}],
            "apiKeys": [{"key": GLOBAL_KEY}, {"key": KEY_A, "tenantId": TENANT_A}],
            "users": [
                {**alice(ALICE_A, TENANT_A, APP_A, "aliceAsecret00000001"), "alias": "alice_a"},
                {**alice(ALICE_B, TENANT_B, APP_B, "aliceBsecret00000002"), "alias": "alice_b"},
            ],
        }
    )


def client(emu: EmulatorServer, key: str, tenant: str | None = None) -> httpx2.Client:
    headers = {"Authorization": key}
    if tenant is not None:
        headers["X-FusionAuth-TenantId"] = tenant
    return httpx2.Client(base_url=emu.base_url, headers=headers)


def started_user(emu: EmulatorServer, response: httpx2.Response) -> str:
    assert response.status_code == 200, response.text
    challenge = emu.state.challenge(response.json()["twoFactorId"])
    assert challenge is not None
    return challenge.user_id


def test_start_without_any_tenant_hint_is_tenant_id_required(emu: EmulatorServer) -> None:
    assert emu.api_key == GLOBAL_KEY
    with client(emu, GLOBAL_KEY) as api:
        assert general_codes(api.post("/api/two-factor/start", json={"loginId": "alice@example.com"})) == [
            "[TenantIdRequired]"
        ]
        assert general_codes(api.post("/api/two-factor/start", json={"userId": ALICE_B})) == ["[TenantIdRequired]"]


def test_tenant_header_application_id_or_pinned_key_resolve_the_tenant(emu: EmulatorServer) -> None:
    with client(emu, GLOBAL_KEY, TENANT_B) as api:
        assert started_user(emu, api.post("/api/two-factor/start", json={"loginId": "alice@example.com"})) == ALICE_B
    with client(emu, GLOBAL_KEY) as api:
        response = api.post("/api/two-factor/start", json={"loginId": "alice@example.com", "applicationId": APP_A})
        assert started_user(emu, response) == ALICE_A
    with client(emu, KEY_A) as api:
        assert started_user(emu, api.post("/api/two-factor/start", json={"loginId": "alice@example.com"})) == ALICE_A


def test_users_of_other_tenants_are_invisible(emu: EmulatorServer) -> None:
    with client(emu, GLOBAL_KEY, TENANT_A) as api:
        assert_empty(api.post("/api/two-factor/start", json={"userId": ALICE_B}), 404)
        assert field_codes(api.get("/api/two-factor/status", params={"userId": ALICE_B})) == ["[invalid]userId"]
        assert api.get("/api/two-factor/status", params={"userId": ALICE_A}).status_code == 242
        body = {"method": "email", "email": "x@example.com", "userId": ALICE_B}
        assert field_codes(api.post("/api/two-factor/send", json=body)) == ["[invalid]userId"]
        response = api.post("/api/two-factor/start", json={"loginId": "alice@example.com", "applicationId": APP_B})
        assert field_codes(response) == ["[invalid]applicationId"]


def test_status_needs_no_tenant_hint(emu: EmulatorServer) -> None:
    with client(emu, GLOBAL_KEY) as api:
        assert api.get("/api/two-factor/status", params={"userId": ALICE_B}).status_code == 242


def test_pinned_key_with_another_tenant_header_is_401(emu: EmulatorServer) -> None:
    with client(emu, KEY_A, TENANT_B) as api:
        assert_empty(api.post("/api/two-factor/start", json={"loginId": "alice@example.com"}), 401)
    with client(emu, KEY_A, TENANT_A) as api:
        assert api.post("/api/two-factor/start", json={"loginId": "alice@example.com"}).status_code == 200


def test_login_with_another_tenant_header_does_not_find_the_challenge(emu: EmulatorServer) -> None:
    with client(emu, GLOBAL_KEY, TENANT_B) as api:
        two_factor_id = api.post("/api/two-factor/start", json={"userId": ALICE_B}).json()["twoFactorId"]
    code = emu.totp_code("alice_b")
    with httpx2.Client(base_url=emu.base_url, headers={"X-FusionAuth-TenantId": TENANT_A}) as http:
        assert_empty(http.post("/api/two-factor/login", json={"twoFactorId": two_factor_id, "code": code}), 404)
        response = http.post(f"/api/two-factor/send/{two_factor_id}", json={"methodId": "AUTH"})
        assert_empty(response, 500)  # an unknown twoFactorId, as FusionAuth answers it (fusionauth-issues#2315)
    with httpx2.Client(base_url=emu.base_url, headers={"X-FusionAuth-TenantId": TENANT_B}) as http:
        response = http.post("/api/two-factor/login", json={"twoFactorId": two_factor_id, "code": code})
        assert response.status_code == 200
        assert response.json()["user"]["tenantId"] == TENANT_B


def test_jwt_with_another_tenant_header_is_401(emu: EmulatorServer) -> None:
    token = emu.mint_jwt("alice_a")
    headers = {"Authorization": f"Bearer {token}", "X-FusionAuth-TenantId": TENANT_B}
    with httpx2.Client(base_url=emu.base_url) as http:
        assert_empty(http.get("/api/two-factor/secret", headers=headers), 401)
        headers["X-FusionAuth-TenantId"] = TENANT_A
        assert http.get("/api/two-factor/secret", headers=headers).status_code == 200


@pytest.mark.parametrize("header", ["", "not-a-uuid", "cccccccc-0000-0000-0000-00000000000c"])
def test_a_tenant_header_naming_no_tenant_is_a_400_or_for_a_jwt_a_401(emu: EmulatorServer, header: str) -> None:
    with client(emu, GLOBAL_KEY, header) as api:
        response = api.post("/api/two-factor/start", json={"loginId": "alice@example.com"})
        assert (response.status_code, general_codes(response)) == (400, ["[InvalidTenantId]"])
    # The secret operation declares no 400: a token with an unusable tenant header is refused as a token.
    headers = {"Authorization": f"Bearer {emu.mint_jwt('alice_a')}", "X-FusionAuth-TenantId": header}
    with httpx2.Client(base_url=emu.base_url) as http:
        assert_empty(http.get("/api/two-factor/secret", headers=headers), 401)
