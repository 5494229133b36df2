from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from attrs import setters as _attrs_setters

from ..models.any_json_map import as_any_json_map, convert_on_assignment
from ..models.authentication_threats_value import AuthenticationThreatsValue
from ..models.change_password_reason_value import ChangePasswordReasonValue
from ..types import UNSET, Unset, deferred, parse_on_first_read, parse_uuid

if TYPE_CHECKING:
    from ..models.any_json_map import AnyJsonMap
    from ..models.login_prevented_response import LoginPreventedResponse
    from ..models.two_factor_method import TwoFactorMethod
    from ..models.user import User

# Each enum's value map, typed, bound once: from_dict looks a value up before calling the class.
_AuthenticationThreatsValue_by_value = cast(
    dict[Any, AuthenticationThreatsValue], AuthenticationThreatsValue._value2member_map_
)
_ChangePasswordReasonValue_by_value = cast(
    dict[Any, ChangePasswordReasonValue], ChangePasswordReasonValue._value2member_map_
)


T = TypeVar("T", bound="LoginResponse")


@_attrs_define(on_setattr=_attrs_setters.NO_OP)
class LoginResponse:
    """The answer of a login (password or multi-factor) that authenticated the user: 200, 202,
    212 and 213. A 203 is a `LoginChangePasswordResponse`, a 242 a
    `LoginTwoFactorRequiredResponse` and a 409 a `LoginPreventedActions`: FusionAuth's one
    `LoginResponse` type, with the fields each of those statuses carries.

        Attributes:
            user (User): A FusionAuth user.
            actions (list[LoginPreventedResponse] | Unset): User actions that prevent login.
            change_password_id (str | Unset): The id to use with the Change Password API (203).
            change_password_reason (ChangePasswordReasonValue | str | Unset): Why the password must be changed (203); a
                newer FusionAuth may send other values.
            configurable_methods (list[str] | Unset): The multi-factor methods the user may still configure.
            email_verification_id (str | Unset): The email verification id, with the `FormField` verification strategy
                (212).
            identity_verification_id (str | Unset): The identity verification id, with the `FormField` verification strategy
                (212).
            methods (list[TwoFactorMethod] | Unset): The user's multi-factor methods.
            pending_idp_link_id (str | Unset): The id of a pending identity provider link.
            refresh_token (str | Unset): A refresh token, when the login asked for one.
            refresh_token_id (UUID | Unset): A UUID as a lowercase canonical string.
            registration_verification_id (str | Unset): The registration verification id, with the `FormField` strategy
                (213).
            state (AnyJsonMap | Unset): A free-form map. Values may be any JSON (strings, numbers, booleans, arrays, objects
                or null).
            threats_detected (list[AuthenticationThreatsValue | str] | Unset): Threats detected during the login; a newer
                FusionAuth may send other values.
            token (str | Unset): The access token (a JWT), unless `noJWT` was set.
            token_expiration_instant (int | Unset): An instant, in milliseconds since the Unix epoch (UTC).
            trust_token (str | Unset): A short-lived token proving a recent multi-factor login (step-up).
            two_factor_id (str | Unset): A multi-factor id, when another challenge follows.
            two_factor_trust_id (str | Unset): The trust that lets later logins skip the challenge, when `trustComputer` was
                true.
    """

    user: User
    actions: list[LoginPreventedResponse] | Unset = UNSET
    change_password_id: str | Unset = UNSET
    change_password_reason: ChangePasswordReasonValue | str | Unset = UNSET
    configurable_methods: list[str] | Unset = UNSET
    email_verification_id: str | Unset = UNSET
    identity_verification_id: str | Unset = UNSET
    methods: list[TwoFactorMethod] | Unset = UNSET
    pending_idp_link_id: str | Unset = UNSET
    refresh_token: str | Unset = UNSET
    refresh_token_id: UUID | Unset = UNSET
    registration_verification_id: str | Unset = UNSET
    state: AnyJsonMap | Unset = _attrs_field(default=UNSET, converter=as_any_json_map)
    threats_detected: list[AuthenticationThreatsValue | str] | Unset = UNSET
    token: str | Unset = UNSET
    token_expiration_instant: int | Unset = UNSET
    trust_token: str | Unset = UNSET
    two_factor_id: str | Unset = UNSET
    two_factor_trust_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user = self.user.to_dict()

        actions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.actions, Unset):
            actions = []
            for actions_item_data in self.actions:
                actions_item = actions_item_data.to_dict()
                actions.append(actions_item)

        change_password_id = self.change_password_id

        change_password_reason: str | Unset
        if isinstance(self.change_password_reason, Unset):
            change_password_reason = UNSET
        elif isinstance(self.change_password_reason, ChangePasswordReasonValue):
            change_password_reason = self.change_password_reason.value
        else:
            change_password_reason = self.change_password_reason

        configurable_methods: list[str] | Unset = UNSET
        if not isinstance(self.configurable_methods, Unset):
            configurable_methods = self.configurable_methods

        email_verification_id = self.email_verification_id

        identity_verification_id = self.identity_verification_id

        methods: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.methods, Unset):
            methods = []
            for methods_item_data in self.methods:
                methods_item = methods_item_data.to_dict()
                methods.append(methods_item)

        pending_idp_link_id = self.pending_idp_link_id

        refresh_token = self.refresh_token

        refresh_token_id: str | Unset = UNSET
        if not isinstance(self.refresh_token_id, Unset):
            refresh_token_id = str(self.refresh_token_id)

        registration_verification_id = self.registration_verification_id

        state: dict[str, Any] | Unset = UNSET
        if not isinstance(self.state, Unset):
            state = self.state.to_dict()

        threats_detected: list[str] | Unset = UNSET
        if not isinstance(self.threats_detected, Unset):
            threats_detected = []
            for threats_detected_item_data in self.threats_detected:
                threats_detected_item: str
                if isinstance(threats_detected_item_data, AuthenticationThreatsValue):
                    threats_detected_item = threats_detected_item_data.value
                else:
                    threats_detected_item = threats_detected_item_data
                threats_detected.append(threats_detected_item)

        token = self.token

        token_expiration_instant = self.token_expiration_instant

        trust_token = self.trust_token

        two_factor_id = self.two_factor_id

        two_factor_trust_id = self.two_factor_trust_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "user": user,
            }
        )
        if actions is not UNSET:
            field_dict["actions"] = actions
        if change_password_id is not UNSET:
            field_dict["changePasswordId"] = change_password_id
        if change_password_reason is not UNSET:
            field_dict["changePasswordReason"] = change_password_reason
        if configurable_methods is not UNSET:
            field_dict["configurableMethods"] = configurable_methods
        if email_verification_id is not UNSET:
            field_dict["emailVerificationId"] = email_verification_id
        if identity_verification_id is not UNSET:
            field_dict["identityVerificationId"] = identity_verification_id
        if methods is not UNSET:
            field_dict["methods"] = methods
        if pending_idp_link_id is not UNSET:
            field_dict["pendingIdPLinkId"] = pending_idp_link_id
        if refresh_token is not UNSET:
            field_dict["refreshToken"] = refresh_token
        if refresh_token_id is not UNSET:
            field_dict["refreshTokenId"] = refresh_token_id
        if registration_verification_id is not UNSET:
            field_dict["registrationVerificationId"] = registration_verification_id
        if state is not UNSET:
            field_dict["state"] = state
        if threats_detected is not UNSET:
            field_dict["threatsDetected"] = threats_detected
        if token is not UNSET:
            field_dict["token"] = token
        if token_expiration_instant is not UNSET:
            field_dict["tokenExpirationInstant"] = token_expiration_instant
        if trust_token is not UNSET:
            field_dict["trustToken"] = trust_token
        if two_factor_id is not UNSET:
            field_dict["twoFactorId"] = two_factor_id
        if two_factor_trust_id is not UNSET:
            field_dict["twoFactorTrustId"] = two_factor_trust_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _nested_models_imported:
            _import_nested_models()
        d = dict(src_dict)
        user = deferred(d.pop("user"), _parse_user)

        _actions = d.pop("actions", UNSET)
        actions = _actions if _actions is UNSET else deferred(_actions, _parse_actions)

        change_password_id = d.pop("changePasswordId", UNSET)

        _change_password_reason = d.pop("changePasswordReason", UNSET)
        change_password_reason: ChangePasswordReasonValue | str | Unset
        if _change_password_reason is UNSET:
            change_password_reason = _change_password_reason
        else:
            try:
                if not isinstance(_change_password_reason, str):
                    raise TypeError()
                change_password_reason_type_0 = _ChangePasswordReasonValue_by_value.get(
                    _change_password_reason
                ) or ChangePasswordReasonValue(_change_password_reason)

                change_password_reason = change_password_reason_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                change_password_reason = _change_password_reason

        configurable_methods: list[str] | Unset = d.pop("configurableMethods", UNSET)

        email_verification_id = d.pop("emailVerificationId", UNSET)

        identity_verification_id = d.pop("identityVerificationId", UNSET)

        _methods = d.pop("methods", UNSET)
        methods = _methods if _methods is UNSET else deferred(_methods, _parse_methods)

        pending_idp_link_id = d.pop("pendingIdPLinkId", UNSET)

        refresh_token = d.pop("refreshToken", UNSET)

        _refresh_token_id = d.pop("refreshTokenId", UNSET)
        refresh_token_id: UUID | Unset
        if _refresh_token_id is UNSET:
            refresh_token_id = UNSET
        else:
            refresh_token_id = parse_uuid(_refresh_token_id)

        registration_verification_id = d.pop("registrationVerificationId", UNSET)

        _state = d.pop("state", UNSET)
        state: AnyJsonMap | Unset
        if _state is UNSET:
            state = UNSET
        else:
            state = AnyJsonMap.from_dict(_state)

        _threats_detected = d.pop("threatsDetected", UNSET)
        threats_detected: list[AuthenticationThreatsValue | str] | Unset = UNSET
        if _threats_detected is not UNSET:
            threats_detected = []
            for threats_detected_item_data in _threats_detected:
                _threats_detected_item = threats_detected_item_data
                threats_detected_item: AuthenticationThreatsValue | str
                try:
                    if not isinstance(_threats_detected_item, str):
                        raise TypeError()
                    threats_detected_item_type_0 = _AuthenticationThreatsValue_by_value.get(
                        _threats_detected_item
                    ) or AuthenticationThreatsValue(_threats_detected_item)

                    threats_detected_item = threats_detected_item_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    threats_detected_item = _threats_detected_item

                threats_detected.append(threats_detected_item)

        token = d.pop("token", UNSET)

        token_expiration_instant = d.pop("tokenExpirationInstant", UNSET)

        trust_token = d.pop("trustToken", UNSET)

        two_factor_id = d.pop("twoFactorId", UNSET)

        two_factor_trust_id = d.pop("twoFactorTrustId", UNSET)

        if cls is LoginResponse:
            login_response = cls(
                user,
                actions,
                change_password_id,
                change_password_reason,
                configurable_methods,
                email_verification_id,
                identity_verification_id,
                methods,
                pending_idp_link_id,
                refresh_token,
                refresh_token_id,
                registration_verification_id,
                state,
                threats_detected,
                token,
                token_expiration_instant,
                trust_token,
                two_factor_id,
                two_factor_trust_id,
            )
        else:  # a subclass's __init__ may take the fields in another order
            login_response = cls(
                user=user,
                actions=actions,
                change_password_id=change_password_id,
                change_password_reason=change_password_reason,
                configurable_methods=configurable_methods,
                email_verification_id=email_verification_id,
                identity_verification_id=identity_verification_id,
                methods=methods,
                pending_idp_link_id=pending_idp_link_id,
                refresh_token=refresh_token,
                refresh_token_id=refresh_token_id,
                registration_verification_id=registration_verification_id,
                state=state,
                threats_detected=threats_detected,
                token=token,
                token_expiration_instant=token_expiration_instant,
                trust_token=trust_token,
                two_factor_id=two_factor_id,
                two_factor_trust_id=two_factor_trust_id,
            )

        if d:  # the keys this client's spec does not document, which a newer FusionAuth may send
            login_response.additional_properties.update(d)
        return login_response

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


