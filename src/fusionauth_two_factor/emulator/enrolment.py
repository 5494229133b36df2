"""Enabling and disabling a user's two-factor methods, and their recovery codes (FusionAuth's Multi-Factor API).

Pure functions on a live :class:`~.models.User`; :class:`~.state.EmulatorState` looks the user up, holds the lock
and keeps the codes ``POST /api/two-factor/send`` delivered for enabling or disabling. What they implement:

- **Enable** (``POST /api/user/two-factor[/{userId}]``): the ``code`` must prove the user can produce codes: for an
  authenticator, the TOTP of the given ``secret`` (its ASCII bytes are the key; it wins when both are given) or
  ``secretBase32Encoded`` at the emulator's clock, one 30-second step either side (see ``codes.py``); for email or
  SMS, the last code sent to enable that method and not expired. Sent to another address than the request names:
  400 ``[mismatch]email`` / ``[mismatch]mobilePhone``. A wrong code: 421. The new method gets a fresh 4-character
  id. Only the first method's answer has a body: ten new recovery codes (and ``code``, to finish
  ``/api/two-factor/login``, when a ``twoFactorId`` was given); later methods answer 200 with no body.
- **Disable** (``DELETE /api/user/two-factor[/{userId}]``): the ``code`` is the method's own: the TOTP of that
  authenticator, or the last code sent to disable that method; a recovery code instead removes every method. Once no
  method is left, MFA is off and the recovery codes are gone (enabling a method again issues a new set).
- **Rename** (``PUT /api/user/two-factor/{userId}``, FusionAuth 1.68+): sets or, when omitted, clears a method's
  ``name`` (at most 256 characters, else 400 ``[tooLong]name``; the same limit applies when enabling).
- **Recovery codes**: generating replaces the old set; each code works once (login or disable).

Field errors ``[blank]method``, ``[blank]secret``, ``[blank]mobilePhone`` and ``[duplicate]...`` (the same
address or key enabled twice) follow FusionAuth's ``[kind]field`` convention; FusionAuth does not list them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .body import Body
from .codes import codes_equal, key_from_base32, new_method_id, new_recovery_codes, totp_matches
from .errors import ApiError, ErrorsBuilder, blank, invalid
from .models import DeliveredCode, Method, User

__all__ = [
    "EnableRequest",
    "add_method",
    "consume_recovery_code",
    "disable_method",
    "read_enable_request",
    "refuse_duplicate",
    "rename_method",
    "replace_recovery_codes",
    "verify_enable_code",
]

METHOD_KINDS = ("authenticator", "email", "sms")
MAX_NAME_LENGTH = 256
_DESTINATION_FIELD = {"email": "email", "sms": "mobilePhone"}


@dataclass(frozen=True)
class EnableRequest:
    """A validated ``TwoFactorRequest``."""

    method: str
    code: str = field(repr=False)
    key: bytes | None = field(default=None, repr=False)
    destination: str | None = None
    name: str | None = None

    def same_as(self, method: Method) -> bool:
        """Whether ``method`` already delivers to this destination (or uses this authenticator key)."""
        if method.method != self.method:
            return False
        if self.method == "authenticator":
            return method.key == self.key
        return _same_destination(self.method, method.destination, self.destination)


def _same_destination(kind: str, one: str | None, other: str | None) -> bool:
    if one is None or other is None:
        return False
    return one.casefold() == other.casefold() if kind == "email" else one == other


def _authenticator_key(body: Body, errors: ErrorsBuilder) -> bytes | None:
    secret = body.string("secret")
    if secret is not None:
        if not secret.isascii():
            errors.field("secret", "invalid", invalid("secret", "It must be the secret's ASCII text."))
            return None
        return secret.encode("ascii")
    encoded = body.string("secretBase32Encoded")
    if encoded is None:
        errors.field("secret", "blank", blank("secret") + " Or specify [secretBase32Encoded].")
        return None
    key = key_from_base32(encoded)
    if key is None:
        errors.field("secretBase32Encoded", "invalid", invalid("secretBase32Encoded", "It is not Base32."))
    return key


def read_enable_request(body: Body, errors: ErrorsBuilder) -> EnableRequest | None:
    """Validate the body's own fields into ``errors``; ``None`` when the request cannot be used."""
    code = body.required("code", errors)
    kind = body.required("method", errors)
    name = body.string("name")
    if name is not None and len(name) > MAX_NAME_LENGTH:
        errors.field("name", "tooLong", _too_long_name())
    if kind is None:
        return None
    if kind not in METHOD_KINDS:
        errors.field("method", "invalid", invalid("method", f"Allowed: {', '.join(METHOD_KINDS)}."))
        return None
    if kind == "authenticator":
        key = _authenticator_key(body, errors)
        return EnableRequest(kind, code, key=key, name=name) if key is not None and code is not None else None
    destination = body.required(_DESTINATION_FIELD[kind], errors)
    if destination is None:
        return None
    return EnableRequest(kind, code, destination=destination, name=name) if code is not None else None


