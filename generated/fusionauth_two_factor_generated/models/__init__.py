"""Contains all the data models used in inputs/outputs

A model's module is imported when the model is first used (PEP 562 `__getattr__`), not with this
package: a program pays at import only for the models it uses, and an API module imports only its
own. Type checkers read the imports under TYPE_CHECKING. (This file comes from
templates/models_init.py.jinja, the checked-in template scripts/generate.py gives the generator.)
"""

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .any_json_map import AnyJsonMap
    from .authentication_threats_value import AuthenticationThreatsValue
    from .authenticator_configuration import AuthenticatorConfiguration
    from .breached_password_status_value import BreachedPasswordStatusValue
    from .change_password_reason_value import ChangePasswordReasonValue
    from .device_info import DeviceInfo
    from .error import Error
    from .errors import Errors
    from .errors_field_errors import ErrorsFieldErrors
    from .event_info import EventInfo
    from .generated_recovery_codes_response import GeneratedRecoveryCodesResponse
    from .group_member import GroupMember
    from .identity_verified_reason_value import IdentityVerifiedReasonValue
    from .location import Location
    from .login_change_password_response import LoginChangePasswordResponse
    from .login_id_type_value import LoginIdTypeValue
    from .login_meta_data import LoginMetaData
    from .login_prevented_actions import LoginPreventedActions
    from .login_prevented_response import LoginPreventedResponse
    from .login_request import LoginRequest
    from .login_response import LoginResponse
    from .login_two_factor_required_response import LoginTwoFactorRequiredResponse
    from .message_type import MessageType
    from .multi_factor_action_value import MultiFactorActionValue
    from .secret_response import SecretResponse
    from .string_map import StringMap
    from .totp_algorithm import TotpAlgorithm
    from .two_factor_disable_request import TwoFactorDisableRequest
    from .two_factor_login_request import TwoFactorLoginRequest
    from .two_factor_method import TwoFactorMethod
    from .two_factor_method_type import TwoFactorMethodType
    from .two_factor_recovery_code_response import TwoFactorRecoveryCodeResponse
    from .two_factor_request import TwoFactorRequest
    from .two_factor_response import TwoFactorResponse
    from .two_factor_send_for_enable_disable_request import TwoFactorSendForEnableDisableRequest
    from .two_factor_send_for_login_request import TwoFactorSendForLoginRequest
    from .two_factor_send_request import TwoFactorSendRequest
    from .two_factor_start_request import TwoFactorStartRequest
    from .two_factor_start_response import TwoFactorStartResponse
    from .two_factor_status_request import TwoFactorStatusRequest
    from .two_factor_status_response import TwoFactorStatusResponse
    from .two_factor_trust import TwoFactorTrust
    from .two_factor_update_request import TwoFactorUpdateRequest
    from .user import User
    from .user_identity import UserIdentity
    from .user_registration import UserRegistration
    from .user_two_factor_configuration import UserTwoFactorConfiguration
    from .username_status_value import UsernameStatusValue

__all__ = (
    "AnyJsonMap",
    "AuthenticationThreatsValue",
    "AuthenticatorConfiguration",
    "BreachedPasswordStatusValue",
    "ChangePasswordReasonValue",
    "DeviceInfo",
    "Error",
    "Errors",
    "ErrorsFieldErrors",
    "EventInfo",
    "GeneratedRecoveryCodesResponse",
    "GroupMember",
    "IdentityVerifiedReasonValue",
    "Location",
    "LoginChangePasswordResponse",
    "LoginIdTypeValue",
    "LoginMetaData",
    "LoginPreventedActions",
    "LoginPreventedResponse",
    "LoginRequest",
    "LoginResponse",
    "LoginTwoFactorRequiredResponse",
    "MessageType",
    "MultiFactorActionValue",
    "SecretResponse",
    "StringMap",
    "TotpAlgorithm",
    "TwoFactorDisableRequest",
    "TwoFactorLoginRequest",
    "TwoFactorMethod",
    "TwoFactorMethodType",
    "TwoFactorRecoveryCodeResponse",
    "TwoFactorRequest",
    "TwoFactorResponse",
    "TwoFactorSendForEnableDisableRequest",
    "TwoFactorSendForLoginRequest",
    "TwoFactorSendRequest",
    "TwoFactorStartRequest",
    "TwoFactorStartResponse",
    "TwoFactorStatusRequest",
    "TwoFactorStatusResponse",
    "TwoFactorTrust",
    "TwoFactorUpdateRequest",
    "User",
    "UserIdentity",
    "UsernameStatusValue",
    "UserRegistration",
    "UserTwoFactorConfiguration",
)

