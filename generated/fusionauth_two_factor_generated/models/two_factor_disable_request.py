from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, deferred, parse_on_first_read, parse_uuid

if TYPE_CHECKING:
    from ..models.event_info import EventInfo


T = TypeVar("T", bound="TwoFactorDisableRequest")


@_attrs_define
class TwoFactorDisableRequest:
    """Disables a multi-factor method, in a JSON body instead of the query. `methodId` and `code`
    are required, as for the query form FusionAuth documents.

        Example:
            {'code': '123456', 'methodId': 'KLRT'}

        Attributes:
            code (str): A code from the method being disabled, or a recovery code (which removes every method).
            method_id (str): The id of the method to disable (with a recovery code, any of the user's method ids).
            application_id (UUID | Unset): A UUID as a lowercase canonical string.
            event_info (EventInfo | Unset): Information about the event, recorded with the login.
    """

    code: str
    method_id: str
    application_id: UUID | Unset = UNSET
    event_info: EventInfo | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        method_id = self.method_id

        application_id: str | Unset = UNSET
        if not isinstance(self.application_id, Unset):
            application_id = str(self.application_id)

        event_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.event_info, Unset):
            event_info = self.event_info.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "methodId": method_id,
            }
        )
        if application_id is not UNSET:
            field_dict["applicationId"] = application_id
        if event_info is not UNSET:
            field_dict["eventInfo"] = event_info

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _nested_models_imported:
            _import_nested_models()
        d = dict(src_dict)
        code = d.pop("code")

        method_id = d.pop("methodId")

        _application_id = d.pop("applicationId", UNSET)
        application_id: UUID | Unset
        if _application_id is UNSET:
            application_id = UNSET
        else:
            application_id = parse_uuid(_application_id)

        _event_info = d.pop("eventInfo", UNSET)
        event_info = _event_info if _event_info is UNSET else deferred(_event_info, _parse_event_info)

        if cls is TwoFactorDisableRequest:
            two_factor_disable_request = cls(
                code,
                method_id,
                application_id,
                event_info,
            )
        else:  # a subclass's __init__ may take the fields in another order
            two_factor_disable_request = cls(
                code=code,
                method_id=method_id,
                application_id=application_id,
                event_info=event_info,
            )

        if d:  # the keys this client's spec does not document, which a newer FusionAuth may send
            two_factor_disable_request.additional_properties.update(d)
        return two_factor_disable_request

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
    """TwoFactorDisableRequest.event_info from its JSON, at the field's first read."""
    _event_info = data
    event_info: EventInfo | Unset
    if _event_info is UNSET:
        event_info = UNSET
    else:
        event_info = EventInfo.from_dict(_event_info)

    return event_info


parse_on_first_read(TwoFactorDisableRequest, "event_info", _parse_event_info)


_nested_models_imported = False


def _import_nested_models() -> None:
    """Bind the models this one nests as globals of this module, on the first from_dict."""
    global _nested_models_imported, EventInfo  # noqa: PLW0603
    from ..models.event_info import EventInfo  # noqa: PLC0415

    _nested_models_imported = True
