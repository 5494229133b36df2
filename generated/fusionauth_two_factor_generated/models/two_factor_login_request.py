from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, deferred, parse_on_first_read, parse_uuid

if TYPE_CHECKING:
    from ..models.event_info import EventInfo
    from ..models.login_meta_data import LoginMetaData


T = TypeVar("T", bound="TwoFactorLoginRequest")


@_attrs_define
class TwoFactorLoginRequest:
    """Completes a multi-factor login.

    Example:
        {'code': '123456', 'trustComputer': True, 'twoFactorId': 'YkQY5Gsyo4RlfmDciBGRmvfj3RmatUqrbjoIZ19fmw4'}

    Attributes:
        code (str): The multi-factor code, or a recovery code.
        two_factor_id (str): The id returned by the Login API (242) or by the start operation.
        application_id (UUID | Unset): A UUID as a lowercase canonical string.
        event_info (EventInfo | Unset): Information about the event, recorded with the login.
        ip_address (str | Unset): The end user's IP address, stored in the login history. Deprecated by FusionAuth
            (`BaseLoginRequest`): send `eventInfo.ipAddress` instead, which wins over this field.
        meta_data (LoginMetaData | Unset): Information about the login.
        new_device (bool | Unset): Whether the login comes from a device not seen before.
        no_jwt (bool | Unset): When true, no JWT is issued and the `access_token` / `refresh_token` cookies are not
            written.
        trust_computer (bool | Unset): When true, the response carries a `twoFactorTrustId` that lets later logins skip
            the challenge.
        user_id (UUID | Unset): A UUID as a lowercase canonical string.
        bot_detection_score (float | Unset): A bot-detection score for this login, passed through to FusionAuth.
    """

    code: str
    two_factor_id: str
    application_id: UUID | Unset = UNSET
    event_info: EventInfo | Unset = UNSET
    ip_address: str | Unset = UNSET
    meta_data: LoginMetaData | Unset = UNSET
    new_device: bool | Unset = UNSET
    no_jwt: bool | Unset = UNSET
    trust_computer: bool | Unset = UNSET
    user_id: UUID | Unset = UNSET
    bot_detection_score: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        two_factor_id = self.two_factor_id

        application_id: str | Unset = UNSET
        if not isinstance(self.application_id, Unset):
            application_id = str(self.application_id)

        event_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.event_info, Unset):
            event_info = self.event_info.to_dict()

        ip_address = self.ip_address

        meta_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.meta_data, Unset):
            meta_data = self.meta_data.to_dict()

        new_device = self.new_device

        no_jwt = self.no_jwt

        trust_computer = self.trust_computer

        user_id: str | Unset = UNSET
        if not isinstance(self.user_id, Unset):
            user_id = str(self.user_id)

        bot_detection_score = self.bot_detection_score

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "twoFactorId": two_factor_id,
            }
        )
        if application_id is not UNSET:
            field_dict["applicationId"] = application_id
        if event_info is not UNSET:
            field_dict["eventInfo"] = event_info
        if ip_address is not UNSET:
            field_dict["ipAddress"] = ip_address
        if meta_data is not UNSET:
            field_dict["metaData"] = meta_data
        if new_device is not UNSET:
            field_dict["newDevice"] = new_device
        if no_jwt is not UNSET:
            field_dict["noJWT"] = no_jwt
        if trust_computer is not UNSET:
            field_dict["trustComputer"] = trust_computer
        if user_id is not UNSET:
            field_dict["userId"] = user_id
        if bot_detection_score is not UNSET:
            field_dict["botDetectionScore"] = bot_detection_score

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _nested_models_imported:
            _import_nested_models()
        d = dict(src_dict)
        code = d.pop("code")

        two_factor_id = d.pop("twoFactorId")

        _application_id = d.pop("applicationId", UNSET)
        application_id: UUID | Unset
        if _application_id is UNSET:
            application_id = UNSET
        else:
            application_id = parse_uuid(_application_id)

        _event_info = d.pop("eventInfo", UNSET)
        event_info = _event_info if _event_info is UNSET else deferred(_event_info, _parse_event_info)

        ip_address = d.pop("ipAddress", UNSET)

        _meta_data = d.pop("metaData", UNSET)
        meta_data = _meta_data if _meta_data is UNSET else deferred(_meta_data, _parse_meta_data)

        new_device = d.pop("newDevice", UNSET)

        no_jwt = d.pop("noJWT", UNSET)

        trust_computer = d.pop("trustComputer", UNSET)

        _user_id = d.pop("userId", UNSET)
        user_id: UUID | Unset
        if _user_id is UNSET:
            user_id = UNSET
        else:
            user_id = parse_uuid(_user_id)

        bot_detection_score = d.pop("botDetectionScore", UNSET)

        if cls is TwoFactorLoginRequest:
            two_factor_login_request = cls(
                code,
                two_factor_id,
                application_id,
                event_info,
                ip_address,
                meta_data,
                new_device,
                no_jwt,
                trust_computer,
                user_id,
                bot_detection_score,
            )
        else:  # a subclass's __init__ may take the fields in another order
            two_factor_login_request = cls(
                code=code,
                two_factor_id=two_factor_id,
                application_id=application_id,
                event_info=event_info,
                ip_address=ip_address,
                meta_data=meta_data,
                new_device=new_device,
                no_jwt=no_jwt,
                trust_computer=trust_computer,
                user_id=user_id,
                bot_detection_score=bot_detection_score,
            )

        if d:  # the keys this client's spec does not document, which a newer FusionAuth may send
            two_factor_login_request.additional_properties.update(d)
        return two_factor_login_request

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
    """TwoFactorLoginRequest.event_info from its JSON, at the field's first read."""
    _event_info = data
    event_info: EventInfo | Unset
    if _event_info is UNSET:
        event_info = UNSET
    else:
        event_info = EventInfo.from_dict(_event_info)

    return event_info


parse_on_first_read(TwoFactorLoginRequest, "event_info", _parse_event_info)


def _parse_meta_data(data: Any) -> LoginMetaData | Unset:
    """TwoFactorLoginRequest.meta_data from its JSON, at the field's first read."""
    _meta_data = data
    meta_data: LoginMetaData | Unset
    if _meta_data is UNSET:
        meta_data = UNSET
    else:
        meta_data = LoginMetaData.from_dict(_meta_data)

    return meta_data


parse_on_first_read(TwoFactorLoginRequest, "meta_data", _parse_meta_data)


_nested_models_imported = False


def _import_nested_models() -> None:
    """Bind the models this one nests as globals of this module, on the first from_dict."""
    global _nested_models_imported, EventInfo, LoginMetaData  # noqa: PLW0603
    from ..models.event_info import EventInfo  # noqa: PLC0415
    from ..models.login_meta_data import LoginMetaData  # noqa: PLC0415

    _nested_models_imported = True
