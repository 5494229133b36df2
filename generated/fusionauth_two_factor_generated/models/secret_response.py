from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SecretResponse")


@_attrs_define
class SecretResponse:
    """A secret for an authenticator app.

    Example:
        {'secret': '8MJJfCY4ERBtotvenSc3', 'secretBase32Encoded': 'HBGUUSTGINMTIRKSIJ2G65DWMVXFGYZT'}

    Attributes:
        secret (str): The secret to enable the authenticator method with (FusionAuth documents it as Base64;
            its example answer is a 20-character string whose ASCII bytes `secretBase32Encoded`
            encodes).
        secret_base32_encoded (str): The same bytes in Base32, for an authenticator app or a QR code.
    """

    secret: str
    secret_base32_encoded: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        secret = self.secret

        secret_base32_encoded = self.secret_base32_encoded

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "secret": secret,
                "secretBase32Encoded": secret_base32_encoded,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        secret = d.pop("secret")

        secret_base32_encoded = d.pop("secretBase32Encoded")

        if cls is SecretResponse:
            secret_response = cls(
                secret,
                secret_base32_encoded,
            )
        else:  # a subclass's __init__ may take the fields in another order
            secret_response = cls(
                secret=secret,
                secret_base32_encoded=secret_base32_encoded,
            )

        if d:  # the keys this client's spec does not document, which a newer FusionAuth may send
            secret_response.additional_properties.update(d)
        return secret_response

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
