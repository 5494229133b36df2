"""Seed data: the tenants, applications, API keys and users an emulator starts with.

A seed is a JSON object (the default one ships as ``default_seed.json`` in this package and is loaded with
:func:`default_seed`; load your own with :func:`load_seed` or build one with :meth:`Seed.from_dict`)::

    {
      "signingKey": "optional HMAC key for the JWTs the emulator issues (random per process if absent)",
      "tenants": [{
        "id": "<uuid>", "name": "Default", "issuer": "acme.com",
        "twoFactorIdTimeToLiveInSeconds": 300,            # lifetime of a twoFactorId      (default 300)
        "twoFactorOneTimeCodeTimeToLiveInSeconds": 60,    # lifetime of a one-time code    (default 60)
        "twoFactorTrustIdTimeToLiveInSeconds": 2592000,   # lifetime of a twoFactorTrustId (default 30 days)
        "trustTokenTimeToLiveInSeconds": 180,             # lifetime of a trustToken       (default 180)
        "jwtTimeToLiveInSeconds": 3600,                   # lifetime of issued access tokens (default 3600)
        "loginConfiguration": {"requireAuthentication": true},  # /api/login without applicationId needs an API key
        "failedAuthenticationConfiguration": {   # wrong two-factor codes per twoFactorId (FusionAuth's defaults):
          "userActionId": "<uuid>",              #   the lock's user action; without it (the default) no lock at all
          "tooManyAttempts": 5,                  #   the 5th wrong code ends the twoFactorId and locks the user (409)
          "resetCountInSeconds": 60,             #   a failure this long after the last one counts as the first
          "actionDuration": 3, "actionDurationUnit": "MINUTES"   # how long the lock lasts
        }
      }],
      "applications": [{"id": "<uuid>", "name": "Pied Piper", "tenantId": "<uuid>", "roles": ["admin", "user"],
                        "loginConfiguration": {"requireAuthentication": true}}],   # /api/login for this app
      #   requireAuthentication defaults to true, as in FusionAuth; the packaged seed turns it off for both.
      "apiKeys": [{"key": "<any string>", "tenantId": null, "description": "..."}],   # tenantId pins the key
      "users": [{
        "alias": "mfa",                   # emulator-only handle for tests: state.user("mfa")
        "id": "<uuid>", "tenantId": "<uuid>",
        "email": "...", "username": "...", "mobilePhone": "...",
        "password": "...",                # plaintext in the file; only a salted hash is kept once loaded
        "firstName": "...", "lastName": "...", "active": true,
        "verified": true,                 # false makes a successful login answer 212
        "insertInstant": 1700000000000,   # optional, milliseconds
        "expiry": null,                   # optional instant; a past instant makes two-factor login answer 410
        "locked": false,                  # true: the account is locked (FusionAuth: too many failed logins); 423
        "passwordChangeRequired": false,  # true makes two-factor login answer 203 ...
        "changePasswordReason": "Administrative",   # ... with this reason
        "actions": [],                    # LoginPreventedResponse objects; non-empty makes login answer 409
        "data": {},
        "registrations": [{"applicationId": "<uuid>", "roles": ["user"], "username": null,
                           "verified": true}],   # false: a login for that application answers 213
        "twoFactor": {
          "methods": [
            {"id": "KLRT", "method": "authenticator", "secret": "<20 ASCII chars: the HMAC key>", "name": "..."},
            {"id": "UYTR", "method": "email", "email": "..."},
            {"id": "PQSM", "method": "sms", "mobilePhone": "..."}
          ],
          "recoveryCodes": ["ABCDE-FGHIJ"]
        }
      }]
    }

Only ``tenants[].id``, ``applications[].id``/``tenantId``, ``apiKeys[].key``, ``users[].id``/``tenantId`` and
``methods[].id``/``method`` (plus ``secret``, ``email`` or ``mobilePhone`` for the respective method) are required.
When exactly one tenant is seeded, ``tenantId`` may be omitted everywhere. A user without ``password`` cannot log
in with ``POST /api/login`` (404, as for a wrong password).

The packaged seed (``default_seed.json``): tenant "Default", application "Pied Piper" (neither requires an API key
on ``/api/login``), the all-tenant API key ``emulator-api-key-4Xk9qLr2TzV7mB3nH8wJ5cF1`` and these users:

=======================  ======================  ========  ============  =========================================
alias                    email                   username  password      two-factor methods, and what is special
=======================  ======================  ========  ============  =========================================
mfa                      richard@piedpiper.com   richard   pied-piper-1  authenticator KLRT, email UYTR, sms PQSM;
                                                                         10 recovery codes
email_only               jared@piedpiper.com     jared     pied-piper-2  email JDEM
no_mfa                   gilfoyle@piedpiper.com  gilfoyle  pied-piper-3  none
enrol                    monica@piedpiper.com    monica    pied-piper-7  none; kept free for enrolment journeys
unverified               laurie@raviga.com       laurie    pied-piper-8  none; email not verified (login: 212)
unverified_registration  peter@raviga.com        peter     pied-piper-9  none; registration not verified (a login
                                                                         with Pied Piper's applicationId: 213)
change_password          dinesh@piedpiper.com    dinesh    pied-piper-4  authenticator DNAU; must change password
locked                   erlich@piedpiper.com    erlich    pied-piper-5  authenticator EBAU; an action prevents
                                                                         login (409)
expired                  bighead@piedpiper.com   bighead   pied-piper-6  authenticator NBAU; expired in 2000 (410)
account_locked           jian@piedpiper.com      jian      pied-piper-0  none; the account is locked (login: 423)
=======================  ======================  ========  ============  =========================================
"""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from .passwords import PasswordHash

