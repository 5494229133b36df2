from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.two_factor_method_type import TwoFactorMethodType
from ..types import UNSET, Unset, deferred, parse_on_first_read, parse_uuid

if TYPE_CHECKING:
    from ..models.event_info import EventInfo

# Each enum's value map, typed, bound once: from_dict looks a value up before calling the class.
_TwoFactorMethodType_by_value = cast(dict[Any, TwoFactorMethodType], TwoFactorMethodType._value2member_map_)


T = TypeVar("T", bound="TwoFactorRequest")


@_attrs_define
class TwoFactorRequest:
    """Enables a multi-factor method. `method` and `code` are required (FusionAuth's Enable
    Multi-Factor request body); an `email` method needs `email`, an `sms` method needs
    `mobilePhone`, and an `authenticator` method needs `secret` or `secretBase32Encoded`.

        Example:
            {'code': '435612', 'method': 'authenticator', 'name': 'Work authenticator app', 'secret':
                '8MJJfCY4ERBtotvenSc3'}

        Attributes:
            code (str): A code proving the user can produce codes for the method: a TOTP code computed from the
                secret, or the code `sendTwoFactorCodeForEnableDisable` delivered.
            method (str | TwoFactorMethodType): The kind of method to enable: `authenticator`, `email` or `sms`, and enabled
                in the
                tenant's MFA configuration. One request enables one method.
            application_id (UUID | Unset): A UUID as a lowercase canonical string.
            authenticator_id (str | Unset): An authenticator id, as in FusionAuth's clients; FusionAuth's documentation does
                not describe it.
            email (str | Unset): The email address codes are sent to. Required when `method` is `email`.
            event_info (EventInfo | Unset): Information about the event, recorded with the login.
            mobile_phone (str | Unset): The phone number codes are sent to. Required when `method` is `sms`.
            name (str | Unset): A display name for the method (since FusionAuth 1.68.0), such as `Work authenticator app`.
            secret (str | Unset): The authenticator's secret, as `generateTwoFactorSecret` returns it in `secret`. For an
                `authenticator` method, this or `secretBase32Encoded` is required.
            secret_base32_encoded (str | Unset): The same secret Base32-encoded, as `generateTwoFactorSecret` returns it.
                For an
                `authenticator` method, this or `secret` is required.
            two_factor_id (str | Unset): The `twoFactorId` of a login that answered 242 because the user must configure a
                method
                (since FusionAuth 1.42.0). The response then carries a `code` that completes that login.
    """

    code: str
    method: str | TwoFactorMethodType
    application_id: UUID | Unset = UNSET
    authenticator_id: str | Unset = UNSET
    email: str | Unset = UNSET
    event_info: EventInfo | Unset = UNSET
    mobile_phone: str | Unset = UNSET
    name: str | Unset = UNSET
    secret: str | Unset = UNSET
    secret_base32_encoded: str | Unset = UNSET
    two_factor_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        method: str
        if isinstance(self.method, TwoFactorMethodType):
            method = self.method.value
        else:
            method = self.method

        application_id: str | Unset = UNSET
        if not isinstance(self.application_id, Unset):
            application_id = str(self.application_id)

        authenticator_id = self.authenticator_id

        email = self.email

        event_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.event_info, Unset):
            event_info = self.event_info.to_dict()

        mobile_phone = self.mobile_phone

        name = self.name

        secret = self.secret

        secret_base32_encoded = self.secret_base32_encoded

        two_factor_id = self.two_factor_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "method": method,
            }
        )
        if application_id is not UNSET:
            field_dict["applicationId"] = application_id
        if authenticator_id is not UNSET:
            field_dict["authenticatorId"] = authenticator_id
        if email is not UNSET:
            field_dict["email"] = email
        if event_info is not UNSET:
            field_dict["eventInfo"] = event_info
        if mobile_phone is not UNSET:
            field_dict["mobilePhone"] = mobile_phone
        if name is not UNSET:
            field_dict["name"] = name
        if secret is not UNSET:
            field_dict["secret"] = secret
        if secret_base32_encoded is not UNSET:
            field_dict["secretBase32Encoded"] = secret_base32_encoded
        if two_factor_id is not UNSET:
            field_dict["twoFactorId"] = two_factor_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _nested_models_imported:
            _import_nested_models()
        d = dict(src_dict)
        code = d.pop("code")

        _method = d.pop("method")
        method: str | TwoFactorMethodType
        try:
            if not isinstance(_method, str):
                raise TypeError()
            method_type_0 = _TwoFactorMethodType_by_value.get(_method) or TwoFactorMethodType(_method)

            method = method_type_0
        except (TypeError, ValueError, AttributeError, KeyError):
            method = _method

        _application_id = d.pop("applicationId", UNSET)
        application_id: UUID | Unset
        if _application_id is UNSET:
            application_id = UNSET
        else:
            application_id = parse_uuid(_application_id)

        authenticator_id = d.pop("authenticatorId", UNSET)

        email = d.pop("email", UNSET)

        _event_info = d.pop("eventInfo", UNSET)
        event_info = _event_info if _event_info is UNSET else deferred(_event_info, _parse_event_info)

        mobile_phone = d.pop("mobilePhone", UNSET)

        name = d.pop("name", UNSET)

        secret = d.pop("secret", UNSET)

        secret_base32_encoded = d.pop("secretBase32Encoded", UNSET)

        two_factor_id = d.pop("twoFactorId", UNSET)

        if cls is TwoFactorRequest:
            two_factor_request = cls(
                code,
                method,
                application_id,
                authenticator_id,
                email,
                event_info,
                mobile_phone,
                name,
                secret,
                secret_base32_encoded,
                two_factor_id,
            )
        else:  # a subclass's __init__ may take the fields in another order
            two_factor_request = cls(
                code=code,
                method=method,
                application_id=application_id,
                authenticator_id=authenticator_id,
                email=email,
                event_info=event_info,
                mobile_phone=mobile_phone,
                name=name,
                secret=secret,
                secret_base32_encoded=secret_base32_encoded,
                two_factor_id=two_factor_id,
            )

        if d:  # the keys this client's spec does not document, which a newer FusionAuth may send
            two_factor_request.additional_properties.update(d)
        return two_factor_request

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


def _parse_event_info(data: Any) -> EventInfo | Unset:
    """TwoFactorRequest.event_info from its JSON, at the field's first read."""
    _event_info = data
    event_info: EventInfo | Unset
    if _event_info is UNSET:
        event_info = UNSET
    else:
        event_info = EventInfo.from_dict(_event_info)

    return event_info


parse_on_first_read(TwoFactorRequest, "event_info", _parse_event_info)


_nested_models_imported = False


def _import_nested_models() -> None:
    """Bind the models this one nests as globals of this module, on the first from_dict."""
    global _nested_models_imported, EventInfo  # noqa: PLW0603
    from ..models.event_info import EventInfo  # noqa: PLC0415

    _nested_models_imported = True
