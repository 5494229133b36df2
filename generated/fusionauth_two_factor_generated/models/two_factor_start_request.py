from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from attrs import setters as _attrs_setters

from ..models.any_json_map import as_any_json_map, convert_on_assignment
from ..models.login_id_type_value import LoginIdTypeValue
from ..types import UNSET, Unset, parse_uuid

if TYPE_CHECKING:
    from ..models.any_json_map import AnyJsonMap

# Each enum's value map, typed, bound once: from_dict looks a value up before calling the class.
_LoginIdTypeValue_by_value = cast(dict[Any, LoginIdTypeValue], LoginIdTypeValue._value2member_map_)


T = TypeVar("T", bound="TwoFactorStartRequest")


@_attrs_define(on_setattr=_attrs_setters.NO_OP)
class TwoFactorStartRequest:
    """Starts a multi-factor request for a user named by `userId` or by `loginId`; one of the two
    is required, and `userId` wins when both are given.

        Example:
            {'applicationId': '3c219e58-ed0e-4b18-ad48-f4f92793ae32', 'loginId': 'richard@example.com', 'state':
                {'redirect_uri': 'https://example.com/settings'}}

        Attributes:
            application_id (UUID | Unset): A UUID as a lowercase canonical string.
            code (str | Unset): A code of the caller's own to use instead of one FusionAuth generates.
            login_id (str | Unset): The login id (email, username or phone number, per `loginIdTypes`) of the user.
            login_id_types (list[LoginIdTypeValue | str] | Unset): Which identities `loginId` is matched against. Defaults
                to `["email", "username"]`.
            state (AnyJsonMap | Unset): A free-form map. Values may be any JSON (strings, numbers, booleans, arrays, objects
                or null).
            trust_challenge (str | Unset): A value that must be given again to use the trust this request may produce.
            user_id (UUID | Unset): A UUID as a lowercase canonical string.
    """

    application_id: UUID | Unset = UNSET
    code: str | Unset = UNSET
    login_id: str | Unset = UNSET
    login_id_types: list[LoginIdTypeValue | str] | Unset = UNSET
    state: AnyJsonMap | Unset = _attrs_field(default=UNSET, converter=as_any_json_map)
    trust_challenge: str | Unset = UNSET
    user_id: UUID | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        application_id: str | Unset = UNSET
        if not isinstance(self.application_id, Unset):
            application_id = str(self.application_id)

        code = self.code

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

        state: dict[str, Any] | Unset = UNSET
        if not isinstance(self.state, Unset):
            state = self.state.to_dict()

        trust_challenge = self.trust_challenge

        user_id: str | Unset = UNSET
        if not isinstance(self.user_id, Unset):
            user_id = str(self.user_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if application_id is not UNSET:
            field_dict["applicationId"] = application_id
        if code is not UNSET:
            field_dict["code"] = code
        if login_id is not UNSET:
            field_dict["loginId"] = login_id
        if login_id_types is not UNSET:
            field_dict["loginIdTypes"] = login_id_types
        if state is not UNSET:
            field_dict["state"] = state
        if trust_challenge is not UNSET:
            field_dict["trustChallenge"] = trust_challenge
        if user_id is not UNSET:
            field_dict["userId"] = user_id

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

        code = d.pop("code", UNSET)

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

        _state = d.pop("state", UNSET)
        state: AnyJsonMap | Unset
        if _state is UNSET:
            state = UNSET
        else:
            state = AnyJsonMap.from_dict(_state)

        trust_challenge = d.pop("trustChallenge", UNSET)

        _user_id = d.pop("userId", UNSET)
        user_id: UUID | Unset
        if _user_id is UNSET:
            user_id = UNSET
        else:
            user_id = parse_uuid(_user_id)

        if cls is TwoFactorStartRequest:
            two_factor_start_request = cls(
                application_id,
                code,
                login_id,
                login_id_types,
                state,
                trust_challenge,
                user_id,
            )
        else:  # a subclass's __init__ may take the fields in another order
            two_factor_start_request = cls(
                application_id=application_id,
                code=code,
                login_id=login_id,
                login_id_types=login_id_types,
                state=state,
                trust_challenge=trust_challenge,
                user_id=user_id,
            )

        if d:  # the keys this client's spec does not document, which a newer FusionAuth may send
            two_factor_start_request.additional_properties.update(d)
        return two_factor_start_request

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
convert_on_assignment(TwoFactorStartRequest, "state", as_any_json_map)
