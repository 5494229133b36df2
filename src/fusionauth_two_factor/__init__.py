"""A typed, async-capable client for FusionAuth's two-factor (MFA) API.

Does a user's next login ask for a second factor? This runs as it is against the emulator
(``fusionauth-two-factor-emulator --port 9011``); name your FusionAuth and its API key instead::

    from fusionauth_two_factor import Client, TwoFactorController

    with Client("http://127.0.0.1:9011", api_key="emulator-api-key-4Xk9qLr2TzV7mB3nH8wJ5cF1") as client:
        status = TwoFactorController(client).retrieve_two_factor_status(
            None, user_id="00000000-0000-0000-0000-000000000001"
        )
        print("a second factor is due" if status.two_factor_required else "the password is enough")

README.md has every call and the journeys from enrolment to recovery.
"""

from . import _redaction
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

# On import, for everyone: no public switch, so that redaction cannot be left off by mistake.
_redaction.install_redacted_reprs()
_redaction.install_httpx_log_filter()

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
