from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from attrs import setters as _attrs_setters

from ..models.any_json_map import as_any_json_map, convert_on_assignment
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.any_json_map import AnyJsonMap


T = TypeVar("T", bound="Error")


@_attrs_define(on_setattr=_attrs_setters.NO_OP)
class Error:
    """One error.

    Attributes:
        code (str | Unset): The error code, `[type]fieldPath` for field errors (`[blank]code`) and `[Name]` for general
            ones.
        message (str | Unset): A human-readable message.
        data (AnyJsonMap | Unset): A free-form map. Values may be any JSON (strings, numbers, booleans, arrays, objects
            or null).
    """

    code: str | Unset = UNSET
    message: str | Unset = UNSET
    data: AnyJsonMap | Unset = _attrs_field(default=UNSET, converter=as_any_json_map)
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        message = self.message

        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if code is not UNSET:
            field_dict["code"] = code
        if message is not UNSET:
            field_dict["message"] = message
        if data is not UNSET:
            field_dict["data"] = data

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _nested_models_imported:
            _import_nested_models()
        d = dict(src_dict)
        code = d.pop("code", UNSET)

        message = d.pop("message", UNSET)

        _data = d.pop("data", UNSET)
        data: AnyJsonMap | Unset
        if _data is UNSET:
            data = UNSET
        else:
            data = AnyJsonMap.from_dict(_data)

        if cls is Error:
            error = cls(
                code,
                message,
                data,
            )
        else:  # a subclass's __init__ may take the fields in another order
            error = cls(
                code=code,
                message=message,
                data=data,
            )

        if d:  # the keys this client's spec does not document, which a newer FusionAuth may send
            error.additional_properties.update(d)
        return error

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


_nested_models_imported = False


def _import_nested_models() -> None:
    """Bind the models this one nests as globals of this module, on the first from_dict."""
    global _nested_models_imported, AnyJsonMap  # noqa: PLW0603
    from ..models.any_json_map import AnyJsonMap  # noqa: PLC0415

    _nested_models_imported = True


# Each map field converts what is assigned to it (scripts/free_form_maps.py: not attrs' hooks).
convert_on_assignment(Error, "data", as_any_json_map)
