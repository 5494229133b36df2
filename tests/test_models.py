"""Lossless round trips of FusionAuth-shaped bodies, including what this version does not know."""

from __future__ import annotations

import copy
import uuid
from typing import Any

import pytest
from support import fixture_json, present

from fusionauth_two_factor.models import (
    BreachedPasswordStatusValue,
    Errors,
    LoginChangePasswordResponse,
    LoginPreventedActions,
    LoginResponse,
    SecretResponse,
    TwoFactorMethodType,
    TwoFactorStartResponse,
    TwoFactorStatusResponse,
)

ROUND_TRIPS = [
    ("login_response.json", LoginResponse),
    ("status_response.json", TwoFactorStatusResponse),
    ("start_response.json", TwoFactorStartResponse),
    ("secret_response.json", SecretResponse),
    ("errors_400.json", Errors),
    ("login_prevented_409.json", LoginPreventedActions),
    ("change_password_203.json", LoginChangePasswordResponse),
]


@pytest.mark.parametrize(("fixture", "model"), ROUND_TRIPS)
def test_to_dict_gives_back_exactly_the_json(fixture: str, model: Any) -> None:
    data = fixture_json(fixture)
    parsed = model.from_dict(copy.deepcopy(data))
    assert parsed.to_dict() == data
    assert model.from_dict(parsed.to_dict()) == parsed


def test_snake_case_attributes_and_typed_values() -> None:
    login = LoginResponse.from_dict(fixture_json("login_response.json"))
    user = present(login.user)
    assert user.email == "example@fusionauth.io"
    assert user.id == uuid.UUID("00000000-0000-0001-0000-000000000000")
    assert present(user.data)["favoriteColors"] == ["Red", "Blue"]
    assert present(user.data)["manager"] is None
    assert present(present(user.registrations)[0].tokens)["Facebook"] == "nQgqy9hxQ8G4T9x4TyOZ0rNg"
    assert present(user.identities)[1].type_ == "phoneNumber"
    assert present(present(user.two_factor).methods)[0].method is TwoFactorMethodType.AUTHENTICATOR
    assert user.breached_password_status is BreachedPasswordStatusValue.NONE
    assert user.timezone == "UTC-7"
    assert login.token_expiration_instant == 1742941200000
    assert present(login.state)["flags"] == [True, None, 1.5]


def test_unknown_fields_and_enum_values_from_a_newer_fusionauth_survive() -> None:
    data = fixture_json("login_response.json")
    data["brandNewField"] = {"deep": [1, {"x": None}]}
    data["user"]["usernameStatus"] = "QUARANTINED"
    data["user"]["twoFactor"]["methods"].append(
        {"id": "WBAN", "method": "passkey", "authenticator": {"algorithm": "HmacSHA3", "codeLength": 8}, "extra": 1}
    )
    data["user"]["identities"][0]["type"] = "externalId"
    data["user"]["identities"][0]["verifiedReason"] = "Federated"
    data["changePasswordReason"] = "Compromised"
    parsed = LoginResponse.from_dict(copy.deepcopy(data))
    assert parsed.to_dict() == data
    user = present(parsed.user)
    assert user.username_status == "QUARANTINED"
    new_method = present(present(user.two_factor).methods)[-1]
    assert new_method.method == "passkey"
    assert present(new_method.authenticator).algorithm == "HmacSHA3"
    assert new_method["extra"] == 1
    assert parsed["brandNewField"] == {"deep": [1, {"x": None}]}


def test_field_errors_are_a_map_of_lists() -> None:
    errors = Errors.from_dict(fixture_json("errors_400.json"))
    field_errors = present(errors.field_errors)
    assert sorted(field_errors.additional_keys) == ["code", "user.email"]
    assert field_errors["code"][0].code == "[blank]code"
    assert present(errors.general_errors)[0].code == "[TenantIdRequired]"


def test_an_absent_methods_list_stays_absent() -> None:
    start = TwoFactorStartResponse.from_dict({"code": "123456", "twoFactorId": "abc"})
    assert start.to_dict() == {"code": "123456", "twoFactorId": "abc"}