__all__ = [
    "ApiKeySeed",
    "ApplicationSeed",
    "MethodSeed",
    "RegistrationSeed",
    "Seed",
    "SeedError",
    "TenantSeed",
    "UserSeed",
    "default_seed",
    "load_seed",
]

JsonObject = dict[str, Any]
METHOD_KINDS = ("authenticator", "email", "sms")


class SeedError(ValueError):
    """The seed JSON is malformed; the message names the offending path."""


def _obj(value: Any, where: str) -> JsonObject:
    if not isinstance(value, dict):
        raise SeedError(f"{where}: expected a JSON object")
    return value


def _list(value: Any, where: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise SeedError(f"{where}: expected a JSON array")
    return value


def _opt_str(data: JsonObject, key: str, where: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise SeedError(f"{where}.{key}: expected a string")
    return value


def _req_str(data: JsonObject, key: str, where: str) -> str:
    value = _opt_str(data, key, where)
    if not value:
        raise SeedError(f"{where}.{key}: required")
    return value


def _uuid(data: JsonObject, key: str, where: str, *, default: str | None = None) -> str:
    value = _opt_str(data, key, where) or default
    if value is None:
        raise SeedError(f"{where}.{key}: required")
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise SeedError(f"{where}.{key}: not a UUID") from None


def _int(data: JsonObject, key: str, where: str, default: int | None) -> int | None:
    value = data.get(key, default)
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        raise SeedError(f"{where}.{key}: expected an integer")
    return value


def _bool(data: JsonObject, key: str, where: str, default: bool) -> bool:
    value = data.get(key, default)
    if not isinstance(value, bool):
        raise SeedError(f"{where}.{key}: expected a boolean")
    return value


def _str_tuple(data: JsonObject, key: str, where: str) -> tuple[str, ...]:
    items = _list(data.get(key), f"{where}.{key}")
    if not all(isinstance(item, str) for item in items):
        raise SeedError(f"{where}.{key}: expected an array of strings")
    return tuple(items)


@dataclass(frozen=True)
class TenantSeed:
    id: str
    name: str = "Default"
    issuer: str = "acme.com"
    two_factor_id_ttl_seconds: int = 300
    one_time_code_ttl_seconds: int = 60
    trust_ttl_seconds: int = 30 * 24 * 3600
    trust_token_ttl_seconds: int = 180
    jwt_ttl_seconds: int = 3600
    login_requires_api_key: bool = True
    # failedAuthenticationConfiguration.userActionId: None (FusionAuth's default) means wrong codes never lock.
    lock_action_id: str | None = None
    too_many_attempts: int = 5
    reset_count_in_seconds: int = 60
    lock_duration_seconds: int = 3 * 60

    @classmethod
    def from_dict(cls, data: JsonObject, where: str) -> TenantSeed:
        def ttl(key: str, default: int) -> int:
            return _positive(data, key, where, default)

        failed = _obj(data.get("failedAuthenticationConfiguration") or {}, f"{where}.failedAuthenticationConfiguration")
        failed_where = f"{where}.failedAuthenticationConfiguration"

        return cls(
            id=_uuid(data, "id", where),
            name=_opt_str(data, "name", where) or "Default",
            issuer=_opt_str(data, "issuer", where) or "acme.com",
            two_factor_id_ttl_seconds=ttl("twoFactorIdTimeToLiveInSeconds", 300),
            one_time_code_ttl_seconds=ttl("twoFactorOneTimeCodeTimeToLiveInSeconds", 60),
            trust_ttl_seconds=ttl("twoFactorTrustIdTimeToLiveInSeconds", 30 * 24 * 3600),
            trust_token_ttl_seconds=ttl("trustTokenTimeToLiveInSeconds", 180),
            jwt_ttl_seconds=ttl("jwtTimeToLiveInSeconds", 3600),
            login_requires_api_key=_requires_authentication(data, where),
            lock_action_id=_uuid(failed, "userActionId", failed_where) if "userActionId" in failed else None,
            too_many_attempts=_positive(failed, "tooManyAttempts", failed_where, 5),
            reset_count_in_seconds=_positive(failed, "resetCountInSeconds", failed_where, 60),
            lock_duration_seconds=_lock_duration(failed, failed_where),
        )


def _positive(data: JsonObject, key: str, where: str, default: int) -> int:
    value = _int(data, key, where, default)
    if value is None or value <= 0:
        raise SeedError(f"{where}.{key}: must be a positive integer")
    return value


# FusionAuth's ExpiryUnit values the emulator can turn into seconds (MONTHS and YEARS have no fixed length).
EXPIRY_UNIT_SECONDS = {"MINUTES": 60, "HOURS": 3600, "DAYS": 86400, "WEEKS": 7 * 86400}


def _lock_duration(failed: JsonObject, where: str) -> int:
    """``actionDuration`` (default 3) in ``actionDurationUnit`` (default ``MINUTES``), in seconds."""
    unit = _opt_str(failed, "actionDurationUnit", where) or "MINUTES"
    if unit not in EXPIRY_UNIT_SECONDS:
        raise SeedError(f"{where}.actionDurationUnit: one of {', '.join(EXPIRY_UNIT_SECONDS)}")
    return _positive(failed, "actionDuration", where, 3) * EXPIRY_UNIT_SECONDS[unit]


def _requires_authentication(data: JsonObject, where: str) -> bool:
    """``loginConfiguration.requireAuthentication``: whether ``/api/login`` needs an API key (FusionAuth: true)."""
    config = _obj(data.get("loginConfiguration") or {}, f"{where}.loginConfiguration")
    return _bool(config, "requireAuthentication", f"{where}.loginConfiguration", True)


@dataclass(frozen=True)
class ApplicationSeed:
    id: str
    tenant_id: str
    name: str = "Application"
    roles: tuple[str, ...] = ()
    login_requires_api_key: bool = True


@dataclass(frozen=True)
class ApiKeySeed:
    key: str = field(repr=False)
    tenant_id: str | None = None
    description: str = ""


@dataclass(frozen=True)
class MethodSeed:
    id: str
    method: str
    secret: str | None = field(default=None, repr=False)
    email: str | None = None
    mobile_phone: str | None = None
    name: str | None = None

    @property
    def secret_base32(self) -> str | None:
        """``secretBase32Encoded``: Base32 of the ASCII bytes of ``secret`` (what authenticator apps want)."""
        if self.secret is None:
            return None
        return base64.b32encode(self.secret.encode("ascii")).decode("ascii")

    @classmethod
    def from_dict(cls, data: JsonObject, where: str) -> MethodSeed:
        kind = _req_str(data, "method", where)
        if kind not in METHOD_KINDS:
            raise SeedError(f"{where}.method: one of {', '.join(METHOD_KINDS)}")
        method = cls(
            id=_req_str(data, "id", where),
            method=kind,
            secret=_opt_str(data, "secret", where),
            email=_opt_str(data, "email", where),
            mobile_phone=_opt_str(data, "mobilePhone", where),
            name=_opt_str(data, "name", where),
        )
        required = {"authenticator": method.secret, "email": method.email, "sms": method.mobile_phone}[kind]
        if not required:
            key = {"authenticator": "secret", "email": "email", "sms": "mobilePhone"}[kind]
            raise SeedError(f"{where}.{key}: required for a {kind} method")
        if method.secret is not None and not method.secret.isascii():
            raise SeedError(f"{where}.secret: must be ASCII")
        return method


@dataclass(frozen=True)
class RegistrationSeed:
    application_id: str
    roles: tuple[str, ...] = ()
    username: str | None = None
    verified: bool = True


@dataclass(frozen=True)
class UserSeed:
    id: str
    tenant_id: str
    alias: str | None = None
    email: str | None = None
    username: str | None = None
    mobile_phone: str | None = None
    password: PasswordHash | None = field(default=None, repr=False)
    first_name: str | None = None
    last_name: str | None = None
    active: bool = True
    verified: bool = True
    insert_instant: int | None = None
    expiry: int | None = None
    locked: bool = False
    password_change_required: bool = False
    change_password_reason: str | None = None
    actions: tuple[JsonObject, ...] = ()
    data: JsonObject = field(default_factory=dict)
    registrations: tuple[RegistrationSeed, ...] = ()
    methods: tuple[MethodSeed, ...] = ()
    recovery_codes: tuple[str, ...] = field(default=(), repr=False)

    def method(self, kind: str) -> MethodSeed | None:
        """The first seeded method of ``kind`` (``authenticator``, ``email`` or ``sms``)."""
        return next((m for m in self.methods if m.method == kind), None)

    @property
    def totp_secret(self) -> str | None:
        """The ASCII ``secret`` of the first authenticator method (``None`` when the user has none)."""
        method = self.method("authenticator")
        return method.secret if method else None

    @property
    def totp_secret_base32(self) -> str | None:
        method = self.method("authenticator")
        return method.secret_base32 if method else None


@dataclass(frozen=True)
class Seed:
    tenants: tuple[TenantSeed, ...]
    applications: tuple[ApplicationSeed, ...] = ()
    api_keys: tuple[ApiKeySeed, ...] = ()
    users: tuple[UserSeed, ...] = ()
    signing_key: str | None = field(default=None, repr=False)

    @property
    def tenant(self) -> TenantSeed:
        """The first seeded tenant."""
        return self.tenants[0]

    @property
    def application(self) -> ApplicationSeed:
        """The first seeded application."""
        if not self.applications:
            raise LookupError("the seed has no applications")
        return self.applications[0]

    @property
    def api_key(self) -> str:
        """The first API key that is not pinned to a tenant (else the first key at all)."""
        if not self.api_keys:
            raise LookupError("the seed has no API keys")
        return next((k.key for k in self.api_keys if k.tenant_id is None), self.api_keys[0].key)

    def user(self, handle: str) -> UserSeed:
        """A seeded user by alias, id, email or username."""
        for user in self.users:
            if handle in (user.alias, user.id, user.email, user.username):
                return user
        raise LookupError(f"no seeded user {handle!r}")

    @classmethod
    def from_dict(cls, data: JsonObject) -> Seed:
        data = _obj(data, "seed")
        tenants = tuple(
            TenantSeed.from_dict(_obj(t, f"tenants[{i}]"), f"tenants[{i}]")
            for i, t in enumerate(_list(data.get("tenants"), "tenants"))
        )
        if not tenants:
            raise SeedError("tenants: at least one tenant is required")
        tenant_ids = {t.id for t in tenants}
        if len(tenant_ids) != len(tenants):
            raise SeedError("tenants: duplicate id")
        only = tenants[0].id if len(tenants) == 1 else None

        def tenant_of(item: JsonObject, where: str) -> str:
            tenant_id = _uuid(item, "tenantId", where, default=only)
            if tenant_id not in tenant_ids:
                raise SeedError(f"{where}.tenantId: unknown tenant")
            return tenant_id

        applications = []
        for i, raw in enumerate(_list(data.get("applications"), "applications")):
            where = f"applications[{i}]"
            item = _obj(raw, where)
            applications.append(
                ApplicationSeed(
                    id=_uuid(item, "id", where),
                    tenant_id=tenant_of(item, where),
                    name=_opt_str(item, "name", where) or "Application",
                    roles=_str_tuple(item, "roles", where),
                    login_requires_api_key=_requires_authentication(item, where),
                )
            )
        app_ids = {a.id for a in applications}
        api_keys = []
        for i, raw in enumerate(_list(data.get("apiKeys"), "apiKeys")):
            where = f"apiKeys[{i}]"
            item = _obj(raw, where)
            api_keys.append(
                ApiKeySeed(
                    key=_req_str(item, "key", where),
                    tenant_id=None if item.get("tenantId") is None else tenant_of(item, where),
                    description=_opt_str(item, "description", where) or "",
                )
            )
        users = tuple(
            _user_from_dict(_obj(raw, f"users[{i}]"), f"users[{i}]", tenant_of, app_ids)
            for i, raw in enumerate(_list(data.get("users"), "users"))
        )
        if len({u.id for u in users}) != len(users):
            raise SeedError("users: duplicate id")
        aliases = [u.alias for u in users if u.alias]
        if len(set(aliases)) != len(aliases):
            raise SeedError("users: duplicate alias")
        return cls(
            tenants=tenants,
            applications=tuple(applications),
            api_keys=tuple(api_keys),
            users=users,
            signing_key=_opt_str(data, "signingKey", "seed"),
        )


def _user_from_dict(
    item: JsonObject, where: str, tenant_of: Callable[[JsonObject, str], str], app_ids: set[str]
) -> UserSeed:
    registrations = []
    for j, raw in enumerate(_list(item.get("registrations"), f"{where}.registrations")):
        rwhere = f"{where}.registrations[{j}]"
        reg = _obj(raw, rwhere)
        application_id = _uuid(reg, "applicationId", rwhere)
        if application_id not in app_ids:
            raise SeedError(f"{rwhere}.applicationId: unknown application")
        registrations.append(
            RegistrationSeed(
                application_id=application_id,
                roles=_str_tuple(reg, "roles", rwhere),
                username=_opt_str(reg, "username", rwhere),
                verified=_bool(reg, "verified", rwhere, True),
            )
        )
    two_factor = _obj(item.get("twoFactor") or {}, f"{where}.twoFactor")
    methods = tuple(
        MethodSeed.from_dict(_obj(raw, f"{where}.twoFactor.methods[{j}]"), f"{where}.twoFactor.methods[{j}]")
        for j, raw in enumerate(_list(two_factor.get("methods"), f"{where}.twoFactor.methods"))
    )
    if len({m.id for m in methods}) != len(methods):
        raise SeedError(f"{where}.twoFactor.methods: duplicate id")
    actions = tuple(_obj(a, f"{where}.actions") for a in _list(item.get("actions"), f"{where}.actions"))
    return UserSeed(
        id=_uuid(item, "id", where),
        tenant_id=tenant_of(item, where),
        alias=_opt_str(item, "alias", where),
        email=_opt_str(item, "email", where),
        username=_opt_str(item, "username", where),
        mobile_phone=_opt_str(item, "mobilePhone", where),
        password=_password(item, where),
        first_name=_opt_str(item, "firstName", where),
        last_name=_opt_str(item, "lastName", where),
        active=_bool(item, "active", where, True),
        verified=_bool(item, "verified", where, True),
        insert_instant=_int(item, "insertInstant", where, None),
        expiry=_int(item, "expiry", where, None),
        locked=_bool(item, "locked", where, False),
        password_change_required=_bool(item, "passwordChangeRequired", where, False),
        change_password_reason=_opt_str(item, "changePasswordReason", where),
        actions=actions,
        data=_obj(item.get("data") or {}, f"{where}.data"),
        registrations=tuple(registrations),
        methods=methods,
        recovery_codes=_str_tuple(two_factor, "recoveryCodes", f"{where}.twoFactor"),
    )


def _password(item: JsonObject, where: str) -> PasswordHash | None:
    plaintext = _opt_str(item, "password", where)
    if plaintext is None:
        return None
    if not plaintext:
        raise SeedError(f"{where}.password: must not be empty")
    return PasswordHash.of(plaintext)


def load_seed(path: str | Path) -> Seed:
    """Read a seed JSON file."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise SeedError(f"{path}: not valid JSON ({exc.msg} at line {exc.lineno})") from None
    return Seed.from_dict(data)


def default_seed() -> Seed:
    """The seed shipped with the package (``default_seed.json``)."""
    text = resources.files(__package__).joinpath("default_seed.json").read_text(encoding="utf-8")
    return Seed.from_dict(json.loads(text))
