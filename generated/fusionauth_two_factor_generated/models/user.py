from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from attrs import setters as _attrs_setters

from ..models.any_json_map import as_any_json_map, convert_on_assignment
from ..models.breached_password_status_value import BreachedPasswordStatusValue
from ..models.change_password_reason_value import ChangePasswordReasonValue
from ..models.username_status_value import UsernameStatusValue
from ..types import UNSET, Unset, deferred, parse_on_first_read, parse_uuid

if TYPE_CHECKING:
    from ..models.any_json_map import AnyJsonMap
    from ..models.group_member import GroupMember
    from ..models.user_identity import UserIdentity
    from ..models.user_registration import UserRegistration
    from ..models.user_two_factor_configuration import UserTwoFactorConfiguration

# Each enum's value map, typed, bound once: from_dict looks a value up before calling the class.
_BreachedPasswordStatusValue_by_value = cast(
    dict[Any, BreachedPasswordStatusValue], BreachedPasswordStatusValue._value2member_map_
)
_ChangePasswordReasonValue_by_value = cast(
    dict[Any, ChangePasswordReasonValue], ChangePasswordReasonValue._value2member_map_
)
_UsernameStatusValue_by_value = cast(dict[Any, UsernameStatusValue], UsernameStatusValue._value2member_map_)


T = TypeVar("T", bound="User")


