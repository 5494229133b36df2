"""The emulator's mutable runtime records and their FusionAuth wire (JSON) shapes.

All instants are integer milliseconds since the epoch. ``to_json`` omits ``None`` values, as FusionAuth does.
Secrets (authenticator keys, password hashes, recovery codes) are never part of a wire shape.
"""

from __future__ import annotations

import copy
import uuid
from dataclasses import dataclass, field
from typing import Any

from .codes import codes_equal
from .passwords import PasswordHash
from .seed import MethodSeed, UserSeed

__all__ = [
    "Challenge",
    "DeliveredCode",
    "Method",
    "OutboxMessage",
    "Registration",
    "Trust",
    "User",
    "drop_none",
]

JsonObject = dict[str, Any]


def drop_none(data: JsonObject) -> JsonObject:
    return {key: value for key, value in data.items() if value is not None}


@dataclass
class Method:
    """One enabled two-factor method; ``key`` is an authenticator's HMAC key (the ASCII bytes of its secret)."""

    id: str
    method: str
    key: bytes | None = field(default=None, repr=False)
    email: str | None = None
    mobile_phone: str | None = None
    name: str | None = None
    last_used: bool = False

    @classmethod
    def from_seed(cls, seed: MethodSeed) -> Method:
        key = seed.secret.encode("ascii") if seed.secret is not None else None
        return cls(seed.id, seed.method, key, seed.email, seed.mobile_phone, seed.name)

    @property
    def destination(self) -> str | None:
        """Where a code for this method is delivered (``None`` for authenticator methods)."""
        return {"email": self.email, "sms": self.mobile_phone}.get(self.method)

    def to_json(self) -> JsonObject:
        body: JsonObject = {"id": self.id, "method": self.method, "lastUsed": self.last_used, "name": self.name}
        if self.method == "authenticator":
            body["authenticator"] = {"algorithm": "HmacSHA1", "codeLength": 6, "timeStep": 30}
        body["email"] = self.email if self.method == "email" else None
        body["mobilePhone"] = self.mobile_phone if self.method == "sms" else None
        return drop_none(body)


@dataclass
class Registration:
    application_id: str
    id: str
    roles: list[str]
    insert_instant: int
    username: str | None = None
    verified: bool = True
    last_login_instant: int | None = None

    def to_json(self) -> JsonObject:
        return drop_none(
            {
                "applicationId": self.application_id,
                "id": self.id,
                "insertInstant": self.insert_instant,
                "lastLoginInstant": self.last_login_instant,
                "lastUpdateInstant": self.insert_instant,
                "roles": list(self.roles),
                "username": self.username,
                "usernameStatus": "ACTIVE",
                "verified": self.verified,
                "verifiedInstant": self.insert_instant if self.verified else None,
            }
        )