def _parse_user(data: Any) -> User:
    """LoginResponse.user from its JSON, at the field's first read."""
    user = User.from_dict(data)

    return user


parse_on_first_read(LoginResponse, "user", _parse_user)


def _parse_actions(data: Any) -> list[LoginPreventedResponse] | Unset:
    """LoginResponse.actions from its JSON, at the field's first read."""
    _actions = data
    actions: list[LoginPreventedResponse] | Unset = UNSET
    if _actions is not UNSET:
        actions = []
        for actions_item_data in _actions:
            actions_item = LoginPreventedResponse.from_dict(actions_item_data)

            actions.append(actions_item)

    return actions


parse_on_first_read(LoginResponse, "actions", _parse_actions)


def _parse_methods(data: Any) -> list[TwoFactorMethod] | Unset:
    """LoginResponse.methods from its JSON, at the field's first read."""
    _methods = data
    methods: list[TwoFactorMethod] | Unset = UNSET
    if _methods is not UNSET:
        methods = []
        for methods_item_data in _methods:
            methods_item = TwoFactorMethod.from_dict(methods_item_data)

            methods.append(methods_item)

    return methods


parse_on_first_read(LoginResponse, "methods", _parse_methods)


_nested_models_imported = False


def _import_nested_models() -> None:
    """Bind the models this one nests as globals of this module, on the first from_dict."""
    global _nested_models_imported, AnyJsonMap, LoginPreventedResponse, TwoFactorMethod, User  # noqa: PLW0603
    from ..models.any_json_map import AnyJsonMap  # noqa: PLC0415
    from ..models.login_prevented_response import LoginPreventedResponse  # noqa: PLC0415
    from ..models.two_factor_method import TwoFactorMethod  # noqa: PLC0415
    from ..models.user import User  # noqa: PLC0415

    _nested_models_imported = True


# Each map field converts what is assigned to it (scripts/free_form_maps.py: not attrs' hooks).
convert_on_assignment(LoginResponse, "state", as_any_json_map)
