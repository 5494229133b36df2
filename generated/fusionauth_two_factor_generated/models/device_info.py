from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DeviceInfo")


@_attrs_define
class DeviceInfo:
    """The device the user logs in from.

    Attributes:
        description (str | Unset): A description of the device.
        last_accessed_address (str | Unset): The last IP address the device was seen from.
        last_accessed_instant (int | Unset): An instant, in milliseconds since the Unix epoch (UTC).
        name (str | Unset): A name for the device.
        type_ (str | Unset): The device type, such as `BROWSER`, `DESKTOP`, `MOBILE`, `SERVER` or `UNKNOWN`.
    """

    description: str | Unset = UNSET
    last_accessed_address: str | Unset = UNSET
    last_accessed_instant: int | Unset = UNSET
    name: str | Unset = UNSET
    type_: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        last_accessed_address = self.last_accessed_address

        last_accessed_instant = self.last_accessed_instant

        name = self.name

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if description is not UNSET:
            field_dict["description"] = description
        if last_accessed_address is not UNSET:
            field_dict["lastAccessedAddress"] = last_accessed_address
        if last_accessed_instant is not UNSET:
            field_dict["lastAccessedInstant"] = last_accessed_instant
        if name is not UNSET:
            field_dict["name"] = name
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        description = d.pop("description", UNSET)

        last_accessed_address = d.pop("lastAccessedAddress", UNSET)

        last_accessed_instant = d.pop("lastAccessedInstant", UNSET)

        name = d.pop("name", UNSET)

        type_ = d.pop("type", UNSET)

        if cls is DeviceInfo:
            device_info = cls(
                description,
                last_accessed_address,
                last_accessed_instant,
                name,
                type_,
            )
        else:  # a subclass's __init__ may take the fields in another order
            device_info = cls(
                description=description,
                last_accessed_address=last_accessed_address,
                last_accessed_instant=last_accessed_instant,
                name=name,
                type_=type_,
            )

        if d:  # the keys this client's spec does not document, which a newer FusionAuth may send
            device_info.additional_properties.update(d)
        return device_info

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
