"""The request of a call, built in full: URL, auth, tenant header, per-call options and limits.

With `_exchange` (what a call does with its answers: retries, waits, errors) and `_drivers` (its
I/O), the one place that owns the wire.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

import httpx2

from ._constants import MAX_TIMEOUT, USER_AGENT
from ._dict_bodies import nesting_error, with_extra_body
from ._frames import clear_locals_on_error
from ._operations import Auth, Operation
from ._redaction import NotPickled
from ._validation import header_value, reject_legacy_httpx
from ._wire import InvalidRequestURL, Origin, RequestHead, Timeouts, WireRequest, build, finish

ResultT = TypeVar("ResultT")

# Headers that frame or route the message: httpx2 computes them, and a caller's value would make
# the request say something other than what is sent (or smuggle a second one).
_FRAMING_HEADERS = frozenset(
    {"content-length", "transfer-encoding", "host", "connection", "upgrade", "keep-alive", "te", "trailer", "expect"}
)


def as_timeout(timeout: float | httpx2.Timeout) -> httpx2.Timeout:
    """A timeout whose four limits are finite, positive and at most MAX_TIMEOUT seconds."""
    if isinstance(timeout, httpx2.Timeout):
        limits = list(timeout.as_dict().values())
    else:
        reject_legacy_httpx(timeout, httpx2.Timeout, "timeout")
        if isinstance(timeout, bool) or not isinstance(timeout, int | float):
            raise TypeError(f"timeout must be a number of seconds or an httpx2.Timeout, not {type(timeout).__name__}")
        limits = [timeout]
    if not all(limit is not None and math.isfinite(limit) and 0 < limit <= MAX_TIMEOUT for limit in limits):
        raise ValueError(
            f"timeout must be positive and finite, at most {MAX_TIMEOUT:g} s, for every phase (connect, read, write, "
            "pool): a call never waits without limit"
        )
    return timeout if isinstance(timeout, httpx2.Timeout) else httpx2.Timeout(float(timeout))


class CallLimits:
    """A checked timeout, and what each call reads of it, worked out once: per Client, or per call given one."""

    __slots__ = ("budget", "phases")

    def __init__(self, timeout: float | httpx2.Timeout) -> None:
        # Read by the drivers and the pools, never changed: one mapping serves every call.
        self.phases: Timeouts = as_timeout(timeout).as_dict()  # connect, read, write and pool
        # How long a whole call may take, retries and waits included: the longest of its limits.
        self.budget = max(limit for limit in self.phases.values() if limit is not None)


def checked_max_response_bytes(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError("max_response_bytes must be a whole number of bytes >= 1")
    return value


def checked_max_retries(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError("max_retries must be a whole number >= 0")
    return value


@dataclass(frozen=True, repr=False)  # its own __repr__ (below): none generated, none compiled at import
class RequestOptions:
    """Per-call settings that override the Client's, without touching any shared state."""

    timeout: float | httpx2.Timeout | None = None
    max_retries: int | None = None
    extra_headers: Mapping[str, str] = field(default_factory=dict)
    # JSON fields newer than this client's spec, merged into the body after its checks.
    extra_body: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.timeout is not None:
            as_timeout(self.timeout)
        if self.max_retries is not None:
            checked_max_retries(self.max_retries)
        for name, value in self.extra_headers.items():
            header_value(name, "extra header name")
            header_value(value, f"extra header {name!r}")
            if name.lower() in _FRAMING_HEADERS:
                raise ValueError(f"extra header {name!r} frames the message: httpx2 sets it, it cannot be given")
        if not all(isinstance(name, str) for name in self.extra_body):
            raise TypeError("extra_body keys must be str")
        # Without check_circular, a value that holds itself runs out of stack as one nested too deep does.
        encode = functools.partial(json.dumps, allow_nan=False, check_circular=False)
        try:
            encode(self.extra_body)
        except (TypeError, ValueError):
            raise TypeError("extra_body values must be JSON (str, int, float, bool, None, lists and dicts)") from None
        except RecursionError:
            pass  # said below, once the stack is unwound: nothing chained
        else:
            return
        checks = ((name, functools.partial(encode, value)) for name, value in self.extra_body.items())
        raise nesting_error("extra_body field", checks, "extra_body")

    def __repr__(self) -> str:
        # Header and body values can be credentials (a proxy's, a forwarded token): names only.
        return (
            f"RequestOptions(timeout={self.timeout!r}, max_retries={self.max_retries!r}, "
            f"extra_headers={sorted(self.extra_headers)!r}, extra_body={sorted(self.extra_body)!r})"
        )


