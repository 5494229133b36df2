"""Code and secret generation, and RFC 6238 TOTP (HMAC-SHA1, 6 digits, 30-second step) via pyotp."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import string

import pyotp

__all__ = [
    "base32_of",
    "codes_equal",
    "new_opaque_id",
    "new_secret",
    "random_digits",
    "totp_at",
    "totp_matches",
]

TOTP_DIGITS = 6
TOTP_STEP_SECONDS = 30
_SECRET_ALPHABET = string.ascii_letters + string.digits


def base32_of(secret: str) -> str:
    """``secretBase32Encoded``: Base32 of the ASCII bytes of ``secret``."""
    return base64.b32encode(secret.encode("ascii")).decode("ascii")


def _totp(secret: str) -> pyotp.TOTP:
    return pyotp.TOTP(base32_of(secret), digits=TOTP_DIGITS, digest=hashlib.sha1, interval=TOTP_STEP_SECONDS)


def totp_at(secret: str, at_ms: int) -> str:
    """The authenticator code for ``secret`` (the ASCII secret, not its Base32 form) at instant ``at_ms``."""
    return _totp(secret).at(at_ms // 1000)


def totp_matches(secret: str, code: str, at_ms: int, *, window: int = 1) -> bool:
    """Whether ``code`` is the TOTP for ``secret`` at ``at_ms`` or up to ``window`` steps either side."""
    if len(code) != TOTP_DIGITS or not code.isdigit():
        return False
    return _totp(secret).verify(code, for_time=at_ms // 1000, valid_window=window)


def codes_equal(given: str, expected: str) -> bool:
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def random_digits(length: int = 6) -> str:
    return "".join(secrets.choice(string.digits) for _ in range(length))


def new_secret() -> str:
    """A fresh 20-character ASCII secret, as ``GET /api/two-factor/secret`` returns."""
    return "".join(secrets.choice(_SECRET_ALPHABET) for _ in range(20))


def new_opaque_id() -> str:
    """An opaque, URL-safe identifier (``twoFactorId``, ``twoFactorTrustId``, tokens)."""
    return secrets.token_urlsafe(32)
