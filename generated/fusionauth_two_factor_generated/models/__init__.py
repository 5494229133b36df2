"""Contains all the data models used in inputs/outputs"""

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