@_attrs_define(on_setattr=_attrs_setters.NO_OP)
class User:
    """A FusionAuth user.

    Attributes:
        active (bool | Unset): Whether the user is active.
        birth_date (str | Unset): The user's birth date, a local date `YYYY-MM-DD`.
        breached_password_last_checked_instant (int | Unset): An instant, in milliseconds since the Unix epoch (UTC).
        breached_password_status (BreachedPasswordStatusValue | str | Unset): The result of the last breached-password
            check; a newer FusionAuth may send other values.
        clean_speak_id (UUID | Unset): A UUID as a lowercase canonical string.
        connector_id (UUID | Unset): A UUID as a lowercase canonical string.
        data (AnyJsonMap | Unset): A free-form map. Values may be any JSON (strings, numbers, booleans, arrays, objects
            or null).
        email (str | Unset): The user's email address.
        expiry (int | Unset): An instant, in milliseconds since the Unix epoch (UTC).
        first_name (str | Unset): The user's first name.
        full_name (str | Unset): The user's full name.
        id (UUID | Unset): A UUID as a lowercase canonical string.
        identities (list[UserIdentity] | Unset): The user's identities (email, phone number, username).
        image_url (str | Unset): A URL of the user's picture.
        insert_instant (int | Unset): An instant, in milliseconds since the Unix epoch (UTC).
        last_login_instant (int | Unset): An instant, in milliseconds since the Unix epoch (UTC).
        last_name (str | Unset): The user's last name.
        last_update_instant (int | Unset): An instant, in milliseconds since the Unix epoch (UTC).
        legacy_identifier (str | Unset): A legacy identifier of the user, as FusionAuth's clients define the field; its
            API documentation does not describe it.
        memberships (list[GroupMember] | Unset): The groups the user belongs to.
        middle_name (str | Unset): The user's middle name.
        mobile_phone (str | Unset): The user's mobile phone number.
        parent_email (str | Unset): The email address of the user's parent, for a child user.
        password_change_reason (ChangePasswordReasonValue | str | Unset): Why the user must change their password; a
            newer FusionAuth may send other values.
        password_change_required (bool | Unset): Whether the user must change their password.
        password_last_update_instant (int | Unset): An instant, in milliseconds since the Unix epoch (UTC).
        phone_number (str | Unset): The user's phone number identity.
        preferred_languages (list[str] | Unset): The user's preferred locales, such as `en` or `es_MX`.
        registrations (list[UserRegistration] | Unset): The user's application registrations.
        tenant_id (UUID | Unset): A UUID as a lowercase canonical string.
        timezone (str | Unset): The user's time zone, any IANA id or offset (`America/Denver`, `UTC-7`).
        two_factor (UserTwoFactorConfiguration | Unset): The user's multi-factor configuration.
        unique_username (str | Unset): The unique form of the user's username, as FusionAuth's clients define the field;
            its API documentation does not describe it.
        username (str | Unset): The user's username.
        username_status (str | Unset | UsernameStatusValue): The moderation status of a username; a newer FusionAuth may
            send other values.
        verified (bool | Unset): Whether the user's email address is verified. Deprecated since FusionAuth 1.59.0: use
            the `verified` of the entry of type `email` in `identities` instead.
        verified_instant (int | Unset): An instant, in milliseconds since the Unix epoch (UTC).
    """

    active: bool | Unset = UNSET
    birth_date: str | Unset = UNSET
    breached_password_last_checked_instant: int | Unset = UNSET
    breached_password_status: BreachedPasswordStatusValue | str | Unset = UNSET
    clean_speak_id: UUID | Unset = UNSET
    connector_id: UUID | Unset = UNSET
    data: AnyJsonMap | Unset = _attrs_field(default=UNSET, converter=as_any_json_map)
    email: str | Unset = UNSET
    expiry: int | Unset = UNSET
    first_name: str | Unset = UNSET
    full_name: str | Unset = UNSET
    id: UUID | Unset = UNSET
    identities: list[UserIdentity] | Unset = UNSET
    image_url: str | Unset = UNSET
    insert_instant: int | Unset = UNSET
    last_login_instant: int | Unset = UNSET
    last_name: str | Unset = UNSET
    last_update_instant: int | Unset = UNSET
    legacy_identifier: str | Unset = UNSET
    memberships: list[GroupMember] | Unset = UNSET
    middle_name: str | Unset = UNSET
    mobile_phone: str | Unset = UNSET
    parent_email: str | Unset = UNSET
    password_change_reason: ChangePasswordReasonValue | str | Unset = UNSET
    password_change_required: bool | Unset = UNSET
    password_last_update_instant: int | Unset = UNSET
    phone_number: str | Unset = UNSET
    preferred_languages: list[str] | Unset = UNSET
    registrations: list[UserRegistration] | Unset = UNSET
    tenant_id: UUID | Unset = UNSET
    timezone: str | Unset = UNSET
    two_factor: UserTwoFactorConfiguration | Unset = UNSET
    unique_username: str | Unset = UNSET
    username: str | Unset = UNSET
    username_status: str | Unset | UsernameStatusValue = UNSET
    verified: bool | Unset = UNSET
    verified_instant: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active = self.active

        birth_date = self.birth_date

        breached_password_last_checked_instant = self.breached_password_last_checked_instant

        breached_password_status: str | Unset
        if isinstance(self.breached_password_status, Unset):
            breached_password_status = UNSET
        elif isinstance(self.breached_password_status, BreachedPasswordStatusValue):
            breached_password_status = self.breached_password_status.value
        else:
            breached_password_status = self.breached_password_status

        clean_speak_id: str | Unset = UNSET
        if not isinstance(self.clean_speak_id, Unset):
            clean_speak_id = str(self.clean_speak_id)

        connector_id: str | Unset = UNSET
        if not isinstance(self.connector_id, Unset):
            connector_id = str(self.connector_id)

        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()

        email = self.email

        expiry = self.expiry

        first_name = self.first_name

        full_name = self.full_name

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        identities: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.identities, Unset):
            identities = []
            for identities_item_data in self.identities:
                identities_item = identities_item_data.to_dict()
                identities.append(identities_item)

        image_url = self.image_url

        insert_instant = self.insert_instant

        last_login_instant = self.last_login_instant

        last_name = self.last_name

        last_update_instant = self.last_update_instant

        legacy_identifier = self.legacy_identifier

        memberships: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.memberships, Unset):
            memberships = []
            for memberships_item_data in self.memberships:
                memberships_item = memberships_item_data.to_dict()
                memberships.append(memberships_item)

        middle_name = self.middle_name

        mobile_phone = self.mobile_phone

        parent_email = self.parent_email

        password_change_reason: str | Unset
        if isinstance(self.password_change_reason, Unset):
            password_change_reason = UNSET
        elif isinstance(self.password_change_reason, ChangePasswordReasonValue):
            password_change_reason = self.password_change_reason.value
        else:
            password_change_reason = self.password_change_reason

        password_change_required = self.password_change_required

        password_last_update_instant = self.password_last_update_instant

        phone_number = self.phone_number

        preferred_languages: list[str] | Unset = UNSET
        if not isinstance(self.preferred_languages, Unset):
            preferred_languages = self.preferred_languages

        registrations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.registrations, Unset):
            registrations = []
            for registrations_item_data in self.registrations:
                registrations_item = registrations_item_data.to_dict()
                registrations.append(registrations_item)

        tenant_id: str | Unset = UNSET
        if not isinstance(self.tenant_id, Unset):
            tenant_id = str(self.tenant_id)

        timezone = self.timezone

        two_factor: dict[str, Any] | Unset = UNSET
        if not isinstance(self.two_factor, Unset):
            two_factor = self.two_factor.to_dict()

        unique_username = self.unique_username

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
        if active is not UNSET:
            field_dict["active"] = active
        if birth_date is not UNSET:
            field_dict["birthDate"] = birth_date
        if breached_password_last_checked_instant is not UNSET:
            field_dict["breachedPasswordLastCheckedInstant"] = breached_password_last_checked_instant
        if breached_password_status is not UNSET:
            field_dict["breachedPasswordStatus"] = breached_password_status
        if clean_speak_id is not UNSET:
            field_dict["cleanSpeakId"] = clean_speak_id
        if connector_id is not UNSET:
            field_dict["connectorId"] = connector_id
        if data is not UNSET:
            field_dict["data"] = data
        if email is not UNSET:
            field_dict["email"] = email
        if expiry is not UNSET:
            field_dict["expiry"] = expiry
        if first_name is not UNSET:
            field_dict["firstName"] = first_name
        if full_name is not UNSET:
            field_dict["fullName"] = full_name
        if id is not UNSET:
            field_dict["id"] = id
        if identities is not UNSET:
            field_dict["identities"] = identities
        if image_url is not UNSET:
            field_dict["imageUrl"] = image_url
        if insert_instant is not UNSET:
            field_dict["insertInstant"] = insert_instant
        if last_login_instant is not UNSET:
            field_dict["lastLoginInstant"] = last_login_instant
        if last_name is not UNSET:
            field_dict["lastName"] = last_name
        if last_update_instant is not UNSET:
            field_dict["lastUpdateInstant"] = last_update_instant
        if legacy_identifier is not UNSET:
            field_dict["legacyIdentifier"] = legacy_identifier
        if memberships is not UNSET:
            field_dict["memberships"] = memberships
        if middle_name is not UNSET:
            field_dict["middleName"] = middle_name
        if mobile_phone is not UNSET:
            field_dict["mobilePhone"] = mobile_phone
        if parent_email is not UNSET:
            field_dict["parentEmail"] = parent_email
        if password_change_reason is not UNSET:
            field_dict["passwordChangeReason"] = password_change_reason
        if password_change_required is not UNSET:
            field_dict["passwordChangeRequired"] = password_change_required
        if password_last_update_instant is not UNSET:
            field_dict["passwordLastUpdateInstant"] = password_last_update_instant
        if phone_number is not UNSET:
            field_dict["phoneNumber"] = phone_number
        if preferred_languages is not UNSET:
            field_dict["preferredLanguages"] = preferred_languages
        if registrations is not UNSET:
            field_dict["registrations"] = registrations
        if tenant_id is not UNSET:
            field_dict["tenantId"] = tenant_id
        if timezone is not UNSET:
            field_dict["timezone"] = timezone
        if two_factor is not UNSET:
            field_dict["twoFactor"] = two_factor
        if unique_username is not UNSET:
            field_dict["uniqueUsername"] = unique_username
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
        active = d.pop("active", UNSET)

        birth_date = d.pop("birthDate", UNSET)

        breached_password_last_checked_instant = d.pop("breachedPasswordLastCheckedInstant", UNSET)

        _breached_password_status = d.pop("breachedPasswordStatus", UNSET)
        breached_password_status: BreachedPasswordStatusValue | str | Unset
        if _breached_password_status is UNSET:
            breached_password_status = _breached_password_status
        else:
            try:
                if not isinstance(_breached_password_status, str):
                    raise TypeError()
                breached_password_status_type_0 = _BreachedPasswordStatusValue_by_value.get(
                    _breached_password_status
                ) or BreachedPasswordStatusValue(_breached_password_status)

                breached_password_status = breached_password_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                breached_password_status = _breached_password_status

        _clean_speak_id = d.pop("cleanSpeakId", UNSET)
        clean_speak_id: UUID | Unset
        if _clean_speak_id is UNSET:
            clean_speak_id = UNSET
        else:
            clean_speak_id = parse_uuid(_clean_speak_id)

        _connector_id = d.pop("connectorId", UNSET)
        connector_id: UUID | Unset
        if _connector_id is UNSET:
            connector_id = UNSET
        else:
            connector_id = parse_uuid(_connector_id)

        _data = d.pop("data", UNSET)
        data: AnyJsonMap | Unset
        if _data is UNSET:
            data = UNSET
        else:
            data = AnyJsonMap.from_dict(_data)

        email = d.pop("email", UNSET)

        expiry = d.pop("expiry", UNSET)

        first_name = d.pop("firstName", UNSET)

        full_name = d.pop("fullName", UNSET)

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if _id is UNSET:
            id = UNSET
        else:
            id = parse_uuid(_id)

        _identities = d.pop("identities", UNSET)
        identities = _identities if _identities is UNSET else deferred(_identities, _parse_identities)

        image_url = d.pop("imageUrl", UNSET)

        insert_instant = d.pop("insertInstant", UNSET)

        last_login_instant = d.pop("lastLoginInstant", UNSET)

        last_name = d.pop("lastName", UNSET)

        last_update_instant = d.pop("lastUpdateInstant", UNSET)

        legacy_identifier = d.pop("legacyIdentifier", UNSET)

        _memberships = d.pop("memberships", UNSET)
        memberships = _memberships if _memberships is UNSET else deferred(_memberships, _parse_memberships)

        middle_name = d.pop("middleName", UNSET)

        mobile_phone = d.pop("mobilePhone", UNSET)

        parent_email = d.pop("parentEmail", UNSET)

        _password_change_reason = d.pop("passwordChangeReason", UNSET)
        password_change_reason: ChangePasswordReasonValue | str | Unset
        if _password_change_reason is UNSET:
            password_change_reason = _password_change_reason
        else:
            try:
                if not isinstance(_password_change_reason, str):
                    raise TypeError()
                password_change_reason_type_0 = _ChangePasswordReasonValue_by_value.get(
                    _password_change_reason
                ) or ChangePasswordReasonValue(_password_change_reason)

                password_change_reason = password_change_reason_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                password_change_reason = _password_change_reason

        password_change_required = d.pop("passwordChangeRequired", UNSET)

        password_last_update_instant = d.pop("passwordLastUpdateInstant", UNSET)

        phone_number = d.pop("phoneNumber", UNSET)

        preferred_languages: list[str] | Unset = d.pop("preferredLanguages", UNSET)

        _registrations = d.pop("registrations", UNSET)
        registrations = _registrations if _registrations is UNSET else deferred(_registrations, _parse_registrations)

        _tenant_id = d.pop("tenantId", UNSET)
        tenant_id: UUID | Unset
        if _tenant_id is UNSET:
            tenant_id = UNSET
        else:
            tenant_id = parse_uuid(_tenant_id)

        timezone = d.pop("timezone", UNSET)

        _two_factor = d.pop("twoFactor", UNSET)
        two_factor = _two_factor if _two_factor is UNSET else deferred(_two_factor, _parse_two_factor)

        unique_username = d.pop("uniqueUsername", UNSET)

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

        if cls is User:
            user = cls(
                active,
                birth_date,
                breached_password_last_checked_instant,
                breached_password_status,
                clean_speak_id,
                connector_id,
                data,
                email,
                expiry,
                first_name,
                full_name,
                id,
                identities,
                image_url,
                insert_instant,
                last_login_instant,
                last_name,
                last_update_instant,
                legacy_identifier,
                memberships,
                middle_name,
                mobile_phone,
                parent_email,
                password_change_reason,
                password_change_required,
                password_last_update_instant,
                phone_number,
                preferred_languages,
                registrations,
                tenant_id,
                timezone,
                two_factor,
                unique_username,
                username,
                username_status,
                verified,
                verified_instant,
            )
        else:  # a subclass's __init__ may take the fields in another order
            user = cls(
                active=active,
                birth_date=birth_date,
                breached_password_last_checked_instant=breached_password_last_checked_instant,
                breached_password_status=breached_password_status,
                clean_speak_id=clean_speak_id,
                connector_id=connector_id,
                data=data,
                email=email,
                expiry=expiry,
                first_name=first_name,
                full_name=full_name,
                id=id,
                identities=identities,
                image_url=image_url,
                insert_instant=insert_instant,
                last_login_instant=last_login_instant,
                last_name=last_name,
                last_update_instant=last_update_instant,
                legacy_identifier=legacy_identifier,
                memberships=memberships,
                middle_name=middle_name,
                mobile_phone=mobile_phone,
                parent_email=parent_email,
                password_change_reason=password_change_reason,
                password_change_required=password_change_required,
                password_last_update_instant=password_last_update_instant,
                phone_number=phone_number,
                preferred_languages=preferred_languages,
                registrations=registrations,
                tenant_id=tenant_id,
                timezone=timezone,
                two_factor=two_factor,
                unique_username=unique_username,
                username=username,
                username_status=username_status,
                verified=verified,
                verified_instant=verified_instant,
            )

        if d:  # the keys this client's spec does not document, which a newer FusionAuth may send
            user.additional_properties.update(d)
        return user

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


