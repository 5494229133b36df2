from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.two_factor_method_type import TwoFactorMethodType
from ..types import UNSET, Unset, deferred, parse_on_first_read

if TYPE_CHECKING:
    from ..models.authenticator_configuration import AuthenticatorConfiguration

# Each enum's value map, typed, bound once: from_dict looks a value up before calling the class.
_TwoFactorMethodType_by_value = cast(dict[Any, TwoFactorMethodType], TwoFactorMethodType._value2member_map_)


T = TypeVar("T", bound="TwoFactorMethod")


@_attrs_define
class TwoFactorMethod:
    """One of a user's multi-factor methods.

    Attributes:
        authenticator (AuthenticatorConfiguration | Unset): The TOTP settings of an authenticator method. FusionAuth
            uses HMAC-SHA1, 6 digits, 30 seconds today.
        email (str | Unset): The email address codes are sent to, for an `email` method.
        id (str | Unset): The method's id, a short opaque string such as `KLRT`.
        last_used (bool | Unset): Whether this method was the one used most recently.
        method (str | TwoFactorMethodType | Unset): The kind of multi-factor method; a newer FusionAuth may send other
            values.
        mobile_phone (str | Unset): The phone number codes are sent to, for an `sms` method.
        name (str | Unset): A name for the method.
        secret (str | Unset): The authenticator's secret, when FusionAuth returns it.
    """

    authenticator: AuthenticatorConfiguration | Unset = UNSET
    email: str | Unset = UNSET
    id: str | Unset = UNSET
    last_used: bool | Unset = UNSET
    method: str | TwoFactorMethodType | Unset = UNSET
    mobile_phone: str | Unset = UNSET
    name: str | Unset = UNSET
    secret: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        authenticator: dict[str, Any] | Unset = UNSET
        if not isinstance(self.authenticator, Unset):
            authenticator = self.authenticator.to_dict()

        email = self.email

        id = self.id

        last_used = self.last_used

        method: str | Unset
        if isinstance(self.method, Unset):
            method = UNSET
        elif isinstance(self.method, TwoFactorMethodType):
            method = self.method.value
        else:
            method = self.method

        mobile_phone = self.mobile_phone

        name = self.name

        secret = self.secret

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if authenticator is not UNSET:
            field_dict["authenticator"] = authenticator
        if email is not UNSET:
            field_dict["email"] = email
        if id is not UNSET:
            field_dict["id"] = id
        if last_used is not UNSET:
            field_dict["lastUsed"] = last_used
        if method is not UNSET:
            field_dict["method"] = method
        if mobile_phone is not UNSET:
            field_dict["mobilePhone"] = mobile_phone
        if name is not UNSET:
            field_dict["name"] = name
        if secret is not UNSET:
            field_dict["secret"] = secret

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _nested_models_imported:
            _import_nested_models()
        d = dict(src_dict)
        _authenticator = d.pop("authenticator", UNSET)
        authenticator = _authenticator if _authenticator is UNSET else deferred(_authenticator, _parse_authenticator)

        email = d.pop("email", UNSET)

        id = d.pop("id", UNSET)

        last_used = d.pop("lastUsed", UNSET)

        _method = d.pop("method", UNSET)
        method: str | TwoFactorMethodType | Unset
        if _method is UNSET:
            method = _method
        else:
            try:
                if not isinstance(_method, str):
                    raise TypeError()
                componentsschemas_two_factor_method_kind_type_0 = _TwoFactorMethodType_by_value.get(
                    _method
                ) or TwoFactorMethodType(_method)

                method = componentsschemas_two_factor_method_kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                method = _method

        mobile_phone = d.pop("mobilePhone", UNSET)

        name = d.pop("name", UNSET)

        secret = d.pop("secret", UNSET)

        if cls is TwoFactorMethod:
            two_factor_method = cls(
                authenticator,
                email,
                id,
                last_used,
                method,
                mobile_phone,
                name,
                secret,
            )
        else:  # a subclass's __init__ may take the fields in another order
            two_factor_method = cls(
                authenticator=authenticator,
                email=email,
                id=id,
                last_used=last_used,
                method=method,
                mobile_phone=mobile_phone,
                name=name,
                secret=secret,
            )

        if d:  # the keys this client's spec does not document, which a newer FusionAuth may send
            two_factor_method.additional_properties.update(d)
        return two_factor_method

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


def _parse_authenticator(data: Any) -> AuthenticatorConfiguration | Unset:
    """TwoFactorMethod.authenticator from its JSON, at the field's first read."""
    _authenticator = data
    authenticator: AuthenticatorConfiguration | Unset
    if _authenticator is UNSET:
        authenticator = UNSET
    else:
        authenticator = AuthenticatorConfiguration.from_dict(_authenticator)

    return authenticator


parse_on_first_read(TwoFactorMethod, "authenticator", _parse_authenticator)


_nested_models_imported = False


def _import_nested_models() -> None:
    """Bind the models this one nests as globals of this module, on the first from_dict."""
    global _nested_models_imported, AuthenticatorConfiguration  # noqa: PLW0603
    from ..models.authenticator_configuration import AuthenticatorConfiguration  # noqa: PLC0415

    _nested_models_imported = True