# A refused header value (a credential, perhaps) must not stay in the frames of the error.
RequestOptions.__init__ = clear_locals_on_error(RequestOptions.__init__)  # type: ignore[method-assign]


# The options of a call given none: built once, its checks are not free.
_NO_OPTIONS = RequestOptions()


class Settings(NotPickled):
    """What every call of one Client shares: a plain class, as _wire.Origin, but with a __dict__ (vars() works)."""

    # vars() gives the arguments of __init__ (a copy with one changed is made from them): the plans
    # worked out from them live in a slot beside the __dict__, not in it.
    __slots__ = ("__dict__", "plans")

    def __init__(
        self,
        *,
        base_url: str,
        origin: Origin,
        api_key: str | None,
        tenant_id: str | None,
        limits: CallLimits,
        max_retries: int,
        max_response_bytes: int,
    ) -> None:
        self.base_url = base_url
        self.origin = origin  # the base URL, parsed once
        self.api_key = api_key
        self.tenant_id = tenant_id
        self.limits = limits
        self.max_retries = max_retries
        self.max_response_bytes = max_response_bytes
        self.plans: dict[Operation[Any], _Plan] = {}  # by operation, made at its first call (see prepare)

    def __repr__(self) -> str:
        return f"Settings(base_url={self.base_url!r}, tenant_id={self.tenant_id!r})"  # never the API key


class PreparedCall(NotPickled, Generic[ResultT]):
    """Everything a call needs, built before anything is sent (a plain class: see _wire.Origin)."""

    __slots__ = ("budget", "max_response_bytes", "max_retries", "operation", "phases", "request", "url_for_messages")

    # Positional: keyword arguments to a class are gathered into a dict for its __init__, ~2.9k
    # instructions on every call for these six.
    def __init__(  # noqa: PLR0917
        self,
        operation: Operation[ResultT],
        request: WireRequest,
        max_retries: int,
        url_for_messages: str,
        limits: CallLimits,
        max_response_bytes: int,
    ) -> None:
        self.operation = operation
        # Not in a repr: its URL may hold a twoFactorId, a trust id or a disable code, its headers a key.
        self.request = request
        self.max_retries = max_retries
        self.url_for_messages = url_for_messages  # the path template: the real path may hold a twoFactorId
        self.phases = limits.phases  # the timeout of each phase of an attempt
        self.budget = limits.budget  # seconds for the whole call
        self.max_response_bytes = max_response_bytes

    def __repr__(self) -> str:
        return f"PreparedCall(operation={self.operation.name!r}, url_for_messages={self.url_for_messages!r})"


@functools.cache
def _unset() -> object:
    # The generated `types` module imports attrs: it is imported by the first call, not with the package.
    from fusionauth_two_factor_generated.types import UNSET  # noqa: PLC0415

    return UNSET


# The headers every call sends first, and the one it sends after the generated ones.
_FIRST_HEADERS = {"Accept": "application/json", "User-Agent": USER_AGENT}
_OWN_HEADER_NAMES = frozenset({*_FIRST_HEADERS, "Authorization"})


class _Plan(NotPickled):
    """What every call of one operation from one Client sends alike, worked out at its first call.

    `head` holds the request's first header lines; `authorization` its Authorization line (or
    none), except where that is the call's own: a JWT, or an API key the operation needs and the
    Client lacks (each call then raises, as before anything was cached).
    """

    __slots__ = ("authorization", "head", "url_for_messages")

    def __init__(self, settings: Settings, operation: Operation[Any], method: str) -> None:
        self.head = RequestHead(settings.origin, method, _FIRST_HEADERS)  # the generated method: a constant
        self.url_for_messages = settings.base_url + operation.path_template
        per_call = operation.auth is Auth.JWT or (operation.auth is Auth.API_KEY and settings.api_key is None)
        self.authorization = None if per_call else tuple(_authorization(settings, operation, None).items())


