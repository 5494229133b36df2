"""Salted password hashes for seeded users: the emulator never keeps a plaintext password after loading a seed.

FusionAuth's default scheme is salted PBKDF2-HMAC-SHA256; the emulator uses the same primitive with a low work
factor, because a test suite loads the seed before every test and nothing here protects real credentials.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass, field

__all__ = ["PasswordHash"]

_ITERATIONS = 1_000
_SALT_BYTES = 16


@dataclass(frozen=True)
class PasswordHash:
    """A salted PBKDF2-HMAC-SHA256 digest; its repr shows neither the salt nor the digest."""

    salt: bytes = field(repr=False)
    digest: bytes = field(repr=False)
    iterations: int = _ITERATIONS

    @classmethod
    def of(cls, password: str) -> PasswordHash:
        salt = secrets.token_bytes(_SALT_BYTES)
        return cls(salt, _derive(password, salt, _ITERATIONS), _ITERATIONS)

    def matches(self, password: str) -> bool:
        return hmac.compare_digest(_derive(password, self.salt, self.iterations), self.digest)


def _derive(password: str, salt: bytes, iterations: int) -> bytes:
    # "surrogatepass": a lone surrogate from a JSON escape ("\ud800") is a wrong password, not an emulator error.
    return hashlib.pbkdf2_hmac("sha256", password.encode("utf-8", "surrogatepass"), salt, iterations)
