"""How the tests call each method issue 9 added, with bodies whose secrets the tests look for.

Shared by tests/test_journey_*.py: the wire tests check what each call sends, the response tests
what each call makes of every documented answer, the secret tests that none of these values leaks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from support import APPLICATION_ID, CODE, JWT, TRUST_ID, USER_ID, Api, FakeFusionAuth, fixture_bytes, fixture_json

PASSWORD = "p\u00e4ss-Journey-Secret-7f3b"  # non-ASCII: the JSON body escapes it as FusionAuth's client does
# The disable code travels in the query string; a recovery code is a valid one.
DISABLE_CODE = "QJD73-L6GR5"
ACCESS_TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzdGVwLXVwIn0.YWNjZXNzLXRva2VuLXNlY3JldA"
TOTP_SECRET = fixture_json("secret_response.json")
METHOD_ID = "KLRT"
RECOVERY_CODES: list[str] = [
    *fixture_json("journey_enable_200.json")["recoveryCodes"],
    *fixture_json("journey_recovery_codes.json")["recoveryCodes"],
]

LOGIN_BODY = {"loginId": "richard@piedpiper.com", "password": PASSWORD, "applicationId": APPLICATION_ID}
STATUS_BODY = {"userId": USER_ID, "action": "stepUp", "applicationId": APPLICATION_ID, "accessToken": ACCESS_TOKEN}
ENABLE_BODY = {
    "method": "authenticator",
    "code": CODE,
    "secret": TOTP_SECRET["secret"],
    "secretBase32Encoded": TOTP_SECRET["secretBase32Encoded"],
    "name": "Work authenticator app",
}
UPDATE_BODY = {"methodId": METHOD_ID, "name": "Work phone"}
DISABLE_BODY = {"methodId": METHOD_ID, "code": DISABLE_CODE}

# Every secret these calls send or the journey fixtures answer with.
JOURNEY_SECRETS = [
    PASSWORD,
    DISABLE_CODE,
    ACCESS_TOKEN,
    CODE,
    JWT,
    TRUST_ID,
    TOTP_SECRET["secret"],
    TOTP_SECRET["secretBase32Encoded"],
    *RECOVERY_CODES,
    fixture_json("journey_login_242.json")["twoFactorId"],
    fixture_json("journey_enable_200.json")["code"],
]


def _retrieve_recovery_codes(api: Api) -> Any:
    with pytest.warns(DeprecationWarning, match="generate_two_factor_recovery_codes"):
        return api.call("retrieve_two_factor_recovery_codes", USER_ID)


# facade method name -> a call of it through the sync or the async controller
JOURNEY_CALLS: dict[str, Callable[[Api], Any]] = {
    "login": lambda api: api.login(LOGIN_BODY),
    "retrieve_two_factor_status": lambda api: api.call(
        "retrieve_two_factor_status", None, user_id=USER_ID, application_id=APPLICATION_ID
    ),
    "retrieve_two_factor_status_with_request": lambda api: api.call(
        "retrieve_two_factor_status_with_request", STATUS_BODY
    ),
    "generate_two_factor_secret": lambda api: api.call("generate_two_factor_secret"),
    "enable_two_factor": lambda api: api.call("enable_two_factor", USER_ID, ENABLE_BODY),
    "enable_two_factor_using_jwt": lambda api: api.call("enable_two_factor_using_jwt", JWT, ENABLE_BODY),
    "update_two_factor": lambda api: api.call("update_two_factor", USER_ID, UPDATE_BODY),
    "disable_two_factor": lambda api: api.call("disable_two_factor", USER_ID, method_id=METHOD_ID, code=DISABLE_CODE),
    "disable_two_factor_with_request": lambda api: api.call("disable_two_factor_with_request", USER_ID, DISABLE_BODY),
    "disable_two_factor_using_jwt": lambda api: api.call(
        "disable_two_factor_using_jwt", JWT, method_id=METHOD_ID, code=DISABLE_CODE
    ),
    "generate_two_factor_recovery_codes": lambda api: api.call("generate_two_factor_recovery_codes", USER_ID),
    "retrieve_two_factor_recovery_codes": _retrieve_recovery_codes,
}

# facade method -> the fixture of a documented 200 answer (None: FusionAuth answers 200 with no body)
SUCCESS_FIXTURES: dict[str, str | None] = {
    "login": "login_response.json",
    "retrieve_two_factor_status": "status_response.json",
    "retrieve_two_factor_status_with_request": "status_response.json",
    "generate_two_factor_secret": "secret_response.json",
    "enable_two_factor": "journey_enable_200.json",
    "enable_two_factor_using_jwt": "journey_enable_200.json",
    "update_two_factor": None,
    "disable_two_factor": None,
    "disable_two_factor_with_request": None,
    "disable_two_factor_using_jwt": None,
    "generate_two_factor_recovery_codes": "journey_recovery_codes.json",
    "retrieve_two_factor_recovery_codes": "journey_recovery_codes.json",
}


def reply_success(server: FakeFusionAuth, method: str) -> None:
    """Queue the documented 200 answer of `method`."""
    fixture = SUCCESS_FIXTURES[method]
    server.reply(200, content=fixture_bytes(fixture) if fixture else b"")
