"""The Starlette application: FusionAuth's login and Multi-Factor endpoints over HTTP, plus emulator-only helpers.

FusionAuth endpoints (all JSON answers are ``application/json;charset=UTF-8``; 401, 404, 410, 421 and 500 have
an empty body; 400 carries an ``Errors`` object)::

    POST   /api/login                                          none or API key  -> 200 | 202 | 203 | 212 | 213
                                                                                   | 242 | 401 | 404 | 409 | 410
                                                                                   | 423
    GET    /api/two-factor/status[/{twoFactorTrustId}]?userId=&applicationId=  API key  -> 200 | 242
    POST   /api/two-factor/status  {userId, action, accessToken, ...}         API key  -> 200 | 242  (1.62+ form)
    POST   /api/two-factor/start                                              API key  -> 200 | 404
    POST   /api/two-factor/login                                              none     -> 200 | 202 | 203 | 212
                                                                                          | 213 | 404 | 409
                                                                                          | 410 | 421
    POST   /api/two-factor/send                                   API key or JWT     -> 200 (empty)
    GET    /api/two-factor/secret                                 API key or JWT     -> 200
    POST   /api/two-factor/send/{twoFactorId}                                 none     -> 200 (empty) | 400
                                                                          | 500 (unknown twoFactorId, as FusionAuth)
    POST   /api/user/two-factor/{userId}                                      API key  -> 200 (first method:
    POST   /api/user/two-factor                                               JWT         recoveryCodes[, code];
                                                                                          else empty) | 404 | 421
    PUT    /api/user/two-factor/{userId}[?methodId=]  {methodId?, name}    API key  -> 200 (empty) | 404  (1.68+)
    DELETE /api/user/two-factor/{userId}[?methodId=&code=] or JSON body       API key  -> 200 (empty) | 404 | 421
    DELETE /api/user/two-factor[?methodId=&code=] or JSON body                JWT      -> 200 (empty) | 421
    POST   /api/user/two-factor/recovery-code/{userId}                        API key  -> 200 {recoveryCodes}
    GET    /api/user/two-factor/recovery-code/{userId}       (deprecated)     API key  -> 200 {"recoveryCodes": []}
                                                                     (as FusionAuth 1.68+: codes are hashed at rest)

``/api/login`` needs an API key only when the application (``applicationId``) or else the tenant has
``loginConfiguration.requireAuthentication`` (seed setting); a key that is given must be valid (401). Its
``fusionauth.trust`` cookie wins over the body's ``twoFactorTrustId``. The recovery-code calls document no 404: an
unknown user is 400 ``[invalid]userId`` there. Semantics: ``state.py`` (logins, status) and ``enrolment.py``.

Authentication: an API key is the raw ``Authorization`` value; a JWT is ``Authorization: Bearer <jwt>`` (or an
``access_token`` cookie when no ``Authorization`` header is sent). Endpoints without authentication ignore the
``Authorization`` header completely. ``X-FusionAuth-TenantId`` naming no seeded tenant is answered 400
``[InvalidTenantId]`` (after authentication); a tenant-pinned API key used with a different tenant header is 401.

Every route answers an empty 400 to a ``Host`` that names neither a loopback address, ``localhost`` nor the bind
address (DNS rebinding), and an empty 413 to a body over 1 MiB: ``guard.py``.

Emulator-only routes (no authentication, never part of FusionAuth; bind to 127.0.0.1)::

    GET    /_emulator/outbox[?twoFactorId=&userId=&destination=&method=&purpose=]  -> {"messages": [...]}
    GET    /_emulator/outbox/latest[?same filters]                                 -> message | 404
    DELETE /_emulator/outbox                                                       -> clears the outbox
    GET    /_emulator/info                  -> seeded tenants, applications, API keys and users (with aliases)
    GET    /_emulator/totp/{user}[?methodId=]  -> {"code": current authenticator code, "instant": ms}
    POST   /_emulator/jwt   {"userId", "applicationId"?, "ttlSeconds"?}  -> {"token": access token}
    GET    /_emulator/clock                 -> {"now": ms, "fake": bool}
    POST   /_emulator/clock/advance {"seconds": n}  -> {"now": ms}  (400 unless the clock is a FakeClock, or for n
                                                                     outside 0 .. ten years)
    POST   /_emulator/reset                 -> reload the seed, forget challenges, trusts and the outbox
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .body import Body, parse_body
from .clock import FakeClock
from .errors import ApiError
from .guard import RequestGuard
from .models import User
from .state import EmulatorState

__all__ = ["JSON_CONTENT_TYPE", "create_app"]

logger = logging.getLogger(__name__)

JSON_CONTENT_TYPE = "application/json;charset=UTF-8"
TENANT_HEADER = "x-fusionauth-tenantid"
Handler = Callable[[Request], Awaitable[Response]]
# Ten years: longer than any lifetime the emulator enforces; beyond it an advance is a mistake (or inf).
MAX_ADVANCE_SECONDS = 10 * 366 * 86400


class FusionAuthJSONResponse(Response):
    media_type = JSON_CONTENT_TYPE

    def render(self, content: Any) -> bytes:
        text = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
        try:
            return text.encode("utf-8")
        except UnicodeEncodeError:  # an echoed lone surrogate ("\ud800" in a request): send it escaped
            return json.dumps(content, separators=(",", ":")).encode("ascii")


def json_response(body: Any, status: int = 200) -> Response:
    return FusionAuthJSONResponse(body, status_code=status)


def empty(status: int = 200) -> Response:
    return Response(status_code=status)


def error_response(error: ApiError) -> Response:
    if error.status == 400 and error.errors is not None:
        return json_response(error.errors.to_json(), 400)
    return empty(error.status)


def _guard(name: str, handler: Handler) -> Handler:
    """Map :class:`ApiError` to its answer and anything unexpected to an empty 500 (logged without data)."""

    async def guarded(request: Request) -> Response:
        try:
            return await handler(request)
        except ApiError as error:
            return error_response(error)
        except Exception as exc:  # an emulator bug: answer like FusionAuth, an empty 500
            logger.error("unhandled %s while handling %s", type(exc).__name__, name)
            return empty(500)

    guarded.__name__ = name
    return guarded


def _bearer(request: Request) -> str | None:
    """The JWT of a request: ``Authorization: Bearer x``, else the ``access_token`` cookie if no header."""
    header = request.headers.get("authorization")
    if header is None:
        return request.cookies.get("access_token") or None
    scheme, _, token = header.strip().partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None


class _Endpoints:
    def __init__(self, state: EmulatorState) -> None:
        self.state = state

    # ---- authentication helpers

    def api_key_tenant(self, request: Request) -> str | None:
        """Require an API key; return the tenant the request is pinned to (``None``: not pinned)."""
        key = self.state.api_key_for(request.headers.get("authorization"))
        if key is None:
            raise ApiError(401)
        header_tenant = self.state.tenant_from_header(request.headers.get(TENANT_HEADER))
        return self.state.scope_for_key(key, header_tenant)

    def jwt_user(self, request: Request) -> User:
        token = _bearer(request)
        user = self.state.jwt_user(token) if token else None
        if user is None:
            raise ApiError(401)
        # The token names the user's tenant: a header naming no tenant, or another one, makes the
        # token unusable here (401, which every JWT operation declares), not a malformed request.
        try:
            header_tenant = self.state.tenant_from_header(request.headers.get(TENANT_HEADER))
        except ApiError:
            raise ApiError(401) from None
        if header_tenant is not None and header_tenant != user.tenant_id:
            raise ApiError(401)
        return user

    def no_auth_tenant(self, request: Request) -> str | None:
        return self.state.tenant_from_header(request.headers.get(TENANT_HEADER))

    def api_key_or_jwt(self, request: Request) -> tuple[str | None, User | None]:
        """Either credential: ``Bearer``, a cookie or nothing means a JWT, any other value an API key.

        Returns the tenant the request is pinned to and, for a JWT, its user.
        """
        if _bearer(request) is not None or request.headers.get("authorization") is None:
            user = self.jwt_user(request)
            return user.tenant_id, user
        return self.api_key_tenant(request), None

    def key_user(self, request: Request, *, unknown: ApiError) -> tuple[User, str | None]:
        """API key authentication plus the ``{userId}`` path segment's user (``unknown`` raised when none)."""
        tenant_id = self.api_key_tenant(request)
        user = self.state.path_user(request.path_params["userId"], tenant_id)
        if user is None:
            raise unknown
        return user, tenant_id

    def path_or_jwt_user(self, request: Request) -> tuple[User, str | None]:
        """``/api/user/two-factor/{userId}`` with an API key (404 for no such user), or the JWT's user without it."""
        if "userId" in request.path_params:
            return self.key_user(request, unknown=ApiError(404))
        user = self.jwt_user(request)
        return user, user.tenant_id

    @staticmethod
    async def body(request: Request) -> Body:
        return parse_body(await request.body())

    async def body_or_query(self, request: Request) -> Callable[[str], str | None]:
        """A field of the JSON body or else of the query string: FusionAuth takes ``methodId`` (and the disable
        call's ``code`` and ``applicationId``) either way; the body's ``eventInfo`` must be an object.

        A field given blank in either place (``?code=``, ``"code": ""``) counts as blank whatever the other place
        says: such a request is malformed.
        """
        body, query = await self.body(request), request.query_params
        body.obj("eventInfo")

        def field(name: str) -> str | None:
            from_body = body.string(name)
            blank_in_body = from_body is None and body.data.get(name) is not None
            if blank_in_body or (name in query and not query[name].strip()):
                return None
            return from_body or query.get(name) or None

        return field

    # ---- FusionAuth endpoints

    async def password_login(self, request: Request) -> Response:
        key_given = request.headers.get("authorization") is not None
        tenant_id = self.api_key_tenant(request) if key_given else self.no_auth_tenant(request)
        outcome = self.state.password_login(
            await self.body(request),
            tenant_id=tenant_id,
            api_key_given=key_given,
            trust_cookie=request.cookies.get("fusionauth.trust") or None,
        )
        return _outcome_response(outcome.status, outcome.body)

    async def status_get(self, request: Request) -> Response:
        tenant_id = self.api_key_tenant(request)
        query = request.query_params
        status, body = self.state.status(
            user_id=query.get("userId"),
            trust_id=request.path_params.get("twoFactorTrustId") or query.get("twoFactorTrustId"),
            application_id=query.get("applicationId"),
            tenant_id=tenant_id,
        )
        return json_response(body, status)

    async def status_post(self, request: Request) -> Response:
        tenant_id = self.api_key_tenant(request)
        status, response = self.state.status_with_request(await self.body(request), tenant_id=tenant_id)
        return json_response(response, status)

    async def start(self, request: Request) -> Response:
        tenant_id = self.api_key_tenant(request)
        return json_response(self.state.start(await self.body(request), tenant_id=tenant_id))

    async def login(self, request: Request) -> Response:
        tenant_id = self.no_auth_tenant(request)
        outcome = self.state.login(await self.body(request), tenant_id=tenant_id)
        return _outcome_response(outcome.status, outcome.body)

    async def send(self, request: Request) -> Response:
        tenant_id, user = self.api_key_or_jwt(request)
        self.state.send_enable_disable(await self.body(request), tenant_id=tenant_id, jwt_user=user)
        return empty(200)

    async def secret(self, request: Request) -> Response:
        try:
            self.api_key_or_jwt(request)
        except ApiError:
            # This operation declares no 400: a credential with an unusable tenant header is refused as a credential.
            raise ApiError(401) from None
        return json_response(self.state.generate_secret())

    async def enable(self, request: Request) -> Response:
        user, tenant_id = self.path_or_jwt_user(request)
        response = self.state.enable_two_factor(user, await self.body(request), tenant_id=tenant_id)
        return _outcome_response(200, response)

    async def disable(self, request: Request) -> Response:
        user, tenant_id = self.path_or_jwt_user(request)
        field = await self.body_or_query(request)
        self.state.disable_two_factor(
            user,
            method_id=field("methodId"),
            code=field("code"),
            application_id=field("applicationId"),
            tenant_id=tenant_id,
        )
        return empty(200)

    async def update(self, request: Request) -> Response:
        user, _ = self.key_user(request, unknown=ApiError(404))
        field = await self.body_or_query(request)
        self.state.update_two_factor(user, method_id=field("methodId"), name=field("name"))
        return empty(200)

    async def recovery_codes(self, request: Request) -> Response:
        unknown = ApiError.field("userId", "invalid", "The [userId] property is not valid. No user has this Id.")
        user, _ = self.key_user(request, unknown=unknown)
        if request.method == "POST":
            return json_response(self.state.generate_recovery_codes(user))
        return json_response(self.state.recovery_codes(user))

    async def send_for_login(self, request: Request) -> Response:
        tenant_id = self.no_auth_tenant(request)
        body = await self.body(request)
        self.state.send_login_code(request.path_params["twoFactorId"], body, tenant_id=tenant_id)
        return empty(200)

    # ---- emulator-only helpers

    def _outbox_filters(self, request: Request) -> dict[str, str | None]:
        query = request.query_params
        return {
            "two_factor_id": query.get("twoFactorId"),
            "user_id": query.get("userId"),
            "destination": query.get("destination"),
            "method": query.get("method"),
            "purpose": query.get("purpose"),
        }

    async def outbox(self, request: Request) -> Response:
        if request.method == "DELETE":
            self.state.clear_outbox()
            return empty(200)
        messages = self.state.outbox_messages(**self._outbox_filters(request))
        return json_response({"messages": [m.to_json() for m in messages]})

    async def outbox_latest(self, request: Request) -> Response:
        messages = self.state.outbox_messages(**self._outbox_filters(request))
        return json_response(messages[-1].to_json()) if messages else empty(404)

    async def info(self, request: Request) -> Response:
        seed = self.state.seed
        users = []
        for user in seed.users:
            users.append(
                {
                    "alias": user.alias,
                    "id": user.id,
                    "tenantId": user.tenant_id,
                    "email": user.email,
                    "username": user.username,
                    "mobilePhone": user.mobile_phone,
                    "hasPassword": user.password is not None,
                    "methods": [{"id": m.id, "method": m.method} for m in user.methods],
                    "totpSecretBase32": user.totp_secret_base32,
                }
            )
        return json_response(
            {
                "apiKey": seed.api_key if seed.api_keys else None,
                "apiKeys": [{"key": k.key, "tenantId": k.tenant_id} for k in seed.api_keys],
                "tenants": [{"id": t.id, "name": t.name} for t in seed.tenants],
                "applications": [{"id": a.id, "name": a.name, "tenantId": a.tenant_id} for a in seed.applications],
                "users": users,
            }
        )

    async def totp(self, request: Request) -> Response:
        try:
            code = self.state.totp_code(request.path_params["user"], method_id=request.query_params.get("methodId"))
        except LookupError:
            return empty(404)
        return json_response({"code": code, "instant": self.state.clock.now_ms()})

    async def jwt(self, request: Request) -> Response:
        body = await self.body(request)
        ttl = body.data.get("ttlSeconds")
        if ttl is not None and (not isinstance(ttl, int) or isinstance(ttl, bool)):
            raise ApiError.field("ttlSeconds", "invalid", "The [ttlSeconds] property must be an integer.")
        try:
            token = self.state.mint_jwt(
                body.string("userId") or "", application_id=body.string("applicationId"), ttl_seconds=ttl
            )
        except LookupError:
            return empty(404)
        return json_response({"token": token})

    async def clock(self, request: Request) -> Response:
        clock = self.state.clock
        return json_response({"now": clock.now_ms(), "fake": isinstance(clock, FakeClock)})

    async def clock_advance(self, request: Request) -> Response:
        clock = self.state.clock
        if not isinstance(clock, FakeClock):
            raise ApiError.general("ClockNotAdjustable", "Start the emulator with a FakeClock (--fake-clock).")
        seconds = (await self.body(request)).data.get("seconds")
        if not isinstance(seconds, int | float) or isinstance(seconds, bool) or not 0 <= seconds <= MAX_ADVANCE_SECONDS:
            raise ApiError.field(
                "seconds", "invalid", f"The [seconds] property must be a number from 0 to {MAX_ADVANCE_SECONDS}."
            )
        return json_response({"now": clock.advance(seconds)})

    async def reset(self, request: Request) -> Response:
        self.state.reset()
        return empty(200)


