"""The emulator's in-memory world and the FusionAuth two-factor semantics applied to it.

:class:`EmulatorState` holds the seeded tenants, applications, API keys and users, the live ``twoFactorId``
challenges, two-factor trusts, the codes sent for enabling or disabling a method and the outbox of delivered codes,
and reads time only from its injectable :class:`~.clock.Clock`. Its operation methods (``password_login``,
``status``, ``status_with_request``, ``start``, ``login``, ``send_login_code``, ``send_enable_disable``,
``generate_secret``, ``enable_two_factor``, ``disable_two_factor``, ``update_two_factor``,
``generate_recovery_codes``, ``recovery_codes``) return wire-shaped JSON or raise :class:`~.errors.ApiError`;
``app.py`` maps them onto HTTP. Enabling, disabling and renaming methods live in ``enrolment.py``. Every public
method is thread-safe (the server runs in another thread).
"""

from __future__ import annotations

import threading
import uuid
from dataclasses import dataclass
from typing import Any, TypeVar

from . import enrolment, tokens
from .body import Body, invalid_json, is_uuid
from .clock import Clock, SystemClock
from .codes import base32_of, new_opaque_id, new_secret, random_digits, totp_at, totp_matches
from .errors import ApiError, ErrorsBuilder, blank, invalid
from .models import Challenge, DeliveredCode, Method, OutboxMessage, Registration, Trust, User, drop_none
from .seed import ApiKeySeed, ApplicationSeed, Seed, TenantSeed, default_seed

__all__ = ["EmulatorState", "LoginOutcome"]

JsonObject = dict[str, Any]
T = TypeVar("T")
LOGIN_ID_TYPES = ("email", "username", "phoneNumber")
DEFAULT_LOGIN_ID_TYPES = ("email", "username")
# What an MFA requirement lambda is told the user is doing; FusionAuth's own decision does not depend on it.
STATUS_ACTIONS = ("changePassword", "login", "stepUp")


@dataclass(frozen=True)
class LoginOutcome:
    """What a login answers: a status and a JSON body (``None`` = empty body)."""

    status: int
    body: JsonObject | None


