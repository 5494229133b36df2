"""Logging in: ``POST /api/login``, the two-factor login and start, and the status a next login would meet.

Both logins end in one place, :meth:`Logins._login_outcome` (410, 409, 203, then 212 / 213 / 202 / 200 with tokens
and the user), so a password login that needs no second factor answers exactly as a completed two-factor login.

Wrong codes are limited per ``twoFactorId`` (:meth:`Logins._count_failure`) by the tenant's
``failedAuthenticationConfiguration``, with FusionAuth's field names and defaults. Where that comes from:

- the Tenant API (``apis/tenants/_tenant-request-body.mdx`` in FusionAuth/fusionauth-site):
  ``tooManyAttempts`` (default 5) is "the number of failed attempts considered to be too many", after which the
  configured ``userActionId`` is applied for ``actionDuration`` (default 3) ``actionDurationUnit``;
  ``resetCountInSeconds`` (default 60): a failure that long after the last one counts as the first again. The
  ``multiFactorConfiguration`` fields (authenticator, email, sms, voice, loginPolicy) set no attempt limit;
- "Setting Up User Account Lockout" (``lifecycle/authenticate-users/setting-up-user-account-lockout.mdx``): once the
  fifth attempt fails the account is locked and every login path answers a 4xx until the lock expires;
- the Complete Multi-Factor Authentication API (``apis/login/complete-mfa.mdx``): 409 "the user is currently in an
  action that has prevented login" with the actions, 404 "the ``twoFactorId`` was invalid or expired", 421 a wrong
  code;
- FusionAuth's hosted pages answer a 409 of ``/api/two-factor/login`` with
  ``[LoginPreventedExceptionTooManyTwoFactorAttempts]`` ("You have exceeded the number of allowed attempts. Your
  account has been locked.", ``theme/messages.properties`` in FusionAuth/fusionauth-localization).

FusionAuth locks only when the tenant names a ``userActionId`` (optional, no default), and so does the emulator: without
one every wrong code is a 421 and the ``twoFactorId`` stays alive until it expires; with one the
``tooManyAttempts``-th wrong code in a row ends the ``twoFactorId`` and applies that action (described by the emulator
itself: it has no user actions to look the name up in), so a brute force on one ``twoFactorId`` ends there.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from . import enrolment
from .body import Body, invalid_json, is_uuid
from .codes import new_opaque_id, random_digits, totp_matches
from .errors import ApiError, ErrorsBuilder, blank, invalid
from .models import Challenge, Registration, Trust, User
from .world import JsonObject, World, present

__all__ = ["STATUS_ACTIONS", "LoginOutcome", "Logins"]

# What an MFA requirement lambda is told the user is doing; FusionAuth's own decision does not depend on it.
STATUS_ACTIONS = ("changePassword", "login", "stepUp")


@dataclass(frozen=True)
class LoginOutcome:
    """What a login answers: a status and a JSON body (``None`` = empty body)."""

    status: int
    body: JsonObject | None


class Logins(World):
    """The login, step-up and status endpoints."""

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

    def password_login(
        self, body: Body, *, tenant_id: str | None, api_key_given: bool, trust_cookie: str | None
    ) -> LoginOutcome:
        """Check ``loginId`` + ``password``; 242 with a fresh ``twoFactorId`` when a second factor is due.

        404 (empty) for an unknown login id, a wrong password or any ``oneTimePassword`` (the emulator issues
        none); 423 (empty) for a locked account, whatever the password (as FusionAuth answers, fusionauth-issues
        #2524); 401 when the application (or, without ``applicationId``, the tenant) requires an API key and none
        was given; then 410 / 409 as the two-factor login answers them; 242 when the user has a method and neither
        the ``fusionauth.trust`` cookie nor ``twoFactorTrustId`` names a live trust of theirs; otherwise the
        two-factor login's answer (203, or 212 / 213 / 202 / 200 with tokens and the user).
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
            if user is not None and user.locked:
                raise ApiError(423)
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
                return self._count_failure(challenge, user)
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

    def _count_failure(self, challenge: Challenge, user: User) -> LoginOutcome:
        """A wrong code: 421, until the tenant's ``failedAuthenticationConfiguration.tooManyAttempts``-th in a row.

        That one ends the ``twoFactorId`` and locks the user for ``actionDuration`` (409 with the lock, which every
        later login meets until it expires), as FusionAuth does with a failed-authentication ``userActionId``
        configured; without one (the default) every wrong code is a 421. A failure more than
        ``resetCountInSeconds`` after the previous one counts as the first again.
        """
        tenant = self.tenants[user.tenant_id]
        if tenant.lock_action_id is None:
            raise ApiError(421)
        now = self.clock.now_ms()
        recent = now - challenge.last_failure_ms <= tenant.reset_count_in_seconds * 1000
        challenge.failed_attempts = challenge.failed_attempts + 1 if recent else 1
        challenge.last_failure_ms = now
        if challenge.failed_attempts < tenant.too_many_attempts:
            raise ApiError(421)
        del self._challenges[challenge.id]
        user.actions[:] = [action for action in user.actions if not _expired(action, now)]
        user.actions.append(
            {
                "actionId": tenant.lock_action_id,
                "expiry": now + tenant.lock_duration_seconds * 1000,
                "localizedName": "Failed authentication lock",
                "localizedReason": "Too many two-factor attempts",
                "name": "Failed authentication lock",
                "reason": "Too many two-factor attempts",
            }
        )
        return present(self._login_blocked(user, now))

    @staticmethod
    def _login_blocked(user: User, now: int) -> LoginOutcome | None:
        """410 for an expired user, 409 with the unexpired actions that prevent logging in; ``None`` when neither
        applies."""
        if user.expiry is not None and user.expiry <= now:
            return LoginOutcome(410, None)
        preventing = [dict(action) for action in user.actions if not _expired(action, now)]
        if preventing:
            return LoginOutcome(409, {"actions": preventing})
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


def _expired(action: JsonObject, now: int) -> bool:
    """Whether a login-preventing action has run out (``expiry`` in the past; no ``expiry``: it never does)."""
    expiry = action.get("expiry")
    return isinstance(expiry, int) and not isinstance(expiry, bool) and expiry <= now
