from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, deferred, parse_on_first_read

if TYPE_CHECKING:
    from ..models.event_info import EventInfo


T = TypeVar("T", bound="TwoFactorUpdateRequest")


@_attrs_define
class TwoFactorUpdateRequest:
    """Renames one of a user's multi-factor methods. FusionAuth's clients send the method's id
    here; FusionAuth's documentation passes it as the `methodId` query parameter instead.

        Example:
            {'methodId': 'KLRT', 'name': 'Work phone'}

        Attributes:
            event_info (EventInfo | Unset): Information about the event, recorded with the login.
            method_id (str | Unset): The id of the method to rename, when it is not given as the `methodId` query parameter.
            name (str | Unset): The method's new display name; omitted, the name is cleared.
    """

    event_info: EventInfo | Unset = UNSET
    method_id: str | Unset = UNSET
    name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        event_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.event_info, Unset):
            event_info = self.event_info.to_dict()

        method_id = self.method_id

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if event_info is not UNSET:
            field_dict["eventInfo"] = event_info
        if method_id is not UNSET:
            field_dict["methodId"] = method_id
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _nested_models_imported:
            _import_nested_models()
        d = dict(src_dict)
        _event_info = d.pop("eventInfo", UNSET)
        event_info = _event_info if _event_info is UNSET else deferred(_event_info, _parse_event_info)

        method_id = d.pop("methodId", UNSET)

        name = d.pop("name", UNSET)

        if cls is TwoFactorUpdateRequest:
            two_factor_update_request = cls(
                event_info,
                method_id,
                name,
            )
        else:  # a subclass's __init__ may take the fields in another order
            two_factor_update_request = cls(
                event_info=event_info,
                method_id=method_id,
                name=name,
            )

        if d:  # the keys this client's spec does not document, which a newer FusionAuth may send
            two_factor_update_request.additional_properties.update(d)
        return two_factor_update_request

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


def _parse_event_info(data: Any) -> EventInfo | Unset:
    """TwoFactorUpdateRequest.event_info from its JSON, at the field's first read."""
    _event_info = data
    event_info: EventInfo | Unset
    if _event_info is UNSET:
        event_info = UNSET
    else:
        event_info = EventInfo.from_dict(_event_info)

    return event_info


parse_on_first_read(TwoFactorUpdateRequest, "event_info", _parse_event_info)


_nested_models_imported = False


def _import_nested_models() -> None:
    """Bind the models this one nests as globals of this module, on the first from_dict."""
    global _nested_models_imported, EventInfo  # noqa: PLW0603
    from ..models.event_info import EventInfo  # noqa: PLC0415

    _nested_models_imported = True
