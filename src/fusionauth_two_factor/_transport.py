"""The one place that owns the wire: auth, tenant header, timeouts, retries, logging, errors.

A call is a generator (`exchange`) that holds all of the logic and does no I/O: it yields the
request to send or the seconds to sleep, and is sent back the outcome. `run_sync` and `run_async`
only perform those steps, so the sync and async clients cannot drift apart.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable, Generator, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

import anyio
import httpx2
from fusionauth_two_factor_generated.client import Client as GeneratedClient
from fusionauth_two_factor_generated.types import UNSET

from ._constants import USER_AGENT
from ._errors import APIConnectionError, APITimeoutError, ResponseParseError, api_error_class
from ._operations import Auth, Operation
from ._response import ApiResponse
from ._retry import backoff_delay, may_retry_error, may_retry_status, retry_after_seconds
from ._validation import header_value, reject_legacy_httpx

logger = logging.getLogger("fusionauth_two_factor")

ResultT = TypeVar("ResultT")
Step = httpx2.Request | float  # a request to send, or seconds to sleep
Outcome = httpx2.Response | httpx2.TransportError | None
Exchange = Generator[Step, Outcome, ApiResponse[ResultT]]

# The generated parsers only read `raise_on_unexpected_status` from their client argument; this one
# never opens a connection.
_PARSING_CLIENT = GeneratedClient(base_url="")
# What a generated parser raises on a body that is not the declared JSON: bad JSON (ValueError),
# wrong types, missing required keys, or JSON nested too deep.
_PARSE_FAILURES = (ValueError, TypeError, KeyError, AttributeError, RecursionError)


def as_timeout(timeout: float | httpx2.Timeout) -> httpx2.Timeout:
    if isinstance(timeout, httpx2.Timeout):
        return timeout
    reject_legacy_httpx(timeout, httpx2.Timeout, "timeout")
    if isinstance(timeout, bool) or not isinstance(timeout, int | float) or not timeout > 0:
        raise ValueError("timeout must be a positive number of seconds or an httpx2.Timeout")
    return httpx2.Timeout(float(timeout))


def checked_max_retries(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError("max_retries must be a whole number >= 0")
    return value


@dataclass(frozen=True)
class RequestOptions:
    """Per-call settings that override the Client's, without touching any shared state."""

    timeout: float | httpx2.Timeout | None = None
    max_retries: int | None = None
    extra_headers: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.timeout is not None:
            as_timeout(self.timeout)
        if self.max_retries is not None:
            checked_max_retries(self.max_retries)
        for name, value in self.extra_headers.items():
            header_value(name, "extra header name")
            header_value(value, f"extra header {name!r}")

    def __repr__(self) -> str:
        # Header values can be credentials (a proxy's, a forwarded token): names only.
        return (
            f"RequestOptions(timeout={self.timeout!r}, max_retries={self.max_retries!r}, "
            f"extra_headers={sorted(self.extra_headers)!r})"
        )


@dataclass(frozen=True, kw_only=True)
class Settings:
    """What every call of one Client shares."""

    base_url: str
    api_key: str | None
    tenant_id: str | None
    timeout: httpx2.Timeout
    max_retries: int


@dataclass(frozen=True, kw_only=True)
class PreparedCall(Generic[ResultT]):
    operation: Operation[ResultT]
    # Out of the repr: its URL may hold a twoFactorId, a trust id or a disable code, its headers a key.
    request: httpx2.Request = field(repr=False)
    max_retries: int
    url_for_messages: str  # the path template: the real path may hold a twoFactorId


def prepare(
    settings: Settings,
    operation: Operation[ResultT],
    arguments: dict[str, Any],
    *,
    jwt: str | None = None,
    options: RequestOptions | None = None,
) -> PreparedCall[ResultT]:
    options = options or RequestOptions()
    if settings.tenant_id is not None:
        arguments = {**arguments, "x_fusion_auth_tenant_id": settings.tenant_id}
    built = operation.build_request(**{name: UNSET if value is None else value for name, value in arguments.items()})
    generated_headers = built.get("headers", {})
    if "json" not in built:
        # The generator declares a JSON content type even where no body goes (a DELETE with its
        # arguments in the query string); FusionAuth's clients send none then, and neither do we.
        generated_headers.pop("Content-Type", None)
    headers = {
        "Accept": "application/json",
        "User-Agent": USER_AGENT,
        **generated_headers,
        **_authorization(settings, operation, jwt),
        **options.extra_headers,
    }
    timeout = settings.timeout if options.timeout is None else as_timeout(options.timeout)
    request = httpx2.Request(
        built["method"],
        settings.base_url + built["url"],
        params=built.get("params"),
        json=built.get("json"),
        headers=headers,
        extensions={"timeout": timeout.as_dict()},
    )
    return PreparedCall(
        operation=operation,
        request=request,
        max_retries=settings.max_retries if options.max_retries is None else options.max_retries,
        url_for_messages=settings.base_url + operation.path_template,
    )


