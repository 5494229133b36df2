"""Keep secrets out of reprs: API keys, JWTs, one-time codes, TOTP secrets and bearer-like ids.

The generated attrs models print every field in their repr, so `repr(login_response)` would show
the access token. Rather than edit generated code, the facade replaces the `__repr__` of every
generated model once, at import, with one that prints `'<redacted>'` for the secret fields below.
"""

from __future__ import annotations

import re
from typing import Any

import attrs
from fusionauth_two_factor_generated import models as generated_models
from fusionauth_two_factor_generated.types import Unset

REDACTED = "<redacted>"

# Wire names of fields whose value grants access or proves possession of a factor.
SECRET_FIELDS = frozenset(
    {
        "authenticationToken",
        "changePasswordId",  # lets its holder change the user's password
        "code",  # a one-time code
        "emailVerificationId",
        "identityVerificationId",
        "pendingIdPLinkId",
        "recoveryCodes",
        "refreshToken",
        "registrationVerificationId",
        "secret",
        "secretBase32Encoded",
        "token",
        "tokens",
        "trustChallenge",
        "trustToken",
        "twoFactorId",  # the credential of the unauthenticated login and send calls
        "twoFactorTrustId",  # lets a login skip the second factor
    }
)


def _snake_case(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


SECRET_ATTRIBUTES = frozenset(_snake_case(name) for name in SECRET_FIELDS)


def _redacted_repr(self: Any) -> str:
    parts = []
    for field in attrs.fields(type(self)):
        value = getattr(self, field.name)
        if isinstance(value, Unset):
            continue  # an absent field says nothing worth printing
        if field.name == "additional_properties":
            value = {key: REDACTED if key in SECRET_FIELDS else item for key, item in value.items()}
        elif field.name in SECRET_ATTRIBUTES and value:
            value = REDACTED
        parts.append(f"{field.name}={value!r}")
    return f"{type(self).__name__}({', '.join(parts)})"


def install_redacted_reprs() -> None:
    for name in generated_models.__all__:
        model = getattr(generated_models, name)
        if attrs.has(model):
            model.__repr__ = _redacted_repr  # type: ignore[method-assign]
