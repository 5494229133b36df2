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
    from ..models.device_info import DeviceInfo


T = TypeVar("T", bound="LoginMetaData")


@_attrs_define(on_setattr=_attrs_setters.NO_OP)
class LoginMetaData:
    """Information about the login.

    Attributes:
        device (DeviceInfo | Unset): The device the user logs in from.
        data (AnyJsonMap | Unset): A free-form map. Values may be any JSON (strings, numbers, booleans, arrays, objects
            or null).
        resources (list[str] | Unset): Resources (audiences) requested by the login, as in FusionAuth's clients'
            `MetaData`.
        scopes (list[str] | Unset): Scopes requested by the login.
    """

    device: DeviceInfo | Unset = UNSET
    data: AnyJsonMap | Unset = _attrs_field(default=UNSET, converter=as_any_json_map)
    resources: list[str] | Unset = UNSET
    scopes: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        device: dict[str, Any] | Unset = UNSET
        if not isinstance(self.device, Unset):
            device = self.device.to_dict()

        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()

        resources: list[str] | Unset = UNSET
        if not isinstance(self.resources, Unset):
            resources = self.resources

        scopes: list[str] | Unset = UNSET
        if not isinstance(self.scopes, Unset):
            scopes = self.scopes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if device is not UNSET:
            field_dict["device"] = device
        if data is not UNSET:
            field_dict["data"] = data
        if resources is not UNSET:
            field_dict["resources"] = resources
        if scopes is not UNSET:
            field_dict["scopes"] = scopes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _nested_models_imported:
            _import_nested_models()
        d = dict(src_dict)
        _device = d.pop("device", UNSET)
        device = _device if _device is UNSET else deferred(_device, _parse_device)

        _data = d.pop("data", UNSET)
        data: AnyJsonMap | Unset
        if _data is UNSET:
            data = UNSET
        else:
            data = AnyJsonMap.from_dict(_data)

        resources: list[str] | Unset = d.pop("resources", UNSET)

        scopes: list[str] | Unset = d.pop("scopes", UNSET)

        if cls is LoginMetaData:
            login_meta_data = cls(
                device,
                data,
                resources,
                scopes,
            )
        else:  # a subclass's __init__ may take the fields in another order
            login_meta_data = cls(
                device=device,
                data=data,
                resources=resources,
                scopes=scopes,
            )

        if d:  # the keys this client's spec does not document, which a newer FusionAuth may send
            login_meta_data.additional_properties.update(d)
        return login_meta_data

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


def _parse_device(data: Any) -> DeviceInfo | Unset:
    """LoginMetaData.device from its JSON, at the field's first read."""
    _device = data
    device: DeviceInfo | Unset
    if _device is UNSET:
        device = UNSET
    else:
        device = DeviceInfo.from_dict(_device)

    return device


parse_on_first_read(LoginMetaData, "device", _parse_device)


_nested_models_imported = False


def _import_nested_models() -> None:
    """Bind the models this one nests as globals of this module, on the first from_dict."""
    global _nested_models_imported, AnyJsonMap, DeviceInfo  # noqa: PLW0603
    from ..models.any_json_map import AnyJsonMap  # noqa: PLC0415
    from ..models.device_info import DeviceInfo  # noqa: PLC0415

    _nested_models_imported = True


# Each map field converts what is assigned to it (scripts/free_form_maps.py: not attrs' hooks).
convert_on_assignment(LoginMetaData, "data", as_any_json_map)
