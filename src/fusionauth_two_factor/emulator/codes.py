"""Code and secret generation, and RFC 6238 TOTP (HMAC-SHA1, 6 digits, 30-second step) via pyotp.

An authenticator key is bytes: the ASCII bytes of a ``secret`` (what ``GET /api/two-factor/secret`` returns and the
enable call accepts), or the Base32-decoded ``secretBase32Encoded``. Functions taking a key also take the ``secret``
string itself.

Accepted time window: FusionAuth documents the algorithm, length and step (HmacSHA1, 6 digits, 30 s: "other settings
are ignored") but not how many steps either side of "now" it accepts. The emulator accepts one step either side, the
network-delay allowance RFC 6238 section 5.2 recommends, everywhere a code is checked (login, enable, disable).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import string
from collections.abc import Collection

import pyotp

__all__ = [
    "base32_of",
    "codes_equal",
    "key_from_base32",
    "new_method_id",
    "new_opaque_id",
    "new_recovery_codes",
    "new_secret",
    "random_digits",
    "totp_at",
    "totp_matches",
]

TOTP_DIGITS = 6
TOTP_STEP_SECONDS = 30
RECOVERY_CODE_COUNT = 10
METHOD_ID_LENGTH = 4
_SECRET_ALPHABET = string.ascii_letters + string.digits
_METHOD_ID_ALPHABET = string.ascii_uppercase + string.digits
# FusionAuth's documented example codes (``QJD73-L6GR5``, ...) use digits 2-9 and consonants only: no 0/O, 1/I or
# vowels, so a code read aloud or written down is not misread.
_RECOVERY_ALPHABET = "23456789BCDFGHJKLMNPQRSTVWXYZ"


def _key(secret: str | bytes) -> bytes:
    return secret.encode("ascii") if isinstance(secret, str) else secret


def base32_of(secret: str | bytes) -> str:
    """``secretBase32Encoded``: Base32 of the key (for a ``secret`` string: of its ASCII bytes)."""
    return base64.b32encode(_key(secret)).decode("ascii")


def key_from_base32(text: str) -> bytes | None:
    """The key a ``secretBase32Encoded`` value names (case, spaces and padding forgiven); ``None`` if not Base32."""
    compact = "".join(text.split()).upper().rstrip("=")
    try:
        key = base64.b32decode(compact + "=" * (-len(compact) % 8))
    except ValueError:
        return None
    return key or None


def _totp(secret: str | bytes) -> pyotp.TOTP:
    return pyotp.TOTP(base32_of(secret), digits=TOTP_DIGITS, digest=hashlib.sha1, interval=TOTP_STEP_SECONDS)


def totp_at(secret: str | bytes, at_ms: int) -> str:
    """The authenticator code for a key (or the ASCII ``secret``, not its Base32 form) at instant ``at_ms``."""
    return _totp(secret).at(at_ms // 1000)


def totp_matches(secret: str | bytes, code: str, at_ms: int, *, window: int = 1) -> bool:
    """Whether ``code`` is the TOTP for the key at ``at_ms`` or up to ``window`` steps either side."""
    if len(code) != TOTP_DIGITS or not code.isdigit():
        return False
    return _totp(secret).verify(code, for_time=at_ms // 1000, valid_window=window)


def codes_equal(given: str, expected: str) -> bool:
    # "surrogatepass": a lone surrogate from a JSON escape ("\ud800") is a wrong code, not an emulator error.
    return hmac.compare_digest(given.encode("utf-8", "surrogatepass"), expected.encode("utf-8", "surrogatepass"))


def random_digits(length: int = 6) -> str:
    return "".join(secrets.choice(string.digits) for _ in range(length))


def new_secret() -> str:
    """A fresh 20-character ASCII secret, as ``GET /api/two-factor/secret`` returns."""
    return "".join(secrets.choice(_SECRET_ALPHABET) for _ in range(20))


def new_method_id(taken: Collection[str]) -> str:
    """A fresh 4-character method id (``KLRT``-like) that is not in ``taken``."""
    while True:
        method_id = "".join(secrets.choice(_METHOD_ID_ALPHABET) for _ in range(METHOD_ID_LENGTH))
        if method_id not in taken:
            return method_id


def new_recovery_codes() -> list[str]:
    """Ten distinct single-use recovery codes in FusionAuth's ``XXXXX-XXXXX`` format."""
    codes: set[str] = set()
    while len(codes) < RECOVERY_CODE_COUNT:
        halves = ("".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(5)) for _ in range(2))
        codes.add("-".join(halves))
    return sorted(codes)


def new_opaque_id() -> str:
    """An opaque, URL-safe identifier (``twoFactorId``, ``twoFactorTrustId``, tokens)."""
    return secrets.token_urlsafe(32)
