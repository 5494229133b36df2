from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TwoFactorRecoveryCodeResponse")


@_attrs_define
class TwoFactorRecoveryCodeResponse:
    """The answer of the deprecated `retrieveTwoFactorRecoveryCodes`: the user's remaining
    recovery codes, an empty list since FusionAuth 1.68.0. Not required here: no source says
    whether FusionAuth sends that empty list or leaves the field out.

        Example:
            {'recoveryCodes': ['QJD73-L6GR5', 'R7RJH-GB7H3', 'JJ5YZ-KS4C3', 'CRDHP-7L355', '928QS-P9HMJ', '8VLFT-Z2WMM',
                'PQZX9-YV5VR', 'TK9TB-7BT6H', '6QYPL-ZPQJV', 'VJ35W-98RW4']}

        Attributes:
            recovery_codes (list[str] | Unset): The recovery codes, each usable once: 10 when generated, `XXXXX-XXXXX`
                (`XXXXXXX-XXXXXXX`
                in FIPS mode).
    """

    recovery_codes: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        recovery_codes: list[str] | Unset = UNSET
        if not isinstance(self.recovery_codes, Unset):
            recovery_codes = self.recovery_codes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if recovery_codes is not UNSET:
            field_dict["recoveryCodes"] = recovery_codes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        recovery_codes: list[str] | Unset = d.pop("recoveryCodes", UNSET)

        if cls is TwoFactorRecoveryCodeResponse:
            two_factor_recovery_code_response = cls(
                recovery_codes,
            )
        else:  # a subclass's __init__ may take the fields in another order
            two_factor_recovery_code_response = cls(
                recovery_codes=recovery_codes,
            )

        if d:  # the keys this client's spec does not document, which a newer FusionAuth may send
            two_factor_recovery_code_response.additional_properties.update(d)
        return two_factor_recovery_code_response

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