class EmulatorState:
    """Seeded data + clock + outbox + the domain logic of the six two-factor endpoints."""

    def __init__(self, seed: Seed | None = None, clock: Clock | None = None) -> None:
        self._lock = threading.RLock()
        self.clock: Clock = clock if clock is not None else SystemClock()
        self.seed: Seed = seed if seed is not None else default_seed()
        self.reset()

    # ------------------------------------------------------------------ set-up and inspection

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
        """The live record behind a ``twoFactorId`` (expired ones included until they are touched)."""
        with self._lock:
            return self._challenges.get(two_factor_id)

    def trust(self, trust_id: str) -> Trust | None:
        with self._lock:
            return self._trusts.get(trust_id)

    # ------------------------------------------------------------------ tokens

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

    # ------------------------------------------------------------------ authentication and tenants

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

    def _live_trust(self, user: User, trust_id: str | None) -> Trust | None:
        """The trust ``trust_id`` names when it belongs to ``user`` (expired or not)."""
        trust = self._trusts.get(trust_id) if trust_id else None
        return trust if trust is not None and trust.user_id == user.id else None

    def _challenge_required(self, user: User, trust: Trust | None, now: int) -> bool:
        """Whether the next login asks for a second factor: the user has a method and no unexpired trust."""
        return bool(user.methods) and (trust is None or now >= trust.expiration_ms)

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

    # ------------------------------------------------------------------ GET and POST /api/two-factor/status

    def status(
        self,
        *,
        user_id: str | None,
        trust_id: str | None,
        application_id: str | None,
        tenant_id: str | None,
        errors: ErrorsBuilder | None = None,
    ) -> tuple[int, JsonObject]:
        """242 when the next login will ask for a second factor, else 200; body ``TwoFactorStatusResponse``.

        ``errors`` may already hold the caller's own validation errors; they are answered together.
        """
        with self._lock:
            errors = errors if errors is not None else ErrorsBuilder()
            checked = self._check_user_id(errors, user_id or None)
            self._check_application_id(errors, application_id or None, tenant_id)
            errors.raise_if_any()
            checked = present(checked)
            user = self._visible_user(checked, tenant_id)
            if user is None:
                raise ApiError.field("userId", "invalid", invalid("userId", "No user has this Id."))
            now = self.clock.now_ms()
            trust = self._live_trust(user, trust_id)
            body: JsonObject = {"trusts": [trust.to_json(now)] if trust else []}
            if trust_id:
                body["twoFactorTrustId"] = trust_id
            return (242 if self._challenge_required(user, trust, now) else 200), body

    def status_with_request(self, body: Body, *, tenant_id: str | None) -> tuple[int, JsonObject]:
        """``POST /api/two-factor/status`` (FusionAuth 1.62+): the GET's answer, from a ``TwoFactorStatusRequest``.

        ``action`` (``login`` by default, ``stepUp`` or ``changePassword``) only reaches an MFA requirement lambda;
        FusionAuth's own decision, and so the emulator's (it runs no lambdas), is the same for all three. An
        unknown action cannot be bound (400 ``[invalidJSON]``). ``accessToken``, when given, must be an unexpired
        token the emulator signed (400 ``[invalid]accessToken``); ``eventInfo`` must be an object.
        """
        action = body.string("action")
        if action is not None and action not in STATUS_ACTIONS:
            raise invalid_json(f"The property [action] must be one of {', '.join(STATUS_ACTIONS)}.")
        body.obj("eventInfo")
        errors = ErrorsBuilder()
        access_token = body.string("accessToken")
        if access_token is not None and self.jwt_user(access_token) is None:
            errors.field("accessToken", "invalid", invalid("accessToken", "It is not a valid, unexpired token."))
        return self.status(
            user_id=body.string("userId"),
            trust_id=body.string("twoFactorTrustId"),
            application_id=body.string("applicationId"),
            tenant_id=tenant_id,
            errors=errors,
        )

    # ------------------------------------------------------------------ POST /api/login

    def password_login(
        self, body: Body, *, tenant_id: str | None, api_key_given: bool, trust_cookie: str | None
    ) -> LoginOutcome:
        """Check ``loginId`` + ``password``; 242 with a fresh ``twoFactorId`` when a second factor is due.

        404 (empty) for an unknown login id, a wrong password or any ``oneTimePassword`` (the emulator issues
        none); 401 when the application (or, without ``applicationId``, the tenant) requires an API key and none
        was given; then 410 / 409 as the two-factor login answers them; 242 when the user has a method and neither
        the ``fusionauth.trust`` cookie nor ``twoFactorTrustId`` names a live trust of theirs; otherwise the
        two-factor login's answer (203, 202 or 200 with tokens and the user).
        """
        with self._lock:
            errors = ErrorsBuilder()
            one_time_password = body.string("oneTimePassword")
            # A one-time password takes the place of both.
            login_id = body.required("loginId", errors) if one_time_password is None else None
            password = body.required("password", errors) if one_time_password is None else None
            login_id_types = self._check_login_id_types(errors, body)
            application_id = self._check_application_id(errors, body.string("applicationId"), tenant_id)
            no_jwt = body.boolean("noJWT")
            trust_id = trust_cookie or body.string("twoFactorTrustId")
            body.obj("metaData")
            body.obj("eventInfo")
            errors.raise_if_any()
            tenant_id = self._resolve_tenant(tenant_id, application_id)
            if not api_key_given and self._login_requires_api_key(tenant_id, application_id):
                raise ApiError(401)
            user = None if one_time_password else self._find_by_login_id(login_id or "", login_id_types, tenant_id)
            if user is None or user.password is None or not user.password.matches(password or ""):
                raise ApiError(404)
            now = self.clock.now_ms()
            blocked = self._login_blocked(user, now)
            if blocked is not None:
                return blocked
            if self._challenge_required(user, self._live_trust(user, trust_id), now):
                challenge = self._new_challenge(user, application_id, now)
                return LoginOutcome(242, {"methods": [m.to_json() for m in user.methods], "twoFactorId": challenge.id})
            return self._login_outcome(user, application_id, no_jwt=no_jwt)

    def _login_requires_api_key(self, tenant_id: str | None, application_id: str | None) -> bool:
        if application_id is not None:
            return self.applications[application_id].login_requires_api_key
        tenants = [self.tenants[tenant_id]] if tenant_id is not None else list(self.tenants.values())
        return any(tenant.login_requires_api_key for tenant in tenants)

    def _new_challenge(self, user: User, application_id: str | None, now: int, **attached: Any) -> Challenge:
        """A fresh ``twoFactorId`` for ``user``; ``attached``: the start call's state, trust challenge and code."""
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

    # ------------------------------------------------------------------ POST /api/two-factor/start

    def start(self, body: Body, *, tenant_id: str | None) -> JsonObject:
        """Begin a step-up challenge; 404 (empty) when no user matches."""
        with self._lock:
            errors = ErrorsBuilder()
            user_id = self._check_user_id(errors, body.string("userId"), required=False)
            login_id = body.string("loginId")
            if body.string("userId") is None and login_id is None:
                errors.field("loginId", "blank", blank("loginId"))
            login_id_types = self._check_login_id_types(errors, body)
            application_id = self._check_application_id(errors, body.string("applicationId"), tenant_id)
            own_code = body.string("code")
            state = body.obj("state")
            trust_challenge = body.string("trustChallenge")
            errors.raise_if_any()
            tenant_id = self._resolve_tenant(tenant_id, application_id)
            user = (
                self._visible_user(user_id, tenant_id)
                if user_id is not None
                else self._find_by_login_id(login_id or "", login_id_types, tenant_id)
            )
            if user is None:
                raise ApiError(404)
            now = self.clock.now_ms()
            code = own_code or random_digits()
            challenge = self._new_challenge(
                user,
                application_id,
                now,
                state=state,
                trust_challenge=trust_challenge,
                start_code=self._one_time_code(user, code),
            )
            response: JsonObject = {"code": code, "twoFactorId": challenge.id}
            if user.methods:
                response["methods"] = [m.to_json() for m in user.methods]
            return response

    def _find_by_login_id(self, login_id: str, types: list[str], tenant_id: str | None) -> User | None:
        wanted = login_id.strip().lower()
        for user in self.users.values():
            if tenant_id is not None and user.tenant_id != tenant_id:
                continue
            values = {"email": user.email, "username": user.username, "phoneNumber": user.mobile_phone}
            if any((values[t] or "").lower() == wanted for t in types):
                return user
        return None

    # ------------------------------------------------------------------ POST /api/two-factor/login

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

    def login(self, body: Body, *, tenant_id: str | None) -> LoginOutcome:
        """Complete a challenge with a code; see the module docs of ``app.py`` for every status."""
        with self._lock:
            errors = ErrorsBuilder()
            two_factor_id = body.required("twoFactorId", errors)
            code = body.required("code", errors)
            application_id = body.string("applicationId")
            if application_id is not None and not is_uuid(application_id):
                errors.field("applicationId", "invalid", invalid("applicationId", "It must be a UUID."))
            trust_computer = body.boolean("trustComputer")
            no_jwt = body.boolean("noJWT")
            errors.raise_if_any()
            two_factor_id = present(two_factor_id)
            code = present(code)
            challenge = self._live_challenge(two_factor_id, tenant_id)
            user = self.users.get(challenge.user_id) if challenge else None
            if challenge is None or user is None:
                raise ApiError(404)
            if not self._accept_code(challenge, user, code.strip()):
                raise ApiError(421)
            del self._challenges[challenge.id]
            app_id = str(uuid.UUID(application_id)) if application_id else challenge.application_id
            return self._login_outcome(user, app_id, no_jwt=no_jwt, trust_computer=trust_computer, challenge=challenge)

    def _accept_code(self, challenge: Challenge, user: User, code: str) -> bool:
        """Check ``code`` against every accepted kind; mark the method used / consume the recovery code."""
        now = self.clock.now_ms()
        for method in user.methods:
            delivered = challenge.delivered
            method_matched = delivered is not None and delivered.method_id == method.id and delivered.accepts(code, now)
            if method.key is not None:
                method_matched = method_matched or totp_matches(method.key, code, now)
            if method_matched:
                for other in user.methods:
                    other.last_used = other is method
                return True
        start = challenge.start_code
        if start is not None and start.accepts(code, now):
            return True
        return enrolment.consume_recovery_code(user, code)

    @staticmethod
    def _login_blocked(user: User, now: int) -> LoginOutcome | None:
        """410 for an expired user, 409 with the actions that prevent logging in; ``None`` when neither applies."""
        if user.expiry is not None and user.expiry <= now:
            return LoginOutcome(410, None)
        if user.actions:
            return LoginOutcome(409, {"actions": [dict(action) for action in user.actions]})
        return None

    def _login_outcome(
        self,
        user: User,
        application_id: str | None,
        *,
        no_jwt: bool,
        trust_computer: bool = False,
        challenge: Challenge | None = None,
    ) -> LoginOutcome:
        """A login's answer once every factor is checked: 410, 409, 203, else 212 / 213 / 202 / 200 with tokens and
        the user.

        ``challenge``: the completed ``twoFactorId`` (its ``state`` is echoed, its trust challenge earns a
        ``trustToken``); ``trust_computer`` adds a new ``twoFactorTrustId``.
        """
        now = self.clock.now_ms()
        blocked = self._login_blocked(user, now)
        if blocked is not None:
            return blocked
        if user.password_change_required:
            body: JsonObject = {
                "changePasswordId": new_opaque_id(),
                "changePasswordReason": user.change_password_reason or "Administrative",
            }
            return LoginOutcome(203, body)
        registration = user.registration(application_id) if application_id else None
        user.last_login_instant = now
        if registration is not None:
            registration.last_login_instant = now
        body = {}
        if not no_jwt:
            tenant = self.tenants[user.tenant_id]
            body["token"] = self.mint_jwt(user.id, application_id=application_id)
            body["tokenExpirationInstant"] = now // 1000 * 1000 + tenant.jwt_ttl_seconds * 1000
            refresh_token, refresh_token_id = new_opaque_id(), str(uuid.uuid4())
            self._refresh_tokens[refresh_token] = user.id
            body["refreshToken"] = refresh_token
            body["refreshTokenId"] = refresh_token_id
        if challenge is not None and challenge.state is not None:
            body["state"] = challenge.state
        if challenge is not None and challenge.trust_challenge is not None:
            trust_token = new_opaque_id()
            ttl = self.tenants[user.tenant_id].trust_token_ttl_seconds
            self._trust_tokens[trust_token] = (user.id, now + ttl * 1000)
            body["trustToken"] = trust_token
        if trust_computer:
            body["twoFactorTrustId"] = self._new_trust(user, application_id, now).id
        body["user"] = user.to_json()
        return LoginOutcome(self._success_status(user, application_id, registration), body)

    @staticmethod
    def _success_status(user: User, application_id: str | None, registration: Registration | None) -> int:
        """212: the user is not verified; 213: their registration for the application is not; 202: they have no
        registration for it; else 200. FusionAuth answers 212/213 only where verification is required: a seed
        that marks someone unverified asks for exactly that."""
        if not user.verified:
            return 212
        if registration is not None and not registration.verified:
            return 213
        return 202 if application_id and registration is None else 200

    def _new_trust(self, user: User, application_id: str | None, now: int) -> Trust:
        ttl = self.tenants[user.tenant_id].trust_ttl_seconds
        trust = Trust(new_opaque_id(), user.id, application_id, now, now + ttl * 1000)
        self._trusts[trust.id] = trust
        return trust

    # ------------------------------------------------------------------ POST /api/two-factor/send/{twoFactorId}

    def send_login_code(self, two_factor_id: str, body: Body, *, tenant_id: str | None) -> None:
        """Deliver a fresh code for ``methodId``; replaces every earlier code of the challenge."""
        with self._lock:
            errors = ErrorsBuilder()
            method_id = body.string("methodId")
            if method_id is None:
                errors.field("methodId", "blank", blank("methodId"))
            challenge = self._live_challenge(two_factor_id, tenant_id)
            user = self.users.get(challenge.user_id) if challenge else None
            if challenge is None or user is None:
                errors.field("twoFactorId", "invalid", invalid("twoFactorId", "It is unknown or has expired."))
            errors.raise_if_any()
            challenge = present(challenge)
            user = present(user)
            method_id = present(method_id)
            method = self._message_method(user, method_id)
            code = self._deliver(
                user,
                method=method.method,
                destination=method.destination or "",
                purpose="login",
                two_factor_id=challenge.id,
                method_id=method.id,
            )
            challenge.delivered = self._one_time_code(user, code, via=method)
            challenge.start_code = None

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

    # ------------------------------------------------------------------ POST /api/two-factor/send

    def send_enable_disable(self, body: Body, *, tenant_id: str | None, jwt_user: User | None) -> None:
        """Deliver a code used to enable (``method`` + ``email``/``mobilePhone``) or disable (``methodId``) MFA.

        With a JWT the user comes from the token and any ``userId`` in the body is ignored.
        """
        with self._lock:
            errors = ErrorsBuilder()
            user = jwt_user
            if user is None:
                user_id = self._check_user_id(errors, body.string("userId"))
                user = self._visible_user(user_id, tenant_id) if user_id else None
                if user_id is not None and user is None:
                    errors.field("userId", "invalid", invalid("userId", "No user has this Id."))
            self._check_application_id(errors, body.string("applicationId"), tenant_id)
            method_id = body.string("methodId")
            if method_id is not None:
                errors.raise_if_any()
                user = present(user)
                method = self._message_method(user, method_id)
                destination = method.destination or ""
                code = self._deliver(
                    user, method=method.method, destination=destination, purpose="disable", method_id=method.id
                )
                self._disable_codes[user.id] = self._one_time_code(user, code, via=method)
                return
            kind, destination, message_type = self._enable_target(errors, body)
            errors.raise_if_any()
            user = present(user)
            code = self._deliver(
                user, method=kind, destination=destination, purpose="enable", message_type=message_type
            )
            self._enable_codes[user.id] = self._one_time_code(user, code, kind=kind, destination=destination)

    @staticmethod
    def _enable_target(errors: ErrorsBuilder, body: Body) -> tuple[str, str, str | None]:
        kind = body.string("method")
        message_type = body.string("messageType")
        if message_type is not None and message_type not in ("SMS", "Voice"):
            errors.field("messageType", "invalid", invalid("messageType", "Allowed: SMS, Voice."))
        if kind is None:
            errors.field("method", "blank", blank("method"))
            return "", "", None
        if kind not in ("email", "sms"):
            errors.field("method", "invalid", invalid("method", "Allowed: email, sms."))
            return "", "", None
        field_name = "email" if kind == "email" else "mobilePhone"
        destination = body.string(field_name)
        if destination is None:
            errors.field(field_name, "blank", blank(field_name))
            return "", "", None
        return kind, destination, (message_type if kind == "sms" else None)

    # ------------------------------------------------------------------ enabling and disabling methods

    def enable_two_factor(self, user: User, body: Body, *, tenant_id: str | None) -> JsonObject | None:
        """``POST /api/user/two-factor[/{userId}]``; the answer's body (``None``: no body). See ``enrolment.py``."""
        with self._lock:
            errors = ErrorsBuilder()
            request = enrolment.read_enable_request(body, errors)
            self._check_application_id(errors, body.string("applicationId"), tenant_id)
            two_factor_id = body.string("twoFactorId")
            challenge = self._live_challenge(two_factor_id, user.tenant_id) if two_factor_id else None
            if two_factor_id is not None and (challenge is None or challenge.user_id != user.id):
                errors.field("twoFactorId", "invalid", invalid("twoFactorId", "It is unknown or has expired."))
            body.obj("eventInfo")
            errors.raise_if_any()
            request = present(request)
            enrolment.refuse_duplicate(user, request)
            now = self.clock.now_ms()
            enrolment.verify_enable_code(request, self._enable_codes.get(user.id), now)
            recovery_codes = enrolment.add_method(user, request)
            if request.method != "authenticator":
                del self._enable_codes[user.id]
            if recovery_codes is None:
                return None
            response: JsonObject = {"recoveryCodes": recovery_codes}
            if challenge is not None:
                # The code finishes the login that asked this user to configure a method.
                challenge.start_code = self._one_time_code(user, random_digits())
                response["code"] = challenge.start_code.code
            return response

    def disable_two_factor(
        self, user: User, *, method_id: str | None, code: str | None, tenant_id: str | None, application_id: str | None
    ) -> None:
        """``DELETE /api/user/two-factor[/{userId}]`` with ``methodId`` and ``code``; see ``enrolment.py``."""
        with self._lock:
            errors = ErrorsBuilder()
            if method_id is None:
                errors.field("methodId", "blank", blank("methodId"))
            if code is None:
                errors.field("code", "blank", blank("code"))
            self._check_application_id(errors, application_id, tenant_id)
            errors.raise_if_any()
            sent = self._disable_codes.get(user.id)
            if enrolment.disable_method(user, present(method_id), present(code).strip(), sent, self.clock.now_ms()):
                del self._disable_codes[user.id]

    def update_two_factor(self, user: User, *, method_id: str | None, name: str | None) -> None:
        """``PUT /api/user/two-factor/{userId}`` (FusionAuth 1.68+): rename a method; see ``enrolment.py``."""
        with self._lock:
            if method_id is None:
                raise ApiError.field("methodId", "blank", blank("methodId"))
            enrolment.rename_method(user, method_id, name)

    def generate_recovery_codes(self, user: User) -> JsonObject:
        """``POST /api/user/two-factor/recovery-code/{userId}``: ten new codes; the old ones stop working."""
        with self._lock:
            return {"recoveryCodes": enrolment.replace_recovery_codes(user)}

    @staticmethod
    def recovery_codes(user: User) -> JsonObject:
        """``GET /api/user/two-factor/recovery-code/{userId}``, deprecated since FusionAuth 1.64.0.

        Since 1.68.0 FusionAuth keeps recovery codes hashed and this call always answers an empty list; the emulator
        answers as 1.68+ does (its own copy of the codes, ``User.recovery_codes``, is for tests).
        """
        return {"recoveryCodes": []}

    # ------------------------------------------------------------------ GET /api/two-factor/secret

    @staticmethod
    def generate_secret() -> JsonObject:
        secret = new_secret()
        return {"secret": secret, "secretBase32Encoded": base32_of(secret)}


def present(value: T | None) -> T:
    """Narrowing helper: validation already guaranteed ``value``; a ``None`` here is an emulator bug (500)."""
    if value is None:
        raise ApiError(500)
    return value
