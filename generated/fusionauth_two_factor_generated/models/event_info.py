from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from attrs import setters as _attrs_setters

from ..models.any_json_map import as_any_json_map, convert_on_assignment
from ..types import UNSET, Unset, deferred, parse_on_first_read

if TYPE_CHECKING:
    from ..models.any_json_map import AnyJsonMap
    from ..models.location import Location


T = TypeVar("T", bound="EventInfo")


@_attrs_define(on_setattr=_attrs_setters.NO_OP)
class EventInfo:
    """Information about the event, recorded with the login.

    Attributes:
        data (AnyJsonMap | Unset): A free-form map. Values may be any JSON (strings, numbers, booleans, arrays, objects
            or null).
        device_description (str | Unset): A description of the device.
        device_name (str | Unset): The name of the device.
        device_type (str | Unset): The device type.
        ip_address (str | Unset): The IP address of the end user.
        location (Location | Unset): A location derived from an IP address.
        os (str | Unset): The operating system.
        user_agent (str | Unset): The user agent.
    """

    data: AnyJsonMap | Unset = _attrs_field(default=UNSET, converter=as_any_json_map)
    device_description: str | Unset = UNSET
    device_name: str | Unset = UNSET
    device_type: str | Unset = UNSET
    ip_address: str | Unset = UNSET
    location: Location | Unset = UNSET
    os: str | Unset = UNSET
    user_agent: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()

        device_description = self.device_description

        device_name = self.device_name

        device_type = self.device_type

        ip_address = self.ip_address

        location: dict[str, Any] | Unset = UNSET
        if not isinstance(self.location, Unset):
            location = self.location.to_dict()

        os = self.os

        user_agent = self.user_agent

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if data is not UNSET:
            field_dict["data"] = data
        if device_description is not UNSET:
            field_dict["deviceDescription"] = device_description
        if device_name is not UNSET:
            field_dict["deviceName"] = device_name
        if device_type is not UNSET:
            field_dict["deviceType"] = device_type
        if ip_address is not UNSET:
            field_dict["ipAddress"] = ip_address
        if location is not UNSET:
            field_dict["location"] = location
        if os is not UNSET:
            field_dict["os"] = os
        if user_agent is not UNSET:
            field_dict["userAgent"] = user_agent

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _nested_models_imported:
            _import_nested_models()
        d = dict(src_dict)
        _data = d.pop("data", UNSET)
        data: AnyJsonMap | Unset
        if _data is UNSET:
            data = UNSET
        else:
            data = AnyJsonMap.from_dict(_data)

        device_description = d.pop("deviceDescription", UNSET)

        device_name = d.pop("deviceName", UNSET)

        device_type = d.pop("deviceType", UNSET)

        ip_address = d.pop("ipAddress", UNSET)

        _location = d.pop("location", UNSET)
        location = _location if _location is UNSET else deferred(_location, _parse_location)

        os = d.pop("os", UNSET)

        user_agent = d.pop("userAgent", UNSET)

        if cls is EventInfo:
            event_info = cls(
                data,
                device_description,
                device_name,
                device_type,
                ip_address,
                location,
                os,
                user_agent,
            )
        else:  # a subclass's __init__ may take the fields in another order
            event_info = cls(
                data=data,
                device_description=device_description,
                device_name=device_name,
                device_type=device_type,
                ip_address=ip_address,
                location=location,
                os=os,
                user_agent=user_agent,
            )

        if d:  # the keys this client's spec does not document, which a newer FusionAuth may send
            event_info.additional_properties.update(d)
        return event_info

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


def _parse_location(data: Any) -> Location | Unset:
    """EventInfo.location from its JSON, at the field's first read."""
    _location = data
    location: Location | Unset
    if _location is UNSET:
        location = UNSET
    else:
        location = Location.from_dict(_location)

    return location


parse_on_first_read(EventInfo, "location", _parse_location)


_nested_models_imported = False


def _import_nested_models() -> None:
    """Bind the models this one nests as globals of this module, on the first from_dict."""
    global _nested_models_imported, AnyJsonMap, Location  # noqa: PLW0603
    from ..models.any_json_map import AnyJsonMap  # noqa: PLC0415
    from ..models.location import Location  # noqa: PLC0415

    _nested_models_imported = True


# Each map field converts what is assigned to it (scripts/free_form_maps.py: not attrs' hooks).
convert_on_assignment(EventInfo, "data", as_any_json_map)
