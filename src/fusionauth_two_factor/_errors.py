"""The package's exceptions: one base class, API errors by status, and transport errors.

Messages name the operation, the status and, for a 400, FusionAuth's error codes; never a
header, a body value or a credential, so that logging an exception is always safe.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

import httpx2

from ._redaction import redacted_headers, repr_redacted_headers

if TYPE_CHECKING:
    from fusionauth_two_factor_generated.models import Errors, LoginPreventedActions

ErrorT = TypeVar("ErrorT", bound="FusionAuthError")


class FusionAuthError(Exception):
    """Base class of every exception this package raises (besides ValueError/TypeError for bad arguments).

    ``retries`` counts the attempts that were retried before the call gave up.

    An exception survives pickling (raised in a worker process, say) and ``copy``: the copy has
    the same class, message, attributes and notes, except that the values of credential headers
    (``Authorization``, ``Cookie``, ``Set-Cookie``) read ``'<redacted>'``; a class says what else
    its copies leave out. Tracebacks and chained exceptions are not pickled, as for any exception.
    """

    retries: int = 0
    # Attributes that a pickled or copied exception has as '': they may hold tokens.
    _left_out_when_pickled: ClassVar[frozenset[str]] = frozenset()

    def __reduce__(self) -> tuple[Any, ...]:
        # Exception's own reduce calls the class with `args` only, which keyword-only
        # constructors refuse: rebuild without __init__, then restore the (redacted) attributes.
        state = {name: self._pickled(name, value) for name, value in vars(self).items()}
        return _unpickled, (type(self), self.args), state

    def _pickled(self, name: str, value: object) -> object:
        if name in self._left_out_when_pickled:
            return ""
        if isinstance(value, httpx2.Headers):
            return redacted_headers(value)
        return value


def call_site(operation: str, method: str, url: str) -> str:
    """Where a call went, for messages: the facade method, the HTTP method and the URL's template.

    ``two_factor_login (POST https://auth.example.com/api/two-factor/login)``. The template, never
    the real path: that may hold a twoFactorId. A wrong base_url prefix shows here at a glance.
    """
    return f"{python_name(operation)} ({method} {url})"


def python_name(operation: str) -> str:
    """The facade method of a documented name: ``twoFactorLogin`` -> ``two_factor_login``."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", "_", operation).lower()


def _unpickled(cls: type[ErrorT], args: tuple[Any, ...]) -> ErrorT:
    return cls.__new__(cls, *args)


class ApiError(FusionAuthError):
    """FusionAuth (or a proxy in front of it) answered with a status that is not a success.

    Attributes:
        operation: the documented name of the call, such as ``twoFactorLogin``.
        method: the HTTP method, such as ``POST``.
        url: the URL's template, such as ``https://auth.example.com/api/two-factor/send/{twoFactorId}``
            (never the real path, which may hold an id).
        status_code: the HTTP status code.
        headers: the response headers.
        body: the raw response body as text ('' when empty).
        result: the parsed documented body (``Errors`` for 400, ``LoginPreventedActions`` for 409),
            or None when the body is empty, not JSON or not of the documented shape.
        retries: how many times the call was retried before this answer.
        retry_after: seconds the server asked to wait (Retry-After), when it said so.
        redirect_origin: for a 3xx, the origin (scheme://host[:port]) its Location named; a
            redirect is never followed, since it would carry codes and ids to another server.
    """

    def __init__(
        self,
        *,
        operation: str,
        method: str,
        url: str,
        status_code: int,
        headers: httpx2.Headers,
        body: str,
        result: Any,
        retries: int = 0,
        retry_after: float | None = None,
        redirect_origin: str | None = None,
    ) -> None:
        self.operation = operation
        self.method = method
        self.url = url
        self.status_code = status_code
        self.headers = repr_redacted_headers(headers)
        self.body = body
        self.result = result
        self.retries = retries
        self.retry_after = retry_after
        self.redirect_origin = redirect_origin
        super().__init__(self._message())

    def _message(self) -> str:
        # The generated models load when the first answer is parsed, not with the package.
        from fusionauth_two_factor_generated.models import Errors  # noqa: PLC0415 - see above

        message = f"{call_site(self.operation, self.method, self.url)} failed: HTTP {self.status_code}"
        if isinstance(self.result, Errors):
            codes = error_codes(self.result)
            if codes:
                message += f" ({', '.join(codes)})"
        elif self.redirect_origin is not None:
            message += f" (a redirect to {self.redirect_origin}, not followed)"
        elif not self.body:
            message += " (empty body)"
        if self.retries:
            message += f" after {self.retries} retries"
        return message


