from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.message_type import MessageType
from ..types import UNSET, Unset, parse_uuid

# Each enum's value map, typed, bound once: from_dict looks a value up before calling the class.
_MessageType_by_value = cast(dict[Any, MessageType], MessageType._value2member_map_)


T = TypeVar("T", bound="TwoFactorSendForEnableDisableRequest")


@_attrs_define
class TwoFactorSendForEnableDisableRequest:
    """The body of `sendTwoFactorCodeForEnableDisable` with an API key, as FusionAuth documents
    it: `userId` is required; to enable a method give `method` (`email` or `sms`) and `email`
    or `mobilePhone`, to disable one give `methodId` (one of `method` and `methodId` is
    required). FusionAuth's `TwoFactorSendRequest`, which its clients send here.

        Example:
            {'method': 'email', 'email': 'richard@piedpiper.com', 'userId': '00000000-0000-0000-0000-000000000001'}

        Attributes:
            user_id (UUID): A UUID as a lowercase canonical string.
            application_id (UUID | Unset): A UUID as a lowercase canonical string.
            email (str | Unset): The email address to send the code to, when enabling an `email` method.
            message_type (MessageType | str | Unset): How an SMS code is delivered; a newer FusionAuth may accept other
                values.
            method (str | Unset): The kind of method being enabled, `email` or `sms`.
            method_id (str | Unset): The id of an existing method to send a code to.
            mobile_phone (str | Unset): The phone number to send the code to, when enabling an `sms` method.
    """

    user_id: UUID
    application_id: UUID | Unset = UNSET
    email: str | Unset = UNSET
    message_type: MessageType | str | Unset = UNSET
    method: str | Unset = UNSET
    method_id: str | Unset = UNSET
    mobile_phone: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user_id = str(self.user_id)

        application_id: str | Unset = UNSET
        if not isinstance(self.application_id, Unset):
            application_id = str(self.application_id)

        email = self.email

        message_type: str | Unset
        if isinstance(self.message_type, Unset):
            message_type = UNSET
        elif isinstance(self.message_type, MessageType):
            message_type = self.message_type.value
        else:
            message_type = self.message_type

        method = self.method

        method_id = self.method_id

        mobile_phone = self.mobile_phone

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "userId": user_id,
            }
        )
        if application_id is not UNSET:
            field_dict["applicationId"] = application_id
        if email is not UNSET:
            field_dict["email"] = email
        if message_type is not UNSET:
            field_dict["messageType"] = message_type
        if method is not UNSET:
            field_dict["method"] = method
        if method_id is not UNSET:
            field_dict["methodId"] = method_id
        if mobile_phone is not UNSET:
            field_dict["mobilePhone"] = mobile_phone

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        user_id = parse_uuid(d.pop("userId"))

        _application_id = d.pop("applicationId", UNSET)
        application_id: UUID | Unset
        if _application_id is UNSET:
            application_id = UNSET
        else:
            application_id = parse_uuid(_application_id)

        email = d.pop("email", UNSET)

        _message_type = d.pop("messageType", UNSET)
        message_type: MessageType | str | Unset
        if _message_type is UNSET:
            message_type = _message_type
        else:
            try:
                if not isinstance(_message_type, str):
                    raise TypeError()
                message_type_type_0 = _MessageType_by_value.get(_message_type) or MessageType(_message_type)

                message_type = message_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                message_type = _message_type

        method = d.pop("method", UNSET)

        method_id = d.pop("methodId", UNSET)

        mobile_phone = d.pop("mobilePhone", UNSET)

        if cls is TwoFactorSendForEnableDisableRequest:
            two_factor_send_for_enable_disable_request = cls(
                user_id,
                application_id,
                email,
                message_type,
                method,
                method_id,
                mobile_phone,
            )
        else:  # a subclass's __init__ may take the fields in another order
            two_factor_send_for_enable_disable_request = cls(
                user_id=user_id,
                application_id=application_id,
                email=email,
                message_type=message_type,
                method=method,
                method_id=method_id,
                mobile_phone=mobile_phone,
            )

        if d:  # the keys this client's spec does not document, which a newer FusionAuth may send
            two_factor_send_for_enable_disable_request.additional_properties.update(d)
        return two_factor_send_for_enable_disable_request

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