def _outcome_response(status: int, body: Any) -> Response:
    return empty(status) if body is None else json_response(body, status)


async def _http_exception(request: Request, exc: Exception) -> Response:
    """Unknown routes and wrong methods: FusionAuth-style empty bodies."""
    if isinstance(exc, HTTPException):
        return Response(status_code=exc.status_code, headers=exc.headers)
    return empty(500)


def create_app(state: EmulatorState | None = None, *, bind_host: str | None = None) -> Starlette:
    """Build the ASGI app around ``state`` (a fresh default-seeded :class:`EmulatorState` when omitted).

    Only a ``Host`` naming a loopback address, ``localhost`` or ``bind_host`` (the address a server binds, when not a
    loopback one) is served, and bodies are limited: see ``guard.py``. The state is reachable afterwards as
    ``app.state.emulator``.
    """
    state = state if state is not None else EmulatorState()
    ep = _Endpoints(state)

    def route(path: str, handler: Handler, *methods: str) -> Route:
        return Route(path, _guard(handler.__name__, handler), methods=list(methods))

    routes = [
        route("/api/login", ep.password_login, "POST"),
        route("/api/two-factor/status", ep.status_get, "GET"),
        route("/api/two-factor/status", ep.status_post, "POST"),
        route("/api/two-factor/status/{twoFactorTrustId}", ep.status_get, "GET"),
        route("/api/two-factor/start", ep.start, "POST"),
        route("/api/two-factor/login", ep.login, "POST"),
        route("/api/two-factor/send", ep.send, "POST"),
        route("/api/two-factor/send/{twoFactorId}", ep.send_for_login, "POST"),
        route("/api/two-factor/secret", ep.secret, "GET"),
        route("/api/user/two-factor", ep.enable, "POST"),
        route("/api/user/two-factor", ep.disable, "DELETE"),
        route("/api/user/two-factor/{userId}", ep.enable, "POST"),
        route("/api/user/two-factor/{userId}", ep.disable, "DELETE"),
        route("/api/user/two-factor/{userId}", ep.update, "PUT"),
        route("/api/user/two-factor/recovery-code/{userId}", ep.recovery_codes, "GET", "POST"),
        route("/_emulator/outbox", ep.outbox, "GET", "DELETE"),
        route("/_emulator/outbox/latest", ep.outbox_latest, "GET"),
        route("/_emulator/info", ep.info, "GET"),
        route("/_emulator/totp/{user}", ep.totp, "GET"),
        route("/_emulator/jwt", ep.jwt, "POST"),
        route("/_emulator/clock", ep.clock, "GET"),
        route("/_emulator/clock/advance", ep.clock_advance, "POST"),
        route("/_emulator/reset", ep.reset, "POST"),
    ]
    app = Starlette(
        routes=routes,
        exception_handlers={HTTPException: _http_exception},
        middleware=[Middleware(RequestGuard, bind_host=bind_host)],
    )
    app.state.emulator = state
    return app