def _parse_identities(data: Any) -> list[UserIdentity] | Unset:
    """User.identities from its JSON, at the field's first read."""
    _identities = data
    identities: list[UserIdentity] | Unset = UNSET
    if _identities is not UNSET:
        identities = []
        for identities_item_data in _identities:
            identities_item = UserIdentity.from_dict(identities_item_data)

            identities.append(identities_item)

    return identities


parse_on_first_read(User, "identities", _parse_identities)


def _parse_memberships(data: Any) -> list[GroupMember] | Unset:
    """User.memberships from its JSON, at the field's first read."""
    _memberships = data
    memberships: list[GroupMember] | Unset = UNSET
    if _memberships is not UNSET:
        memberships = []
        for memberships_item_data in _memberships:
            memberships_item = GroupMember.from_dict(memberships_item_data)

            memberships.append(memberships_item)

    return memberships


parse_on_first_read(User, "memberships", _parse_memberships)


def _parse_registrations(data: Any) -> list[UserRegistration] | Unset:
    """User.registrations from its JSON, at the field's first read."""
    _registrations = data
    registrations: list[UserRegistration] | Unset = UNSET
    if _registrations is not UNSET:
        registrations = []
        for registrations_item_data in _registrations:
            registrations_item = UserRegistration.from_dict(registrations_item_data)

            registrations.append(registrations_item)

    return registrations


