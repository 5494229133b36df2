"""The JSON form of each generated model, compiled once per class from its type hints.

One description, a `Shape` per model with a `Kind` per field, serves every check of a body
against the spec:

- `Kind.to_json` turns what a caller gives into FusionAuth's JSON, raising `Mismatch` with the
  value's path: a dict body (every key one the model documents, every value of its declared type;
  a `uuid.UUID` or a model is taken back in FusionAuth's form) or a request model, whose attributes
  must be of the Python types their hints declare;
- `check_answer` checks the JSON an answer's model was built from, before the model is handed out:
  the generated `from_dict` only casts, so `"recoveryCodes": "X"` would be a str where the result
  says list[str]. Keys the spec does not document are left alone there (a newer FusionAuth may
  send them; `from_dict` keeps them in `additional_properties`).

Values are never echoed in a message: they may be codes or tokens. A shape is compiled at first
use of its class, not at import: the models package imports its models lazily.
"""

from __future__ import annotations

import abc
import contextlib
import enum
import functools
import math
import types
import typing
import uuid
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from fusionauth_two_factor_generated import models as generated_models

# attrs and the generated `types` module (which imports attrs) are imported when the first shape is
# compiled, not with the package: importing them costs more than the rest of the package's own modules.

# What json.loads makes of a JSON value.
_JSON_TYPES: frozenset[type[Any]] = frozenset({dict, list, str, int, float, bool, type(None)})


class Mismatch(Exception):
    """A request value that does not fit its declared type: `path` names it, `expected` says what fits."""

    def __init__(self, path: str, expected: str, found: object, found_text: str | None = None) -> None:
        super().__init__(path)
        self.path = path
        self.expected = expected
        self.found = found_text or type(found).__name__


class Kind(abc.ABC):
    """What one type hint of a generated model admits.

    `expected` names it in messages. `answer_types` are the types json.loads gives a value of this
    kind; `nested` says whether such a value has insides that an answer's check must look at.
    """

    expected: str
    answer_types: frozenset[type[Any]]
    nested = False
    # A leaf whose value from_dict parses, and may refuse: checked too (check_insides), so that a
    # model from_dict builds at the first read of its field (generated types.Deferred) cannot fail then.
    parsed = False

    @abc.abstractmethod
    def to_json(self, value: object, path: str, attribute: bool) -> object:
        """The JSON FusionAuth takes for a value given in a request, or Mismatch.

        An `attribute` of a model must be of the Python type its hint declares; a value in a dict
        body may also be given in its JSON form (a UUID's str, an object's dict, a tuple for a list).
        """

    def check_insides(self, code: _CheckCode, value: str) -> None:
        """Write the code that raises TypeError when the insides of an answer's value do not fit.

        `value` names a variable of the code that holds a value of one of `answer_types`. A leaf
        has no insides: its JSON type, checked by whoever holds it, is all there is to it.
        """
        return


class _AnyJson(Kind):
    expected = "any JSON"
    answer_types = _JSON_TYPES

    def to_json(self, value: object, path: str, attribute: bool) -> object:
        # Checked here rather than left to the JSON encoder, whose message says neither where nor in which call.
        if isinstance(value, dict):
            for key, item in value.items():
                if not isinstance(key, str):
                    raise Mismatch(path, "a JSON object", value, f"a dict with a key of type {type(key).__name__}")
                self.to_json(item, f"{path}.{key}", attribute)
        elif isinstance(value, list | tuple):
            for index, item in enumerate(value):
                self.to_json(item, f"{path}[{index}]", attribute)
        elif isinstance(value, float) and not math.isfinite(value):
            raise Mismatch(path, "any JSON", value, "a float that is not finite")
        elif not isinstance(value, str | int | float | None):
            raise Mismatch(path, "any JSON (a str, number, bool, None, list or dict)", value)
        return value


class _Scalar(Kind):
    _NAMES: typing.ClassVar[dict[type[Any], str]] = {
        str: "a str",
        int: "an integer",
        float: "a number",
        bool: "a bool",
    }

    def __init__(self, kind: type[Any]) -> None:
        # bool is an int to Python but not a number to FusionAuth; an int is a valid JSON number.
        self.accepted: tuple[type[Any], ...] = (int, float) if kind is float else (kind,)
        self.refuses_bool = kind in {int, float}
        self.answer_types = frozenset(self.accepted)  # exact types: json.loads gives True as a bool, not an int
        self.expected = self._NAMES.get(kind, f"a {kind.__name__}")

    def to_json(self, value: object, path: str, attribute: bool) -> object:
        if not isinstance(value, self.accepted) or (self.refuses_bool and isinstance(value, bool)):
            raise Mismatch(path, self.expected, value)
        return value


