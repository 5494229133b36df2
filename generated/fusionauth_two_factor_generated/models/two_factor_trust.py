from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="TwoFactorTrust")


@_attrs_define
class TwoFactorTrust:
    """A multi-factor trust, which lets a login skip the challenge until it expires.

    Attributes:
        application_id (UUID | Unset): A UUID as a lowercase canonical string.
        expiration (int | Unset): An instant, in milliseconds since the Unix epoch (UTC).
        expired (bool | Unset): Whether the trust has expired.
        start_instant (int | Unset): An instant, in milliseconds since the Unix epoch (UTC).
    """

    application_id: UUID | Unset = UNSET
    expiration: int | Unset = UNSET
    expired: bool | Unset = UNSET
    start_instant: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        application_id: str | Unset = UNSET
        if not isinstance(self.application_id, Unset):
            application_id = str(self.application_id)

        expiration = self.expiration

        expired = self.expired

        start_instant = self.start_instant

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if application_id is not UNSET:
            field_dict["applicationId"] = application_id
        if expiration is not UNSET:
            field_dict["expiration"] = expiration
        if expired is not UNSET:
            field_dict["expired"] = expired
        if start_instant is not UNSET:
            field_dict["startInstant"] = start_instant

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _application_id = d.pop("applicationId", UNSET)
        application_id: UUID | Unset
        if _application_id is UNSET:
            application_id = UNSET
        else:
            application_id = parse_uuid(_application_id)

        expiration = d.pop("expiration", UNSET)

        expired = d.pop("expired", UNSET)

        start_instant = d.pop("startInstant", UNSET)

        if cls is TwoFactorTrust:
            two_factor_trust = cls(
                application_id,
                expiration,
                expired,
                start_instant,
            )
        else:  # a subclass's __init__ may take the fields in another order
            two_factor_trust = cls(
                application_id=application_id,
                expiration=expiration,
                expired=expired,
                start_instant=start_instant,
            )

        if d:  # the keys this client's spec does not document, which a newer FusionAuth may send
            two_factor_trust.additional_properties.update(d)
        return two_factor_trust

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
