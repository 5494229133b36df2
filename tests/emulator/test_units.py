"""Unit tests for the building blocks, and the ASGI app driven in-process through httpx2.ASGITransport."""

from __future__ import annotations

import json
import re
from pathlib import Path

import httpx2
import pytest

from fusionauth_two_factor.emulator import EmulatorState, FakeClock, Seed, SeedError, create_app, load_seed, tokens
from fusionauth_two_factor.emulator.codes import (
    key_from_base32,
    new_method_id,
    new_recovery_codes,
    totp_at,
    totp_matches,
)
from fusionauth_two_factor.emulator.passwords import PasswordHash
from fusionauth_two_factor.emulator.seed import default_seed


def test_fake_clock() -> None:
    clock = FakeClock(1_000)
    assert clock.now_ms() == 1_000
    assert clock.advance(1.5) == 2_500
    clock.set(10)
    assert clock.now_ms() == 10
    with pytest.raises(ValueError, match="forward"):
        clock.advance(-1)


def test_jwt_round_trip_and_expiry() -> None:
    token = tokens.sign({"sub": "u", "exp": 100}, b"k", kid="x")
    assert tokens.verify(token, b"k", now_ms=99_999) == {"sub": "u", "exp": 100}
    assert tokens.verify(token, b"k", now_ms=100_000) is None
    assert tokens.verify(token, b"other", now_ms=0) is None
    assert tokens.verify("a.b", b"k", now_ms=0) is None
    assert tokens.verify(tokens.sign({"sub": "u"}, b"k"), b"k", now_ms=0) is None  # no exp
    assert tokens.verify(tokens.sign({"exp": 100, "nbf": 50}, b"k"), b"k", now_ms=10_000) is None
    decoded = tokens.decode_unverified(token)
    assert decoded is not None
    assert decoded[0] == {"alg": "HS256", "typ": "JWT", "kid": "x"}


def test_totp_matches_rfc6238_sha1_vector() -> None:
    # RFC 6238 appendix B, SHA1 key "12345678901234567890", T=59 -> 94287082 (8 digits; 6 digits = 287082)
    assert totp_at("12345678901234567890", 59_000) == "287082"
    assert totp_matches("12345678901234567890", "287082", 59_000)
    assert totp_matches("12345678901234567890", "287082", 89_000)  # one step later still accepted
    assert not totp_matches("12345678901234567890", "287082", 149_000)
    assert not totp_matches("12345678901234567890", "28708", 59_000)


def test_default_seed_exposes_values() -> None:
    seed = default_seed()
    assert seed.api_key.startswith("emulator-api-key-")
    mfa = seed.user("mfa")
    assert mfa.email == "richard@piedpiper.com"
    assert mfa.totp_secret == "emulatorTOTPsecret01"
    assert mfa.totp_secret_base32 == "MVWXK3DBORXXEVCPKRIHGZLDOJSXIMBR"
    assert len(mfa.recovery_codes) == 10
    assert {m.method for m in mfa.methods} == {"authenticator", "email", "sms"}
    assert seed.user("no_mfa").methods == ()
    assert seed.user("richard") is mfa


def test_load_seed_from_file(tmp_path: Path) -> None:
    path = tmp_path / "seed.json"
    path.write_text(json.dumps({"tenants": [{"id": "aaaaaaaa-0000-0000-0000-000000000000"}], "users": []}))
    seed = load_seed(path)
    assert seed.tenant.two_factor_id_ttl_seconds == 300
    assert seed.tenant.one_time_code_ttl_seconds == 60
    assert seed.tenant.trust_ttl_seconds == 30 * 24 * 3600
    path.write_text("{")
    with pytest.raises(SeedError, match="not valid JSON"):
        load_seed(path)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"tenants": []}, "at least one tenant"),
        ({"tenants": [{"id": "nope"}]}, r"tenants\[0\]\.id: not a UUID"),
        (
            {
                "tenants": [{"id": "aaaaaaaa-0000-0000-0000-000000000000"}],
                "users": [{"id": "aaaaaaaa-0000-0000-0000-000000000001", "twoFactor": {"methods": [{"id": "A"}]}}],
            },
            r"methods\[0\]\.method: required",
        ),
        (
            {
                "tenants": [{"id": "aaaaaaaa-0000-0000-0000-000000000000"}],
                "users": [
                    {
                        "id": "aaaaaaaa-0000-0000-0000-000000000001",
                        "twoFactor": {"methods": [{"id": "A", "method": "authenticator"}]},
                    }
                ],
            },
            "secret: required",
        ),
        (
            {
                "tenants": [
                    {"id": "aaaaaaaa-0000-0000-0000-000000000000"},
                    {"id": "bbbbbbbb-0000-0000-0000-000000000000"},
                ],
                "users": [{"id": "aaaaaaaa-0000-0000-0000-000000000001"}],
            },
            r"users\[0\]\.tenantId: required",
        ),
    ],
)
def test_seed_errors_name_the_path(data: dict[str, object], message: str) -> None:
    with pytest.raises(SeedError, match=message):
        Seed.from_dict(data)


