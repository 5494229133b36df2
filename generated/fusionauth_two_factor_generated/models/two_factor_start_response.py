from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, deferred, parse_on_first_read

if TYPE_CHECKING:
    from ..models.two_factor_method import TwoFactorMethod


T = TypeVar("T", bound="TwoFactorStartResponse")


@_attrs_define
class TwoFactorStartResponse:
    """The result of starting a multi-factor request.

    Attributes:
        code (str): The code to deliver to the user out of band, the one given on the request or, without one, the one
            FusionAuth generated.
        two_factor_id (str): The id to send codes with and to complete the login with (valid for 5 minutes by default).
        methods (list[TwoFactorMethod] | Unset): The user's multi-factor methods; absent when the user has none.
    """

    code: str
    two_factor_id: str
    methods: list[TwoFactorMethod] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        two_factor_id = self.two_factor_id

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
                "code": code,
                "twoFactorId": two_factor_id,
            }
        )
        if methods is not UNSET:
            field_dict["methods"] = methods

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _nested_models_imported:
            _import_nested_models()
        d = dict(src_dict)
        code = d.pop("code")

        two_factor_id = d.pop("twoFactorId")

        _methods = d.pop("methods", UNSET)
        methods = _methods if _methods is UNSET else deferred(_methods, _parse_methods)

        if cls is TwoFactorStartResponse:
            two_factor_start_response = cls(
                code,
                two_factor_id,
                methods,
            )
        else:  # a subclass's __init__ may take the fields in another order
            two_factor_start_response = cls(
                code=code,
                two_factor_id=two_factor_id,
                methods=methods,
            )

        if d:  # the keys this client's spec does not document, which a newer FusionAuth may send
            two_factor_start_response.additional_properties.update(d)
        return two_factor_start_response

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
    """TwoFactorStartResponse.methods from its JSON, at the field's first read."""
    _methods = data
    methods: list[TwoFactorMethod] | Unset = UNSET
    if _methods is not UNSET:
        methods = []
        for methods_item_data in _methods:
            methods_item = TwoFactorMethod.from_dict(methods_item_data)

            methods.append(methods_item)

    return methods


parse_on_first_read(TwoFactorStartResponse, "methods", _parse_methods)


_nested_models_imported = False


def _import_nested_models() -> None:
    """Bind the models this one nests as globals of this module, on the first from_dict."""
    global _nested_models_imported, TwoFactorMethod  # noqa: PLW0603
    from ..models.two_factor_method import TwoFactorMethod  # noqa: PLC0415

    _nested_models_imported = True
