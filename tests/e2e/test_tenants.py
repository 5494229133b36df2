"""The tenant header end to end: with two tenants, start needs one (``[TenantIdRequired]``), and
``Client(tenant_id=...)`` supplies it on every call, the no-auth ones included."""

from __future__ import annotations

import pytest

from fusionauth_two_factor import BadRequestError, NotFoundError, error_codes
from fusionauth_two_factor.emulator.seed import Seed
from fusionauth_two_factor.emulator.server import EmulatorServer

from ._facade import open_facade

TENANT_A = "aaaaaaaa-0000-0000-0000-00000000000a"
TENANT_B = "bbbbbbbb-0000-0000-0000-00000000000b"
ALICE_A = "aaaaaaaa-2222-0000-0000-00000000000a"
ALICE_B = "bbbbbbbb-2222-0000-0000-00000000000b"
ALICE = "alice@example.com"


def alice(user_id: str, tenant_id: str) -> dict[str, object]:
    """The same email in both tenants: only the tenant tells the two users apart."""
    return {
        "id": user_id,
        "tenantId": tenant_id,
        "email": ALICE,
        "twoFactor": {"methods": [{"id": "MAIL", "method": "email", "email": ALICE}]},
    }


@pytest.fixture
def fusionauth_emulator_seed() -> Seed:
    return Seed.from_dict(
        {
            "tenants": [{"id": TENANT_A, "name": "A"}, {"id": TENANT_B, "name": "B"}],
            "apiKeys": [{"key": "all-tenants-key"}],
            "users": [alice(ALICE_A, TENANT_A), alice(ALICE_B, TENANT_B)],
        }
    )


async def test_start_without_a_tenant_is_tenant_id_required(mode: str, emu: EmulatorServer) -> None:
    async with open_facade(emu, mode) as two_factor:
        with pytest.raises(BadRequestError) as raised:
            await two_factor.start_two_factor_login({"loginId": ALICE})
    assert raised.value.result is not None
    assert error_codes(raised.value.result) == ["[TenantIdRequired]"]


@pytest.mark.parametrize(("tenant_id", "user_id"), [(TENANT_A, ALICE_A), (TENANT_B, ALICE_B)])
async def test_the_clients_tenant_picks_the_user_for_the_whole_flow(
    mode: str, emu: EmulatorServer, tenant_id: str, user_id: str
) -> None:
    async with open_facade(emu, mode, tenant_id=tenant_id) as two_factor:
        two_factor_id = await two_factor.start(loginId=ALICE)
        await two_factor.send_two_factor_code_for_login_using_method(two_factor_id, {"methodId": "MAIL"})
        code = emu.latest_code(two_factor_id=two_factor_id)
        assert code is not None
        login = await two_factor.two_factor_login({"twoFactorId": two_factor_id, "code": code})

    assert login.status_code == 200
    assert login.result is not None
    assert login.result.user
    assert str(login.result.user.id) == user_id


async def test_a_two_factor_id_is_unknown_in_another_tenant(mode: str, emu: EmulatorServer) -> None:
    async with open_facade(emu, mode, tenant_id=TENANT_A) as tenant_a:
        two_factor_id = await tenant_a.start(loginId=ALICE)
    async with open_facade(emu, mode, tenant_id=TENANT_B) as tenant_b:
        with pytest.raises(NotFoundError):
            await tenant_b.two_factor_login({"twoFactorId": two_factor_id, "code": "000000"})