class _Uuid(Kind):
    expected = "a UUID or its str (00000000-0000-0000-0000-000000000001)"
    answer_types = frozenset({str})
    parsed = True  # from_dict parses it, raising ValueError on a str that is not a UUID

    def check_insides(self, code: _CheckCode, value: str) -> None:
        from fusionauth_two_factor_generated.types import parse_uuid  # noqa: PLC0415 - see the imports

        code.line(f"{code.name_for(parse_uuid)}({value})")  # what from_dict calls: its ValueError, if any

    def to_json(self, value: object, path: str, attribute: bool) -> object:
        if isinstance(value, uuid.UUID):
            return str(value)  # FusionAuth's form: lowercase, canonical
        if attribute:
            raise Mismatch(path, "a uuid.UUID", value)
        if not isinstance(value, str):
            raise Mismatch(path, self.expected, value)
        try:
            return str(uuid.UUID(value))
        except ValueError:
            raise Mismatch(path, self.expected, value, "a str that is not a UUID") from None


class _Enum(Kind):
    def __init__(self, kind: type[enum.Enum]) -> None:
        self.kind = kind
        self.values = [member.value for member in kind]
        self.expected = "one of " + ", ".join(repr(value) for value in self.values)
        # An unknown value is from_dict's to judge: kept as a str in an open enum (a union with str,
        # every enum of the spec: tests/test_deferred_models.py), a ValueError in a closed one.
        self.answer_types = frozenset(type(value) for value in self.values)

    def to_json(self, value: object, path: str, attribute: bool) -> object:
        if isinstance(value, self.kind):
            return value.value
        if attribute or value not in self.values:  # a str that is not a member, or not a str at all
            raise Mismatch(path, self.expected, value)
        return value


class _List(Kind):
    expected = "a list"
    answer_types = frozenset({list})
    nested = True

    def __init__(self, item: Kind) -> None:
        self.item = item

    def to_json(self, value: object, path: str, attribute: bool) -> object:
        if not isinstance(value, list) and (attribute or not isinstance(value, tuple)):
            raise Mismatch(path, self.expected, value)
        return [self.item.to_json(element, f"{path}[{index}]", attribute) for index, element in enumerate(value)]

    def check_insides(self, code: _CheckCode, value: str) -> None:
        code.check_values(self.item, value, "an answer's list holds a value of an undeclared type")


class _Model(Kind):
    answer_types = frozenset({dict})
    nested = True

    def __init__(self, model: type[Any]) -> None:
        self.model = model
        self.expected = f"an object ({model.__name__})"

    @functools.cached_property
    def shape(self) -> Shape:  # looked up at first use: a model may be compiled before those it holds
        return shape_of(self.model)

    def to_json(self, value: object, path: str, attribute: bool) -> object:
        if isinstance(value, self.model):
            return self.shape.instance_to_json(value, path)
        if attribute or not isinstance(value, Mapping):
            raise Mismatch(path, self.expected, value)
        return self.shape.mapping_to_json(value, f"{path}." if path else "")

    def check_insides(self, code: _CheckCode, value: str) -> None:
        # A model that holds itself, or one deep enough down to near CPython's limits on nested
        # blocks (20 loops, 100 indents): its own check, called.
        if self.model in code.models_inlined or code.depth > _INLINED_DEPTH:
            code.line(f"{code.name_for(_CHECKS)}[{code.name_for(self.model)}]({value})")
            return
        # Written into the holder's check: no call per nested object.
        code.models_inlined.append(self.model)
        self.shape.answer_check_source(code, value)
        code.models_inlined.pop()


