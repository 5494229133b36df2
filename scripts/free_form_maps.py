"""Generator post-hook: a free-form map field takes a plain dict.

    python scripts/free_form_maps.py PACKAGE_DIR

FusionAuth's free-form maps (`state`, `data`: any JSON object; `tokens`: str to str) are generated
as models with nothing but `additional_properties`, and a field of that kind is `AnyJsonMap | Unset`.
So `TwoFactorStartRequest(state={"next": "/pay"})` is a mypy error, and at run time the dict stays in
the field, where `to_dict()` calls its missing `.to_dict()`. The generator's configuration cannot
change a field's type, so this hook gives each such field an attrs converter: a typed function
appended to the map's own module that takes a dict (any Mapping with str keys), the map model or
UNSET, and stores the map model.

Why a converter rather than a wider annotation (`AnyJsonMap | Mapping[str, Any] | Unset`): the
attribute keeps one form, so whoever reads it (`to_dict`, the facade's type checks, a user's
`request.state["next"]`) never has to tell a dict from the model; mypy's attrs plugin types the
`__init__` parameter as the converter's parameter, so the dict type-checks where it is given; and
an assignment converts too, so `request.state = {...}` works as well (mypy types an assignment by
the attribute, so for mypy the dict goes in at construction). That conversion on assignment is not
attrs' own on-setattr hook: a class with such hooks makes attrs' `__init__` set every field
through `object.__setattr__` (a call each: 13,000 instructions more for 17 fields), and every
assignment go through a Python `__setattr__`. A model with a map field is defined without
class-wide hooks (`on_setattr=NO_OP`; the models have no validators, attrs' other default hook),
so its `__init__` assigns each field plainly, and each map field's slot is wrapped, once the class
is made, in a property that converts what is assigned (`convert_on_assignment`; attrs still runs
the converter in `__init__` too, an isinstance test there). A value that is not a Mapping, or a
key that is not a str, is a TypeError naming only types (a map may hold secrets). JSON values are
not checked here, where an item set later would escape the check anyway: a value that is not JSON
is refused when the facade checks the body, before anything is sent, with its path.

It fails when it finds nothing to change, or a map field in a form it does not convert (a required
or nullable one): a generator that writes these fields differently must be looked at.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

# The map model -> (its module, its converter, the type of its values).
MAPS = {
    "AnyJsonMap": ("any_json_map", "as_any_json_map", "Any"),
    "StringMap": ("string_map", "as_string_map", "str"),
}
_MAP_NAMES = "|".join(MAPS)
# A class-level attribute annotated with a map model, in any form.
_MAP_ATTRIBUTE = re.compile(rf"^    (\w+): .*\b({_MAP_NAMES})\b.*$", re.MULTILINE)
# The one form converted: an optional map, absent by default.
_OPTIONAL_MAP = re.compile(rf"^    (\w+): ({_MAP_NAMES}) \| Unset = UNSET$", re.MULTILINE)
_TYPES_IMPORT = "from ..types import UNSET, Unset\n"
_ATTRS_IMPORT = "from attrs import define as _attrs_define\n"
# The one class of a model module (the generator writes one model a module).
_MODEL_CLASS = re.compile(r"^@_attrs_define\nclass (\w+):$", re.MULTILINE)
_TYPE_VAR = "\nT = TypeVar("  # the converter's imports go before it, with the module's own

_CHECK = '''

def free_form_mapping(value: object, model: str, value_type: type = object) -> Mapping[str, Any]:
    """`value` if it is what a field of the free-form map `model` takes: a Mapping with str keys.

    Added by scripts/free_form_maps.py for the map models' converters. The message names types only:
    a map's keys and values may be secrets.
    """
    if not isinstance(value, Mapping):
        raise TypeError(f"a free-form map field ({model}) takes a dict with str keys, not {type(value).__name__}")
    for key, item in value.items():
        if not isinstance(key, str):
            raise TypeError(f"the keys of a free-form map ({model}) must be str, not {type(key).__name__}")
        if not isinstance(item, value_type):
            found = type(item).__name__
            raise TypeError(f"the values of a free-form map ({model}) must be {value_type.__name__}, not {found}")
    return value


def convert_on_assignment(model: type[Any], field: str, converter: Callable[[Any], object]) -> None:
    """Make an assignment to `model`'s `field` store what `converter` makes of the value.

    Added by scripts/free_form_maps.py (which says why not attrs' on-setattr hooks) after each class
    with a map field: the field's slot is wrapped in a property that reads and deletes through the
    slot itself and converts on the way in.
    """
    slot = model.__dict__[field]

    def set_converted(instance: object, value: object) -> None:
        slot.__set__(instance, converter(value))

    setattr(model, field, property(slot.__get__, set_converted, slot.__delete__))
'''

_CONVERTER = '''

def {converter}(value: Mapping[str, {value_type}] | {model} | Unset) -> {model} | Unset:
    """The attrs converter of every `{model} | Unset` field: a dict is stored as the {model} it describes.

    Added by scripts/free_form_maps.py, so that a field takes a plain dict (mypy types the field's
    `__init__` parameter from this one) while reading it always gives the {model} or UNSET. The
    mapping is copied, as from_dict copies it: to_dict() gives back what was given.
    """
    if isinstance(value, _{model}_or_unset):
        return value
    return {model}.from_dict(free_form_mapping(value, "{model}"{value_check}))


# What {converter} keeps as it is, one tuple: `{model} | Unset` would build a union on every call.
_{model}_or_unset = ({model}, Unset)
'''


def rewrite(package: Path) -> list[str]:
    """Add the converters and convert every optional map field in place; return what went wrong."""
    problems: list[str] = []
    converted: set[str] = set()
    for module in sorted((package / "models").glob("*.py")):
        source = module.read_text(encoding="utf-8")
        unconverted = [match.group(0) for match in _MAP_ATTRIBUTE.finditer(source) if not _OPTIONAL_MAP.match(match[0])]
        problems += [
            f"{module.name}: a map field in a form this hook does not convert: {line.strip()}" for line in unconverted
        ]
        needed = sorted({match.group(2) for match in _OPTIONAL_MAP.finditer(source)})
        if not needed:
            continue
        classes = _MODEL_CLASS.findall(source)
        if _TYPES_IMPORT not in source or _ATTRS_IMPORT not in source or len(classes) != 1:
            problems.append(
                f"{module.name}: no `{_TYPES_IMPORT.strip()}` and `{_ATTRS_IMPORT.strip()}` to put the converter"
                " imports after, or not one `@_attrs_define` class"
            )
            continue
        fields = _OPTIONAL_MAP.findall(source)
        source = _OPTIONAL_MAP.sub(_with_converter, source)
        source = _MODEL_CLASS.sub(r"@_attrs_define(on_setattr=_attrs_setters.NO_OP)\nclass \1:", source, count=1)
        source = source.replace(_ATTRS_IMPORT, _ATTRS_IMPORT + "from attrs import setters as _attrs_setters\n", 1)
        imports = "from ..models.any_json_map import convert_on_assignment\n"
        imports += "".join(f"from ..models.{MAPS[model][0]} import {MAPS[model][1]}\n" for model in needed)
        source = source.replace(_TYPES_IMPORT, _TYPES_IMPORT + imports, 1).rstrip("\n") + "\n\n"
        source += "\n# Each map field converts what is assigned to it (scripts/free_form_maps.py: not attrs' hooks).\n"
        source += "".join(
            f"convert_on_assignment({classes[0]}, {name!r}, {MAPS[model][1]})\n" for name, model in fields
        )
        module.write_text(source, encoding="utf-8")
        converted.update(needed)
    problems += [f"no `{model} | Unset` field to convert" for model in sorted(MAPS.keys() - converted)]
    problems += add_converters(package)
    return problems


def _with_converter(field: re.Match[str]) -> str:
    name, model = field.groups()
    return f"    {name}: {model} | Unset = _attrs_field(default=UNSET, converter={MAPS[model][1]})"


def add_converters(package: Path) -> list[str]:
    """Append each map model's converter to its module; the shared check goes with AnyJsonMap."""
    problems = []
    for model, (module_name, converter, value_type) in MAPS.items():
        module = package / "models" / f"{module_name}.py"
        source = module.read_text(encoding="utf-8")
        needs = [f"\nclass {model}:", "from collections.abc import Mapping", _TYPE_VAR]
        if not all(text in source for text in needs):
            problems.append(f"{module.name}: no class {model}, Mapping import or TypeVar to add {converter} after")
            continue
        shared = model == "AnyJsonMap"
        imports = "from ..types import Unset\n"
        if shared:
            imports += "from collections.abc import Callable\n"
        else:
            imports += "from ..models.any_json_map import free_form_mapping\n"
        value_check = "" if value_type == "Any" else f", {value_type}"
        code = (_CHECK if shared else "") + _CONVERTER.format(
            converter=converter, model=model, value_type=value_type, value_check=value_check
        )
        source = source.replace(_TYPE_VAR, f"\n{imports}{_TYPE_VAR}", 1)
        module.write_text(source.rstrip("\n") + "\n" + code, encoding="utf-8")
    return problems


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: free_form_maps.py PACKAGE_DIR", file=sys.stderr)
        return 2
    problems = rewrite(Path(argv[0]))
    for problem in problems:
        print(f"free_form_maps: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