def test_state_latest_code_filters_and_reset() -> None:
    clock = FakeClock()
    state = EmulatorState(clock=clock)
    assert state.latest_code() is None
    assert state.api_key == default_seed().api_key
    with pytest.raises(LookupError):
        state.user("nobody")
    with pytest.raises(LookupError):
        state.totp_code("no_mfa")
    state.user("mfa").recovery_codes.clear()
    state.reset()
    assert len(state.user("mfa").recovery_codes) == 10


async def test_asgi_transport_in_process() -> None:
    """The app also runs without a socket, e.g. for fast in-process tests."""
    clock = FakeClock()
    state = EmulatorState(clock=clock)
    transport = httpx2.ASGITransport(app=create_app(state))
    async with httpx2.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
        headers = {"Authorization": state.api_key}
        started = await client.post("/api/two-factor/start", json={"loginId": "jared"}, headers=headers)
        two_factor_id = started.json()["twoFactorId"]
        sent = await client.post(f"/api/two-factor/send/{two_factor_id}", json={"methodId": "JDEM"})
        assert sent.status_code == 200
        code = state.latest_code(two_factor_id=two_factor_id)
        clock.advance(61)
        expired = await client.post("/api/two-factor/login", json={"twoFactorId": two_factor_id, "code": code})
        assert expired.status_code == 421
        await client.post(f"/api/two-factor/send/{two_factor_id}", json={"methodId": "JDEM"})
        code = state.latest_code(two_factor_id=two_factor_id)
        ok = await client.post("/api/two-factor/login", json={"twoFactorId": two_factor_id, "code": code})
        assert ok.status_code == 200
        assert ok.json()["user"]["email"] == "jared@piedpiper.com"


def test_password_hashes_are_salted_and_checked() -> None:
    first, second = PasswordHash.of("pied-piper-1"), PasswordHash.of("pied-piper-1")
    assert first.matches("pied-piper-1")
    assert not first.matches("pied-piper-2")
    assert not first.matches("")
    assert first.salt != second.salt
    assert first.digest != second.digest
    assert "pied-piper" not in repr(first)
    assert first.digest.hex() not in repr(first)


USER = {"id": "aaaaaaaa-0000-0000-0000-000000000002", "tenantId": "aaaaaaaa-0000-0000-0000-000000000000"}


def test_seed_passwords_and_login_configuration() -> None:
    seed = default_seed()
    mfa = seed.user("mfa").password
    assert mfa is not None
    assert mfa.matches("pied-piper-1")
    assert "pied-piper-1" not in repr(seed)
    assert not seed.tenant.login_requires_api_key
    assert not seed.application.login_requires_api_key
    bare = Seed.from_dict(
        {
            "tenants": [{"id": "aaaaaaaa-0000-0000-0000-000000000000"}],
            "applications": [{"id": "aaaaaaaa-0000-0000-0000-000000000001"}],
            "users": [{"id": "aaaaaaaa-0000-0000-0000-000000000002"}],
        }
    )
    assert bare.tenant.login_requires_api_key  # FusionAuth's default
    assert bare.application.login_requires_api_key
    assert bare.users[0].password is None
    with pytest.raises(SeedError, match=r"users\[0\]\.password: must not be empty"):
        Seed.from_dict(
            {"tenants": [{"id": "aaaaaaaa-0000-0000-0000-000000000000"}], "users": [{**USER, "password": ""}]}
        )
    with pytest.raises(SeedError, match=r"tenants\[0\]\.loginConfiguration\.requireAuthentication: expected a boolean"):
        Seed.from_dict({"tenants": [{"id": USER["tenantId"], "loginConfiguration": {"requireAuthentication": "no"}}]})


def test_base32_keys() -> None:
    assert key_from_base32("MVWXK3DBORXXEVCPKRIHGZLDOJSXIMBR") == b"emulatorTOTPsecret01"
    assert key_from_base32("mvwx k3db orxx evcp krih gzld ojsx imbr") == b"emulatorTOTPsecret01"
    assert key_from_base32("GEZDGNBVGY3TQOI=") == b"123456789"
    assert key_from_base32("not base32!") is None
    assert key_from_base32("") is None
    assert totp_at(b"12345678901234567890", 59_000) == totp_at("12345678901234567890", 59_000)


def test_recovery_codes_and_method_ids() -> None:
    codes = new_recovery_codes()
    assert len(set(codes)) == 10
    assert all(re.fullmatch(r"[2-9B-DF-HJ-NP-TV-Z]{5}-[2-9B-DF-HJ-NP-TV-Z]{5}", code) for code in codes)
    assert new_recovery_codes() != codes
    taken = {f"A{i:03d}" for i in range(1000)}
    method_id = new_method_id(taken)
    assert re.fullmatch(r"[A-Z0-9]{4}", method_id)
    assert method_id not in taken
