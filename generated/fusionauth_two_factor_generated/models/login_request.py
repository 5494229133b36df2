from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.login_id_type_value import LoginIdTypeValue
from ..types import UNSET, Unset, deferred, parse_on_first_read, parse_uuid

if TYPE_CHECKING:
    from ..models.event_info import EventInfo
    from ..models.login_meta_data import LoginMetaData

# Each enum's value map, typed, bound once: from_dict looks a value up before calling the class.
_LoginIdTypeValue_by_value = cast(dict[Any, LoginIdTypeValue], LoginIdTypeValue._value2member_map_)


T = TypeVar("T", bound="LoginRequest")


@_attrs_define
class LoginRequest:
    """A login. The password form needs `loginId` and `password`, as FusionAuth documents them;
    the one-time-password form (same endpoint) needs `oneTimePassword` instead of both, so no
    field is required by the schema itself.

        Example:
            {'applicationId': '10000000-0000-0002-0000-000000000001', 'ipAddress': '192.168.1.42', 'loginId':
                'richard@piedpiper.com', 'noJWT': False, 'password': 'correct horse battery staple'}

        Attributes:
            application_id (UUID | Unset): A UUID as a lowercase canonical string.
            bot_detection_score (float | Unset): A bot-detection score for this login, passed through to FusionAuth.
            event_info (EventInfo | Unset): Information about the event, recorded with the login.
            ip_address (str | Unset): The end user's IP address, stored in the login history. Deprecated by FusionAuth
                (`BaseLoginRequest`): send `eventInfo.ipAddress` instead, which wins over this field.
            login_id (str | Unset): The user's login identifier: an email address, a username, or a phone number when
                `loginIdTypes` includes `phoneNumber`. Required with `password`.
            login_id_types (list[LoginIdTypeValue | str] | Unset): Which identities `loginId` is compared with, in order:
                `email`, `phoneNumber`,
                `username` (since FusionAuth 1.59.0). Defaults to `["email", "username"]`.
            meta_data (LoginMetaData | Unset): Information about the login.
            new_device (bool | Unset): Whether the login comes from a device not seen before.
            no_jwt (bool | Unset): When true, no JWT is issued and the `access_token` / `refresh_token` cookies are not
                written.
            one_time_password (str | Unset): A one-time password from the Change Password API, in place of `loginId` and
                `password`.
            password (str | Unset): The user's password, or an application authentication token. Required with `loginId`.
            two_factor_trust_id (str | Unset): A multi-factor trust from an earlier `twoFactorLogin` with `trustComputer:
                true`. While
                it is valid, the login skips the multi-factor challenge (200 instead of 242).
    """

    application_id: UUID | Unset = UNSET
    bot_detection_score: float | Unset = UNSET
    event_info: EventInfo | Unset = UNSET
    ip_address: str | Unset = UNSET
    login_id: str | Unset = UNSET
    login_id_types: list[LoginIdTypeValue | str] | Unset = UNSET
    meta_data: LoginMetaData | Unset = UNSET
    new_device: bool | Unset = UNSET
    no_jwt: bool | Unset = UNSET
    one_time_password: str | Unset = UNSET
    password: str | Unset = UNSET
    two_factor_trust_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        application_id: str | Unset = UNSET
        if not isinstance(self.application_id, Unset):
            application_id = str(self.application_id)

        bot_detection_score = self.bot_detection_score

        event_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.event_info, Unset):
            event_info = self.event_info.to_dict()

        ip_address = self.ip_address

        login_id = self.login_id

        login_id_types: list[str] | Unset = UNSET
        if not isinstance(self.login_id_types, Unset):
            login_id_types = []
            for login_id_types_item_data in self.login_id_types:
                login_id_types_item: str
                if isinstance(login_id_types_item_data, LoginIdTypeValue):
                    login_id_types_item = login_id_types_item_data.value
                else:
                    login_id_types_item = login_id_types_item_data
                login_id_types.append(login_id_types_item)

        meta_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.meta_data, Unset):
            meta_data = self.meta_data.to_dict()

        new_device = self.new_device

        no_jwt = self.no_jwt

        one_time_password = self.one_time_password

        password = self.password

        two_factor_trust_id = self.two_factor_trust_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if application_id is not UNSET:
            field_dict["applicationId"] = application_id
        if bot_detection_score is not UNSET:
            field_dict["botDetectionScore"] = bot_detection_score
        if event_info is not UNSET:
            field_dict["eventInfo"] = event_info
        if ip_address is not UNSET:
            field_dict["ipAddress"] = ip_address
        if login_id is not UNSET:
            field_dict["loginId"] = login_id
        if login_id_types is not UNSET:
            field_dict["loginIdTypes"] = login_id_types
        if meta_data is not UNSET:
            field_dict["metaData"] = meta_data
        if new_device is not UNSET:
            field_dict["newDevice"] = new_device
        if no_jwt is not UNSET:
            field_dict["noJWT"] = no_jwt
        if one_time_password is not UNSET:
            field_dict["oneTimePassword"] = one_time_password
        if password is not UNSET:
            field_dict["password"] = password
        if two_factor_trust_id is not UNSET:
            field_dict["twoFactorTrustId"] = two_factor_trust_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _nested_models_imported:
            _import_nested_models()
        d = dict(src_dict)
        _application_id = d.pop("applicationId", UNSET)
        application_id: UUID | Unset
        if _application_id is UNSET:
            application_id = UNSET
        else:
            application_id = parse_uuid(_application_id)

        bot_detection_score = d.pop("botDetectionScore", UNSET)

        _event_info = d.pop("eventInfo", UNSET)
        event_info = _event_info if _event_info is UNSET else deferred(_event_info, _parse_event_info)

        ip_address = d.pop("ipAddress", UNSET)

        login_id = d.pop("loginId", UNSET)

        _login_id_types = d.pop("loginIdTypes", UNSET)
        login_id_types: list[LoginIdTypeValue | str] | Unset = UNSET
        if _login_id_types is not UNSET:
            login_id_types = []
            for login_id_types_item_data in _login_id_types:
                _login_id_types_item = login_id_types_item_data
                login_id_types_item: LoginIdTypeValue | str
                try:
                    if not isinstance(_login_id_types_item, str):
                        raise TypeError()
                    componentsschemas_login_id_type_type_0 = _LoginIdTypeValue_by_value.get(
                        _login_id_types_item
                    ) or LoginIdTypeValue(_login_id_types_item)

                    login_id_types_item = componentsschemas_login_id_type_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    login_id_types_item = _login_id_types_item

                login_id_types.append(login_id_types_item)

        _meta_data = d.pop("metaData", UNSET)
        meta_data = _meta_data if _meta_data is UNSET else deferred(_meta_data, _parse_meta_data)

        new_device = d.pop("newDevice", UNSET)

        no_jwt = d.pop("noJWT", UNSET)

        one_time_password = d.pop("oneTimePassword", UNSET)

        password = d.pop("password", UNSET)

        two_factor_trust_id = d.pop("twoFactorTrustId", UNSET)

        if cls is LoginRequest:
            login_request = cls(
                application_id,
                bot_detection_score,
                event_info,
                ip_address,
                login_id,
                login_id_types,
                meta_data,
                new_device,
                no_jwt,
                one_time_password,
                password,
                two_factor_trust_id,
            )
        else:  # a subclass's __init__ may take the fields in another order
            login_request = cls(
                application_id=application_id,
                bot_detection_score=bot_detection_score,
                event_info=event_info,
                ip_address=ip_address,
                login_id=login_id,
                login_id_types=login_id_types,
                meta_data=meta_data,
                new_device=new_device,
                no_jwt=no_jwt,
                one_time_password=one_time_password,
                password=password,
                two_factor_trust_id=two_factor_trust_id,
            )

        if d:  # the keys this client's spec does not document, which a newer FusionAuth may send
            login_request.additional_properties.update(d)
        return login_request

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
    """LoginRequest.event_info from its JSON, at the field's first read."""
    _event_info = data
    event_info: EventInfo | Unset
    if _event_info is UNSET:
        event_info = UNSET
    else:
        event_info = EventInfo.from_dict(_event_info)

    return event_info


parse_on_first_read(LoginRequest, "event_info", _parse_event_info)


def _parse_meta_data(data: Any) -> LoginMetaData | Unset:
    """LoginRequest.meta_data from its JSON, at the field's first read."""
    _meta_data = data
    meta_data: LoginMetaData | Unset
    if _meta_data is UNSET:
        meta_data = UNSET
    else:
        meta_data = LoginMetaData.from_dict(_meta_data)

    return meta_data


parse_on_first_read(LoginRequest, "meta_data", _parse_meta_data)


_nested_models_imported = False


def _import_nested_models() -> None:
    """Bind the models this one nests as globals of this module, on the first from_dict."""
    global _nested_models_imported, EventInfo, LoginMetaData  # noqa: PLW0603
    from ..models.event_info import EventInfo  # noqa: PLC0415
    from ..models.login_meta_data import LoginMetaData  # noqa: PLC0415

    _nested_models_imported = True
