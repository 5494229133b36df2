"""What preparing a call sends for an id given in any form a UUID takes (the canonical form skips the parse).

An id in FusionAuth's canonical form (lowercase, hyphenated) is sent as given; every other form is
parsed by uuid.UUID and sent in the canonical form; what is not a UUID is refused before anything
is sent, without echoing it.
"""

from __future__ import annotations

import uuid
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from support import Api, FakeFusionAuth, fixture_json

CANONICAL = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
# Every form uuid.UUID takes for the same id: each is sent as CANONICAL.
FORMS = [
    CANONICAL,
    CANONICAL.upper(),
    "0A1b2C3d-4e5F-4a6b-8c7D-9e0f1a2b3c4d",
    "{" + CANONICAL + "}",
    "urn:uuid:" + CANONICAL,
    CANONICAL.replace("-", ""),
    "0a1b2c3d4-e5f-4a6b-8c7d-9e0f1a2b3c4d",  # 36 characters, a dash out of place: uuid.UUID drops dashes
    uuid.UUID(CANONICAL),
]
NOT_UUIDS = [
    "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4g",  # the canonical length and dashes, a non-hex digit
    "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4",
    "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d0",  # a 33rd digit
    "0a1b2c3d-4e5f-4a6b-8c7d-9e0f-a2b3c4d",  # 36 characters, a fifth dash
    "",
]


def _sent_user_id(server: FakeFusionAuth) -> list[str]:
    return parse_qs(urlsplit(str(server.last.url)).query)["userId"]


@pytest.mark.parametrize("user_id", FORMS, ids=repr)
def test_a_user_id_in_any_uuid_form_is_sent_in_the_canonical_form(
    api: Api, server: FakeFusionAuth, user_id: Any
) -> None:
    server.reply(200, json_body=fixture_json("status_response.json"))
    api.call("retrieve_two_factor_status", "trust", user_id=user_id, application_id=user_id)
    assert _sent_user_id(server) == [CANONICAL]
    assert parse_qs(urlsplit(str(server.last.url)).query)["applicationId"] == [CANONICAL]


@pytest.mark.parametrize("user_id", FORMS, ids=repr)
def test_an_id_in_the_path_is_sent_in_the_canonical_form(api: Api, server: FakeFusionAuth, user_id: Any) -> None:
    server.reply(200, json_body={"recoveryCodes": ["ABCDE-FGHIJ"]})
    api.call("generate_two_factor_recovery_codes", user_id)
    assert server.last.url.path == f"/api/user/two-factor/recovery-code/{CANONICAL}"


@pytest.mark.parametrize("user_id", NOT_UUIDS, ids=repr)
def test_what_is_not_a_uuid_is_refused_unsent_and_unechoed(api: Api, server: FakeFusionAuth, user_id: str) -> None:
    with pytest.raises(ValueError, match="user_id must be a UUID") as refused:
        api.call("retrieve_two_factor_status", "trust", user_id=user_id)
    assert server.requests == []
    assert not user_id or user_id not in str(refused.value)


@pytest.mark.parametrize("tenant_id", FORMS, ids=repr)
def test_the_tenant_id_is_sent_in_the_canonical_form(make_api: Any, server: FakeFusionAuth, tenant_id: Any) -> None:
    server.reply(200, json_body=fixture_json("status_response.json"))
    api = make_api(tenant_id=tenant_id)
    assert api.client.tenant_id == CANONICAL
    api.call("retrieve_two_factor_status", "trust", user_id=CANONICAL)
    assert server.last.headers["X-FusionAuth-TenantId"] == CANONICAL
