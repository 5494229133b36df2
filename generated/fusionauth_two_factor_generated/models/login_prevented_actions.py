from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, deferred, parse_on_first_read

if TYPE_CHECKING:
    from ..models.login_prevented_response import LoginPreventedResponse


T = TypeVar("T", bound="LoginPreventedActions")


@_attrs_define
class LoginPreventedActions:
    """The body of a 409 from the login, listing the user actions that prevent the login:
    FusionAuth's `LoginResponse` with only `actions`.

        Attributes:
            actions (list[LoginPreventedResponse] | Unset): The actions preventing the login.
    """

    actions: list[LoginPreventedResponse] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.actions, Unset):
            actions = []
            for actions_item_data in self.actions:
                actions_item = actions_item_data.to_dict()
                actions.append(actions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if actions is not UNSET:
            field_dict["actions"] = actions

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _nested_models_imported:
            _import_nested_models()
        d = dict(src_dict)
        _actions = d.pop("actions", UNSET)
        actions = _actions if _actions is UNSET else deferred(_actions, _parse_actions)

        if cls is LoginPreventedActions:
            login_prevented_actions = cls(
                actions,
            )
        else:  # a subclass's __init__ may take the fields in another order
            login_prevented_actions = cls(
                actions=actions,
            )

        if d:  # the keys this client's spec does not document, which a newer FusionAuth may send
            login_prevented_actions.additional_properties.update(d)
        return login_prevented_actions

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


def _parse_actions(data: Any) -> list[LoginPreventedResponse] | Unset:
    """LoginPreventedActions.actions from its JSON, at the field's first read."""
    _actions = data
    actions: list[LoginPreventedResponse] | Unset = UNSET
    if _actions is not UNSET:
        actions = []
        for actions_item_data in _actions:
            actions_item = LoginPreventedResponse.from_dict(actions_item_data)

            actions.append(actions_item)

    return actions


parse_on_first_read(LoginPreventedActions, "actions", _parse_actions)


_nested_models_imported = False


def _import_nested_models() -> None:
    """Bind the models this one nests as globals of this module, on the first from_dict."""
    global _nested_models_imported, LoginPreventedResponse  # noqa: PLW0603
    from ..models.login_prevented_response import LoginPreventedResponse  # noqa: PLC0415

    _nested_models_imported = True
