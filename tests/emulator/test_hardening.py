"""Hardening (issue 10, items 13-15): wrong-code attempts per twoFactorId, the Host check, bounded state and input."""

from __future__ import annotations

import json
import time
from importlib import resources
from typing import Any

import httpx2
import pytest

from fusionauth_two_factor.emulator import EmulatorState, FakeClock, Seed, SeedError, create_app, tokens
from fusionauth_two_factor.emulator.body import Body
from fusionauth_two_factor.emulator.errors import ApiError
from fusionauth_two_factor.emulator.seed import default_seed
from fusionauth_two_factor.emulator.server import EmulatorServer

from ._helpers import assert_empty, general_codes, password_login


def richard_two_factor_id(http: httpx2.Client) -> str:
    """A twoFactorId from Richard's password login (no start code: only his methods' codes are right)."""
    response = password_login(http, "mfa")
    assert response.status_code == 242
    two_factor_id: str = response.json()["twoFactorId"]
    return two_factor_id


def wrong_codes(state: EmulatorState, count: int) -> list[str]:
    """``count`` six-digit codes none of which Richard's authenticator accepts around now."""
    now = state.clock.now_ms()
    right = {state.totp_code("mfa", at_ms=now + step * 30_000) for step in (-1, 0, 1)}
    return [code for code in (f"{n:06d}" for n in range(count + 3)) if code not in right][:count]


def login_status(state: EmulatorState, two_factor_id: str, code: str) -> int:
    try:
        return state.login(Body({"twoFactorId": two_factor_id, "code": code}), tenant_id=None).status
    except ApiError as error:
        return error.status


# ---- 13: wrong codes per twoFactorId

LOCK_ACTION_ID = "5d6f3c1a-8b2e-4f7a-9c0d-1e2f3a4b5c6d"


@pytest.fixture
def locking(emu: EmulatorServer) -> EmulatorServer:
    """The emulator on the packaged seed, its tenant naming a failed-authentication user action (FusionAuth locks
    only then)."""
    text = resources.files("fusionauth_two_factor.emulator").joinpath("default_seed.json").read_text(encoding="utf-8")
    data = json.loads(text)
    data["tenants"][0]["failedAuthenticationConfiguration"] = {"userActionId": LOCK_ACTION_ID}
    emu.state.reset(Seed.from_dict(data))
    return emu


def test_without_a_user_action_wrong_codes_stay_421_and_the_two_factor_id_stays_alive(
    emu: EmulatorServer, http: httpx2.Client
) -> None:
    two_factor_id = richard_two_factor_id(http)
    for code in wrong_codes(emu.state, 12):
        assert_empty(http.post("/api/two-factor/login", json={"twoFactorId": two_factor_id, "code": code}), 421)
    right = http.post("/api/two-factor/login", json={"twoFactorId": two_factor_id, "code": emu.totp_code("mfa")})
    assert right.status_code == 200
    assert emu.user("mfa").actions == []
    assert password_login(http, "mfa").status_code == 242  # no lock: the next login asks for a code again


def test_the_fifth_wrong_code_locks_the_user_with_a_409_and_ends_the_two_factor_id(
    locking: EmulatorServer, http: httpx2.Client
) -> None:
    emu = locking
    two_factor_id = richard_two_factor_id(http)
    codes = wrong_codes(emu.state, 5)
    for code in codes[:4]:
        assert_empty(http.post("/api/two-factor/login", json={"twoFactorId": two_factor_id, "code": code}), 421)
    locked = http.post("/api/two-factor/login", json={"twoFactorId": two_factor_id, "code": codes[4]})
    assert locked.status_code == 409
    (action,) = locked.json()["actions"]
    assert action["actionId"] == LOCK_ACTION_ID
    assert action["expiry"] == emu.clock.now_ms() + 3 * 60_000  # actionDuration 3 MINUTES, FusionAuth's default
    right = http.post("/api/two-factor/login", json={"twoFactorId": two_factor_id, "code": emu.totp_code("mfa")})
    assert_empty(right, 404)  # the twoFactorId is gone: the right code comes too late
    assert password_login(http, "mfa").status_code == 409  # the user is locked for the action's duration
    emu.advance(3 * 60)
    again = richard_two_factor_id(http)  # the lock has expired
    statuses = [login_status(emu.state, again, code) for code in wrong_codes(emu.state, 5)]
    assert statuses == [421, 421, 421, 421, 409]
    assert len(emu.user("mfa").actions) == 1  # the expired lock was dropped, not kept beside the new one


