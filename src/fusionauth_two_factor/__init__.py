"""A typed, async-capable client for FusionAuth's two-factor (MFA) API.

from fusionauth_two_factor import Client, TwoFactorController

with Client(base_url="https://auth.example.com", api_key="...") as client:
    status = TwoFactorController(client).retrieve_two_factor_status(trust_id, user_id=user_id)
    if status.two_factor_required: ...
"""

from ._client import Client
from ._constants import __version__
from ._controllers import AsyncLoginController, AsyncTwoFactorController, LoginController, TwoFactorController
from ._errors import (
    APIConnectionError,
    ApiError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ClientClosedError,
    ClientUsageError,
    FusionAuthError,
    InvalidCodeError,
    LoginPreventedError,
    NotFoundError,
    RateLimitError,
    ResponseParseError,
    ResponseTooLargeError,
    ServerError,
    UserExpiredError,
    error_codes,
)
from ._redaction import install_httpx_log_filter, install_redacted_reprs
from ._response import (
    ApiResponse,
    LoggedInApiResponse,
    LoginApiResponse,
    PasswordChangeApiResponse,
    TwoFactorChallengeApiResponse,
    TwoFactorLoginApiResponse,
    TwoFactorStatusApiResponse,
)
from ._transport import RequestOptions

install_redacted_reprs()
install_httpx_log_filter()

__all__ = [
    "APIConnectionError",
    "APITimeoutError",
    "ApiError",
    "ApiResponse",
    "AsyncLoginController",
    "AsyncTwoFactorController",
    "AuthenticationError",
    "BadRequestError",
    "Client",
    "ClientClosedError",
    "ClientUsageError",
    "FusionAuthError",
    "InvalidCodeError",
    "LoggedInApiResponse",
    "LoginApiResponse",
    "LoginController",
    "LoginPreventedError",
    "NotFoundError",
    "PasswordChangeApiResponse",
    "RateLimitError",
    "RequestOptions",
    "ResponseParseError",
    "ResponseTooLargeError",
    "ServerError",
    "TwoFactorChallengeApiResponse",
    "TwoFactorController",
    "TwoFactorLoginApiResponse",
    "TwoFactorStatusApiResponse",
    "UserExpiredError",
    "__version__",
    "error_codes",
]