# Each name of __all__ -> the module that defines it.
_MODULES = {
    "AnyJsonMap": ".any_json_map",
    "AuthenticationThreatsValue": ".authentication_threats_value",
    "AuthenticatorConfiguration": ".authenticator_configuration",
    "BreachedPasswordStatusValue": ".breached_password_status_value",
    "ChangePasswordReasonValue": ".change_password_reason_value",
    "DeviceInfo": ".device_info",
    "Error": ".error",
    "Errors": ".errors",
    "ErrorsFieldErrors": ".errors_field_errors",
    "EventInfo": ".event_info",
    "GeneratedRecoveryCodesResponse": ".generated_recovery_codes_response",
    "GroupMember": ".group_member",
    "IdentityVerifiedReasonValue": ".identity_verified_reason_value",
    "Location": ".location",
    "LoginChangePasswordResponse": ".login_change_password_response",
    "LoginIdTypeValue": ".login_id_type_value",
    "LoginMetaData": ".login_meta_data",
    "LoginPreventedActions": ".login_prevented_actions",
    "LoginPreventedResponse": ".login_prevented_response",
    "LoginRequest": ".login_request",
    "LoginResponse": ".login_response",
    "LoginTwoFactorRequiredResponse": ".login_two_factor_required_response",
    "MessageType": ".message_type",
    "MultiFactorActionValue": ".multi_factor_action_value",
    "SecretResponse": ".secret_response",
    "StringMap": ".string_map",
    "TotpAlgorithm": ".totp_algorithm",
    "TwoFactorDisableRequest": ".two_factor_disable_request",
    "TwoFactorLoginRequest": ".two_factor_login_request",
    "TwoFactorMethod": ".two_factor_method",
    "TwoFactorMethodType": ".two_factor_method_type",
    "TwoFactorRecoveryCodeResponse": ".two_factor_recovery_code_response",
    "TwoFactorRequest": ".two_factor_request",
    "TwoFactorResponse": ".two_factor_response",
    "TwoFactorSendForEnableDisableRequest": ".two_factor_send_for_enable_disable_request",
    "TwoFactorSendForLoginRequest": ".two_factor_send_for_login_request",
    "TwoFactorSendRequest": ".two_factor_send_request",
    "TwoFactorStartRequest": ".two_factor_start_request",
    "TwoFactorStartResponse": ".two_factor_start_response",
    "TwoFactorStatusRequest": ".two_factor_status_request",
    "TwoFactorStatusResponse": ".two_factor_status_response",
    "TwoFactorTrust": ".two_factor_trust",
    "TwoFactorUpdateRequest": ".two_factor_update_request",
    "User": ".user",
    "UserIdentity": ".user_identity",
    "UserRegistration": ".user_registration",
    "UserTwoFactorConfiguration": ".user_two_factor_configuration",
    "UsernameStatusValue": ".username_status_value",
}

# Hidden from type checkers, which would otherwise take any name of this package (a typo too) as
# one __getattr__ answers: they see the names imported above, and only those.
if not TYPE_CHECKING:

    def __getattr__(name):
        module = _MODULES.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(import_module(module, __name__), name)
        globals()[name] = value  # found directly from now on, without this function
        return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
