from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="LoginPreventedResponse")


@_attrs_define
class LoginPreventedResponse:
    """A user action that prevents login.

    Attributes:
        action_id (UUID | Unset): A UUID as a lowercase canonical string.
        actioner_user_id (UUID | Unset): A UUID as a lowercase canonical string.
        expiry (int | Unset): An instant, in milliseconds since the Unix epoch (UTC).
        localized_name (str | Unset): The action's name, localized.
        localized_option (str | Unset): The action's option, localized.
        localized_reason (str | Unset): The reason, localized.
        name (str | Unset): The action's name.
        option (str | Unset): The action's option.
        reason (str | Unset): The reason for the action.
        reason_code (str | Unset): The reason's code.
    """

    action_id: UUID | Unset = UNSET
    actioner_user_id: UUID | Unset = UNSET
    expiry: int | Unset = UNSET
    localized_name: str | Unset = UNSET
    localized_option: str | Unset = UNSET
    localized_reason: str | Unset = UNSET
    name: str | Unset = UNSET
    option: str | Unset = UNSET
    reason: str | Unset = UNSET
    reason_code: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action_id: str | Unset = UNSET
        if not isinstance(self.action_id, Unset):
            action_id = str(self.action_id)

        actioner_user_id: str | Unset = UNSET
        if not isinstance(self.actioner_user_id, Unset):
            actioner_user_id = str(self.actioner_user_id)

        expiry = self.expiry

        localized_name = self.localized_name

        localized_option = self.localized_option

        localized_reason = self.localized_reason

        name = self.name

        option = self.option

        reason = self.reason

        reason_code = self.reason_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if action_id is not UNSET:
            field_dict["actionId"] = action_id
        if actioner_user_id is not UNSET:
            field_dict["actionerUserId"] = actioner_user_id
        if expiry is not UNSET:
            field_dict["expiry"] = expiry
        if localized_name is not UNSET:
            field_dict["localizedName"] = localized_name
        if localized_option is not UNSET:
            field_dict["localizedOption"] = localized_option
        if localized_reason is not UNSET:
            field_dict["localizedReason"] = localized_reason
        if name is not UNSET:
            field_dict["name"] = name
        if option is not UNSET:
            field_dict["option"] = option
        if reason is not UNSET:
            field_dict["reason"] = reason
        if reason_code is not UNSET:
            field_dict["reasonCode"] = reason_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _action_id = d.pop("actionId", UNSET)
        action_id: UUID | Unset
        if _action_id is UNSET:
            action_id = UNSET
        else:
            action_id = parse_uuid(_action_id)

        _actioner_user_id = d.pop("actionerUserId", UNSET)
        actioner_user_id: UUID | Unset
        if _actioner_user_id is UNSET:
            actioner_user_id = UNSET
        else:
            actioner_user_id = parse_uuid(_actioner_user_id)

        expiry = d.pop("expiry", UNSET)

        localized_name = d.pop("localizedName", UNSET)

        localized_option = d.pop("localizedOption", UNSET)

        localized_reason = d.pop("localizedReason", UNSET)

        name = d.pop("name", UNSET)

        option = d.pop("option", UNSET)

        reason = d.pop("reason", UNSET)

        reason_code = d.pop("reasonCode", UNSET)

        if cls is LoginPreventedResponse:
            login_prevented_response = cls(
                action_id,
                actioner_user_id,
                expiry,
                localized_name,
                localized_option,
                localized_reason,
                name,
                option,
                reason,
                reason_code,
            )
        else:  # a subclass's __init__ may take the fields in another order
            login_prevented_response = cls(
                action_id=action_id,
                actioner_user_id=actioner_user_id,
                expiry=expiry,
                localized_name=localized_name,
                localized_option=localized_option,
                localized_reason=localized_reason,
                name=name,
                option=option,
                reason=reason,
                reason_code=reason_code,
            )

        if d:  # the keys this client's spec does not document, which a newer FusionAuth may send
            login_prevented_response.additional_properties.update(d)
        return login_prevented_response

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
