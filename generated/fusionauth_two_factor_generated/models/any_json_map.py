from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import Unset

T = TypeVar("T", bound="AnyJsonMap")


@_attrs_define
class AnyJsonMap:
    """A free-form map. Values may be any JSON (strings, numbers, booleans, arrays, objects or null)."""

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        any_json_map = cls()

        any_json_map.additional_properties.update(src_dict)
        return any_json_map

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


def free_form_mapping(value: object, model: str, value_type: type = object) -> Mapping[str, Any]:
    """`value` if it is what a field of the free-form map `model` takes: a Mapping with str keys.

    Added by scripts/free_form_maps.py for the map models' converters. The message names types only:
    a map's keys and values may be secrets.
    """
    if not isinstance(value, Mapping):
        raise TypeError(f"a free-form map field ({model}) takes a dict with str keys, not {type(value).__name__}")
    for key, item in value.items():
        if not isinstance(key, str):
            raise TypeError(f"the keys of a free-form map ({model}) must be str, not {type(key).__name__}")
        if not isinstance(item, value_type):
            found = type(item).__name__
            raise TypeError(f"the values of a free-form map ({model}) must be {value_type.__name__}, not {found}")
    return value


def convert_on_assignment(model: type[Any], field: str, converter: Callable[[Any], object]) -> None:
    """Make an assignment to `model`'s `field` store what `converter` makes of the value.

    Added by scripts/free_form_maps.py (which says why not attrs' on-setattr hooks) after each class
    with a map field: the field's slot is wrapped in a property that reads and deletes through the
    slot itself and converts on the way in.
    """
    slot = model.__dict__[field]

    def set_converted(instance: object, value: object) -> None:
        slot.__set__(instance, converter(value))

    setattr(model, field, property(slot.__get__, set_converted, slot.__delete__))


def as_any_json_map(value: Mapping[str, Any] | AnyJsonMap | Unset) -> AnyJsonMap | Unset:
    """The attrs converter of every `AnyJsonMap | Unset` field: a dict is stored as the AnyJsonMap it describes.

    Added by scripts/free_form_maps.py, so that a field takes a plain dict (mypy types the field's
    `__init__` parameter from this one) while reading it always gives the AnyJsonMap or UNSET. The
    mapping is copied, as from_dict copies it: to_dict() gives back what was given.
    """
    if isinstance(value, _AnyJsonMap_or_unset):
        return value
    return AnyJsonMap.from_dict(free_form_mapping(value, "AnyJsonMap"))


# What as_any_json_map keeps as it is, one tuple: `AnyJsonMap | Unset` would build a union on every call.
_AnyJsonMap_or_unset = (AnyJsonMap, Unset)
