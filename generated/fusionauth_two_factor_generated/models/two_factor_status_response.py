from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, deferred, parse_on_first_read

if TYPE_CHECKING:
    from ..models.two_factor_trust import TwoFactorTrust


T = TypeVar("T", bound="TwoFactorStatusResponse")


@_attrs_define
class TwoFactorStatusResponse:
    """A user's multi-factor status.

    Example:
        {'trusts': [{'applicationId': '3c219e58-ed0e-4b18-ad48-f4f92793ae32', 'expiration': 1742937600000, 'expired':
            False, 'startInstant': 1740345600000}], 'twoFactorTrustId': 'cGdnqk6DR3hNxwYMWh0ddVb3bMDBw-y24KfpT2cr1c4'}

    Attributes:
        trusts (list[TwoFactorTrust] | Unset): The trusts the user holds.
        two_factor_trust_id (str | Unset): The `twoFactorTrustId` given on the request.
    """

    trusts: list[TwoFactorTrust] | Unset = UNSET
    two_factor_trust_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        trusts: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.trusts, Unset):
            trusts = []
            for trusts_item_data in self.trusts:
                trusts_item = trusts_item_data.to_dict()
                trusts.append(trusts_item)

        two_factor_trust_id = self.two_factor_trust_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if trusts is not UNSET:
            field_dict["trusts"] = trusts
        if two_factor_trust_id is not UNSET:
            field_dict["twoFactorTrustId"] = two_factor_trust_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _nested_models_imported:
            _import_nested_models()
        d = dict(src_dict)
        _trusts = d.pop("trusts", UNSET)
        trusts = _trusts if _trusts is UNSET else deferred(_trusts, _parse_trusts)

        two_factor_trust_id = d.pop("twoFactorTrustId", UNSET)

        if cls is TwoFactorStatusResponse:
            two_factor_status_response = cls(
                trusts,
                two_factor_trust_id,
            )
        else:  # a subclass's __init__ may take the fields in another order
            two_factor_status_response = cls(
                trusts=trusts,
                two_factor_trust_id=two_factor_trust_id,
            )

        if d:  # the keys this client's spec does not document, which a newer FusionAuth may send
            two_factor_status_response.additional_properties.update(d)
        return two_factor_status_response

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


def _parse_trusts(data: Any) -> list[TwoFactorTrust] | Unset:
    """TwoFactorStatusResponse.trusts from its JSON, at the field's first read."""
    _trusts = data
    trusts: list[TwoFactorTrust] | Unset = UNSET
    if _trusts is not UNSET:
        trusts = []
        for trusts_item_data in _trusts:
            trusts_item = TwoFactorTrust.from_dict(trusts_item_data)

            trusts.append(trusts_item)

    return trusts


parse_on_first_read(TwoFactorStatusResponse, "trusts", _parse_trusts)


_nested_models_imported = False


def _import_nested_models() -> None:
    """Bind the models this one nests as globals of this module, on the first from_dict."""
    global _nested_models_imported, TwoFactorTrust  # noqa: PLW0603
    from ..models.two_factor_trust import TwoFactorTrust  # noqa: PLC0415

    _nested_models_imported = True
