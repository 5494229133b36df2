from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.any_json_map import free_form_mapping
from ..types import Unset

T = TypeVar("T", bound="StringMap")


@_attrs_define
class StringMap:
    """A map from string to string."""

    additional_properties: dict[str, str] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        string_map = cls()

        string_map.additional_properties.update(src_dict)
        return string_map

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> str:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: str) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


def as_string_map(value: Mapping[str, str] | StringMap | Unset) -> StringMap | Unset:
    """The attrs converter of every `StringMap | Unset` field: a dict is stored as the StringMap it describes.

    Added by scripts/free_form_maps.py, so that a field takes a plain dict (mypy types the field's
    `__init__` parameter from this one) while reading it always gives the StringMap or UNSET. The
    mapping is copied, as from_dict copies it: to_dict() gives back what was given.
    """
    if isinstance(value, _StringMap_or_unset):
        return value
    return StringMap.from_dict(free_form_mapping(value, "StringMap", str))


# What as_string_map keeps as it is, one tuple: `StringMap | Unset` would build a union on every call.
_StringMap_or_unset = (StringMap, Unset)
