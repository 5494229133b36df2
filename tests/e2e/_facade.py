"""`Facade`: the six operations through the sync or the async controller, awaited either way.

One test body then covers both controllers. `open_facade` creates the `Client` inside the running
event loop and closes it there (`async with`): pooled async connections belong to the loop that
opened them.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fusionauth_two_factor import (
    ApiResponse,
    AsyncTwoFactorController,
    Client,
    TwoFactorController,
    TwoFactorStatusApiResponse,
)
from fusionauth_two_factor.emulator.server import EmulatorServer
from fusionauth_two_factor.models import LoginResponse, SecretResponse, TwoFactorStartResponse


class Facade:
    def __init__(self, mode: str, client: Client) -> None:
        self.mode = mode
        self._sync = TwoFactorController(client)
        self._async = AsyncTwoFactorController(client)

    async def _call(self, method: str, *args: Any, **kwargs: Any) -> Any:
        if self.mode == "sync":
            return getattr(self._sync, method)(*args, **kwargs)
        return await getattr(self._async, method)(*args, **kwargs)

    async def retrieve_two_factor_status(
        self, two_factor_trust_id: str, *, user_id: uuid.UUID | str
    ) -> TwoFactorStatusApiResponse:
        response: TwoFactorStatusApiResponse = await self._call(
            "retrieve_two_factor_status", two_factor_trust_id, user_id=user_id
        )
        return response

    async def start_two_factor_login(self, body: dict[str, Any]) -> ApiResponse[TwoFactorStartResponse]:
        response: ApiResponse[TwoFactorStartResponse] = await self._call("start_two_factor_login", body)
        return response

    async def two_factor_login(self, body: dict[str, Any]) -> ApiResponse[LoginResponse]:
        response: ApiResponse[LoginResponse] = await self._call("two_factor_login", body)
        return response

    async def send_two_factor_code_for_enable_disable(self, body: dict[str, Any]) -> ApiResponse[None]:
        response: ApiResponse[None] = await self._call("send_two_factor_code_for_enable_disable", body)
        return response

    async def generate_two_factor_secret_using_jwt(self, encoded_jwt: str) -> ApiResponse[SecretResponse]:
        response: ApiResponse[SecretResponse] = await self._call("generate_two_factor_secret_using_jwt", encoded_jwt)
        return response

    async def send_two_factor_code_for_login_using_method(
        self, two_factor_id: str, body: dict[str, Any]
    ) -> ApiResponse[None]:
        response: ApiResponse[None] = await self._call(
            "send_two_factor_code_for_login_using_method", two_factor_id, body
        )
        return response

    # ---- the steps most tests share

    async def start(self, **body: Any) -> str:
        """Start a two-factor login; return its twoFactorId."""
        started = await self.start_two_factor_login(body)
        assert started.status_code == 200
        assert started.result is not None
        assert isinstance(started.result.two_factor_id, str)
        return started.result.two_factor_id


@asynccontextmanager
async def open_facade(
    emu: EmulatorServer, mode: str, *, api_key: str | None = None, tenant_id: str | None = None
) -> AsyncIterator[Facade]:
    """A Facade on a fresh Client; ``api_key`` defaults to the emulator's seeded key."""
    # No retries: every answer the emulator gives is the one under test.
    async with Client(emu.base_url, api_key=api_key or emu.api_key, tenant_id=tenant_id, max_retries=0) as client:
        yield Facade(mode, client)
