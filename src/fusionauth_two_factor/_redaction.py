"""Keep secrets out of reprs: API keys, JWTs, one-time codes, TOTP secrets and bearer-like ids.

The generated attrs models print every field in their repr, so `repr(login_response)` would show
the access token. Rather than edit generated code, the facade replaces the `__repr__` of every
generated model once, at import, with one that prints `'<redacted>'` for the secret fields below.
It also filters httpx2's own request log line, whose URL may carry a twoFactorId or a trust id.
"""

from __future__ import annotations

import logging
import re
from typing import Any

import attrs
import httpx2
from fusionauth_two_factor_generated import models as generated_models
from fusionauth_two_factor_generated.types import Unset

REDACTED = "<redacted>"

# Wire names of fields whose value grants access or proves possession of a factor.
SECRET_FIELDS = frozenset(
    {
        "accessToken",  # the user's JWT, given to the status call
        "authenticationToken",
        "changePasswordId",  # lets its holder change the user's password
        "code",  # a one-time code
        "emailVerificationId",
        "identityVerificationId",
        "oneTimePassword",
        "password",
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


# Headers whose values are credentials: FusionAuth's login answer sets access_token and
# refresh_token cookies, and a request's Authorization carries the API key or a JWT.
SECRET_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie", "set-cookie"})


def redacted_headers(headers: httpx2.Headers) -> httpx2.Headers:
    """A copy of `headers` with the value of every secret header replaced by '<redacted>'."""
    return httpx2.Headers(
        [(name, REDACTED if name.lower() in SECRET_HEADERS else value) for name, value in headers.multi_items()]
    )


def _squashed(name: str) -> str:
    # The generator's Python names differ from the wire names only by case and underscores
    # (secretBase32Encoded -> secret_base_32_encoded), so comparing squashed names is exact enough.
    return name.replace("_", "").lower()


_SQUASHED_SECRET_FIELDS = frozenset(_squashed(name) for name in SECRET_FIELDS)


def _redacted_repr(self: Any) -> str:
    parts = []
    for field in attrs.fields(type(self)):
        value = getattr(self, field.name)
        if isinstance(value, Unset):
            continue  # an absent field says nothing worth printing
        if field.name == "additional_properties":
            value = {key: REDACTED if key in SECRET_FIELDS else item for key, item in value.items()}
        elif _squashed(field.name) in _SQUASHED_SECRET_FIELDS and value:
            value = REDACTED
        parts.append(f"{field.name}={value!r}")
    return f"{type(self).__name__}({', '.join(parts)})"


class _HttpxUrlFilter(logging.Filter):
    """httpx2 logs every request URL at INFO; ours may hold a twoFactorId or trust id (path) or a code (query)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(_redact_url_secrets(arg) if isinstance(arg, httpx2.URL) else arg for arg in record.args)
        return True


_ID_IN_PATH = re.compile(r"(/api/two-factor/(?:send|status)/)[^/?#]+")
# The query-string form of disabling a method carries its one-time (or recovery) code.
_CODE_IN_QUERY = re.compile(r"([?&]code=)[^&#]*")


def _redact_url_secrets(url: httpx2.URL) -> str:
    return _CODE_IN_QUERY.sub(rf"\g<1>{REDACTED}", _ID_IN_PATH.sub(rf"\g<1>{REDACTED}", str(url)))


def install_redacted_reprs() -> None:
    for name in generated_models.__all__:
        model = getattr(generated_models, name)
        if attrs.has(model):
            model.__repr__ = _redacted_repr  # type: ignore[method-assign]


def install_httpx_log_filter() -> None:
    logger = logging.getLogger("httpx2")
    if not any(isinstance(existing, _HttpxUrlFilter) for existing in logger.filters):
        logger.addFilter(_HttpxUrlFilter())