def test_a_brute_force_of_500_codes_on_one_two_factor_id_never_logs_in(
    locking: EmulatorServer, http: httpx2.Client
) -> None:
    state = locking.state
    two_factor_id = richard_two_factor_id(http)
    began = time.perf_counter()
    statuses = [login_status(state, two_factor_id, code) for code in wrong_codes(state, 500)]
    statuses.append(login_status(state, two_factor_id, state.totp_code("mfa")))
    assert time.perf_counter() - began < 1.0
    assert statuses[:4] == [421] * 4
    assert statuses[4] == 409
    assert set(statuses[5:]) == {404}


def test_failures_older_than_reset_count_in_seconds_are_forgotten(locking: EmulatorServer, http: httpx2.Client) -> None:
    state = locking.state
    two_factor_id = richard_two_factor_id(http)
    codes = wrong_codes(state, 8)
    assert [login_status(state, two_factor_id, code) for code in codes[:4]] == [421] * 4
    locking.advance(61)  # resetCountInSeconds 60: the next failure counts as the first again
    assert [login_status(state, two_factor_id, code) for code in codes[4:8]] == [421] * 4
    assert login_status(state, two_factor_id, state.totp_code("mfa")) == 200


def test_the_limit_is_the_tenants_failed_authentication_configuration() -> None:
    data: dict[str, Any] = {
        "tenants": [
            {
                "id": "6b4a9e5f-3c1d-4f0a-9e2b-0d5c7a1e8f30",
                "failedAuthenticationConfiguration": {
                    "userActionId": LOCK_ACTION_ID.upper(),
                    "tooManyAttempts": 2,
                    "resetCountInSeconds": 10,
                    "actionDuration": 1,
                    "actionDurationUnit": "HOURS",
                },
            }
        ],
        "users": [
            {
                "id": "00000000-0000-0000-0000-000000000001",
                "email": "a@example.com",
                "twoFactor": {"methods": [{"id": "AAAA", "method": "email", "email": "a@example.com"}]},
            }
        ],
    }
    tenant = Seed.from_dict(data).tenant
    assert (tenant.too_many_attempts, tenant.reset_count_in_seconds, tenant.lock_duration_seconds) == (2, 10, 3600)
    assert tenant.lock_action_id == LOCK_ACTION_ID
    state = EmulatorState(Seed.from_dict(data), FakeClock())
    two_factor_id = state.start(Body({"loginId": "a@example.com"}), tenant_id=None)["twoFactorId"]
    assert [login_status(state, two_factor_id, "x") for _ in range(3)] == [421, 409, 404]
    defaults = default_seed().tenant
    assert (defaults.too_many_attempts, defaults.reset_count_in_seconds, defaults.lock_duration_seconds) == (5, 60, 180)
    assert defaults.lock_action_id is None  # FusionAuth's userActionId has no default: no lock
    data["tenants"][0]["failedAuthenticationConfiguration"] = {"userActionId": "not-a-uuid"}
    with pytest.raises(SeedError, match="userActionId: not a UUID"):
        Seed.from_dict(data)
    data["tenants"][0]["failedAuthenticationConfiguration"] = {"tooManyAttempts": 0}
    with pytest.raises(SeedError, match="tooManyAttempts"):
        Seed.from_dict(data)
    data["tenants"][0]["failedAuthenticationConfiguration"] = {"actionDurationUnit": "FORTNIGHTS"}
    with pytest.raises(SeedError, match="actionDurationUnit"):
        Seed.from_dict(data)