class _Union(Kind):
    def __init__(self, options: list[Kind]) -> None:
        self.options = options
        self.expected = " or ".join(option.expected for option in options)
        self.answer_types = frozenset().union(*(option.answer_types for option in options))
        self.nested = any(option.nested for option in options)

    def to_json(self, value: object, path: str, attribute: bool) -> object:
        for option in self.options:
            try:
                return option.to_json(value, path, attribute)
            except Mismatch as mismatch:
                if mismatch.path != path:
                    raise  # the value was of this kind but something inside it is wrong: say where
        raise Mismatch(path, self.expected, value)

    def check_insides(self, code: _CheckCode, value: str) -> None:
        # The option its JSON type selects, as the generated from_dict tries them: first come, first served.
        if not self.nested:
            return
        json_type = code.variable()
        code.line(f"{json_type} = type({value})")
        last = max(index for index, option in enumerate(self.options) if option.nested)
        for index, option in enumerate(self.options[: last + 1]):
            code.line(f"{'if' if index == 0 else 'elif'} {json_type} in {code.name_for(option.answer_types)}:")
            with code.block(keep=True):
                # A parsed leaf's value that fails goes on to the next option in from_dict: not checked.
                if option.nested:
                    option.check_insides(code, value)


class Field:
    """A documented key of a model: its Python attribute, its JSON name, and what its values may be.

    A plain class: creating an attrs class or a NamedTuple would cost import time for nothing.
    """

    __slots__ = ("json_name", "kind", "python_name", "required")

    def __init__(self, python_name: str, json_name: str, kind: Kind, required: bool) -> None:
        self.python_name = python_name
        self.json_name = json_name
        self.kind = kind
        self.required = required


class Shape:
    """A model's JSON form: its documented keys, each a `Field`; or, for a free-form map, the kind of its values."""

    def __init__(self, model: type[Any]) -> None:
        import attrs  # noqa: PLC0415 - see the imports
        from fusionauth_two_factor_generated.types import UNSET  # noqa: PLC0415

        self._unset = UNSET
        hints = typing.get_type_hints(model, localns=_MODEL_NAMES)
        declared = [field.name for field in attrs.fields(model) if field.name != "additional_properties"]
        self.free_values: Kind | None = None
        if not declared:
            (value_hint,) = typing.get_args(hints["additional_properties"])[1:]
            self.free_values = kind_of(value_hint)
        self.python_to_json = _json_names(model, declared)
        self.fields = {
            json_name: Field(python_name, json_name, kind_of(hints[python_name]), _required(hints[python_name]))
            for python_name, json_name in self.python_to_json.items()
        }

    def mapping_to_json(self, value: Mapping[Any, Any], prefix: str) -> dict[str, Any]:
        converted: dict[str, Any] = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"body keys must be str, not {type(key).__name__} (at {prefix or 'the top level'})")
            path = f"{prefix}{key}"
            if self.free_values is not None:
                converted[key] = self.free_values.to_json(item, path, False)
                continue
            field = self.fields.get(key)
            if field is None:
                raise ValueError(self._unknown_key_message(key, prefix))
            converted[key] = field.kind.to_json(item, path, False)
        return converted

    def instance_to_json(self, instance: Any, path: str) -> dict[str, Any]:
        """A model's JSON as its to_dict gives it, each attribute checked: paths name the Python attributes."""
        prefix = f"{path}." if path else ""
        # Undocumented additional_properties follow the rule of dict bodies: they go through extra_body.
        converted = self.mapping_to_json(instance.additional_properties, prefix)
        unset = self._unset
        for field in self.fields.values():
            value = getattr(instance, field.python_name)
            if value is not unset:  # most fields of a request are absent: nothing to check
                converted[field.json_name] = field.kind.to_json(value, f"{prefix}{field.python_name}", True)
        return converted

    def answer_check_source(self, code: _CheckCode, value: str) -> None:
        """Write the code that checks an answer's JSON object (the code's variable `value`) against this shape.

        Straight-line code, a test per documented key, compiled once per model: interpreting the
        shape for every value of every answer cost more than json.loads itself (and C loops over
        the object's keys and values, tried too, cost more than this).
        """
        if self.free_values is not None:
            code.check_values(self.free_values, f"{value}.values()", _MAP_MISMATCH)
            return
        absent = code.name_for(_ABSENT)
        for field in self.fields.values():
            kind = field.kind
            if kind.answer_types >= _JSON_TYPES and not kind.nested and not field.required:
                continue  # any JSON (json.loads makes nothing else): no value of this key can be wrong
            item = code.variable()
            code.line(f"{item} = {value}.get({field.json_name!r}, {absent})")  # a present null is tested, not skipped
            # A documented name is all a message says: never the value.
            if field.required:  # from_dict's KeyError, said here for a model it builds at first read
                code.line(f"if {item} is {absent}:")
                with code.block():
                    code.line(f"raise KeyError({f'an answer lacks its required {field.json_name!r}'!r})")
                code.check_type(kind, item, f"an answer's {field.json_name!r} is of an undeclared type")
                continue
            code.line(f"if {item} is not {absent}:")
            with code.block():
                code.check_type(kind, item, f"an answer's {field.json_name!r} is of an undeclared type")

    def _unknown_key_message(self, key: str, prefix: str) -> str:
        if key in self.python_to_json:
            return (
                f"body key {prefix + key!r} is a Python attribute name; dict bodies use FusionAuth's JSON (camelCase) "
                f"names, as in its documentation: {prefix + self.python_to_json[key]!r}"
            )
        import difflib  # noqa: PLC0415 - only a mistyped key needs it: not loaded with the package

        close = difflib.get_close_matches(key, self.fields, n=1, cutoff=0.6)
        hint = f"did you mean {prefix + close[0]}?" if close else f"documented: {', '.join(sorted(self.fields))}"
        return (
            f"unknown body field {prefix + key!r} ({hint}); a field newer than this client's spec can be sent with "
            "RequestOptions(extra_body=...)"
        )


