"""What a successful call returns."""

from __future__ import annotations

from typing import Generic, TypeVar

import httpx2
from fusionauth_two_factor_generated.models import (
    LoginChangePasswordResponse,
    LoginResponse,
    LoginTwoFactorRequiredResponse,
    TwoFactorStatusResponse,
)

from ._constants import STATUS_TWO_FACTOR_REQUIRED

ResultT = TypeVar("ResultT")

# The spec gives two statuses of a login their own models, so that what FusionAuth always sends there
# is typed as present: 203 (changePasswordId, changePasswordReason) and 242 (twoFactorId). The other
# successes are a LoginResponse, with its user.
TwoFactorLoginResult = LoginResponse | LoginChangePasswordResponse
LoginResult = LoginResponse | LoginChangePasswordResponse | LoginTwoFactorRequiredResponse


class ApiResponse(Generic[ResultT]):
    """A 2xx answer: the integer status code, the headers and the parsed body.

    ``result`` is the generated model the spec declares for this status code (its ``to_dict()``
    gives back the JSON FusionAuth sent, unknown fields included), or None when the success has
    no body (the two sends) or the status code is one FusionAuth does not document.
    ``retries`` counts the attempts that were retried before this answer.
    """

    __slots__ = ("content", "headers", "result", "retries", "status_code")

    def __init__(
        self, *, status_code: int, headers: httpx2.Headers, content: bytes, result: ResultT | None, retries: int
    ) -> None:
        self.status_code = status_code
        self.headers = headers
        self.content = content
        self.result = result
        self.retries = retries

    def __repr__(self) -> str:
        # Headers (Set-Cookie carries tokens) and raw content stay out; the result's repr is redacted.
        return f"{type(self).__name__}(status_code={self.status_code}, result={self.result!r}, retries={self.retries})"


class _SaysWhetherASecondFactorIsRequired(ApiResponse[ResultT]):
    __slots__ = ()

    @property
    def two_factor_required(self) -> bool:
        """True when FusionAuth answered 242: a second factor is (or will be) asked for."""
        return self.status_code == STATUS_TWO_FACTOR_REQUIRED


class TwoFactorStatusApiResponse(_SaysWhetherASecondFactorIsRequired[TwoFactorStatusResponse]):
    """The answer of ``retrieve_two_factor_status`` and ``retrieve_two_factor_status_with_request``.

    ``two_factor_required`` is True on 242 (the next login, or the step-up, will ask for a second
    factor) and False on 200 (no MFA, or the trust given is still valid).
    """

    __slots__ = ()


class LoginApiResponse(_SaysWhetherASecondFactorIsRequired[LoginResult]):
    """The answer of ``login``.

    ``two_factor_required`` is True on 242: the password was right and the user must now give a
    second factor; ``result`` is then a ``LoginTwoFactorRequiredResponse``, whose ``two_factor_id``
    and ``methods`` say how (complete it with ``two_factor_login``). On 200 and the other successes
    the user is logged in.
    """

    __slots__ = ()
