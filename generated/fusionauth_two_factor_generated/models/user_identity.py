from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.identity_verified_reason_value import IdentityVerifiedReasonValue
from ..models.username_status_value import UsernameStatusValue
from ..types import UNSET, Unset

# Each enum's value map, typed, bound once: from_dict looks a value up before calling the class.
_IdentityVerifiedReasonValue_by_value = cast(
    dict[Any, IdentityVerifiedReasonValue], IdentityVerifiedReasonValue._value2member_map_
)
_UsernameStatusValue_by_value = cast(dict[Any, UsernameStatusValue], UsernameStatusValue._value2member_map_)


T = TypeVar("T", bound="UserIdentity")


@_attrs_define
class UserIdentity:
    """One of the user's identities.

    Attributes:
        display_value (str | Unset): The identity as displayed.
        insert_instant (int | Unset): An instant, in milliseconds since the Unix epoch (UTC).
        last_login_instant (int | Unset): An instant, in milliseconds since the Unix epoch (UTC).
        last_update_instant (int | Unset): An instant, in milliseconds since the Unix epoch (UTC).
        moderation_status (str | Unset | UsernameStatusValue): The moderation status of the identity; a newer FusionAuth
            may send other values.
        primary (bool | Unset): Whether this is the user's primary identity.
        type_ (str | Unset): The identity type, a plain string such as `email`, `phoneNumber` or `username`.
        value (str | Unset): The identity's value.
        verified (bool | Unset): Whether the identity is verified.
        verified_instant (int | Unset): An instant, in milliseconds since the Unix epoch (UTC).
        verified_reason (IdentityVerifiedReasonValue | str | Unset): Why the identity is, or is not, verified; a newer
            FusionAuth may send other values.
    """

    display_value: str | Unset = UNSET
    insert_instant: int | Unset = UNSET
    last_login_instant: int | Unset = UNSET
    last_update_instant: int | Unset = UNSET
    moderation_status: str | Unset | UsernameStatusValue = UNSET
    primary: bool | Unset = UNSET
    type_: str | Unset = UNSET
    value: str | Unset = UNSET
    verified: bool | Unset = UNSET
    verified_instant: int | Unset = UNSET
    verified_reason: IdentityVerifiedReasonValue | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        display_value = self.display_value

        insert_instant = self.insert_instant

        last_login_instant = self.last_login_instant

        last_update_instant = self.last_update_instant

        moderation_status: str | Unset
        if isinstance(self.moderation_status, Unset):
            moderation_status = UNSET
        elif isinstance(self.moderation_status, UsernameStatusValue):
            moderation_status = self.moderation_status.value
        else:
            moderation_status = self.moderation_status

        primary = self.primary

        type_ = self.type_

        value = self.value

        verified = self.verified

        verified_instant = self.verified_instant

        verified_reason: str | Unset
        if isinstance(self.verified_reason, Unset):
            verified_reason = UNSET
        elif isinstance(self.verified_reason, IdentityVerifiedReasonValue):
            verified_reason = self.verified_reason.value
        else:
            verified_reason = self.verified_reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if display_value is not UNSET:
            field_dict["displayValue"] = display_value
        if insert_instant is not UNSET:
            field_dict["insertInstant"] = insert_instant
        if last_login_instant is not UNSET:
            field_dict["lastLoginInstant"] = last_login_instant
        if last_update_instant is not UNSET:
            field_dict["lastUpdateInstant"] = last_update_instant
        if moderation_status is not UNSET:
            field_dict["moderationStatus"] = moderation_status
        if primary is not UNSET:
            field_dict["primary"] = primary
        if type_ is not UNSET:
            field_dict["type"] = type_
        if value is not UNSET:
            field_dict["value"] = value
        if verified is not UNSET:
            field_dict["verified"] = verified
        if verified_instant is not UNSET:
            field_dict["verifiedInstant"] = verified_instant
        if verified_reason is not UNSET:
            field_dict["verifiedReason"] = verified_reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        display_value = d.pop("displayValue", UNSET)

        insert_instant = d.pop("insertInstant", UNSET)

        last_login_instant = d.pop("lastLoginInstant", UNSET)

        last_update_instant = d.pop("lastUpdateInstant", UNSET)

        _moderation_status = d.pop("moderationStatus", UNSET)
        moderation_status: str | Unset | UsernameStatusValue
        if _moderation_status is UNSET:
            moderation_status = _moderation_status
        else:
            try:
                if not isinstance(_moderation_status, str):
                    raise TypeError()
                moderation_status_type_0 = _UsernameStatusValue_by_value.get(_moderation_status) or UsernameStatusValue(
                    _moderation_status
                )

                moderation_status = moderation_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                moderation_status = _moderation_status

        primary = d.pop("primary", UNSET)

        type_ = d.pop("type", UNSET)

        value = d.pop("value", UNSET)

        verified = d.pop("verified", UNSET)

        verified_instant = d.pop("verifiedInstant", UNSET)

        _verified_reason = d.pop("verifiedReason", UNSET)
        verified_reason: IdentityVerifiedReasonValue | str | Unset
        if _verified_reason is UNSET:
            verified_reason = _verified_reason
        else:
            try:
                if not isinstance(_verified_reason, str):
                    raise TypeError()
                verified_reason_type_0 = _IdentityVerifiedReasonValue_by_value.get(
                    _verified_reason
                ) or IdentityVerifiedReasonValue(_verified_reason)

                verified_reason = verified_reason_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                verified_reason = _verified_reason

        if cls is UserIdentity:
            user_identity = cls(
                display_value,
                insert_instant,
                last_login_instant,
                last_update_instant,
                moderation_status,
                primary,
                type_,
                value,
                verified,
                verified_instant,
                verified_reason,
            )
        else:  # a subclass's __init__ may take the fields in another order
            user_identity = cls(
                display_value=display_value,
                insert_instant=insert_instant,
                last_login_instant=last_login_instant,
                last_update_instant=last_update_instant,
                moderation_status=moderation_status,
                primary=primary,
                type_=type_,
                value=value,
                verified=verified,
                verified_instant=verified_instant,
                verified_reason=verified_reason,
            )

        if d:  # the keys this client's spec does not document, which a newer FusionAuth may send
            user_identity.additional_properties.update(d)
        return user_identity

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
