"""Request bodies checked like the models they become, before anything is sent.

A dict body is FusionAuth's JSON: every key must be one the model documents (a typo such as
`trustComptuer` would travel as a field FusionAuth ignores, so it is refused with the closest
documented name), and every value must fit the declared type, nested objects included, with the
JSON path in the message (`metaData.device.name`). What the models hand out is taken back: a
`uuid.UUID` is sent as FusionAuth's lowercase canonical string. A request model is checked the
same way, its attributes against the Python types their hints declare. Values are never echoed.

The checks are those of each model's compiled shape (`_shapes.py`): bodies are checked on every call.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

# `_shapes` (and the uuid module it uses) is imported by the first body checked, not with the
# package: each function below imports it where it starts.


def checked_json(body: object, model: type[Any], operation: str) -> dict[str, Any]:
    """The JSON of `body` (a dict in FusionAuth's JSON shape, or a `model`), checked against `model`."""
    from ._shapes import Mismatch, shape_of  # noqa: PLC0415 - see the imports

    shape = shape_of(model)
    try:
        if isinstance(body, Mapping):
            return shape.mapping_to_json(body, "")
        return shape.instance_to_json(body, "")  # a model: its attributes, named as in Python
    except Mismatch as mismatch:
        raise TypeError(
            f"{operation}: body field {mismatch.path!r} must be {mismatch.expected}, not {mismatch.found}"
        ) from None
    except (TypeError, ValueError) as error:  # an unknown key or a key that is not a str
        raise type(error)(f"{operation}: {error}") from None
    except RecursionError:
        pass  # said below, once the stack is unwound: nothing chained
    raise nesting_error(f"{operation}: body field", _top_level_checks(shape, body), f"{operation}: the body")


def nesting_error(named: str, checks: Iterable[tuple[str, Callable[[], object]]], unnamed: str) -> ValueError:
    """The error for a body that nests deeper than the stack goes, or refers to itself: a field named, no value.

    Where a check of it ran out of stack: `checks` walk each top-level field in the order the check
    did, and the first that runs out again is named (`named` 'key'); `unnamed` if none does.
    """
    for name, check in checks:
        try:
            check()
        except RecursionError:
            return ValueError(f"{named} {name!r} nests too deep or refers to itself")
        except Exception:  # noqa: S112 - a field the check got past: not the one
            continue
    return ValueError(f"{unnamed} nests too deep or refers to itself")


def _top_level_checks(shape: Any, body: object) -> Iterator[tuple[str, Callable[[], object]]]:
    # Each top-level field's check, alone, as `checked_json` makes them (Shape.mapping_to_json, instance_to_json).
    items = body.items() if isinstance(body, Mapping) else body.additional_properties.items()  # type: ignore[attr-defined]
    for key, item in items:
        yield key, functools.partial(shape.mapping_to_json, {key: item}, "")
    if not isinstance(body, Mapping):
        for field in shape.fields.values():  # a model's attributes, named as in Python
            value = getattr(body, field.python_name)
            yield field.python_name, functools.partial(field.kind.to_json, value, field.python_name, True)


def with_extra_body(
    body: dict[str, Any] | None, extra: Mapping[str, Any], model: type[Any] | None, operation: str
) -> dict[str, Any]:
    """The JSON body with `RequestOptions.extra_body` merged in: fields newer than this client's spec."""
    if body is None or model is None:
        raise ValueError(f"{operation}: this call sends no JSON body, so extra_body cannot be sent")
    from ._shapes import shape_of  # noqa: PLC0415 - see the imports

    documented = sorted(shape_of(model).fields.keys() & extra.keys())
    if documented:
        raise ValueError(
            f"{operation}: extra_body is for fields the spec does not document; {', '.join(documented)} "
            "belongs in the body itself, where it is checked"
        )
    return {**body, **extra}