def check_answer(model: type[Any], decoded: object) -> None:
    """Raise TypeError when the JSON `model` was parsed from holds values of types the model does not declare."""
    if type(decoded) is not dict:  # from_dict takes whatever dict() takes, such as a list of pairs
        raise TypeError("an answer's body is not a JSON object")
    _CHECKS[model](decoded)


_MAP_MISMATCH = "an answer's map holds a value of an undeclared type"
_ABSENT = object()  # what an answer's check gets for a key its JSON object does not have
_INLINED_DEPTH = 12  # models written into their holder's check, at most


class _CheckCode:
    """The source of one model's answer check, and the objects it names (types, models, the checks it calls).

    Every object the code uses is a global of its own namespace, named by `name_for`: nothing from
    the JSON or the spec is written into the source but the documented key names, as repr() literals.
    """

    def __init__(self, model: type[Any]) -> None:
        self.lines = ["def check(value):"]
        self.models_inlined = [model]  # the one whose check this is, and those written into it
        self.namespace: dict[str, Any] = {}
        self._names: dict[int, str] = {}
        self._indent = 1
        self._variables = 0

    @property
    def depth(self) -> int:
        return len(self.models_inlined)

    def line(self, text: str) -> None:
        self.lines.append("    " * self._indent + text)

    @contextlib.contextmanager
    def block(self, keep: bool = False) -> Iterator[None]:
        """The lines under the last one. Left empty, the last line goes too (an `if` or a `for` with nothing
        to do); or, to `keep` it (a branch of an if-elif chain), the block is a `pass`."""
        header = len(self.lines)
        self._indent += 1
        try:
            yield
            if len(self.lines) == header and keep:
                self.line("pass")
        finally:
            self._indent -= 1
        if len(self.lines) == header:
            del self.lines[header - 1]

    def variable(self) -> str:
        self._variables += 1
        return f"v{self._variables}"

    def name_for(self, value: object) -> str:
        name = self._names.get(id(value))
        if name is None:
            name = self._names[id(value)] = f"g{len(self._names)}"
            self.namespace[name] = value
        return name

    def check_type(self, kind: Kind, value: str, message: str) -> None:
        """The value is of one of the kind's JSON types, then its insides."""
        if len(kind.answer_types) == 1:
            (only,) = kind.answer_types
            self.line(f"if type({value}) is not {self.name_for(only)}:")
        else:
            self.line(f"if type({value}) not in {self.name_for(kind.answer_types)}:")
        with self.block():
            self.line(f"raise TypeError({message!r})")
        kind.check_insides(self, value)

    def check_values(self, kind: Kind, values: str, message: str) -> None:
        """Each of the values a list or a map holds is of `kind`."""
        if kind.answer_types >= _JSON_TYPES and not kind.nested:
            return  # json.loads made nothing that could be wrong
        if not kind.nested and not kind.parsed:  # a C loop over their types
            self.line(f"if not {self.name_for(kind.answer_types)}.issuperset(map(type, {values})):")
            with self.block():
                self.line(f"raise TypeError({message!r})")
            return
        item = self.variable()
        self.line(f"for {item} in {values}:")
        with self.block():
            self.check_type(kind, item, message)

    def compile(self) -> Callable[[dict[str, Any]], None]:
        if len(self.lines) == 1:
            self.line("return")
        exec(compile("\n".join(self.lines), "<answer check>", "exec"), self.namespace)  # noqa: S102 - our own source
        check: Callable[[dict[str, Any]], None] = self.namespace["check"]
        return check