def verify_enable_code(request: EnableRequest, sent: DeliveredCode | None, now_ms: int) -> None:
    """Raise 400 ``[mismatch]`` or 421 unless ``request.code`` proves possession of the new method."""
    if request.method == "authenticator":
        if request.key is None or not totp_matches(request.key, request.code, now_ms):
            raise ApiError(421)
        return
    if sent is not None and sent.method == request.method:
        if not _same_destination(request.method, sent.destination, request.destination):
            field_name = _DESTINATION_FIELD[request.method]
            raise ApiError.field(
                field_name, "mismatch", f"The [{field_name}] is not where the last enable code was sent."
            )
        if sent.accepts(request.code, now_ms):
            return
    raise ApiError(421)


def refuse_duplicate(user: User, request: EnableRequest) -> None:
    """400 ``[duplicate]...`` when the user already has this address (or authenticator key) enabled."""
    if any(request.same_as(method) for method in user.methods):
        field_name = "secret" if request.method == "authenticator" else _DESTINATION_FIELD[request.method]
        raise ApiError.field(field_name, "duplicate", f"This [{field_name}] is already enabled for the user.")


def add_method(user: User, request: EnableRequest) -> list[str] | None:
    """Store the new method; for the user's first method return its fresh recovery codes, else ``None``."""
    first = not user.methods
    method_id = new_method_id({method.id for method in user.methods})
    user.methods.append(
        Method(
            id=method_id,
            method=request.method,
            key=request.key,
            email=request.destination if request.method == "email" else None,
            mobile_phone=request.destination if request.method == "sms" else None,
            name=request.name,
        )
    )
    return replace_recovery_codes(user) if first else None


def replace_recovery_codes(user: User) -> list[str]:
    """Give the user ten new recovery codes; the old ones stop working. Returns a copy."""
    user.recovery_codes = new_recovery_codes()
    return list(user.recovery_codes)


def _normalize_recovery(code: str) -> str:
    return code.strip().replace("-", "").upper()


def consume_recovery_code(user: User, code: str) -> bool:
    """Whether ``code`` is one of the user's recovery codes (compared without dashes or case); it is used up."""
    normalized = _normalize_recovery(code)
    for recovery in user.recovery_codes:
        if codes_equal(normalized, _normalize_recovery(recovery)):
            user.recovery_codes.remove(recovery)
            return True
    return False


def _method(user: User, method_id: str) -> Method:
    method = user.method(method_id)
    if method is None:
        raise ApiError.field(
            "methodId",
            "invalid",
            "The [methodId] is not valid. No two-factor method with this Id was found enabled for the user.",
        )
    return method


def _too_long_name() -> str:
    return f"The [name] must be at most {MAX_NAME_LENGTH} characters long."


def rename_method(user: User, method_id: str, name: str | None) -> None:
    """Give the method a new display name (``None`` clears it); 400 for an unknown method or a too long name."""
    method = _method(user, method_id)
    if name is not None and len(name) > MAX_NAME_LENGTH:
        raise ApiError.field("name", "tooLong", _too_long_name())
    method.name = name


def disable_method(user: User, method_id: str, code: str, sent: DeliveredCode | None, now_ms: int) -> bool:
    """Remove ``method_id`` (every method for a recovery code); return whether the sent code was used.

    Raises 400 ``[invalid]methodId`` for a method the user does not have, 421 for a code that proves nothing.
    """
    method = _method(user, method_id)
    used_sent_code = False
    if consume_recovery_code(user, code):
        user.methods.clear()
    elif method.key is not None and totp_matches(method.key, code, now_ms):
        user.methods.remove(method)
    elif sent is not None and sent.method_id == method.id and sent.accepts(code, now_ms):
        user.methods.remove(method)
        used_sent_code = True
    else:
        raise ApiError(421)
    if not user.methods:
        user.recovery_codes.clear()
    return used_sent_code
