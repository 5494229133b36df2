from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.totp_algorithm import TotpAlgorithm
from ..types import UNSET, Unset

# Each enum's value map, typed, bound once: from_dict looks a value up before calling the class.
_TotpAlgorithm_by_value = cast(dict[Any, TotpAlgorithm], TotpAlgorithm._value2member_map_)


T = TypeVar("T", bound="AuthenticatorConfiguration")


@_attrs_define
class AuthenticatorConfiguration:
    """The TOTP settings of an authenticator method. FusionAuth uses HMAC-SHA1, 6 digits, 30 seconds today.

    Attributes:
        algorithm (str | TotpAlgorithm | Unset): The HMAC algorithm; a newer FusionAuth may send other values.
        code_length (int | Unset): The number of digits in a code.
        time_step (int | Unset): The time step in seconds.
    """

    algorithm: str | TotpAlgorithm | Unset = UNSET
    code_length: int | Unset = UNSET
    time_step: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        algorithm: str | Unset
        if isinstance(self.algorithm, Unset):
            algorithm = UNSET
        elif isinstance(self.algorithm, TotpAlgorithm):
            algorithm = self.algorithm.value
        else:
            algorithm = self.algorithm

        code_length = self.code_length

        time_step = self.time_step

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if algorithm is not UNSET:
            field_dict["algorithm"] = algorithm
        if code_length is not UNSET:
            field_dict["codeLength"] = code_length
        if time_step is not UNSET:
            field_dict["timeStep"] = time_step

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _algorithm = d.pop("algorithm", UNSET)
        algorithm: str | TotpAlgorithm | Unset
        if _algorithm is UNSET:
            algorithm = _algorithm
        else:
            try:
                if not isinstance(_algorithm, str):
                    raise TypeError()
                algorithm_type_0 = _TotpAlgorithm_by_value.get(_algorithm) or TotpAlgorithm(_algorithm)

                algorithm = algorithm_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                algorithm = _algorithm

        code_length = d.pop("codeLength", UNSET)

        time_step = d.pop("timeStep", UNSET)

        if cls is AuthenticatorConfiguration:
            authenticator_configuration = cls(
                algorithm,
                code_length,
                time_step,
            )
        else:  # a subclass's __init__ may take the fields in another order
            authenticator_configuration = cls(
                algorithm=algorithm,
                code_length=code_length,
                time_step=time_step,
            )

        if d:  # the keys this client's spec does not document, which a newer FusionAuth may send
            authenticator_configuration.additional_properties.update(d)
        return authenticator_configuration

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
