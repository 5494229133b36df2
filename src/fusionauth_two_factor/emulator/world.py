"""The emulator's in-memory world: seeded data, live records, the clock, and the rules every endpoint shares.

:class:`World` holds the seeded tenants, applications, API keys and users, the live ``twoFactorId`` challenges,
two-factor trusts, the codes sent for enabling or disabling a method and the outbox of delivered codes, and reads
time only from its injectable :class:`~.clock.Clock`. It answers the lookups, authentication and tenant rules,
validation and code delivery the endpoints share; ``logins.py`` and ``state.py`` build the endpoints on it.
"""

from __future__ import annotations

import threading
import uuid
from typing import Any, TypeVar

from . import tokens
from .body import Body, is_uuid
from .clock import Clock, SystemClock
from .codes import new_opaque_id, random_digits, totp_at
from .errors import ApiError, ErrorsBuilder, blank, invalid
from .models import Challenge, DeliveredCode, Method, OutboxMessage, Trust, User, drop_none
from .seed import ApiKeySeed, ApplicationSeed, Seed, TenantSeed, default_seed

__all__ = ["JsonObject", "World", "present"]

JsonObject = dict[str, Any]
T = TypeVar("T")
LOGIN_ID_TYPES = ("email", "username", "phoneNumber")
DEFAULT_LOGIN_ID_TYPES = ("email", "username")


