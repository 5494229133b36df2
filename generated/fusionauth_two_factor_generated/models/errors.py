from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, deferred, parse_on_first_read

if TYPE_CHECKING:
    from ..models.error import Error
    from ..models.errors_field_errors import ErrorsFieldErrors


T = TypeVar("T", bound="Errors")


@_attrs_define
class Errors:
    """The errors of a 400 response. Either key may be absent.

    Example:
        {'fieldErrors': {'code': [{'code': '[blank]code', 'message': 'You must specify the [code] property.'}]}}

    Attributes:
        field_errors (ErrorsFieldErrors | Unset): Errors per request field: a map from a field path (such as
            `user.email`) to the list of
            its errors.
        general_errors (list[Error] | Unset): Errors that are not tied to one field, such as `[TenantIdRequired]`.
    """

    field_errors: ErrorsFieldErrors | Unset = UNSET
    general_errors: list[Error] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_errors: dict[str, Any] | Unset = UNSET
        if not isinstance(self.field_errors, Unset):
            field_errors = self.field_errors.to_dict()

        general_errors: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.general_errors, Unset):
            general_errors = []
            for general_errors_item_data in self.general_errors:
                general_errors_item = general_errors_item_data.to_dict()
                general_errors.append(general_errors_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if field_errors is not UNSET:
            field_dict["fieldErrors"] = field_errors
        if general_errors is not UNSET:
            field_dict["generalErrors"] = general_errors

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _nested_models_imported:
            _import_nested_models()
        d = dict(src_dict)
        _field_errors = d.pop("fieldErrors", UNSET)
        field_errors = _field_errors if _field_errors is UNSET else deferred(_field_errors, _parse_field_errors)

        _general_errors = d.pop("generalErrors", UNSET)
        general_errors = (
            _general_errors if _general_errors is UNSET else deferred(_general_errors, _parse_general_errors)
        )

        if cls is Errors:
            errors = cls(
                field_errors,
                general_errors,
            )
        else:  # a subclass's __init__ may take the fields in another order
            errors = cls(
                field_errors=field_errors,
                general_errors=general_errors,
            )

        if d:  # the keys this client's spec does not document, which a newer FusionAuth may send
            errors.additional_properties.update(d)
        return errors

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


def _parse_field_errors(data: Any) -> ErrorsFieldErrors | Unset:
    """Errors.field_errors from its JSON, at the field's first read."""
    _field_errors = data
    field_errors: ErrorsFieldErrors | Unset
    if _field_errors is UNSET:
        field_errors = UNSET
    else:
        field_errors = ErrorsFieldErrors.from_dict(_field_errors)

    return field_errors


parse_on_first_read(Errors, "field_errors", _parse_field_errors)


def _parse_general_errors(data: Any) -> list[Error] | Unset:
    """Errors.general_errors from its JSON, at the field's first read."""
    _general_errors = data
    general_errors: list[Error] | Unset = UNSET
    if _general_errors is not UNSET:
        general_errors = []
        for general_errors_item_data in _general_errors:
            general_errors_item = Error.from_dict(general_errors_item_data)

            general_errors.append(general_errors_item)

    return general_errors


parse_on_first_read(Errors, "general_errors", _parse_general_errors)


_nested_models_imported = False


def _import_nested_models() -> None:
    """Bind the models this one nests as globals of this module, on the first from_dict."""
    global _nested_models_imported, Error, ErrorsFieldErrors  # noqa: PLW0603
    from ..models.error import Error  # noqa: PLC0415
    from ..models.errors_field_errors import ErrorsFieldErrors  # noqa: PLC0415

    _nested_models_imported = True
