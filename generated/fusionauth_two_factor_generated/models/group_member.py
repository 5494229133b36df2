from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from attrs import setters as _attrs_setters

from ..models.any_json_map import as_any_json_map, convert_on_assignment
from ..types import UNSET, Unset, parse_uuid

if TYPE_CHECKING:
    from ..models.any_json_map import AnyJsonMap


T = TypeVar("T", bound="GroupMember")


@_attrs_define(on_setattr=_attrs_setters.NO_OP)
class GroupMember:
    """A user's membership of a group.

    Attributes:
        data (AnyJsonMap | Unset): A free-form map. Values may be any JSON (strings, numbers, booleans, arrays, objects
            or null).
        group_id (UUID | Unset): A UUID as a lowercase canonical string.
        id (UUID | Unset): A UUID as a lowercase canonical string.
        insert_instant (int | Unset): An instant, in milliseconds since the Unix epoch (UTC).
        user_id (UUID | Unset): A UUID as a lowercase canonical string.
    """

    data: AnyJsonMap | Unset = _attrs_field(default=UNSET, converter=as_any_json_map)
    group_id: UUID | Unset = UNSET
    id: UUID | Unset = UNSET
    insert_instant: int | Unset = UNSET
    user_id: UUID | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()

        group_id: str | Unset = UNSET
        if not isinstance(self.group_id, Unset):
            group_id = str(self.group_id)

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        insert_instant = self.insert_instant

        user_id: str | Unset = UNSET
        if not isinstance(self.user_id, Unset):
            user_id = str(self.user_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if data is not UNSET:
            field_dict["data"] = data
        if group_id is not UNSET:
            field_dict["groupId"] = group_id
        if id is not UNSET:
            field_dict["id"] = id
        if insert_instant is not UNSET:
            field_dict["insertInstant"] = insert_instant
        if user_id is not UNSET:
            field_dict["userId"] = user_id

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

        _group_id = d.pop("groupId", UNSET)
        group_id: UUID | Unset
        if _group_id is UNSET:
            group_id = UNSET
        else:
            group_id = parse_uuid(_group_id)

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if _id is UNSET:
            id = UNSET
        else:
            id = parse_uuid(_id)

        insert_instant = d.pop("insertInstant", UNSET)

        _user_id = d.pop("userId", UNSET)
        user_id: UUID | Unset
        if _user_id is UNSET:
            user_id = UNSET
        else:
            user_id = parse_uuid(_user_id)

        if cls is GroupMember:
            group_member = cls(
                data,
                group_id,
                id,
                insert_instant,
                user_id,
            )
        else:  # a subclass's __init__ may take the fields in another order
            group_member = cls(
                data=data,
                group_id=group_id,
                id=id,
                insert_instant=insert_instant,
                user_id=user_id,
            )

        if d:  # the keys this client's spec does not document, which a newer FusionAuth may send
            group_member.additional_properties.update(d)
        return group_member

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
convert_on_assignment(GroupMember, "data", as_any_json_map)
