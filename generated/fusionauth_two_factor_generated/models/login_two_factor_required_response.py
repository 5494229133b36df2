from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, deferred, parse_on_first_read

if TYPE_CHECKING:
    from ..models.two_factor_method import TwoFactorMethod


T = TypeVar("T", bound="LoginTwoFactorRequiredResponse")


@_attrs_define
class LoginTwoFactorRequiredResponse:
    """The answer of a password login that needs a second factor (242): FusionAuth's
    `LoginResponse` with the `twoFactorId` and the user's `methods`, or, when the user must
    first configure a method (FusionAuth 1.42.0+), the `configurableMethods`.

        Attributes:
            two_factor_id (str): The id that completes the login with `twoFactorLogin` and sends codes with
                `sendTwoFactorCodeForLoginUsingMethod` (valid for 5 minutes by default).
            configurable_methods (list[str] | Unset): The multi-factor methods the user may configure, when MFA is required
                and none is configured yet.
            methods (list[TwoFactorMethod] | Unset): The user's multi-factor methods, to send a code with or to ask a code
                of.
    """

    two_factor_id: str
    configurable_methods: list[str] | Unset = UNSET
    methods: list[TwoFactorMethod] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        two_factor_id = self.two_factor_id

        configurable_methods: list[str] | Unset = UNSET
        if not isinstance(self.configurable_methods, Unset):
            configurable_methods = self.configurable_methods

        methods: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.methods, Unset):
            methods = []
            for methods_item_data in self.methods:
                methods_item = methods_item_data.to_dict()
                methods.append(methods_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "twoFactorId": two_factor_id,
            }
        )
        if configurable_methods is not UNSET:
            field_dict["configurableMethods"] = configurable_methods
        if methods is not UNSET:
            field_dict["methods"] = methods

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _nested_models_imported:
            _import_nested_models()
        d = dict(src_dict)
        two_factor_id = d.pop("twoFactorId")

        configurable_methods: list[str] | Unset = d.pop("configurableMethods", UNSET)

        _methods = d.pop("methods", UNSET)
        methods = _methods if _methods is UNSET else deferred(_methods, _parse_methods)

        if cls is LoginTwoFactorRequiredResponse:
            login_two_factor_required_response = cls(
                two_factor_id,
                configurable_methods,
                methods,
            )
        else:  # a subclass's __init__ may take the fields in another order
            login_two_factor_required_response = cls(
                two_factor_id=two_factor_id,
                configurable_methods=configurable_methods,
                methods=methods,
            )

        if d:  # the keys this client's spec does not document, which a newer FusionAuth may send
            login_two_factor_required_response.additional_properties.update(d)
        return login_two_factor_required_response

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


def _parse_methods(data: Any) -> list[TwoFactorMethod] | Unset:
    """LoginTwoFactorRequiredResponse.methods from its JSON, at the field's first read."""
    _methods = data
    methods: list[TwoFactorMethod] | Unset = UNSET
    if _methods is not UNSET:
        methods = []
        for methods_item_data in _methods:
            methods_item = TwoFactorMethod.from_dict(methods_item_data)

            methods.append(methods_item)

    return methods


parse_on_first_read(LoginTwoFactorRequiredResponse, "methods", _parse_methods)


_nested_models_imported = False


def _import_nested_models() -> None:
    """Bind the models this one nests as globals of this module, on the first from_dict."""
    global _nested_models_imported, TwoFactorMethod  # noqa: PLW0603
    from ..models.two_factor_method import TwoFactorMethod  # noqa: PLC0415

    _nested_models_imported = True