class _Checks(dict[type[Any], Callable[[dict[str, Any]], None]]):
    """Each model's answer check, compiled at its first answer (a race compiles it twice, the same both times)."""

    def __missing__(self, model: type[Any]) -> Callable[[dict[str, Any]], None]:
        code = _CheckCode(model)
        shape_of(model).answer_check_source(code, "value")
        check = self[model] = code.compile()
        return check


_CHECKS = _Checks()


_SHAPES: dict[type[Any], Shape] = {}


def shape_of(model: type[Any]) -> Shape:
    """The model's shape, compiled at first use (a race compiles it twice, the same both times)."""
    shape = _SHAPES.get(model)
    if shape is None:
        shape = _SHAPES[model] = Shape(model)
    return shape


class _ModelNames(dict[str, Any]):
    """The models package's names, each looked up when a hint names it.

    The generated modules import the models their hints name under TYPE_CHECKING only, and the
    package imports its models at first access: neither a module's globals nor vars() of the
    package holds them all.
    """

    def __missing__(self, name: str) -> Any:
        try:
            return getattr(generated_models, name)
        except AttributeError:
            raise KeyError(name) from None  # not a model: the module's globals and builtins are looked at next


_MODEL_NAMES = _ModelNames()


def _required(hint: Any) -> bool:
    """Whether a field's hint leaves out Unset: from_dict then takes its key as always there."""
    from fusionauth_two_factor_generated.types import Unset  # noqa: PLC0415 - see the imports

    return Unset not in typing.get_args(hint)


@functools.cache
def kind_of(hint: Any) -> Kind:
    import attrs  # noqa: PLC0415 - see the imports
    from fusionauth_two_factor_generated.types import Unset  # noqa: PLC0415

    origin = typing.get_origin(hint)
    if origin in {typing.Union, types.UnionType}:
        options = [option for option in typing.get_args(hint) if option is not Unset]
        if len(options) == 1:  # `X | Unset`: a present value is an X, and the X says what is wrong with it
            return kind_of(options[0])
        return _Union([kind_of(option) for option in options])
    if origin is list:
        (item_hint,) = typing.get_args(hint)
        return _List(kind_of(item_hint))
    if origin is dict or hint is Any:
        return _AnyJson()
    return _Model(hint) if attrs.has(hint) else _leaf(hint)


def _leaf(hint: Any) -> Kind:
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return _Enum(hint)
    if hint is uuid.UUID:
        return _Uuid()
    return _Scalar(hint)


class _Probe(str):
    """Stands in for every kind of field value, so that `to_dict` shows the JSON key of each field.

    The generated `to_dict` turns a field into JSON with `str()`, `.to_dict()`, `.value` or by
    iterating over it, and keys it by its JSON name: a probe survives each of these as its own text.
    """

    def to_dict(self) -> str:
        return str(self)

    @property
    def value(self) -> str:
        return str(self)

    def __iter__(self) -> Iterator[str]:
        yield self


def _set_unconverted(instance: object, name: str, value: object) -> None:
    """Sets a field past what converts it: attrs' on-setattr hooks, and the property that wraps a field's
    slot (a free-form map's, scripts/free_form_maps.py' convert_on_assignment, which would refuse a
    probe; a nested model's, the generated types.parse_on_first_read)."""
    wrapper = getattr(type(instance), name, None)  # on the class, a property or a slot is itself
    if isinstance(wrapper, property):
        # A nested model's property names its slot; a map's reads through the slot's own __get__.
        slot: Any = getattr(wrapper, "slot", None) or wrapper.fget.__self__  # type: ignore[union-attr]
        slot.__set__(instance, value)
    else:
        object.__setattr__(instance, name, value)


def _json_names(model: type[Any], declared: list[str]) -> dict[str, str]:
    """Each declared attribute's JSON name, in declaration order."""
    instance = object.__new__(model)
    for name in declared:
        _set_unconverted(instance, name, _Probe(f"\0{name}"))
    object.__setattr__(instance, "additional_properties", {})
    names: dict[str, str] = {}
    for key, value in instance.to_dict().items():
        text = value[0] if isinstance(value, list) else value
        names[str(text).removeprefix("\0")] = key
    if sorted(names) != sorted(declared):
        raise RuntimeError(f"cannot tell the JSON names of {model.__name__}'s fields")
    return {name: names[name] for name in declared}
