"""Minimal HS256 JSON Web Tokens, on the standard library only.

The emulator signs every access token it issues (``/api/two-factor/login``, :meth:`EmulatorState.mint_jwt`) with
one HMAC key and accepts only tokens it signed itself. This is a test double, not a general JWT library: only
``alg: HS256`` is produced or accepted, and the only claim checked here is ``exp`` (``nbf`` too, when present).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from typing import Any

__all__ = ["decode_unverified", "sign", "verify"]


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def sign(claims: dict[str, Any], key: bytes, *, kid: str | None = None) -> str:
    """Encode ``claims`` as a compact HS256 JWT signed with ``key``."""
    header: dict[str, Any] = {"alg": "HS256", "typ": "JWT"}
    if kid is not None:
        header["kid"] = kid
    signing_input = (
        _b64url(json.dumps(header, separators=(",", ":")).encode())
        + "."
        + _b64url(json.dumps(claims, separators=(",", ":")).encode())
    )
    signature = hmac.new(key, signing_input.encode("ascii"), hashlib.sha256).digest()
    return signing_input + "." + _b64url(signature)


def decode_unverified(token: str) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """Split a compact JWT into (header, claims) without checking anything; ``None`` when malformed."""
    parts = token.split(".")
    if len(parts) != 3:
        return None
    try:
        header = json.loads(_b64url_decode(parts[0]))
        claims = json.loads(_b64url_decode(parts[1]))
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(header, dict) or not isinstance(claims, dict):
        return None
    return header, claims


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def verify(token: str, key: bytes, *, now_ms: int) -> dict[str, Any] | None:
    """Return the claims of a well-formed, correctly signed, unexpired HS256 token; ``None`` otherwise."""
    decoded = decode_unverified(token)
    if decoded is None or decoded[0].get("alg") != "HS256":
        return None
    claims = decoded[1]
    signing_input, _, signature_text = token.rpartition(".")
    expected = hmac.new(key, signing_input.encode("ascii"), hashlib.sha256).digest()
    # The signature's text must be exactly the canonical encoding: base64 decoding would skip junk characters,
    # padding and unused low bits, so a token with extra characters would otherwise verify.
    if not hmac.compare_digest(signature_text.encode("utf-8"), _b64url(expected).encode("ascii")):
        return None
    now_s = now_ms / 1000
    exp, nbf = _number(claims.get("exp")), _number(claims.get("nbf"))
    if exp is None or now_s >= exp or (nbf is not None and now_s < nbf):
        return None
    return claims
