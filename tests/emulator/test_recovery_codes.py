"""POST and GET /api/user/two-factor/recovery-code/{userId}: new sets replace old ones, each code works once; the
deprecated GET answers an empty list, as FusionAuth 1.68+ does (it keeps the codes hashed)."""

from __future__ import annotations

import re

import httpx2
import pytest

from fusionauth_two_factor.emulator.server import EmulatorServer

from ._helpers import JSON, RECOVERY_CODE, assert_empty, field_codes, start


def path(user_id: str) -> str:
    return f"/api/user/two-factor/recovery-code/{user_id}"


def login_with(emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client, code: str) -> httpx2.Response:
    two_factor_id = start(api, userId=emu.user("mfa").id)["twoFactorId"]
    return http.post("/api/two-factor/login", json={"twoFactorId": two_factor_id, "code": code})


def test_retrieve_answers_an_empty_list_as_fusionauth_does_since_1_68(emu: EmulatorServer, api: httpx2.Client) -> None:
    assert len(emu.user("mfa").recovery_codes) == 10
    response = api.get(path(emu.user("mfa").id))
    assert response.status_code == 200
    assert response.headers["content-type"] == JSON
    assert response.json() == {"recoveryCodes": []}
    api.post(path(emu.user("mfa").id))
    assert api.get(path(emu.user("mfa").id)).json() == {"recoveryCodes": []}


def test_generating_replaces_the_old_codes(emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client) -> None:
    old = list(emu.seed.user("mfa").recovery_codes)
    response = api.post(path(emu.user("mfa").id))
    assert response.status_code == 200
    assert response.headers["content-type"] == JSON
    new = response.json()["recoveryCodes"]
    assert len(new) == 10
    assert len(set(new)) == 10
    assert all(re.fullmatch(RECOVERY_CODE, code) for code in new)
    assert not set(new) & set(old)
    assert emu.user("mfa").recovery_codes == new
    assert api.post(path(emu.user("mfa").id)).json()["recoveryCodes"] != new  # every call is a fresh set

    assert_empty(login_with(emu, api, http, old[0]), 421)


def test_a_generated_code_works_once(emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client) -> None:
    new = api.post(path(emu.user("mfa").id)).json()["recoveryCodes"]
    assert login_with(emu, api, http, new[4]).status_code == 200
    assert_empty(login_with(emu, api, http, new[4]), 421)
    assert len(emu.user("mfa").recovery_codes) == 9


def test_recovery_codes_never_reach_a_user_object(emu: EmulatorServer, api: httpx2.Client, http: httpx2.Client) -> None:
    new = api.post(path(emu.user("mfa").id)).json()["recoveryCodes"]
    login = login_with(emu, api, http, new[0])
    assert not any(code in login.text for code in new)
    assert not any(code in repr(emu.user("mfa")) for code in new)


@pytest.mark.parametrize("user_id", ["11111111-2222-3333-4444-555555555555", "not-a-uuid"])
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_an_unknown_user_is_400_as_no_404_is_documented(api: httpx2.Client, user_id: str, method: str) -> None:
    assert field_codes(api.request(method, path(user_id))) == ["[invalid]userId"]


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_an_api_key_is_required(emu: EmulatorServer, http: httpx2.Client, method: str) -> None:
    assert_empty(http.request(method, path(emu.user("mfa").id)), 401)
    headers = {"Authorization": f"Bearer {emu.mint_jwt('mfa')}"}
    assert_empty(http.request(method, path(emu.user("mfa").id), headers=headers), 401)
    assert emu.user("mfa").recovery_codes == list(emu.seed.user("mfa").recovery_codes)
