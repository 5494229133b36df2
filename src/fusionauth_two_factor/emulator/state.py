"""The emulator's state: the world, its logins, and the endpoints that deliver codes and manage methods.

:class:`EmulatorState` is what ``app.py`` serves (its operation methods return wire-shaped JSON or raise
:class:`~.errors.ApiError`) and what tests drive directly: :class:`~.world.World` holds the data and the shared
rules, :class:`~.logins.Logins` the logins and status, this module sending codes (``send_login_code``,
``send_enable_disable``), ``generate_secret`` and the method management whose rules live in ``enrolment.py``
(``enable_two_factor``, ``disable_two_factor``, ``update_two_factor``, ``generate_recovery_codes``,
``recovery_codes``). Every public method is thread-safe (the server runs in another thread).
"""

from __future__ import annotations

from . import enrolment
from .body import Body
from .codes import base32_of, new_secret, random_digits
from .errors import ApiError, ErrorsBuilder, blank, invalid
from .logins import LoginOutcome, Logins
from .models import User
from .world import JsonObject, present

__all__ = ["EmulatorState", "LoginOutcome"]


class EmulatorState(Logins):
    """Seeded data + clock + outbox + the domain logic of FusionAuth's login and Multi-Factor endpoints."""

    def send_login_code(self, two_factor_id: str, body: Body, *, tenant_id: str | None) -> None:
        """Deliver a fresh code for ``methodId``; replaces every earlier code of the challenge.

        A blank ``methodId`` is a 400; an unknown or expired ``twoFactorId`` then an empty 500, as FusionAuth
        answers it (its request validation does not check the id, and ``DefaultMFAService.sendTwoFactorCode``
        throws a NullPointerException: FusionAuth/fusionauth-issues#2315, open).
        """
        with self._lock:
            errors = ErrorsBuilder()
            method_id = body.required("methodId", errors)
            errors.raise_if_any()
            challenge = self._live_challenge(two_factor_id, tenant_id)
            user = self.users.get(challenge.user_id) if challenge else None
            if challenge is None or user is None:
                raise ApiError(500)  # FusionAuth/fusionauth-issues#2315
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

    @staticmethod
    def generate_secret() -> JsonObject:
        secret = new_secret()
        return {"secret": secret, "secretBase32Encoded": base32_of(secret)}