def _authorization(settings: Settings, operation: Operation[Any], jwt: str | None) -> dict[str, str]:
    if operation.auth is Auth.API_KEY:
        if settings.api_key is None:
            raise ValueError(f"{operation.name} needs an API key: pass api_key= to Client")
        return {"Authorization": settings.api_key}
    if operation.auth is Auth.API_KEY_IF_CONFIGURED:
        return {} if settings.api_key is None else {"Authorization": settings.api_key}
    if operation.auth is Auth.JWT:
        return {"Authorization": f"Bearer {jwt}"}
    return {}  # the twoFactorId is the credential: never send a secret the call does not need


def exchange(call: PreparedCall[ResultT]) -> Exchange[ResultT]:
    operation = call.operation
    retries = 0
    while True:
        started = time.perf_counter()
        outcome = yield call.request
        elapsed_ms = (time.perf_counter() - started) * 1000
        if isinstance(outcome, httpx2.TransportError):
            logger.debug(
                "%s %s -> %s after %.1f ms (retries so far: %d)",
                call.request.method,
                operation.path_template,
                type(outcome).__name__,
                elapsed_ms,
                retries,
            )
            if retries < call.max_retries and may_retry_error(outcome, idempotent=operation.idempotent):
                yield backoff_delay(retries)
                retries += 1
                continue
            raise _transport_error(call, outcome, retries) from outcome
        assert outcome is not None  # noqa: S101 - the drivers send a response or an error after a request
        logger.debug(
            "%s %s -> %d in %.1f ms (retries so far: %d)",
            call.request.method,
            operation.path_template,
            outcome.status_code,
            elapsed_ms,
            retries,
        )
        if 200 <= outcome.status_code < 300:
            return _success(call, outcome, retries)
        retry_after = retry_after_seconds(outcome.headers)
        if retries < call.max_retries and may_retry_status(
            outcome.status_code, retry_after, idempotent=operation.idempotent
        ):
            yield backoff_delay(retries) if retry_after is None else retry_after
            retries += 1
            continue
        parsed, _ = _parse(operation, outcome)
        raise api_error_class(outcome.status_code)(
            operation=operation.name,
            status_code=outcome.status_code,
            headers=outcome.headers,
            body=outcome.text,
            result=parsed,
            retries=retries,
            retry_after=retry_after,
        )


def _parse(operation: Operation[Any], response: httpx2.Response) -> tuple[object, str | None]:
    """The declared model for this status, or None; with the reason when a body failed to parse."""
    if not response.content:
        return None, None
    try:
        return operation.parse_response(client=_PARSING_CLIENT, response=response), None
    except _PARSE_FAILURES as failure:
        return None, type(failure).__name__


def _success(call: PreparedCall[ResultT], response: httpx2.Response, retries: int) -> ApiResponse[ResultT]:
    operation = call.operation
    result: ResultT | None = None
    if operation.result_type is not None:
        parsed, failure = _parse(operation, response)
        if failure is not None:
            raise ResponseParseError(
                operation=operation.name,
                status_code=response.status_code,
                headers=response.headers,
                body=response.text,
                reason=failure,
                retries=retries,
            )
        if isinstance(parsed, operation.result_type):
            result = parsed
    return operation.response_class(
        status_code=response.status_code,
        headers=response.headers,
        content=response.content,
        result=result,
        retries=retries,
    )


def _transport_error(call: PreparedCall[Any], error: httpx2.TransportError, retries: int) -> APIConnectionError:
    where = f"{call.operation.name} ({call.request.method} {call.url_for_messages})"
    suffix = f" after {retries} retries" if retries else ""
    if isinstance(error, httpx2.TimeoutException):
        phase = {
            httpx2.ConnectTimeout: "connect",
            httpx2.ReadTimeout: "read",
            httpx2.WriteTimeout: "write",
            httpx2.PoolTimeout: "pool",
        }.get(type(error), "unknown")
        return APITimeoutError(
            f"{where}: {phase} timeout{suffix}",
            operation=call.operation.name,
            url=call.url_for_messages,
            phase=phase,
            retries=retries,
        )
    if isinstance(error, httpx2.ConnectError):
        reason = "could not connect (refused, DNS or TLS failure)"
    else:
        reason = f"the connection failed ({type(error).__name__})"
    return APIConnectionError(
        f"{where}: {reason}{suffix}", operation=call.operation.name, url=call.url_for_messages, retries=retries
    )


def run_sync(http: httpx2.Client, steps: Exchange[ResultT]) -> ApiResponse[ResultT]:
    outcome: Outcome = None
    try:
        while True:
            step = steps.send(outcome)
            if isinstance(step, httpx2.Request):
                try:
                    outcome = http.send(step)
                except httpx2.TransportError as error:
                    outcome = error
            else:
                time.sleep(step)
                outcome = None
    except StopIteration as done:
        return done.value  # type: ignore[no-any-return]


async def run_async(
    send: Callable[[httpx2.Request], Awaitable[httpx2.Response]], steps: Exchange[ResultT]
) -> ApiResponse[ResultT]:
    outcome: Outcome = None
    try:
        while True:
            step = steps.send(outcome)
            if isinstance(step, httpx2.Request):
                try:
                    outcome = await send(step)
                except httpx2.TransportError as error:
                    outcome = error
            else:
                await anyio.sleep(step)  # anyio: works under asyncio and trio, like httpx2
                outcome = None
    except StopIteration as done:
        return done.value  # type: ignore[no-any-return]
