from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.change_password_reason_value import ChangePasswordReasonValue

# Each enum's value map, typed, bound once: from_dict looks a value up before calling the class.
_ChangePasswordReasonValue_by_value = cast(
    dict[Any, ChangePasswordReasonValue], ChangePasswordReasonValue._value2member_map_
)


T = TypeVar("T", bound="LoginChangePasswordResponse")


@_attrs_define
class LoginChangePasswordResponse:
    """The answer of a login (password or multi-factor) whose user must change their password
    (203): FusionAuth's `LoginResponse` with these two fields.

        Example:
            {'changePasswordId': 'XOgai4Ro68xfGiex0ngXiJ2bbhduM4Pm7h3lvF0xibQ', 'changePasswordReason': 'Expired'}

        Attributes:
            change_password_id (str): The id to use with the Change Password API.
            change_password_reason (ChangePasswordReasonValue | str): Why the password must be changed; a newer FusionAuth
                may send other values.
    """

    change_password_id: str
    change_password_reason: ChangePasswordReasonValue | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        change_password_id = self.change_password_id

        change_password_reason: str
        if isinstance(self.change_password_reason, ChangePasswordReasonValue):
            change_password_reason = self.change_password_reason.value
        else:
            change_password_reason = self.change_password_reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "changePasswordId": change_password_id,
                "changePasswordReason": change_password_reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        change_password_id = d.pop("changePasswordId")

        _change_password_reason = d.pop("changePasswordReason")
        change_password_reason: ChangePasswordReasonValue | str
        try:
            if not isinstance(_change_password_reason, str):
                raise TypeError()
            change_password_reason_type_0 = _ChangePasswordReasonValue_by_value.get(
                _change_password_reason
            ) or ChangePasswordReasonValue(_change_password_reason)

            change_password_reason = change_password_reason_type_0
        except (TypeError, ValueError, AttributeError, KeyError):
            change_password_reason = _change_password_reason

        if cls is LoginChangePasswordResponse:
            login_change_password_response = cls(
                change_password_id,
                change_password_reason,
            )
        else:  # a subclass's __init__ may take the fields in another order
            login_change_password_response = cls(
                change_password_id=change_password_id,
                change_password_reason=change_password_reason,
            )

        if d:  # the keys this client's spec does not document, which a newer FusionAuth may send
            login_change_password_response.additional_properties.update(d)
        return login_change_password_response

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
