"""Emulator-only HTTP routes (/_emulator/...) and FusionAuth-style answers for unknown routes."""

from __future__ import annotations

import httpx2

from fusionauth_two_factor.emulator.server import EmulatorServer

from ._helpers import JSON, assert_empty, start


def test_outbox_route_lists_and_filters(emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client) -> None:
    first = start(api, loginId="richard")["twoFactorId"]
    second = start(api, loginId="jared")["twoFactorId"]
    http.post(f"/api/two-factor/send/{first}", json={"methodId": "UYTR"})
    http.post(f"/api/two-factor/send/{second}", json={"methodId": "JDEM"})
    http.post(f"/api/two-factor/send/{first}", json={"methodId": "PQSM"})

    response = http.get("/_emulator/outbox")
    assert response.status_code == 200
    assert response.headers["content-type"] == JSON
    messages = response.json()["messages"]
    assert [m["destination"] for m in messages] == ["richard@piedpiper.com", "jared@piedpiper.com", "+15555550101"]
    assert messages[0] == {
        "method": "email",
        "destination": "richard@piedpiper.com",
        "code": emu.outbox[0].code,
        "purpose": "login",
        "userId": emu.user("mfa").id,
        "instant": emu.clock.now_ms(),
        "twoFactorId": first,
        "methodId": "UYTR",
    }
    only_first = http.get("/_emulator/outbox", params={"twoFactorId": first}).json()["messages"]
    assert [m["methodId"] for m in only_first] == ["UYTR", "PQSM"]
    assert len(http.get("/_emulator/outbox", params={"method": "sms"}).json()["messages"]) == 1
    latest = http.get("/_emulator/outbox/latest", params={"twoFactorId": first}).json()
    assert latest["code"] == emu.latest_code(two_factor_id=first)
    assert latest["methodId"] == "PQSM"

    assert_empty(http.delete("/_emulator/outbox"), 200)
    assert http.get("/_emulator/outbox").json() == {"messages": []}
    assert_empty(http.get("/_emulator/outbox/latest"), 404)


def test_info_route_exposes_seeded_values(emu: EmulatorServer, http: httpx2.Client) -> None:
    info = http.get("/_emulator/info").json()
    assert info["apiKey"] == emu.api_key
    assert info["tenants"] == [{"id": emu.seed.tenant.id, "name": "Default"}]
    assert info["applications"][0]["id"] == emu.seed.application.id
    users = {u["alias"]: u for u in info["users"]}
    assert set(users) == {
        "mfa",
        "email_only",
        "no_mfa",
        "enrol",
        "unverified",
        "unverified_registration",
        "account_locked",
        "change_password",
        "locked",
        "expired",
    }
    assert all(user["hasPassword"] for user in users.values())
    assert users["mfa"]["totpSecretBase32"] == emu.seed.user("mfa").totp_secret_base32
    assert users["no_mfa"]["methods"] == []


def test_totp_route(emu: EmulatorServer, http: httpx2.Client) -> None:
    body = http.get("/_emulator/totp/mfa").json()
    assert body == {"code": emu.totp_code("mfa"), "instant": emu.clock.now_ms()}
    assert http.get(f"/_emulator/totp/{emu.user('mfa').id}", params={"methodId": "KLRT"}).json()["code"] == body["code"]
    assert_empty(http.get("/_emulator/totp/no_mfa"), 404)
    assert_empty(http.get("/_emulator/totp/nobody"), 404)


def test_jwt_route_mints_accepted_tokens(emu: EmulatorServer, http: httpx2.Client) -> None:
    token = http.post("/_emulator/jwt", json={"userId": "mfa"}).json()["token"]
    assert http.get("/api/two-factor/secret", headers={"Authorization": f"Bearer {token}"}).status_code == 200
    assert_empty(http.post("/_emulator/jwt", json={"userId": "nobody"}), 404)
    assert http.post("/_emulator/jwt", json={"userId": "mfa", "ttlSeconds": "x"}).status_code == 400


def test_clock_routes(emu: EmulatorServer, http: httpx2.Client) -> None:
    before = emu.clock.now_ms()
    assert http.get("/_emulator/clock").json() == {"now": before, "fake": True}
    assert http.post("/_emulator/clock/advance", json={"seconds": 301}).json() == {"now": before + 301_000}
    assert emu.clock.now_ms() == before + 301_000
    assert http.post("/_emulator/clock/advance", json={"seconds": -1}).status_code == 400


def test_reset_route(emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client) -> None:
    two_factor_id = start(api, loginId="richard")["twoFactorId"]
    http.post(f"/api/two-factor/send/{two_factor_id}", json={"methodId": "UYTR"})
    assert_empty(http.post("/_emulator/reset"), 200)
    assert emu.outbox == []
    assert emu.state.challenge(two_factor_id) is None


def test_unknown_routes_and_methods_have_empty_bodies(http: httpx2.Client) -> None:
    assert_empty(http.get("/api/user"), 404)
    assert_empty(http.get("/api/two-factor/login"), 405)
    assert_empty(http.delete("/api/two-factor/start"), 405)
