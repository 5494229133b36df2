from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="GeneratedRecoveryCodesResponse")


@_attrs_define
class GeneratedRecoveryCodesResponse:
    """The answer of `generateTwoFactorRecoveryCodes`: FusionAuth's `TwoFactorRecoveryCodeResponse`
    with the new codes.

        Example:
            {'recoveryCodes': ['QJD73-L6GR5', 'R7RJH-GB7H3', 'JJ5YZ-KS4C3', 'CRDHP-7L355', '928QS-P9HMJ', '8VLFT-Z2WMM',
                'PQZX9-YV5VR', 'TK9TB-7BT6H', '6QYPL-ZPQJV', 'VJ35W-98RW4']}

        Attributes:
            recovery_codes (list[str]): The recovery codes, each usable once: 10 when generated, `XXXXX-XXXXX` (`XXXXXXX-
                XXXXXXX`
                in FIPS mode).
    """

    recovery_codes: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        recovery_codes = self.recovery_codes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "recoveryCodes": recovery_codes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        recovery_codes: list[str] = d.pop("recoveryCodes")

        if cls is GeneratedRecoveryCodesResponse:
            generated_recovery_codes_response = cls(
                recovery_codes,
            )
        else:  # a subclass's __init__ may take the fields in another order
            generated_recovery_codes_response = cls(
                recovery_codes=recovery_codes,
            )

        if d:  # the keys this client's spec does not document, which a newer FusionAuth may send
            generated_recovery_codes_response.additional_properties.update(d)
        return generated_recovery_codes_response

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
