"""The canned FusionAuth answers the loopback server sends, and the ids the contenders ask for.

The login answer is the test fixture's LoginResponse grown to about 10 KB, the size of a real
user with a few applications, identities and custom data: parsing it is most of a typed login.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"

API_KEY = "4737ea8520bd454caabb7cb3d36e14bc1832c0d3f70a4189b82598670f11b1bd"
USER_ID = "00000000-0000-0001-0000-000000000000"
TRUST_ID = "cGdnqk6DR3hNxwYMWh0ddVb3bMDBw-y24KfpT2cr1c4"
TWO_FACTOR_ID = "YkQY5Gsyo4RlfmDciBGRmvfj3RmatUqrbjoIZ19fmw4"
CODE = "987654"

IN_FLIGHT = 32  # calls the async contenders keep in flight
LOGIN_TARGET_BYTES = 10_000
STATUS_PATH = f"/api/two-factor/status/{TRUST_ID}"
LOGIN_PATH = "/api/two-factor/login"


def _fixture(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text())


def status_body() -> bytes:
    return json.dumps(_fixture("status_response.json")).encode()


def login_body() -> bytes:
    """The fixture's LoginResponse with more registrations, identities and data, ~10 KB."""
    login = _fixture("login_response.json")
    user = login["user"]
    template = user["registrations"][0]
    number = 0
    while len(json.dumps(login)) < LOGIN_TARGET_BYTES:
        number += 1
        user["registrations"].append(_registration(template, number))
        user["identities"].append({**user["identities"][0], "value": f"alias{number}@example.com"})
        user["data"][f"preference{number}"] = {"theme": "dark", "pageSize": 20 + number, "beta": number % 2 == 0}
    return json.dumps(login).encode()


def _registration(template: dict[str, Any], number: int) -> dict[str, Any]:
    return {
        **template,
        "applicationId": str(uuid.UUID(int=number)),
        "id": str(uuid.UUID(int=1000 + number)),
        "roles": ["user", f"role-{number}"],
        "data": {"plan": "gold", "seats": number},
    }