class World:
    """Seeded data + clock + outbox + live challenges, trusts and sent codes; thread-safe behind one lock."""

    def __init__(self, seed: Seed | None = None, clock: Clock | None = None) -> None:
        self._lock = threading.RLock()
        self.clock: Clock = clock if clock is not None else SystemClock()
        self.seed: Seed = seed if seed is not None else default_seed()
        self.reset()

    def reset(self, seed: Seed | None = None) -> None:
        """Forget every challenge, trust, token and outbox message and reload users from ``seed``.

        Without ``seed`` the current seed is reloaded. The clock is left alone.
        """
        with self._lock:
            if seed is not None:
                self.seed = seed
            seed = self.seed
            key = seed.signing_key
            self.signing_key: bytes = key.encode("utf-8") if key else new_opaque_id().encode("ascii")
            self.tenants: dict[str, TenantSeed] = {t.id: t for t in seed.tenants}
            self.applications: dict[str, ApplicationSeed] = {a.id: a for a in seed.applications}
            self._api_keys: dict[str, ApiKeySeed] = {k.key: k for k in seed.api_keys}
            now = self.clock.now_ms()
            self.users: dict[str, User] = {u.id: User.from_seed(u, now) for u in seed.users}
            self._challenges: dict[str, Challenge] = {}
            self._trusts: dict[str, Trust] = {}
            self._outbox: list[OutboxMessage] = []
            self._refresh_tokens: dict[str, str] = {}
            self._trust_tokens: dict[str, tuple[str, int]] = {}
            # The last code POST /api/two-factor/send delivered per user id, to enable a method or to disable one.
            self._enable_codes: dict[str, DeliveredCode] = {}
            self._disable_codes: dict[str, DeliveredCode] = {}

    @property
    def api_key(self) -> str:
        """The seed's default (not tenant-pinned) API key."""
        return self.seed.api_key

    def user(self, handle: str) -> User:
        """A user by alias, id, email or username (the live record: methods, recovery codes, ...)."""
        with self._lock:
            for user in self.users.values():
                if handle in (user.alias, user.id, user.email, user.username):
                    return user
        raise LookupError(f"no user {handle!r}")

    @property
    def outbox(self) -> list[OutboxMessage]:
        """Every delivered message, oldest first (a copy)."""
        with self._lock:
            return list(self._outbox)

    def outbox_messages(
        self,
        *,
        two_factor_id: str | None = None,
        user_id: str | None = None,
        destination: str | None = None,
        method: str | None = None,
        purpose: str | None = None,
    ) -> list[OutboxMessage]:
        """Delivered messages matching every given filter, oldest first."""
        wanted = {
            "two_factor_id": two_factor_id,
            "user_id": user_id,
            "destination": destination,
            "method": method,
            "purpose": purpose,
        }
        with self._lock:
            return [
                m
                for m in self._outbox
                if all(value is None or getattr(m, name) == value for name, value in wanted.items())
            ]

    def latest_code(
        self,
        *,
        two_factor_id: str | None = None,
        user_id: str | None = None,
        destination: str | None = None,
        method: str | None = None,
        purpose: str | None = None,
    ) -> str | None:
        """The code of the newest delivered message matching the filters, or ``None``."""
        messages = self.outbox_messages(
            two_factor_id=two_factor_id, user_id=user_id, destination=destination, method=method, purpose=purpose
        )
        return messages[-1].code if messages else None

    def clear_outbox(self) -> None:
        with self._lock:
            self._outbox.clear()

    def totp_code(self, user: str, *, method_id: str | None = None, at_ms: int | None = None) -> str:
        """The current authenticator code of ``user`` (alias, id, email or username) by the emulator's clock."""
        record = self.user(user)
        methods = [m for m in record.methods if m.method == "authenticator" and (method_id in (None, m.id))]
        if not methods or methods[0].key is None:
            raise LookupError(f"user {user!r} has no authenticator method {method_id or ''}".rstrip())
        return totp_at(methods[0].key, self.clock.now_ms() if at_ms is None else at_ms)

    def challenge(self, two_factor_id: str) -> Challenge | None:
        """The live record behind a ``twoFactorId`` (expired ones included until the next one is created)."""
        with self._lock:
            return self._challenges.get(two_factor_id)

    def trust(self, trust_id: str) -> Trust | None:
        with self._lock:
            return self._trusts.get(trust_id)

    def mint_jwt(
        self,
        user_id: str,
        *,
        application_id: str | None = None,
        ttl_seconds: int | None = None,
        extra_claims: dict[str, Any] | None = None,
    ) -> str:
        """Mint an access token for ``user_id`` (alias, id, email or username) that the emulator accepts.

        ``ttl_seconds`` defaults to the tenant's ``jwtTimeToLiveInSeconds``; a non-positive value mints an
        already-expired token. ``extra_claims`` are merged last.
        """
        with self._lock:
            user = self.user(user_id)
            tenant = self.tenants[user.tenant_id]
            now_s = self.clock.now_ms() // 1000
            ttl = tenant.jwt_ttl_seconds if ttl_seconds is None else ttl_seconds
            registration = user.registration(application_id) if application_id else None
            claims = drop_none(
                {
                    "aud": application_id,
                    "exp": now_s + ttl,
                    "iat": now_s,
                    "iss": tenant.issuer,
                    "sub": user.id,
                    "jti": str(uuid.uuid4()),
                    "authenticationType": "PASSWORD",
                    "email": user.email,
                    "email_verified": user.verified if user.email else None,
                    "preferred_username": user.username,
                    "applicationId": application_id,
                    "roles": list(registration.roles) if registration else ([] if application_id else None),
                    "auth_time": now_s,
                    "tid": user.tenant_id,
                }
            )
            claims.update(extra_claims or {})
            return tokens.sign(claims, self.signing_key, kid="emulator")

    def jwt_user(self, token: str) -> User | None:
        """The user a valid, unexpired emulator-signed token is for; ``None`` for anything else."""
        with self._lock:
            claims = tokens.verify(token, self.signing_key, now_ms=self.clock.now_ms())
            if claims is None:
                return None
            subject = claims.get("sub")
            return self.users.get(subject) if isinstance(subject, str) else None

    def api_key_for(self, raw: str | None) -> ApiKeySeed | None:
        """The seeded API key equal to the raw ``Authorization`` value, if any."""
        if not raw:
            return None
        with self._lock:
            return self._api_keys.get(raw.strip())

    def tenant_from_header(self, raw: str | None) -> str | None:
        """Validate ``X-FusionAuth-TenantId``: absent -> ``None``; unknown, malformed or blank -> 400."""
        if raw is None:
            return None
        try:
            tenant_id = str(uuid.UUID(raw.strip()))
        except ValueError:
            tenant_id = ""
        with self._lock:
            if tenant_id not in self.tenants:
                raise ApiError.general(
                    "InvalidTenantId", "The X-FusionAuth-TenantId HTTP request header does not name a tenant."
                )
        return tenant_id

    @staticmethod
    def scope_for_key(key: ApiKeySeed, header_tenant: str | None) -> str | None:
        """The tenant a request is pinned to. A tenant-pinned key used for another tenant is a 401."""
        if key.tenant_id is not None:
            if header_tenant is not None and header_tenant != key.tenant_id:
                raise ApiError(401)
            return key.tenant_id
        return header_tenant

    def _visible_user(self, user_id: str, tenant_id: str | None) -> User | None:
        user = self.users.get(user_id)
        if user is None or (tenant_id is not None and user.tenant_id != tenant_id):
            return None
        return user

    def path_user(self, raw: str, tenant_id: str | None) -> User | None:
        """The user a ``{userId}`` path segment names, if it is a UUID of a user visible in the tenant."""
        with self._lock:
            return self._visible_user(str(uuid.UUID(raw)), tenant_id) if is_uuid(raw) else None

    def _resolve_tenant(self, tenant_id: str | None, application_id: str | None) -> str | None:
        """The tenant a request is about: pinned, else the application's; 400 when several could be meant."""
        if tenant_id is None and application_id is not None:
            tenant_id = self.applications[application_id].tenant_id
        if tenant_id is None and len(self.tenants) > 1:
            raise ApiError.general(
                "TenantIdRequired",
                "A Tenant Id is required to complete this request. To complete this request, you may assign a "
                "Tenant to your API key, or add the X-FusionAuth-TenantId HTTP request header with the Tenant Id.",
            )
        return tenant_id

    def _check_login_id_types(self, errors: ErrorsBuilder, body: Body) -> list[str]:
        login_id_types = body.strings("loginIdTypes") or list(DEFAULT_LOGIN_ID_TYPES)
        if any(t not in LOGIN_ID_TYPES for t in login_id_types):
            errors.field("loginIdTypes", "invalid", invalid("loginIdTypes", f"Allowed: {LOGIN_ID_TYPES}."))
        return login_id_types

    def _check_user_id(self, errors: ErrorsBuilder, raw: str | None, *, required: bool = True) -> str | None:
        if raw is None:
            if required:
                errors.field("userId", "blank", blank("userId"))
            return None
        if not is_uuid(raw):
            errors.field("userId", "invalid", invalid("userId", "It must be a UUID."))
            return None
        return str(uuid.UUID(raw))

    def _check_application_id(self, errors: ErrorsBuilder, raw: str | None, tenant_id: str | None) -> str | None:
        """Validate an optional ``applicationId`` that must name a seeded application (in the pinned tenant)."""
        if raw is None:
            return None
        app = self.applications.get(str(uuid.UUID(raw))) if is_uuid(raw) else None
        if app is None or (tenant_id is not None and app.tenant_id != tenant_id):
            errors.field("applicationId", "invalid", invalid("applicationId", "No application has this Id."))
            return None
        return app.id

    def _find_by_login_id(self, login_id: str, types: list[str], tenant_id: str | None) -> User | None:
        wanted = login_id.strip().lower()
        for user in self.users.values():
            if tenant_id is not None and user.tenant_id != tenant_id:
                continue
            values = {"email": user.email, "username": user.username, "phoneNumber": user.mobile_phone}
            if any((values[t] or "").lower() == wanted for t in types):
                return user
        return None

    def _live_trust(self, user: User, trust_id: str | None) -> Trust | None:
        """The trust ``trust_id`` names when it belongs to ``user`` (expired or not)."""
        trust = self._trusts.get(trust_id) if trust_id else None
        return trust if trust is not None and trust.user_id == user.id else None

    def _challenge_required(self, user: User, trust: Trust | None, now: int) -> bool:
        """Whether the next login asks for a second factor: the user has a method and no unexpired trust."""
        return bool(user.methods) and (trust is None or now >= trust.expiration_ms)

    def _new_challenge(self, user: User, application_id: str | None, now: int, **attached: Any) -> Challenge:
        """A fresh ``twoFactorId`` for ``user``; ``attached``: the start call's state, trust challenge and code."""
        self._purge_expired_challenges(now)
        tenant = self.tenants[user.tenant_id]
        challenge = Challenge(
            id=new_opaque_id(),
            user_id=user.id,
            tenant_id=user.tenant_id,
            application_id=application_id,
            created_ms=now,
            expires_ms=now + tenant.two_factor_id_ttl_seconds * 1000,
            **attached,
        )
        self._challenges[challenge.id] = challenge
        return challenge

    def _purge_expired_challenges(self, now: int) -> None:
        """Forget every expired ``twoFactorId``, so that logins never answered do not pile up."""
        for expired in [key for key, challenge in self._challenges.items() if now >= challenge.expires_ms]:
            del self._challenges[expired]

    def _live_challenge(self, two_factor_id: str, tenant_id: str | None) -> Challenge | None:
        challenge = self._challenges.get(two_factor_id)
        if challenge is None:
            return None
        if self.clock.now_ms() >= challenge.expires_ms:
            del self._challenges[two_factor_id]
            return None
        if tenant_id is not None and challenge.tenant_id != tenant_id:
            return None
        return challenge

    def _one_time_code(
        self,
        user: User,
        code: str,
        *,
        via: Method | None = None,
        kind: str | None = None,
        destination: str | None = None,
    ) -> DeliveredCode:
        """``code``, valid for the tenant's one-time code lifetime from now; sent ``via`` a method, or by ``kind``
        to ``destination`` (a method still to be enabled)."""
        ttl = self.tenants[user.tenant_id].one_time_code_ttl_seconds
        return DeliveredCode(
            code,
            self.clock.now_ms() + ttl * 1000,
            method_id=via.id if via else None,
            method=via.method if via else kind,
            destination=via.destination if via else destination,
        )

    @staticmethod
    def _message_method(user: User, method_id: str) -> Method:
        method = user.method(method_id)
        if method is None or method.method not in ("email", "sms"):
            raise ApiError.field(
                "methodId",
                "invalid",
                "The [methodId] is not valid. No two-factor method with this Id that can receive a code was found "
                "enabled for the user.",
            )
        return method

    def _deliver(
        self,
        user: User,
        *,
        method: str,
        destination: str,
        purpose: str,
        two_factor_id: str | None = None,
        method_id: str | None = None,
        message_type: str | None = None,
    ) -> str:
        """Put a fresh 6-digit code in the outbox; return it."""
        code = random_digits()
        message = OutboxMessage(
            method=method,
            destination=destination,
            code=code,
            purpose=purpose,
            user_id=user.id,
            instant=self.clock.now_ms(),
            two_factor_id=two_factor_id,
            method_id=method_id,
            message_type=message_type,
        )
        self._outbox.append(message)
        return code


def present(value: T | None) -> T:
    """Narrowing helper: validation already guaranteed ``value``; a ``None`` here is an emulator bug (500)."""
    if value is None:
        raise ApiError(500)
    return value