def error_codes(errors: Errors) -> list[str]:
    """FusionAuth's error codes in a 400 body, such as ``[blank]code`` or ``[TenantIdRequired]``."""
    codes = [str(error.code) for error in errors.general_errors or [] if error.code]
    if errors.field_errors:
        for field_errors in errors.field_errors.additional_properties.values():
            codes.extend(str(error.code) for error in field_errors if error.code)
    return codes


class BadRequestError(ApiError):
    """400: the request is invalid; ``result`` is the ``Errors`` body when FusionAuth sent one."""

    result: Errors | None


class AuthenticationError(ApiError):
    """401: the API key or JWT is missing, wrong or expired."""


class NotFoundError(ApiError):
    """404: the user, or the ``twoFactorId``, is unknown or expired."""


class LoginPreventedError(ApiError):
    """409: a user action prevents the login; ``result`` lists the actions."""

    result: LoginPreventedActions | None


class UserExpiredError(ApiError):
    """410: the user has expired."""


class InvalidCodeError(ApiError):
    """421: the one-time code is not valid."""


class RateLimitError(ApiError):
    """429: too many requests."""


class ServerError(ApiError):
    """5xx: FusionAuth, a service behind it, or a proxy in front of it failed."""


_ERRORS_BY_STATUS: dict[int, type[ApiError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    404: NotFoundError,
    409: LoginPreventedError,
    410: UserExpiredError,
    421: InvalidCodeError,
    429: RateLimitError,
}


def api_error_class(status_code: int) -> type[ApiError]:
    if status_code >= 500:
        return ServerError
    return _ERRORS_BY_STATUS.get(status_code, ApiError)


class ResponseParseError(FusionAuthError):
    """A success status came with a body that is not the documented JSON shape.

    ``body`` keeps the raw text for inspection; the message never includes it, because a success
    body carries tokens. For the same reason a pickled or copied ResponseParseError has ``body`` ''.
    """

    _left_out_when_pickled = frozenset({"body"})

    def __init__(
        self,
        *,
        operation: str,
        method: str,
        url: str,
        status_code: int,
        headers: httpx2.Headers,
        body: str,
        reason: str,
        retries: int,
    ) -> None:
        self.operation = operation
        self.method = method
        self.url = url
        self.retries = retries
        self.status_code = status_code
        self.headers = repr_redacted_headers(headers)
        self.body = body
        where = call_site(operation, method, url)
        super().__init__(f"{where}: HTTP {status_code} body is not a valid response ({reason})")


class APIConnectionError(FusionAuthError):
    """The request did not get an HTTP answer: refused connection, DNS or TLS failure, reset."""

    def __init__(self, message: str, *, operation: str, method: str, url: str, retries: int = 0) -> None:
        self.operation = operation
        self.method = method
        self.url = url
        self.retries = retries
        super().__init__(message)


class APITimeoutError(APIConnectionError):
    """A connect, read, write or pool timeout. ``phase`` says which."""

    def __init__(self, message: str, *, operation: str, method: str, url: str, phase: str, retries: int = 0) -> None:
        self.phase = phase
        super().__init__(message, operation=operation, method=method, url=url, retries=retries)


class ResponseTooLargeError(ResponseParseError):
    """The answer was larger than the Client's ``max_response_bytes`` (counted after decompression).

    Nothing of its body is kept (``body`` is ''); the status code and headers are.
    """


class ClientUsageError(FusionAuthError, RuntimeError):
    """The Client cannot serve this call as it is used: the message says why and what to do."""


class ClientClosedError(ClientUsageError):
    """The Client was closed (``close()`` / ``aclose()``) before or during the call."""
