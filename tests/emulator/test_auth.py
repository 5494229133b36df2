"""API-key rules, and that no-auth endpoints ignore credentials (single tenant)."""

from __future__ import annotations

import httpx2
import pytest

from fusionauth_two_factor.emulator.server import EmulatorServer

from ._helpers import assert_empty, general_codes, start

TENANT_KEY = "emulator-tenant-key-Pq6sW2eR9tY4uI7oA1dG3hJ8"


@pytest.mark.parametrize("authorization", [None, "", "wrong", "Bearer KEY", "KEY-suffix"])
def test_api_key_endpoints_reject_bad_keys(emu: EmulatorServer, http: httpx2.Client, authorization: str | None) -> None:
    headers = {} if authorization is None else {"Authorization": authorization.replace("KEY", emu.api_key)}
    user_id = emu.user("mfa").id
    assert_empty(http.get("/api/two-factor/status", params={"userId": user_id}, headers=headers), 401)
    assert_empty(http.get("/api/two-factor/status/trust", params={"userId": user_id}, headers=headers), 401)
    assert_empty(http.post("/api/two-factor/status", json={"userId": user_id}, headers=headers), 401)
    assert_empty(http.post("/api/two-factor/start", json={"userId": user_id}, headers=headers), 401)


def test_authentication_is_checked_before_the_body(http: httpx2.Client) -> None:
    response = http.post("/api/two-factor/start", content=b"{broken", headers={"Content-Type": "application/json"})
    assert_empty(response, 401)


def test_tenant_pinned_key_works(emu: EmulatorServer, http: httpx2.Client) -> None:
    response = http.post("/api/two-factor/start", json={"loginId": "richard"}, headers={"Authorization": TENANT_KEY})
    assert response.status_code == 200


def test_tenant_header_of_the_only_tenant_is_accepted(emu: EmulatorServer, api: httpx2.Client) -> None:
    headers = {"X-FusionAuth-TenantId": emu.seed.tenant.id.upper()}
    assert api.post("/api/two-factor/start", json={"loginId": "richard"}, headers=headers).status_code == 200


@pytest.mark.parametrize("tenant", ["11111111-2222-3333-4444-555555555555", "not-a-uuid"])
def test_unknown_tenant_header_is_400_invalid_tenant_id(
    emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client, tenant: str
) -> None:
    headers = {"X-FusionAuth-TenantId": tenant}
    response = api.get("/api/two-factor/status", params={"userId": emu.user("mfa").id}, headers=headers)
    assert general_codes(response) == ["[InvalidTenantId]"]
    assert general_codes(api.post("/api/two-factor/start", json={"loginId": "richard"}, headers=headers)) == [
        "[InvalidTenantId]"
    ]
    login = http.post("/api/two-factor/login", json={"twoFactorId": "x", "code": "1"}, headers=headers)
    assert general_codes(login) == ["[InvalidTenantId]"]
    # ... but a bad key is still a 401 first
    assert_empty(http.post("/api/two-factor/start", json={}, headers={**headers, "Authorization": "bad"}), 401)


def test_no_auth_endpoints_ignore_api_keys_and_jwts(emu: EmulatorServer, api: httpx2.Client) -> None:
    for authorization in (emu.api_key, "garbage", f"Bearer {emu.mint_jwt('mfa')}", "Bearer broken"):
        two_factor_id = start(api, loginId="richard")["twoFactorId"]
        headers = {"Authorization": authorization}
        with httpx2.Client(base_url=emu.base_url, headers=headers) as client:
            assert client.post(f"/api/two-factor/send/{two_factor_id}", json={"methodId": "UYTR"}).status_code == 200
            code = emu.latest_code(two_factor_id=two_factor_id)
            response = client.post("/api/two-factor/login", json={"twoFactorId": two_factor_id, "code": code})
            assert response.status_code == 200