parse_on_first_read(User, "registrations", _parse_registrations)


def _parse_two_factor(data: Any) -> UserTwoFactorConfiguration | Unset:
    """User.two_factor from its JSON, at the field's first read."""
    _two_factor = data
    two_factor: UserTwoFactorConfiguration | Unset
    if _two_factor is UNSET:
        two_factor = UNSET
    else:
        two_factor = UserTwoFactorConfiguration.from_dict(_two_factor)

    return two_factor


parse_on_first_read(User, "two_factor", _parse_two_factor)


_nested_models_imported = False


def _import_nested_models() -> None:
    """Bind the models this one nests as globals of this module, on the first from_dict."""
    global _nested_models_imported, AnyJsonMap, GroupMember, UserIdentity, UserRegistration, UserTwoFactorConfiguration  # noqa: PLW0603
    from ..models.any_json_map import AnyJsonMap  # noqa: PLC0415
    from ..models.group_member import GroupMember  # noqa: PLC0415
    from ..models.user_identity import UserIdentity  # noqa: PLC0415
    from ..models.user_registration import UserRegistration  # noqa: PLC0415
    from ..models.user_two_factor_configuration import UserTwoFactorConfiguration  # noqa: PLC0415

    _nested_models_imported = True


# Each map field converts what is assigned to it (scripts/free_form_maps.py: not attrs' hooks).
convert_on_assignment(User, "data", as_any_json_map)
