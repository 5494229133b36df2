from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.multi_factor_action_value import MultiFactorActionValue
from ..types import UNSET, Unset, deferred, parse_on_first_read, parse_uuid

if TYPE_CHECKING:
    from ..models.event_info import EventInfo

# Each enum's value map, typed, bound once: from_dict looks a value up before calling the class.
_MultiFactorActionValue_by_value = cast(dict[Any, MultiFactorActionValue], MultiFactorActionValue._value2member_map_)


T = TypeVar("T", bound="TwoFactorStatusRequest")


@_attrs_define
class TwoFactorStatusRequest:
    """Asks for a user's multi-factor status, with more context than the GET form.

    Example:
        {'action': 'stepUp', 'applicationId': '85a03867-dccf-4882-adde-1a79aeec50df', 'eventInfo': {'data': {'page':
            '/account/bank-accounts'}, 'ipAddress': '127.0.0.1'}, 'userId': '429797ba-37d7-4bbe-8748-58fb812448ff'}

    Attributes:
        user_id (UUID): A UUID as a lowercase canonical string.
        access_token (str | Unset): An access token (not an id token) FusionAuth issued and signed after a successful
            authentication; an MFA requirement lambda sees it as `context.accessToken`.
        action (MultiFactorActionValue | str | Unset): The action the user attempts; defaults to `login`. A newer
            FusionAuth may accept other
            values.
        application_id (UUID | Unset): A UUID as a lowercase canonical string.
        event_info (EventInfo | Unset): Information about the event, recorded with the login.
        two_factor_trust_id (str | Unset): A multi-factor trust from an earlier `twoFactorLogin`, to check whether it
            still skips the challenge.
    """

    user_id: UUID
    access_token: str | Unset = UNSET
    action: MultiFactorActionValue | str | Unset = UNSET
    application_id: UUID | Unset = UNSET
    event_info: EventInfo | Unset = UNSET
    two_factor_trust_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user_id = str(self.user_id)

        access_token = self.access_token

        action: str | Unset
        if isinstance(self.action, Unset):
            action = UNSET
        elif isinstance(self.action, MultiFactorActionValue):
            action = self.action.value
        else:
            action = self.action

        application_id: str | Unset = UNSET
        if not isinstance(self.application_id, Unset):
            application_id = str(self.application_id)

        event_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.event_info, Unset):
            event_info = self.event_info.to_dict()

        two_factor_trust_id = self.two_factor_trust_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "userId": user_id,
            }
        )
        if access_token is not UNSET:
            field_dict["accessToken"] = access_token
        if action is not UNSET:
            field_dict["action"] = action
        if application_id is not UNSET:
            field_dict["applicationId"] = application_id
        if event_info is not UNSET:
            field_dict["eventInfo"] = event_info
        if two_factor_trust_id is not UNSET:
            field_dict["twoFactorTrustId"] = two_factor_trust_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _nested_models_imported:
            _import_nested_models()
        d = dict(src_dict)
        user_id = parse_uuid(d.pop("userId"))

        access_token = d.pop("accessToken", UNSET)

        _action = d.pop("action", UNSET)
        action: MultiFactorActionValue | str | Unset
        if _action is UNSET:
            action = _action
        else:
            try:
                if not isinstance(_action, str):
                    raise TypeError()
                action_type_0 = _MultiFactorActionValue_by_value.get(_action) or MultiFactorActionValue(_action)

                action = action_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                action = _action

        _application_id = d.pop("applicationId", UNSET)
        application_id: UUID | Unset
        if _application_id is UNSET:
            application_id = UNSET
        else:
            application_id = parse_uuid(_application_id)

        _event_info = d.pop("eventInfo", UNSET)
        event_info = _event_info if _event_info is UNSET else deferred(_event_info, _parse_event_info)

        two_factor_trust_id = d.pop("twoFactorTrustId", UNSET)

        if cls is TwoFactorStatusRequest:
            two_factor_status_request = cls(
                user_id,
                access_token,
                action,
                application_id,
                event_info,
                two_factor_trust_id,
            )
        else:  # a subclass's __init__ may take the fields in another order
            two_factor_status_request = cls(
                user_id=user_id,
                access_token=access_token,
                action=action,
                application_id=application_id,
                event_info=event_info,
                two_factor_trust_id=two_factor_trust_id,
            )

        if d:  # the keys this client's spec does not document, which a newer FusionAuth may send
            two_factor_status_request.additional_properties.update(d)
        return two_factor_status_request

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
    """TwoFactorStatusRequest.event_info from its JSON, at the field's first read."""
    _event_info = data
    event_info: EventInfo | Unset
    if _event_info is UNSET:
        event_info = UNSET
    else:
        event_info = EventInfo.from_dict(_event_info)

    return event_info


parse_on_first_read(TwoFactorStatusRequest, "event_info", _parse_event_info)


_nested_models_imported = False


def _import_nested_models() -> None:
    """Bind the models this one nests as globals of this module, on the first from_dict."""
    global _nested_models_imported, EventInfo  # noqa: PLW0603
    from ..models.event_info import EventInfo  # noqa: PLC0415

    _nested_models_imported = True
