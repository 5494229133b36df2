from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.two_factor_method import TwoFactorMethod


T = TypeVar("T", bound="TwoFactorStartResponse")


@_attrs_define
class TwoFactorStartResponse:
    """The result of starting a multi-factor request.

    Attributes:
        code (str | Unset): The code to send to the user, when FusionAuth generated or was given one.
        methods (list[TwoFactorMethod] | Unset): The user's multi-factor methods; absent when the user has none.
        two_factor_id (str | Unset): The id to send codes with and to complete the login with (valid for 5 minutes by
            default).
    """

    code: str | Unset = UNSET
    methods: list[TwoFactorMethod] | Unset = UNSET
    two_factor_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        methods: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.methods, Unset):
            methods = []
            for methods_item_data in self.methods:
                methods_item = methods_item_data.to_dict()
                methods.append(methods_item)

        two_factor_id = self.two_factor_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if code is not UNSET:
            field_dict["code"] = code
        if methods is not UNSET:
            field_dict["methods"] = methods
        if two_factor_id is not UNSET:
            field_dict["twoFactorId"] = two_factor_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.two_factor_method import TwoFactorMethod  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code", UNSET)

        _methods = d.pop("methods", UNSET)
        methods: list[TwoFactorMethod] | Unset = UNSET
        if _methods is not UNSET:
            methods = []
            for methods_item_data in _methods:
                methods_item = TwoFactorMethod.from_dict(methods_item_data)

                methods.append(methods_item)

        two_factor_id = d.pop("twoFactorId", UNSET)

        two_factor_start_response = cls(
            code=code,
            methods=methods,
            two_factor_id=two_factor_id,
        )

        two_factor_start_response.additional_properties = d
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