def prepare(
    settings: Settings,
    operation: Operation[ResultT],
    arguments: dict[str, Any],
    *,
    jwt: str | None = None,
    options: RequestOptions | None = None,
) -> PreparedCall[ResultT]:
    options = options or _NO_OPTIONS
    unset = _unset()  # what the generated code takes for an argument not given (None here)
    given = {name: unset if value is None else value for name, value in arguments.items()}
    if settings.tenant_id is not None:
        given["x_fusion_auth_tenant_id"] = settings.tenant_id
    json_body = None
    try:
        # The ids in the path are percent-encoded as UTF-8 here, the query's values and the body in `finish`.
        built = operation.build_request(**given)
        plan = settings.plans.get(operation)
        if plan is None:  # two threads may both make it: the same plan, either kept
            plan = settings.plans[operation] = _Plan(settings, operation, built["method"])
        generated_headers = built.get("headers", {})
        if "json" not in built:
            # The generator declares a JSON content type even where no body goes (a DELETE with its
            # arguments in the query string); FusionAuth's clients send none then, and neither do we.
            generated_headers.pop("Content-Type", None)
        authorization = plan.authorization
        if authorization is None:
            authorization = tuple(_authorization(settings, operation, jwt).items())
        limits = settings.limits if options.timeout is None else CallLimits(options.timeout)
        json_body = built.get("json")
        if options.extra_body:
            json_body = with_extra_body(json_body, options.extra_body, operation.body_type, operation.name)
        if options.extra_headers or not _OWN_HEADER_NAMES.isdisjoint(generated_headers):
            # One dict, as httpx2 merges headers: a name given again keeps its place and takes the later value.
            headers = {**_FIRST_HEADERS, **generated_headers, **dict(authorization), **options.extra_headers}
            request = build(
                settings.origin,
                method=built["method"],
                path=built["url"],
                params=built.get("params"),
                headers=headers,
                json_body=json_body,
            )
        else:
            # No name repeats: the same lines, the plan's first, without the dict.
            head = plan.head
            lines = [*(head.bodyless if json_body is None else head.with_body), *generated_headers.items()]
            lines += authorization
            params = built.get("params")
            request = finish(settings.origin, head.method, built["url"], params, lines, json_body=json_body)
    except InvalidRequestURL:  # e.g. an id longer than a URL may be; the value is not echoed
        raise ValueError(f"{operation.name}: an argument makes the request URL invalid (too long?)") from None
    except UnicodeEncodeError:
        # A str holding a lone surrogate ("\ud800"), which UTF-8 cannot encode. The error holds the
        # text it was encoding (the whole body, with its code or password): refused below, outside this
        # block, so that it is neither chained nor kept.
        pass
    else:
        return PreparedCall(
            operation,
            request,
            settings.max_retries if options.max_retries is None else options.max_retries,
            plan.url_for_messages,
            limits,
            settings.max_response_bytes,
        )
    raise ValueError(
        f"{operation.name}: {_unencodable(arguments, json_body)} is not valid text: it holds a lone surrogate "
        "(a code point from U+D800 to U+DFFF), which UTF-8 cannot encode"
    ) from None


# A code point UTF-8 cannot encode: a surrogate, in a str only when left over from a bad decoding or escape.
_SURROGATE = re.compile("[\ud800-\udfff]").search


def _unencodable(arguments: Mapping[str, Any], json_body: object) -> str:
    """Where a surrogate is, among the arguments of a call and its JSON body: by name, never by value."""
    for name, value in arguments.items():
        if isinstance(value, str) and _SURROGATE(value):
            return f"the argument {name}"
    pending: list[tuple[str, object]] = [("", json_body)]
    while pending:
        path, value = pending.pop()
        if isinstance(value, str):
            if _SURROGATE(value):
                return f"body field {path!r}"
        elif isinstance(value, dict):
            for key, item in reversed(value.items()):
                if isinstance(key, str) and _SURROGATE(key):  # the key itself: the field it is in is named instead
                    return f"a key of body field {path!r}" if path else "a key of the body"
                pending.append((f"{path}.{key}" if path else key, item))
        elif isinstance(value, list):
            pending.extend((f"{path}[{index}]", item) for index, item in reversed(list(enumerate(value))))
    return "an argument"


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