@dataclass
class User:
    id: str
    tenant_id: str
    alias: str | None
    email: str | None
    username: str | None
    mobile_phone: str | None
    password: PasswordHash | None = field(repr=False)
    first_name: str | None
    last_name: str | None
    active: bool
    verified: bool
    insert_instant: int
    expiry: int | None
    locked: bool
    password_change_required: bool
    change_password_reason: str | None
    actions: list[JsonObject]
    data: JsonObject
    registrations: list[Registration]
    methods: list[Method]
    recovery_codes: list[str] = field(repr=False)
    last_login_instant: int | None = None

    @classmethod
    def from_seed(cls, seed: UserSeed, now_ms: int) -> User:
        insert = seed.insert_instant if seed.insert_instant is not None else now_ms
        return cls(
            id=seed.id,
            tenant_id=seed.tenant_id,
            alias=seed.alias,
            email=seed.email,
            username=seed.username,
            mobile_phone=seed.mobile_phone,
            password=seed.password,
            first_name=seed.first_name,
            last_name=seed.last_name,
            active=seed.active,
            verified=seed.verified,
            insert_instant=insert,
            expiry=seed.expiry,
            locked=seed.locked,
            password_change_required=seed.password_change_required,
            change_password_reason=seed.change_password_reason,
            actions=copy.deepcopy(list(seed.actions)),
            data=copy.deepcopy(seed.data),
            registrations=[
                Registration(
                    application_id=r.application_id,
                    id=str(uuid.uuid5(uuid.NAMESPACE_URL, f"{seed.id}/{r.application_id}")),
                    roles=list(r.roles),
                    insert_instant=insert,
                    username=r.username,
                    verified=r.verified,
                )
                for r in seed.registrations
            ],
            methods=[Method.from_seed(m) for m in seed.methods],
            recovery_codes=list(seed.recovery_codes),
        )

    def method(self, method_id: str) -> Method | None:
        return next((m for m in self.methods if m.id == method_id), None)

    def registration(self, application_id: str) -> Registration | None:
        return next((r for r in self.registrations if r.application_id == application_id), None)

    def identities(self) -> list[JsonObject]:
        found = [("email", self.email), ("username", self.username), ("phoneNumber", self.mobile_phone)]
        return [
            {
                "displayValue": value,
                "insertInstant": self.insert_instant,
                "lastUpdateInstant": self.insert_instant,
                "primary": True,
                "type": kind,
                "value": value,
                "verified": self.verified,
                "verifiedReason": "Skipped",
            }
            for kind, value in found
            if value
        ]

    def to_json(self) -> JsonObject:
        """FusionAuth's ``User`` object (recovery codes and method secrets are never included)."""
        full_name = " ".join(part for part in (self.first_name, self.last_name) if part) or None
        return drop_none(
            {
                "active": self.active,
                "data": copy.deepcopy(self.data) if self.data else None,
                "email": self.email,
                "expiry": self.expiry,
                "firstName": self.first_name,
                "fullName": full_name,
                "id": self.id,
                "identities": self.identities(),
                "insertInstant": self.insert_instant,
                "lastLoginInstant": self.last_login_instant,
                "lastName": self.last_name,
                "lastUpdateInstant": self.insert_instant,
                "memberships": [],
                "mobilePhone": self.mobile_phone,
                "passwordChangeRequired": self.password_change_required,
                "passwordLastUpdateInstant": self.insert_instant,
                "preferredLanguages": [],
                "registrations": [r.to_json() for r in self.registrations],
                "tenantId": self.tenant_id,
                "twoFactor": {"methods": [m.to_json() for m in self.methods]},
                "username": self.username,
                "usernameStatus": "ACTIVE",
                "verified": self.verified,
                "verifiedInstant": self.insert_instant if self.verified else None,
            }
        )


@dataclass
class DeliveredCode:
    """A one-time code and until when it is accepted; for a sent code also the method and where it went."""

    code: str = field(repr=False)
    expires_ms: int
    method_id: str | None = None
    method: str | None = None
    destination: str | None = None

    def accepts(self, code: str, now_ms: int) -> bool:
        return now_ms < self.expires_ms and codes_equal(code, self.code)


@dataclass
class Challenge:
    """One ``twoFactorId`` and everything attached to it."""

    id: str = field(repr=False)
    user_id: str
    tenant_id: str
    application_id: str | None
    created_ms: int
    expires_ms: int
    state: JsonObject | None = None
    trust_challenge: str | None = field(default=None, repr=False)
    start_code: DeliveredCode | None = None
    delivered: DeliveredCode | None = None
    # Wrong codes in a row (see Logins._count_failure) and the instant of the last one.
    failed_attempts: int = 0
    last_failure_ms: int = 0


@dataclass(frozen=True)
class Trust:
    id: str = field(repr=False)
    user_id: str
    application_id: str | None
    start_ms: int
    expiration_ms: int

    def to_json(self, now_ms: int) -> JsonObject:
        return drop_none(
            {
                "applicationId": self.application_id,
                "expiration": self.expiration_ms,
                "expired": now_ms >= self.expiration_ms,
                "startInstant": self.start_ms,
            }
        )


@dataclass(frozen=True)
class OutboxMessage:
    """A code the emulator "delivered" by email or SMS.

    ``purpose`` is ``login`` (``/api/two-factor/send/{twoFactorId}``), ``enable`` or ``disable``
    (``/api/two-factor/send``).
    """

    method: str
    destination: str
    code: str
    purpose: str
    user_id: str
    instant: int
    two_factor_id: str | None = None
    method_id: str | None = None
    message_type: str | None = None

    def to_json(self) -> JsonObject:
        return drop_none(
            {
                "method": self.method,
                "destination": self.destination,
                "code": self.code,
                "purpose": self.purpose,
                "userId": self.user_id,
                "instant": self.instant,
                "twoFactorId": self.two_factor_id,
                "methodId": self.method_id,
                "messageType": self.message_type,
            }
        )
