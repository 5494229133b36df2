from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TwoFactorResponse")


@_attrs_define
class TwoFactorResponse:
    """The answer to enabling a user's first multi-factor method.

    Example:
        {'recoveryCodes': ['QJD73-L6GR5', 'R7RJH-GB7H3', 'JJ5YZ-KS4C3', 'CRDHP-7L355', '928QS-P9HMJ', '8VLFT-Z2WMM',
            'PQZX9-YV5VR', 'TK9TB-7BT6H', '6QYPL-ZPQJV', 'VJ35W-98RW4']}

    Attributes:
        recovery_codes (list[str]): The user's recovery codes: 10 of them, `XXXXX-XXXXX` (`XXXXXXX-XXXXXXX` in FIPS
            mode).
            Each can replace a multi-factor code once; using one to disable MFA removes every
            method. Since FusionAuth 1.68.0 they are hashed at rest: this is the only time they
            are readable.
        code (str | Unset): A code that completes, with `twoFactorLogin`, the login whose `twoFactorId` the request
            carried (since FusionAuth 1.42.0).
    """

    recovery_codes: list[str]
    code: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        recovery_codes = self.recovery_codes

        code = self.code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "recoveryCodes": recovery_codes,
            }
        )
        if code is not UNSET:
            field_dict["code"] = code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        recovery_codes: list[str] = d.pop("recoveryCodes")

        code = d.pop("code", UNSET)

        if cls is TwoFactorResponse:
            two_factor_response = cls(
                recovery_codes,
                code,
            )
        else:  # a subclass's __init__ may take the fields in another order
            two_factor_response = cls(
                recovery_codes=recovery_codes,
                code=code,
            )

        if d:  # the keys this client's spec does not document, which a newer FusionAuth may send
            two_factor_response.additional_properties.update(d)
        return two_factor_response

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
