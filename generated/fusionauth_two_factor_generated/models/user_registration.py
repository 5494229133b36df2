from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from attrs import setters as _attrs_setters

from ..models.any_json_map import as_any_json_map, convert_on_assignment
from ..models.string_map import as_string_map
from ..models.username_status_value import UsernameStatusValue
from ..types import UNSET, Unset, parse_uuid

if TYPE_CHECKING:
    from ..models.any_json_map import AnyJsonMap
    from ..models.string_map import StringMap

# Each enum's value map, typed, bound once: from_dict looks a value up before calling the class.
_UsernameStatusValue_by_value = cast(dict[Any, UsernameStatusValue], UsernameStatusValue._value2member_map_)


T = TypeVar("T", bound="UserRegistration")


@_attrs_define(on_setattr=_attrs_setters.NO_OP)
class UserRegistration:
    """A user's registration for an application.

    Attributes:
        application_id (UUID | Unset): A UUID as a lowercase canonical string.
        authentication_token (str | Unset): An application authentication token.
        clean_speak_id (UUID | Unset): A UUID as a lowercase canonical string.
        data (AnyJsonMap | Unset): A free-form map. Values may be any JSON (strings, numbers, booleans, arrays, objects
            or null).
        id (UUID | Unset): A UUID as a lowercase canonical string.
        insert_instant (int | Unset): An instant, in milliseconds since the Unix epoch (UTC).
        last_login_instant (int | Unset): An instant, in milliseconds since the Unix epoch (UTC).
        last_update_instant (int | Unset): An instant, in milliseconds since the Unix epoch (UTC).
        preferred_languages (list[str] | Unset): Preferred locales for this application.
        roles (list[str] | Unset): The user's roles in the application.
        timezone (str | Unset): The time zone for this application, any IANA id or offset.
        tokens (StringMap | Unset): A map from string to string.
        username (str | Unset): The username for this application.
        username_status (str | Unset | UsernameStatusValue): The moderation status of a username; a newer FusionAuth may
            send other values.
        verified (bool | Unset): Whether the registration is verified.
        verified_instant (int | Unset): An instant, in milliseconds since the Unix epoch (UTC).
    """

    application_id: UUID | Unset = UNSET
    authentication_token: str | Unset = UNSET
    clean_speak_id: UUID | Unset = UNSET
    data: AnyJsonMap | Unset = _attrs_field(default=UNSET, converter=as_any_json_map)
    id: UUID | Unset = UNSET
    insert_instant: int | Unset = UNSET
    last_login_instant: int | Unset = UNSET
    last_update_instant: int | Unset = UNSET
    preferred_languages: list[str] | Unset = UNSET
    roles: list[str] | Unset = UNSET
    timezone: str | Unset = UNSET
    tokens: StringMap | Unset = _attrs_field(default=UNSET, converter=as_string_map)
    username: str | Unset = UNSET
    username_status: str | Unset | UsernameStatusValue = UNSET
    verified: bool | Unset = UNSET
    verified_instant: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        application_id: str | Unset = UNSET
        if not isinstance(self.application_id, Unset):
            application_id = str(self.application_id)

        authentication_token = self.authentication_token

        clean_speak_id: str | Unset = UNSET
        if not isinstance(self.clean_speak_id, Unset):
            clean_speak_id = str(self.clean_speak_id)

        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        insert_instant = self.insert_instant

        last_login_instant = self.last_login_instant

        last_update_instant = self.last_update_instant

        preferred_languages: list[str] | Unset = UNSET
        if not isinstance(self.preferred_languages, Unset):
            preferred_languages = self.preferred_languages

        roles: list[str] | Unset = UNSET
        if not isinstance(self.roles, Unset):
            roles = self.roles

        timezone = self.timezone

        tokens: dict[str, Any] | Unset = UNSET
        if not isinstance(self.tokens, Unset):
            tokens = self.tokens.to_dict()

        username = self.username

        username_status: str | Unset
        if isinstance(self.username_status, Unset):
            username_status = UNSET
        elif isinstance(self.username_status, UsernameStatusValue):
            username_status = self.username_status.value
        else:
            username_status = self.username_status

        verified = self.verified

        verified_instant = self.verified_instant

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if application_id is not UNSET:
            field_dict["applicationId"] = application_id
        if authentication_token is not UNSET:
            field_dict["authenticationToken"] = authentication_token
        if clean_speak_id is not UNSET:
            field_dict["cleanSpeakId"] = clean_speak_id
        if data is not UNSET:
            field_dict["data"] = data
        if id is not UNSET:
            field_dict["id"] = id
        if insert_instant is not UNSET:
            field_dict["insertInstant"] = insert_instant
        if last_login_instant is not UNSET:
            field_dict["lastLoginInstant"] = last_login_instant
        if last_update_instant is not UNSET:
            field_dict["lastUpdateInstant"] = last_update_instant
        if preferred_languages is not UNSET:
            field_dict["preferredLanguages"] = preferred_languages
        if roles is not UNSET:
            field_dict["roles"] = roles
        if timezone is not UNSET:
            field_dict["timezone"] = timezone
        if tokens is not UNSET:
            field_dict["tokens"] = tokens
        if username is not UNSET:
            field_dict["username"] = username
        if username_status is not UNSET:
            field_dict["usernameStatus"] = username_status
        if verified is not UNSET:
            field_dict["verified"] = verified
        if verified_instant is not UNSET:
            field_dict["verifiedInstant"] = verified_instant

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

        authentication_token = d.pop("authenticationToken", UNSET)

        _clean_speak_id = d.pop("cleanSpeakId", UNSET)
        clean_speak_id: UUID | Unset
        if _clean_speak_id is UNSET:
            clean_speak_id = UNSET
        else:
            clean_speak_id = parse_uuid(_clean_speak_id)

        _data = d.pop("data", UNSET)
        data: AnyJsonMap | Unset
        if _data is UNSET:
            data = UNSET
        else:
            data = AnyJsonMap.from_dict(_data)

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if _id is UNSET:
            id = UNSET
        else:
            id = parse_uuid(_id)

        insert_instant = d.pop("insertInstant", UNSET)

        last_login_instant = d.pop("lastLoginInstant", UNSET)

        last_update_instant = d.pop("lastUpdateInstant", UNSET)

        preferred_languages: list[str] | Unset = d.pop("preferredLanguages", UNSET)

        roles: list[str] | Unset = d.pop("roles", UNSET)

        timezone = d.pop("timezone", UNSET)

        _tokens = d.pop("tokens", UNSET)
        tokens: StringMap | Unset
        if _tokens is UNSET:
            tokens = UNSET
        else:
            tokens = StringMap.from_dict(_tokens)

        username = d.pop("username", UNSET)

        _username_status = d.pop("usernameStatus", UNSET)
        username_status: str | Unset | UsernameStatusValue
        if _username_status is UNSET:
            username_status = _username_status
        else:
            try:
                if not isinstance(_username_status, str):
                    raise TypeError()
                componentsschemas_username_status_type_0 = _UsernameStatusValue_by_value.get(
                    _username_status
                ) or UsernameStatusValue(_username_status)

                username_status = componentsschemas_username_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                username_status = _username_status

        verified = d.pop("verified", UNSET)

        verified_instant = d.pop("verifiedInstant", UNSET)

        if cls is UserRegistration:
            user_registration = cls(
                application_id,
                authentication_token,
                clean_speak_id,
                data,
                id,
                insert_instant,
                last_login_instant,
                last_update_instant,
                preferred_languages,
                roles,
                timezone,
                tokens,
                username,
                username_status,
                verified,
                verified_instant,
            )
        else:  # a subclass's __init__ may take the fields in another order
            user_registration = cls(
                application_id=application_id,
                authentication_token=authentication_token,
                clean_speak_id=clean_speak_id,
                data=data,
                id=id,
                insert_instant=insert_instant,
                last_login_instant=last_login_instant,
                last_update_instant=last_update_instant,
                preferred_languages=preferred_languages,
                roles=roles,
                timezone=timezone,
                tokens=tokens,
                username=username,
                username_status=username_status,
                verified=verified,
                verified_instant=verified_instant,
            )

        if d:  # the keys this client's spec does not document, which a newer FusionAuth may send
            user_registration.additional_properties.update(d)
        return user_registration

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
    global _nested_models_imported, AnyJsonMap, StringMap  # noqa: PLW0603
    from ..models.any_json_map import AnyJsonMap  # noqa: PLC0415
    from ..models.string_map import StringMap  # noqa: PLC0415

    _nested_models_imported = True


# Each map field converts what is assigned to it (scripts/free_form_maps.py: not attrs' hooks).
convert_on_assignment(UserRegistration, "data", as_any_json_map)
convert_on_assignment(UserRegistration, "tokens", as_string_map)