# ---- 14: the Host header


@pytest.mark.parametrize("host", ["evil.example", "evil.example:9011", "127.0.0.1.nip.io", "localhost.evil.example"])
@pytest.mark.parametrize("path", ["/_emulator/info", "/api/two-factor/status"])
def test_a_foreign_host_is_an_empty_400(emu: EmulatorServer, http: httpx2.Client, host: str, path: str) -> None:
    response = http.get(path, headers={"Host": host, "Authorization": emu.api_key})
    assert_empty(response, 400)


@pytest.mark.parametrize("host", ["localhost", "LOCALHOST:9011", "127.0.0.1", "127.1.2.3:80", "[::1]", "[::1]:9011"])
def test_loopback_hosts_are_served(http: httpx2.Client, host: str) -> None:
    assert http.get("/_emulator/info", headers={"Host": host}).status_code == 200


@pytest.mark.parametrize(
    ("bind_host", "own", "other"),
    [
        ("192.0.2.10", "192.0.2.10:9011", "192.0.2.11"),
        ("2001:db8::5", "[2001:db8::5]:9011", "[2001:db8::6]"),
        ("0.0.0.0", "198.51.100.7:9011", "evil.example"),  # noqa: S104 (a wildcard bind: any IP literal)
    ],
)
async def test_a_non_loopback_bind_also_accepts_its_own_address(bind_host: str, own: str, other: str) -> None:
    app = create_app(EmulatorState(clock=FakeClock()), bind_host=bind_host)
    async with httpx2.AsyncClient(transport=httpx2.ASGITransport(app=app), base_url="http://127.0.0.1") as client:
        assert (await client.get("/_emulator/clock", headers={"Host": own})).status_code == 200
        assert (await client.get("/_emulator/clock", headers={"Host": other})).status_code == 400


# ---- 15: bounded state and input


def test_expired_two_factor_ids_are_purged(emu: EmulatorServer, http: httpx2.Client) -> None:
    first = richard_two_factor_id(http)
    emu.advance(301)
    richard_two_factor_id(http)
    assert emu.state.challenge(first) is None


def test_a_body_over_the_limit_is_an_empty_413(http: httpx2.Client) -> None:
    big = b'{"twoFactorId": "x", "code": "' + b"1" * (1024 * 1024) + b'"}'
    assert_empty(http.post("/api/two-factor/login", content=big, headers={"Content-Type": "application/json"}), 413)

    def chunks() -> Any:  # no Content-Length: the limit holds while reading
        for _ in range(17):
            yield b" " * 65536

    assert_empty(http.post("/api/two-factor/login", content=chunks()), 413)


@pytest.mark.parametrize("raw", [b"[" * 100_000, b'{"state":' * 5000, b'{"code": NaN}', b'{"seconds": Infinity}'])
def test_deep_or_non_standard_json_is_invalid_json(http: httpx2.Client, raw: bytes) -> None:
    response = http.post("/api/two-factor/login", content=raw, headers={"Content-Type": "application/json"})
    assert general_codes(response) == ["[invalidJSON]"]


@pytest.mark.parametrize("seconds", ["1e309", "-1", "1e300", str(10 * 366 * 86400 + 1)])
def test_clock_advance_refuses_absurd_values(emu: EmulatorServer, http: httpx2.Client, seconds: str) -> None:
    before = emu.clock.now_ms()
    response = http.post("/_emulator/clock/advance", content=b'{"seconds": ' + seconds.encode() + b"}")
    assert response.status_code == 400
    assert emu.clock.now_ms() == before


@pytest.mark.parametrize("tail", ["=", "!", "A"])
def test_a_jwt_whose_signature_has_extra_characters_is_rejected(emu: EmulatorServer, tail: str) -> None:
    token = emu.mint_jwt("mfa")
    assert emu.state.jwt_user(token) is not None
    assert emu.state.jwt_user(token + tail) is None
    assert tokens.verify(token + tail, emu.state.signing_key, now_ms=emu.clock.now_ms()) is None
