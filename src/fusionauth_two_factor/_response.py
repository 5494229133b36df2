"""What a successful call returns."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

import httpx2

from ._constants import STATUS_TWO_FACTOR_REQUIRED
from ._redaction import ReprRedactedHeaders

if TYPE_CHECKING:  # for a type checker only: the models are imported when an answer is parsed
    # Used in the quoted bases below, which ruff does not read as annotations.
    from fusionauth_two_factor_generated.models import (  # noqa: F401
        LoginChangePasswordResponse,
        LoginResponse,
        LoginTwoFactorRequiredResponse,
        TwoFactorStatusResponse,
    )

ResultT = TypeVar("ResultT")

HeaderSource = httpx2.Headers | Sequence[tuple[bytes, bytes]]
"""An answer's headers: httpx2.Headers, or the (name, value) lines the HTTP library read, made into
httpx2.Headers only when they are read (most successes are never asked for theirs)."""


class HeldHeaders:
    """An answer's ``headers``: httpx2.Headers, built from the lines read at the first look, then kept."""

    # Building httpx2.Headers (each name and value normalised, a lower-cased copy of each name) was
    # ~3% of an async call's instructions; an answer whose headers nobody reads never pays it.
    # Made ReprRedactedHeaders (whose repr hides Set-Cookie's tokens), httpx2's own wire's
    # httpx2.Headers too; headers a caller sets are kept as given (`_given`).
    __slots__ = ("_given", "_headers")
    _headers: HeaderSource

    @property
    def headers(self) -> httpx2.Headers:
        headers = self._headers
        if not isinstance(headers, ReprRedactedHeaders) and headers is not getattr(self, "_given", None):
            headers = self._headers = ReprRedactedHeaders(headers)
        return headers  # ReprRedactedHeaders, or a caller's own as given

    @headers.setter
    def headers(self, value: httpx2.Headers) -> None:
        self._headers = self._given = value


class ApiResponse(HeldHeaders, Generic[ResultT]):
    """A 2xx answer: the integer status code, the headers and the parsed body.

    ``result`` is the generated model the spec declares for this status code (its ``to_dict()``
    gives back the JSON FusionAuth sent, unknown fields included); it is typed exactly: None only
    for the operations whose success has no body (the sends, disabling, renaming) and where
    FusionAuth documents a success without one (enabling a method after the first). A success
    that lacks its documented body raises ``ResponseParseError`` instead.
    ``retries`` counts the attempts that were retried before this answer.
    """

    __slots__ = ("content", "result", "retries", "status_code")

    # Positional or keyword: the package makes one per call positionally, as keyword arguments to a
    # class are gathered into a dict for its __init__ (~2.5k instructions for these five).
    def __init__(self, status_code: int, headers: HeaderSource, content: bytes, result: ResultT, retries: int) -> None:
        self.status_code = status_code
        self._headers = headers
        self.content = content
        self.result = result
        self.retries = retries

    def __repr__(self) -> str:
        # Headers (Set-Cookie carries tokens) and raw content stay out; the result's repr is redacted.
        return f"{type(self).__name__}(status_code={self.status_code}, result={self.result!r}, retries={self.retries})"


class TwoFactorStatusApiResponse(ApiResponse["TwoFactorStatusResponse"]):
    """The answer of ``retrieve_two_factor_status`` and ``retrieve_two_factor_status_with_request``."""

    __slots__ = ()

    @property
    def two_factor_required(self) -> bool:
        """True on 242: the next login (or the step-up) will ask for a second factor.

        False on 200: no MFA, or the trust given is still valid.
        """
        return self.status_code == STATUS_TWO_FACTOR_REQUIRED


# A login answers in one of three shapes. Each has its own class whose two flags are literal
# types, so that `if response.two_factor_required:` narrows `response.result` to the model of
# that shape for a type checker, without an isinstance.


class LoggedInApiResponse(ApiResponse["LoginResponse"]):
    """A login that succeeded (200, 202, 212 or 213): ``result`` is a ``LoginResponse`` with the user."""

    __slots__ = ()

    @property
    def two_factor_required(self) -> Literal[False]:
        return False

    @property
    def password_change_required(self) -> Literal[False]:
        return False


class PasswordChangeApiResponse(ApiResponse["LoginChangePasswordResponse"]):
    """203: the user was authenticated but must change their password first.

    ``result.change_password_id`` goes to FusionAuth's Change Password API;
    ``result.change_password_reason`` says why.
    """

    __slots__ = ()

    @property
    def two_factor_required(self) -> Literal[False]:
        return False

    @property
    def password_change_required(self) -> Literal[True]:
        return True


class TwoFactorChallengeApiResponse(ApiResponse["LoginTwoFactorRequiredResponse"]):
    """242 from ``login``: the password was right, and a second factor is now required.

    ``result.two_factor_id`` and ``result.methods`` say how; complete it with ``two_factor_login``.
    """

    __slots__ = ()

    @property
    def two_factor_required(self) -> Literal[True]:
        return True

    @property
    def password_change_required(self) -> Literal[False]:
        return False


LoginApiResponse = TwoFactorChallengeApiResponse | PasswordChangeApiResponse | LoggedInApiResponse
"""What ``login`` returns: test ``two_factor_required``, then ``password_change_required``."""

TwoFactorLoginApiResponse = PasswordChangeApiResponse | LoggedInApiResponse
"""What ``two_factor_login`` returns: test ``password_change_required``."""


class ResponseClasses:
    """The class of an operation's answer for each success status: `default`, unless `by_status` names one."""

    # A plain class: a dataclass compiles generated methods at import, too much for two attributes.
    __slots__ = ("by_status", "default")

    def __init__(
        self,
        default: type[ApiResponse[Any]] = ApiResponse,
        by_status: Mapping[int, type[ApiResponse[Any]]] | None = None,
    ) -> None:
        self.default = default
        self.by_status: Mapping[int, type[ApiResponse[Any]]] = by_status or {}

    def for_status(self, status_code: int) -> type[ApiResponse[Any]]:
        return self.by_status.get(status_code, self.default)


PLAIN_RESPONSE_CLASSES = ResponseClasses()
STATUS_RESPONSE_CLASSES = ResponseClasses(TwoFactorStatusApiResponse)
LOGIN_RESPONSE_CLASSES = ResponseClasses(
    LoggedInApiResponse, {203: PasswordChangeApiResponse, STATUS_TWO_FACTOR_REQUIRED: TwoFactorChallengeApiResponse}
)
