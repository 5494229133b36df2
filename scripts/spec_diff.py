"""Report what changed in the two-factor API between two git revisions, for pull-request review.

Usage::

    python scripts/spec_diff.py [BASE] [HEAD] [--format markdown|json|github] [--fail-on-breaking]
                                [--spec openapi/two-factor.yaml]

Defaults (chosen for a pull request checked out locally):

* BASE: the merge-base of ``HEAD`` with ``origin/main`` when that ref exists, else with ``main``.
  Passing BASE explicitly (``origin/main``, a tag, a sha) is recommended in CI.
* HEAD: the working tree, uncommitted and untracked edits included. Pass a ref to compare commits.
* ``--spec``: ``openapi/two-factor.yaml``, relative to the repository root (``git rev-parse --show-toplevel``).

Each spec revision is read with ``git show REV:path`` (the working tree: straight from disk); a spec
missing at a revision is an empty API. ``$ref`` is resolved with cycle protection, also into other files
(relative to the file that holds the ``$ref``, at the same revision); a ``$ref`` that cannot be resolved
is an error (exit 2), never an empty schema. A change inside a shared schema is reported under every
operation whose request, responses or response headers reach it, with a JSON-ish path
(``200 response body: user.twoFactor.methods[].method``; ``<EmailLogin>`` is a union branch). ``allOf``
is merged; ``anyOf``/``oneOf`` of objects or arrays are compared branch by branch (branches matched by
their ``$ref`` name, else by position), while a ``null`` branch means nullable, scalar branches union their
types and ``anyOf: [{$ref: SomeEnum}, {type: string}]`` (or ``x-extensible-enum``) is an *open* enum.

Every change is classified breaking or non-breaking *for code that uses this Python client* (the
generated package plus the facade), with a reason and an oasdiff-style id. oasdiff's checks are the
baseline; where the generated client makes the consequence differ we follow the client (see the
``RULES`` table and ``docs/spec-diff.md``). A path parameter rename (``/books/{bookId}`` ->
``/books/{id}``) is one rename, not an operation removed and another added; a change of the document's
global ``security`` or of a security scheme is reported once, at document level.

The report ends with the files the regeneration touched under ``generated/`` and the changes in the
facade's public surface (``__all__`` and public classes/methods of ``src/fusionauth_two_factor``,
read with ``ast``, never imported). A removed or incompatibly re-signed facade member is breaking.
``--format github`` prints one ``::error file=...,line=...::`` workflow command per breaking change, on
the line of the changed element in the head revision.

Exit status: 0, or 1 with ``--fail-on-breaking`` when anything breaking was found; 2 on usage errors
(unknown ref, not a git repository, unreadable spec, a ``$ref`` that cannot be resolved).
"""

from __future__ import annotations

import argparse
import ast
import json
import posixpath
import re
import subprocess
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import yaml

DEFAULT_SPEC = "openapi/two-factor.yaml"
FACADE_DIR = "src/fusionauth_two_factor"
GENERATED_DIR = "generated"
WORKTREE = None  # the HEAD revision that means "the working tree"
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
# String formats for which openapi-python-client generates a different Python type than plain str.
PYTHON_TYPED_FORMATS = {"date-time": "datetime.datetime", "date": "datetime.date", "uuid": "UUID", "binary": "File"}
DOCUMENT = "(document)"  # the "operation" of changes that concern every operation at once
UNION_KEY = "x-spec-diff-union"  # where Resolver.effective keeps the branches of a real union
NAME_KEY = "x-spec-diff-name"  # ... and the $ref name of the one schema a union of one or an allOf of one wraps

Json = Any  # parsed YAML: dicts, lists and scalars


class UsageError(Exception):
    """A problem with the arguments, the repository or the spec; reported as exit status 2."""


# Check-id fragments mapped to the change kind reported in JSON; the first fragment found wins.
KINDS = (
    ("became-required", "required"),
    ("became-optional", "required"),
    ("type-changed", "type"),
    ("format-changed", "format"),
    ("nullable", "nullable"),
    ("enum", "enum"),
    ("discriminator", "discriminator"),
    ("-of-", "union"),
    ("union", "union"),
    ("additional-properties", "additionalProperties"),
    ("location-changed", "location"),
    ("renamed", "renamed"),
    ("status", "status"),
    ("media-type", "media-type"),
    ("security", "security"),
    ("operation-id", "operationId"),
    ("deprecated", "deprecated"),
    ("reactivated", "deprecated"),
    ("removed", "removed"),
)


# --------------------------------------------------------------------------- where things are written


@dataclass(frozen=True)
class Position:
    file: str  # repository path of the YAML document
    line: int  # 1-based


class Located(dict[str, Json]):
    """A YAML mapping that remembers its document and line (the line of its key, as a mapping value)."""

    __slots__ = ("doc", "key_lines", "line")

    def __init__(self, doc: str, line: int) -> None:
        super().__init__()
        self.doc, self.line = doc, line
        self.key_lines: dict[str, int] = {}


class _LocatingLoader(yaml.SafeLoader):
    document_name = ""


def _construct_located(loader: _LocatingLoader, node: yaml.MappingNode) -> Iterator[Located]:
    mapping = Located(loader.document_name, node.start_mark.line + 1)
    yield mapping  # yielded first, like PyYAML's own mappings, so anchors may refer back to it
    # OpenAPI keys are strings; YAML reads an unquoted 200 as an int.
    mapping.update({str(key): value for key, value in loader.construct_mapping(node).items()})
    for key_node, _ in node.value:
        if isinstance(key_node, yaml.ScalarNode):
            mapping.key_lines.setdefault(str(key_node.value), key_node.start_mark.line + 1)
    for key, value in mapping.items():
        if isinstance(value, Located) and str(key) in mapping.key_lines:
            value.line = mapping.key_lines[str(key)]


_LocatingLoader.add_constructor("tag:yaml.org,2002:map", _construct_located)


def parse_yaml(text: str, name: str) -> Json:
    """``yaml.safe_load`` whose mappings are :class:`Located` in document ``name``."""
    loader = _LocatingLoader(text)
    loader.document_name = name
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def position(obj: Json, key: str | None = None) -> Position | None:
    """Where ``obj`` (or its ``key``) is written, when it was read from YAML."""
    if not isinstance(obj, Located):
        return None
    return Position(obj.doc, obj.key_lines.get(key, obj.line) if key is not None else obj.line)


def _mapping(obj: Json) -> dict[str, Json]:
    return obj if isinstance(obj, dict) else {}


# --------------------------------------------------------------------------- documents and $refs


@dataclass(frozen=True)
class Problem:
    message: str
    at: Position


class SpecError(UsageError):
    """A spec that cannot be compared: every ``$ref`` that does not resolve, with where it is written."""

    def __init__(self, revision: str, problems: list[Problem]) -> None:
        self.problems = problems
        listed = "; ".join(f"{p.message} ({p.at.file} line {p.at.line})" for p in problems)
        super().__init__(f"the spec at {revision} cannot be compared: {listed}")


@dataclass(frozen=True)
class Documents:
    """A spec at one revision: its root document and every document its ``$ref``s reach, by repository path."""

    root: str
    by_path: Mapping[str, Json]

    @property
    def spec(self) -> dict[str, Json]:
        return _mapping(self.by_path[self.root])

    @classmethod
    def of(cls, spec: Mapping[str, Json], root: str = DEFAULT_SPEC) -> Documents:
        """A spec without other files (any ``$ref`` into another file is reported missing)."""
        return load_documents(root, spec, lambda path: None, "the given spec")


def ref_target(ref: str, holder: str) -> tuple[str, str, str | None]:
    """``(document path, JSON pointer, problem)`` of a ``$ref`` written in document ``holder``."""
    file_part, _, pointer = ref.partition("#")
    if not file_part:
        return holder, pointer, None
    if "://" in file_part or file_part.startswith("//"):
        return "", pointer, "remote references are not fetched"
    target = posixpath.normpath(posixpath.join(posixpath.dirname(holder), unquote(file_part)))
    if target == ".." or target.startswith(("../", "/")):
        return "", pointer, "it points outside the repository"
    return target, pointer, None


def resolve_pointer(document: Json, pointer: str) -> dict[str, Json] | None:
    """The object a JSON pointer names in ``document``, or None (also when it is not an object)."""
    target = document
    for part in pointer.split("/")[1:] if pointer.startswith("/") else []:
        key = unquote(part).replace("~1", "/").replace("~0", "~")
        if isinstance(target, dict):
            target = target.get(key, target.get(int(key)) if key.isdigit() else None)
        elif isinstance(target, list) and key.isdigit() and int(key) < len(target):
            target = target[int(key)]
        else:
            return None
    return target if isinstance(target, dict) else None


def _refs(obj: Json, at: Position) -> Iterator[tuple[str, Position]]:
    """Every ``$ref`` string under ``obj`` with where it is written (``at``: the nearest known place)."""
    if isinstance(obj, dict):
        at = position(obj) or at
        if isinstance(obj.get("$ref"), str):
            yield obj["$ref"], at
        for value in obj.values():
            yield from _refs(value, at)
    elif isinstance(obj, list):
        for item in obj:
            yield from _refs(item, at)


def load_documents(root: str, spec: Mapping[str, Json], read: Callable[[str], Json | None], revision: str) -> Documents:
    """Load every document that ``spec``'s ``$ref``s reach, through ``read`` (repository path -> parsed
    document, None when absent); raise :class:`SpecError` listing every ``$ref`` that does not resolve."""
    documents: dict[str, Json] = {root: spec}
    problems: list[Problem] = []
    pending = [root]
    while pending:
        holder = pending.pop()
        for ref, at in _refs(documents[holder], Position(holder, 1)):
            target, pointer, problem = ref_target(ref, holder)
            if problem is None:
                if target not in documents:
                    documents[target] = read(target)
                    if documents[target] is not None:
                        pending.append(target)
                if documents[target] is None:
                    problem = f"{target} does not exist at {revision}"
                elif resolve_pointer(documents[target], pointer) is None:
                    problem = f"{target} has no object at #{pointer}"
            if problem is not None:
                problems.append(Problem(f"cannot resolve $ref '{ref}': {problem}", at))
    if problems:
        raise SpecError(revision, problems)
    return Documents(root, documents)


# --------------------------------------------------------------------------- schema flattening


@dataclass(frozen=True)
class Choice:
    """A real union (``oneOf``/``anyOf`` of objects or arrays): its branches and discriminator."""

    kind: str  # "oneOf" or "anyOf"
    branches: frozenset[str]  # branch keys: the $ref'd schema's name, its title, or "#n" (position)
    discriminator: str | None = None  # propertyName
    mapping: frozenset[tuple[str, str]] = frozenset()  # (discriminator value, schema name)


@dataclass(frozen=True)
class Node:
    """What one place in a payload (a JSON-ish path) accepts, after resolving composition."""

    types: frozenset[str]  # JSON types without "null"; empty means "anything"
    format: str | None = None
    nullable: bool = False
    enum: frozenset[str] | None = None  # JSON-encoded values; None when not an enum
    enum_open: bool = False
    extra: str = "any"  # additionalProperties: "any", "typed" (a schema) or "forbidden"
    required: bool = True  # does the parent object require this property (the root: always)
    union: Choice | None = None
    # Not part of what the node accepts: the component it was reached through (to match union branches),
    # and where it is declared (the property) and defined (the schema, after $ref), for annotations.
    name: str | None = field(default=None, compare=False)
    declared: Position | None = field(default=None, compare=False)
    defined: Position | None = field(default=None, compare=False)


class Resolver:
    """Follows ``$ref`` pointers (also into other documents) and normalises composition into one schema."""

    def __init__(self, documents: Documents) -> None:
        self.documents = documents

    def deref(self, obj: Json, seen: frozenset[str] = frozenset()) -> tuple[Json, frozenset[str]]:
        """Return the referenced object and the refs followed, stopping (returning None) on a cycle."""
        while isinstance(obj, dict) and isinstance(obj.get("$ref"), str):
            holder = obj.doc if isinstance(obj, Located) else self.documents.root
            target, pointer, _ = ref_target(obj["$ref"], holder)
            key = f"{target}#{pointer}"
            if key in seen:
                return None, seen
            seen = seen | {key}
            obj = resolve_pointer(self.documents.by_path.get(target), pointer)
        return obj, seen

    def effective(self, schema: Json, seen: frozenset[str]) -> tuple[dict[str, Json], frozenset[str]]:
        """Merge ``allOf`` and normalise ``anyOf``/``oneOf`` into a single schema dict; a real union keeps its
        branches under :data:`UNION_KEY` as ``(kind, [(key, branch)], seen)``."""
        resolved, seen = self.deref(schema, seen)
        if not isinstance(resolved, dict):
            return {}, seen
        merged = {k: v for k, v in resolved.items() if k not in ("allOf", "anyOf", "oneOf")}
        followed = seen
        parts = resolved.get("allOf") or []
        if len(parts) == 1 and (name := schema_name(parts[0])):
            merged.setdefault(NAME_KEY, name)
        for part in parts:
            sub, sub_seen = self.effective(part, seen)  # siblings may share a $ref; only ancestors count
            _merge_all_of(merged, sub)
            followed |= sub_seen
        kind = "anyOf" if resolved.get("anyOf") else "oneOf" if resolved.get("oneOf") else None
        if kind is not None and isinstance(resolved[kind], list):
            raw = resolved[kind]
            evaluated = [self.effective(branch, seen) for branch in raw]
            branches = [branch for branch, _ in evaluated]
            real = [(i, b) for i, b in enumerate(branches) if _types_of(b) != frozenset({"null"})]
            if len(real) > 1 and any(_types_of(b) & {"object", "array"} for _, b in real):
                keyed = _branch_keys([raw[i] for i, _ in real], [i for i, _ in real])
                merged.setdefault(UNION_KEY, (kind, keyed, seen))
                merged.setdefault("type", sorted(set().union(*(_types_of(b) for _, b in real))))
                merged.setdefault("nullable", len(real) < len(branches))
            else:
                _merge_all_of(merged, _collapse_union(branches))
                followed = followed.union(*(branch_seen for _, branch_seen in evaluated))  # what they expanded
                if len(real) == 1 and (name := schema_name(raw[real[0][0]])):
                    merged.setdefault(NAME_KEY, name)
        return merged, followed


def _merge_all_of(target: dict[str, Json], sub: Mapping[str, Json]) -> None:
    for key, value in sub.items():
        if key == "properties":
            target["properties"] = {**_mapping(value), **_mapping(target.get("properties"))}
        elif key == "required":
            target["required"] = sorted(set(target.get("required") or []) | set(value or []))
        else:
            target.setdefault(key, value)


def _collapse_union(branches: list[dict[str, Json]]) -> dict[str, Json]:
    """One schema for a union of at most one non-null branch, or of scalars only; detects nullability and
    open enums (real unions of objects or arrays are compared branch by branch instead)."""
    non_null = [b for b in branches if _types_of(b) != frozenset({"null"})]
    collapsed: dict[str, Json] = {"nullable": True} if len(non_null) < len(branches) else {}
    if len(non_null) == 1:
        return {**non_null[0], **collapsed}
    enums = [b for b in non_null if "enum" in b]
    collapsed["type"] = sorted(set().union(*(_types_of(b) for b in non_null)))
    if enums:
        collapsed["enum"] = [value for b in enums for value in b["enum"] or []]
        # An enum next to a plain branch of the same type is how the spec models "open" enums.
        enum_types = set().union(*(_types_of(b) for b in enums))
        plain = [_types_of(b) for b in non_null if "enum" not in b]
        collapsed["x-open-enum"] = any(not types or types & enum_types for types in plain)
    first_format = next((b["format"] for b in non_null if "format" in b), None)
    if first_format is not None:
        collapsed["format"] = first_format
    return collapsed


def schema_name(schema: Json) -> str | None:
    """The component name a ``$ref`` names (its last pointer segment, or the file's stem)."""
    if not isinstance(schema, dict) or not isinstance(schema.get("$ref"), str):
        return None
    return _ref_name(schema["$ref"])


def _ref_name(ref: str) -> str:
    file_part, _, pointer = ref.partition("#")
    last = pointer.rstrip("/").rpartition("/")[2] if pointer.strip("/") else ""
    return unquote(last).replace("~1", "/").replace("~0", "~") or posixpath.basename(file_part).partition(".")[0]


def _branch_keys(branches: list[Json], indexes: list[int]) -> list[tuple[str, Json]]:
    """Name each branch the way a reviewer (and the generated union) knows it; ``#n`` is the n-th branch."""
    keyed: list[tuple[str, Json]] = []
    for branch, index in zip(branches, indexes, strict=True):
        title = branch.get("title") if isinstance(branch, dict) else None
        key = schema_name(branch) or (title if isinstance(title, str) and title else f"#{index + 1}")
        while key in {k for k, _ in keyed}:
            key = f"{key}#{index + 1}"
        keyed.append((key, branch))
    return keyed


def _discriminator(schema: Mapping[str, Json]) -> tuple[str | None, frozenset[tuple[str, str]]]:
    declared = schema.get("discriminator")
    if not isinstance(declared, dict):
        return None, frozenset()
    mapping = _mapping(declared.get("mapping"))
    return str(declared.get("propertyName")), frozenset((str(v), _ref_name(str(t))) for v, t in mapping.items())


def _types_of(schema: Mapping[str, Json]) -> frozenset[str]:
    declared = schema.get("type")
    if isinstance(declared, str):
        return frozenset({declared})
    if isinstance(declared, list):
        return frozenset(str(t) for t in declared)
    if "properties" in schema:
        return frozenset({"object"})
    if "items" in schema:
        return frozenset({"array"})
    return frozenset()


def _enum_of(schema: Mapping[str, Json]) -> tuple[frozenset[str] | None, bool]:
    if isinstance(schema.get("x-extensible-enum"), list):
        return frozenset(json.dumps(v, sort_keys=True) for v in schema["x-extensible-enum"]), True
    if isinstance(schema.get("enum"), list):
        values = frozenset(json.dumps(v, sort_keys=True) for v in schema["enum"] if v is not None)
        return values, bool(schema.get("x-open-enum"))
    if "const" in schema:
        return frozenset({json.dumps(schema["const"], sort_keys=True)}), False
    return None, False


def flatten(resolver: Resolver, schema: Json, direction: str) -> dict[str, Node]:
    """Map every JSON-ish path of a payload to its :class:`Node`; ``direction`` is request/response."""
    nodes: dict[str, Node] = {}
    hidden = "readOnly" if direction == "request" else "writeOnly"  # never sent / never returned

    def visit(schema: Json, path: str, required: bool, seen: frozenset[str]) -> None:
        # ``seen`` holds the $refs expanded above this path: the resolver returns an empty schema where a
        # recursive schema repeats, and both revisions stop at the same place, so no change is missed.
        effective, followed = resolver.effective(schema, seen)
        types, (enum, enum_open) = _types_of(effective), _enum_of(effective)
        extra = effective.get("additionalProperties", True)
        kind, branches, branch_seen = effective.get(UNION_KEY) or (None, [], seen)
        declared = position(schema)
        nodes[path] = Node(
            types=types - {"null"},
            format=effective.get("format") if isinstance(effective.get("format"), str) else None,
            nullable=bool(effective.get("nullable")) or "null" in types,
            enum=enum,
            enum_open=enum_open,
            extra="forbidden" if extra is False else "typed" if isinstance(extra, dict) and extra else "any",
            required=required,
            union=Choice(kind, frozenset(k for k, _ in branches), *_discriminator(effective)) if kind else None,
            name=schema_name(schema) or effective.get(NAME_KEY),
            declared=declared,
            defined=position(resolver.deref(schema, seen)[0]) or declared,
        )
        required_names = set(effective.get("required") or [])
        for name, prop in sorted(_mapping(effective.get("properties")).items()):
            if not resolver.effective(prop, followed)[0].get(hidden):
                visit(prop, f"{path}.{name}" if path else name, name in required_names, followed)
        if isinstance(effective.get("items"), dict):
            visit(effective["items"], f"{path}[]", True, followed)
        if isinstance(extra, dict) and extra:
            visit(extra, f"{path}{{}}", True, followed)
        for key, branch in branches:
            visit(branch, f"{path}<{key}>", True, branch_seen)

    visit(schema, "", True, frozenset())
    return nodes


# --------------------------------------------------------------------------- classification


@dataclass(frozen=True)
class Change:
    operation: str  # "POST /api/two-factor/login", or DOCUMENT
    location: str  # "200 response body: user.twoFactor.methods[].method"
    kind: str
    id: str  # an oasdiff check id where one exists
    breaking: bool
    reason: str
    message: str
    file: str = ""  # where the changed element is written in the head revision (``--format github``)
    line: int = 0

    @classmethod
    def of(
        cls,
        operation: str,
        location: str,
        check: str,
        message: str,
        *,
        breaking: bool,
        reason: str,
        at: Position | None,
    ) -> Change:
        kind = next((kind for fragment, kind in KINDS if fragment in check), "added")
        file, line = (at.file, at.line) if at else ("", 0)
        return cls(operation, location, kind, check, breaking, reason, message, file, line)


# rule -> (breaking, reason), in one place so the classification can be audited. "request:"/"response:"
# rules classify payload changes by direction: what callers send may only get wider, what readers receive
# only narrower. Reasons describe the generated client (openapi-python-client: attrs models, str Enums).
RULES: dict[str, tuple[bool, str]] = {
    "request:new-required-property": (True, "callers that do not send it are rejected; the model requires it"),
    "request:new-optional-property": (False, "callers may ignore it"),
    "request:property-removed": (True, "the generated model loses the field; setting it raises TypeError"),
    "request:became-required": (True, "callers that omit it are rejected; the model requires it"),
    "request:became-optional": (False, "callers may keep sending it"),
    "request:type-compatible": (False, "every value callers send today is still accepted"),
    "request:type-incompatible": (True, "values callers send today may be rejected"),
    "request:became-nullable": (False, "callers may also send None"),
    "request:became-not-nullable": (True, "callers that send None are rejected"),
    "request:became-enum": (True, "callers sending other values are rejected"),
    "request:became-open-enum": (False, "other values are still accepted: the generated type is Enum | str"),
    "request:enum-removed": (False, "any value is accepted now"),
    "request:enum-value-removed": (True, "callers sending it are rejected; the generated Enum loses the member"),
    "request:closed-enum-value-added": (False, "callers may keep sending the old values"),
    "request:open-enum-value-added": (False, "callers may keep sending the old values"),
    "request:enum-became-open": (False, "values outside the list are accepted too"),
    "request:enum-became-closed": (True, "values outside the list are now rejected"),
    "request:additional-properties-widened": (False, "more input is accepted"),
    "request:additional-properties-narrowed": (True, "extra properties callers send may be rejected"),
    "request:additional-properties-forbidden": (True, "extra properties are rejected; the model drops them"),
    "response:new-required-property": (False, "readers may ignore it"),
    "response:new-optional-property": (False, "readers may ignore it"),
    "response:property-removed": (True, "the generated model loses the attribute; reading it raises"),
    "response:became-required": (False, "readers already handle it being present"),
    "response:became-optional": (True, "the attribute may be UNSET; readers that assume it is set break"),
    "response:type-compatible": (False, "every value returned fits the old type"),
    "response:type-incompatible": (True, "readers may receive values of a type they do not handle"),
    "response:became-nullable": (True, "readers may now receive None"),
    "response:became-not-nullable": (False, "readers no longer receive None"),
    "response:became-enum": (False, "readers receive a subset of the old values"),
    "response:became-open-enum": (False, "readers still receive any str: the generated str Enum is a str"),
    "response:enum-removed": (True, "readers may receive values outside the old enum"),
    "response:enum-value-removed": (True, "the generated Enum loses the member; naming it raises AttributeError"),
    "response:closed-enum-value-added": (True, "closed enum: the generated Enum raises ValueError on unknown values"),
    "response:open-enum-value-added": (False, "open enum: the generated union falls back to str"),
    "response:enum-became-open": (False, "unknown values no longer raise; the type becomes Enum | str"),
    "response:enum-became-closed": (True, "unknown values now raise ValueError"),
    "response:additional-properties-widened": (True, "readers may receive extra properties they do not expect"),
    "response:additional-properties-narrowed": (False, "readers receive fewer kinds of extra properties"),
    "response:additional-properties-forbidden": (True, "the generated model drops additional_properties"),
    "request:union-branch-added": (False, "callers may keep sending the shapes they send today"),
    "request:union-branch-removed": (True, "callers sending that shape are rejected; the generated union loses it"),
    "response:union-branch-added": (True, "readers may receive a shape they do not handle; the union gains a member"),
    "response:union-branch-removed": (False, "readers receive a subset of the old shapes"),
    "request:union-narrowed": (True, "a value matching several branches is now rejected"),
    "request:union-widened": (False, "every value callers send today is still accepted"),
    "response:union-narrowed": (False, "readers receive a subset of the old values"),
    "response:union-widened": (False, "the generated union is the same for oneOf and anyOf"),
    "request:discriminator-added": (True, "callers must send the discriminator property; values without it fail"),
    "response:discriminator-added": (False, "readers may ignore it"),
    "request:discriminator-removed": (False, "callers may keep sending the property"),
    "response:discriminator-removed": (True, "readers that dispatch on the discriminator may not receive it"),
    "discriminator-property-changed": (True, "another property selects the branch; code dispatching on it breaks"),
    "request:discriminator-mapping-added": (False, "callers may keep sending the old values"),
    "response:discriminator-mapping-added": (True, "readers may receive a discriminator value they do not handle"),
    "request:discriminator-mapping-removed": (True, "callers sending that value are rejected"),
    "response:discriminator-mapping-removed": (False, "readers no longer receive that value"),
    "discriminator-mapping-changed": (True, "the value now selects another schema"),
    "format-python-type-changed": (True, "the generated Python type changes"),
    "format-changed": (False, "the generated Python type stays the same"),
    "endpoint-added": (False, "a new capability"),
    "api-removed-without-deprecation": (True, "the generated module disappears; calls to it break"),
    "api-removed-after-deprecation": (True, "deprecated, yet the generated module disappears; calls break"),
    "api-operation-id-removed": (True, "the generated module and function are named after it"),
    "api-operation-id-added": (True, "the generated module and function are named after it"),
    "endpoint-deprecated": (False, "calls keep working"),
    "endpoint-reactivated": (False, "calls keep working"),
    "new-required-request-parameter": (True, "callers that do not pass it are rejected; the function requires it"),
    "new-optional-request-parameter": (False, "callers may ignore it"),
    "request-parameter-removed": (True, "the generated function loses the argument; passing it raises TypeError"),
    "request-parameter-became-required": (True, "callers that omit it are rejected; the function requires it"),
    "request-parameter-became-optional": (False, "callers may keep passing it"),
    "request-parameter-location-changed": (False, "the generated keyword argument keeps its name"),
    "request-parameter-left-path": (True, "path parameters are positional in the generated functions"),
    "added-required-request-body": (True, "callers must now send a body"),
    "request-body-added": (False, "callers may omit it"),
    "request-body-removed": (True, "the generated function loses its body argument"),
    "request-body-became-required": (True, "callers that omit it are rejected"),
    "request-body-became-optional": (False, "callers may keep sending it"),
    "request-body-media-type-removed": (True, "the client can no longer send that media type"),
    "request-body-media-type-added": (False, "an extra representation"),
    "response-media-type-removed": (True, "readers of that media type get nothing"),
    "response-media-type-added": (False, "an extra representation"),
    "response-success-status-removed": (True, "code handling that outcome breaks"),
    "response-non-success-status-removed": (False, "the server no longer documents that failure"),
    "response-success-status-added": (False, "a new outcome; review code that narrows `parsed`"),
    "response-non-success-status-added": (
        False,
        "notable: errors were always possible; review error handling",
    ),
    "api-security-added": (True, "unauthenticated callers are rejected; an AuthenticatedClient is needed"),
    "api-security-removed": (False, "credentials are no longer needed"),
    "security-alternative-added": (False, "an additional way to authenticate"),
    "security-alternative-removed": (True, "callers authenticating this way are rejected"),
    "security-alternative-still-covered": (False, "callers still satisfy another accepted requirement"),
    "api-security-scope-added": (True, "credentials without that scope are rejected"),
    "api-security-scope-removed": (False, "fewer permissions are needed"),
    "api-security-scheme-changed": (True, "client auth settings are configured by hand, not generated"),
    "request-parameter-renamed": (
        False,
        "path parameters are positional arguments of the generated functions: positional calls keep working; "
        "only calls that pass it by keyword must use the new name",
    ),
    "request-parameter-renamed-into-another-position": (
        True,
        "another path parameter had this name: positional calls now pass their values in a different order",
    ),
    "response-header-added": (False, "readers may ignore it"),
    "required-response-header-removed": (True, "code reading it gets nothing (`response.headers[...]` raises)"),
    "optional-response-header-removed": (False, "readers already handle its absence"),
    "response-header-became-optional": (True, "readers that assume the header is present break"),
    "response-header-became-required": (False, "readers already handle it being present"),
}


def classify(
    operation: str, location: str, check: str, message: str, rule: str | None = None, *, at: Position | None = None
) -> Change:
    """Build a :class:`Change`, classified by ``rule`` (the check id unless given) from :data:`RULES`."""
    breaking, reason = RULES[rule or check]
    return Change.of(operation, location, check, message, breaking=breaking, reason=reason, at=at)


# --------------------------------------------------------------------------- comparing payloads


@dataclass(frozen=True)
class Place:
    """Where a payload sits: its operation, a location label and the check-id prefixes used there."""

    operation: str
    label: str  # "request body", "200 response body", "query parameter userId"
    direction: str  # "request" or "response"
    root_prefix: str  # check-id prefix for the payload itself: request-body, response-body, request-parameter
    nested_prefix: str  # ... and for what is inside it: request-property, response-property, ...
    at: Position | None = None  # where the payload's holder is written in the head revision

    def change(self, path: str, check: str, message: str, rule: str, at: Position | None = None) -> Change:
        location = f"{self.label}: {path}" if path else self.label
        check = check.format(p=self.nested_prefix if path else self.root_prefix)
        direction_rule = f"{self.direction}:{rule}"
        rule = direction_rule if direction_rule in RULES else rule
        return classify(self.operation, location, check, message, rule, at=at or self.at)


def _covers(wide: frozenset[str], narrow: frozenset[str]) -> bool:
    """Does a value of any type in ``narrow`` also fit ``wide``? (an integer is a number)."""
    if not wide:
        return True
    return bool(narrow) and all(t in wide or (t == "integer" and "number" in wide) for t in narrow)


def _is_property(path: str) -> bool:
    return bool(path) and not path.endswith(("[]", "{}", ">"))


def _parent(path: str) -> str:
    if path.endswith(("[]", "{}")):
        return path[:-2]
    if path.endswith(">"):
        return path[: path.rindex("<")]
    return path.rpartition(".")[0]


def _within(path: str, ancestor: str) -> bool:
    return path != ancestor and path.startswith(ancestor) and (not ancestor or path[len(ancestor)] in ".[{<")


def diff_payload(place: Place, base: Mapping[str, Node], head: Mapping[str, Node]) -> list[Change]:
    base, head = _align_unions(base, head)
    changes: list[Change] = []
    for path in sorted(base.keys() | head.keys()):
        if path in base and path in head:
            changes += _diff_node(place, path, base[path], head[path])
        # Only properties whose parent exists on both sides: anything else follows a reported change.
        elif _is_property(path) and _parent(path) in base and _parent(path) in head:
            if path in head:
                changes.append(_presence_change(place, path, head[path], added=True, at=head[path].declared))
            else:
                changes.append(_presence_change(place, path, base[path], added=False, at=head[_parent(path)].defined))
    return changes


def _align_unions(base: Mapping[str, Node], head: Mapping[str, Node]) -> tuple[dict[str, Node], dict[str, Node]]:
    """Where a schema became a union or stopped being one, see the plain side as a union of one branch
    (named like the union's branches), so that what is inside that branch is compared, not reported anew."""
    aligned = dict(base), dict(head)
    while True:
        mismatched = sorted(p for p in aligned[0].keys() & aligned[1].keys() if _union_mismatch(aligned, p))
        if not mismatched:
            return aligned
        path = mismatched[0]
        plain, union = aligned if aligned[1][path].union else aligned[::-1]
        choice = union[path].union
        assert choice is not None  # noqa: S101 - _union_mismatch found exactly one side that is a union
        _wrap_in_branch(plain, path, choice)


def _union_mismatch(sides: tuple[dict[str, Node], dict[str, Node]], path: str) -> bool:
    return (sides[0][path].union is None) != (sides[1][path].union is None)


def _wrap_in_branch(nodes: dict[str, Node], path: str, like: Choice) -> None:
    node = nodes[path]
    key = node.name or "#1"
    branch = f"{path}<{key}>"
    inner = {p: n for p, n in nodes.items() if _within(p, path)}
    for inner_path in inner:
        del nodes[inner_path]
    for inner_path, inner_node in inner.items():
        rest = inner_path[len(path) :]
        nodes[branch + (rest if rest[0] in "[{<" or path else f".{rest}")] = inner_node
    nodes[branch] = replace(node, required=True, nullable=False)  # a null branch makes the union nullable
    choice = Choice(like.kind, frozenset({key}), like.discriminator, like.mapping)
    nodes[path] = Node(
        node.types,
        nullable=node.nullable,
        required=node.required,
        union=choice,
        name=node.name,
        declared=node.declared,
        defined=node.defined,
    )


def _presence_change(place: Place, path: str, node: Node, *, added: bool, at: Position | None) -> Change:
    need = "required" if node.required else "optional"
    if added:
        check = "new-{need}-request-property" if place.direction == "request" else "response-{need}-property-added"
        return place.change(path, check.format(need=need), f"was added ({need})", f"new-{need}-property", at)
    check = "request-property-removed" if place.direction == "request" else f"response-{need}-property-removed"
    return place.change(path, check, f"was removed ({need})", "property-removed", at)


def _diff_node(place: Place, path: str, old: Node, new: Node) -> list[Change]:
    changes: list[Change] = []
    if _is_property(path) and old.required != new.required:
        became = "became-required" if new.required else "became-optional"
        check = f"{place.direction}-property-{became}"
        changes.append(place.change(path, check, became.replace("-", " "), became, new.declared))
    if old.union and new.union:  # a union's content is compared branch by branch
        changes += _union_changes(place, path, old.union, new.union, new.defined)
    elif old.types != new.types:
        # Requests stay compatible when the new type accepts every old value; responses when the
        # old type still describes every new value.
        wide, narrow = (new.types, old.types) if place.direction == "request" else (old.types, new.types)
        old_text, new_text = "|".join(sorted(old.types)) or "any", "|".join(sorted(new.types)) or "any"
        rule = "type-compatible" if _covers(wide, narrow) else "type-incompatible"
        message = f"type changed from `{old_text}` to `{new_text}`"
        changes.append(place.change(path, "{p}-type-changed", message, rule, new.defined))
    if old.format != new.format:
        changes.append(_format_change(place, path, old.format, new.format, new.defined))
    if old.nullable != new.nullable:
        became = "became-nullable" if new.nullable else "became-not-nullable"
        changes.append(place.change(path, "{p}-" + became, became.replace("-", " "), became, new.defined))
    changes += _enum_changes(place, path, old, new)
    if old.extra != new.extra:
        changes.append(_extra_change(place, path, old.extra, new.extra, new.defined))
    return changes


def _union_changes(place: Place, path: str, old: Choice, new: Choice, at: Position | None) -> list[Change]:
    def change(check: str, message: str, rule: str) -> Change:
        return place.change(path, check, message, rule, at)

    changes = []
    if old.kind != new.kind:
        rule = "union-narrowed" if new.kind == "oneOf" else "union-widened"
        changes.append(change("{p}-union-kind-changed", f"changed from {old.kind} to {new.kind}", rule))
    of = {"oneOf": "one-of", "anyOf": "any-of"}
    for key in sorted(old.branches - new.branches):
        changes.append(
            change(f"{{p}}-{of[old.kind]}-removed", f"{old.kind} branch `{key}` was removed", "union-branch-removed")
        )
    for key in sorted(new.branches - old.branches):
        changes.append(
            change(f"{{p}}-{of[new.kind]}-added", f"{new.kind} branch `{key}` was added", "union-branch-added")
        )
    if old.discriminator != new.discriminator:
        if old.discriminator is None or new.discriminator is None:
            became = "added" if old.discriminator is None else "removed"
            name = new.discriminator or old.discriminator
            changes.append(
                change(
                    f"{{p}}-discriminator-{became}", f"discriminator `{name}` was {became}", f"discriminator-{became}"
                )
            )
            return changes
        message = f"discriminator changed from `{old.discriminator}` to `{new.discriminator}`"
        changes.append(change("{p}-discriminator-property-name-changed", message, "discriminator-property-changed"))
    old_map, new_map = dict(old.mapping), dict(new.mapping)
    for value in sorted(old_map.keys() | new_map.keys()):
        if value not in new_map:
            message = f"discriminator value `{value}` (`{old_map[value]}`) was removed"
            changes.append(change("{p}-discriminator-mapping-deleted", message, "discriminator-mapping-removed"))
        elif value not in old_map:
            message = f"discriminator value `{value}` (`{new_map[value]}`) was added"
            changes.append(change("{p}-discriminator-mapping-added", message, "discriminator-mapping-added"))
        elif old_map[value] != new_map[value]:
            message = f"discriminator value `{value}` now selects `{new_map[value]}` instead of `{old_map[value]}`"
            changes.append(change("{p}-discriminator-mapping-changed", message, "discriminator-mapping-changed"))
    return changes


def _format_change(place: Place, path: str, old: str | None, new: str | None, at: Position | None) -> Change:
    old_type, new_type = PYTHON_TYPED_FORMATS.get(old or "", "str"), PYTHON_TYPED_FORMATS.get(new or "", "str")
    message = f"format changed from `{old or 'none'}` to `{new or 'none'}`"
    if old_type == new_type:
        return place.change(path, "{p}-format-changed", message, "format-changed", at)
    message = f"{message} ({old_type} → {new_type})"
    return place.change(path, "{p}-format-changed", message, "format-python-type-changed", at)


def _enum_changes(place: Place, path: str, old: Node, new: Node) -> list[Change]:
    at = new.defined
    if old.enum is None and new.enum is None:
        return []
    if old.enum is None:
        # An open enum (the listed values or any other string) restricts nothing callers send.
        if new.enum_open:
            return [place.change(path, "{p}-became-open-enum", "became an open enum", "became-open-enum", at)]
        return [place.change(path, "{p}-became-enum", "became an enum", "became-enum", at)]
    if new.enum is None:
        return [place.change(path, "{p}-enum-removed", "is no longer an enum", "enum-removed", at)]
    kind = "open" if new.enum_open else "closed"
    changes = [
        place.change(path, "{p}-enum-value-removed", f"removed enum value {value}", "enum-value-removed", at)
        for value in sorted(old.enum - new.enum)
    ]
    changes += [
        place.change(
            path, "{p}-enum-value-added", f"added enum value {value} ({kind} enum)", f"{kind}-enum-value-added", at
        )
        for value in sorted(new.enum - old.enum)
    ]
    if old.enum_open != new.enum_open:
        message = f"enum became {kind}"
        changes.append(place.change(path, f"{{p}}-enum-became-{kind}", message, f"enum-became-{kind}", at))
    return changes


# How much each additionalProperties setting lets through: absent/true > a schema > false.
_EXTRA_WIDTH = {"forbidden": 0, "typed": 1, "any": 2}


def _extra_change(place: Place, path: str, old: str, new: str, at: Position | None) -> Change:
    if new == "forbidden":
        rule = "additional-properties-forbidden"
    else:
        wider = _EXTRA_WIDTH[new] > _EXTRA_WIDTH[old]
        rule = "additional-properties-widened" if wider else "additional-properties-narrowed"
    message = f"additionalProperties changed from {old} to {new}"
    return place.change(path, "{p}-additional-properties-changed", message, rule, at)


# --------------------------------------------------------------------------- operations


@dataclass
class Operation:
    key: str  # "POST /api/two-factor/login"
    path: str  # "/api/two-factor/login"
    raw: dict[str, Json]
    parameters: dict[tuple[str, str], dict[str, Json]]  # (in, name) -> parameter
    positions: dict[tuple[str, str], Position | None]  # where each parameter is listed


def operations_of(spec: Mapping[str, Json], resolver: Resolver) -> dict[str, Operation]:
    operations: dict[str, Operation] = {}
    for path, item in _mapping(spec.get("paths")).items():
        path_item, _ = resolver.deref(item)
        if not isinstance(path_item, dict):
            continue
        shared, shared_at = _parameters(resolver, path_item.get("parameters"))
        for method in HTTP_METHODS:
            if isinstance(path_item.get(method), dict):
                key = f"{method.upper()} {path}"
                own, own_at = _parameters(resolver, path_item[method].get("parameters"))
                parameters, positions = {**shared, **own}, {**shared_at, **own_at}
                operations[key] = Operation(key, str(path), path_item[method], parameters, positions)
    return operations


def _parameters(
    resolver: Resolver, raw: Json
) -> tuple[dict[tuple[str, str], dict[str, Json]], dict[tuple[str, str], Position | None]]:
    params, positions = {}, {}
    for entry in raw if isinstance(raw, list) else []:
        param, _ = resolver.deref(entry)
        if isinstance(param, dict) and "name" in param:
            key = (str(param.get("in", "query")), str(param["name"]))
            params[key], positions[key] = param, position(entry)
    return params, positions


def _op_sort_key(key: str) -> tuple[str, int]:
    if key == DOCUMENT:
        return "", -1
    method, _, path = key.partition(" ")
    return path, HTTP_METHODS.index(method.lower())


_TEMPLATE = re.compile(r"\{([^}]*)\}")


def _renamed_pairs(removed: Iterable[str], added: Iterable[str]) -> dict[str, str]:
    """Removed operation key -> added key, where only path parameter names differ (same method and shape)."""
    pairs: dict[str, str] = {}
    candidates = sorted(added)
    for key in sorted(removed):
        shape = _TEMPLATE.sub("{}", key)
        match = next((c for c in candidates if _TEMPLATE.sub("{}", c) == shape), None)
        if match is not None:
            pairs[key] = match
            candidates.remove(match)
    return pairs


def diff_specs(base_spec: Mapping[str, Json], head_spec: Mapping[str, Json]) -> list[Change]:
    """Every API change between two parsed OpenAPI documents that refer to no other file."""
    return diff_documents(Documents.of(base_spec), Documents.of(head_spec))


def diff_documents(base: Documents, head: Documents) -> list[Change]:
    """Every API change between two revisions of a spec, sorted by path, method and location."""
    base_resolver, head_resolver = Resolver(base), Resolver(head)
    base_ops, head_ops = operations_of(base.spec, base_resolver), operations_of(head.spec, head_resolver)
    renamed = _renamed_pairs(base_ops.keys() - head_ops.keys(), head_ops.keys() - base_ops.keys())
    paired = [(base_ops[k], head_ops[k]) for k in base_ops.keys() & head_ops.keys()]
    paired += [(base_ops[old], head_ops[new]) for old, new in renamed.items()]
    changes: list[Change] = []
    for key in base_ops.keys() - head_ops.keys() - renamed.keys():
        deprecated = base_ops[key].raw.get("deprecated")
        check = "api-removed-after-deprecation" if deprecated else "api-removed-without-deprecation"
        at = position(_mapping(head.spec.get("paths")), base_ops[key].path) or position(head.spec, "paths")
        changes.append(classify(key, "operation", check, "was removed", at=at))
    for key in head_ops.keys() - base_ops.keys() - set(renamed.values()):
        at = position(_mapping(head.spec.get("paths")).get(head_ops[key].path), key.partition(" ")[0].lower())
        changes.append(classify(key, "operation", "endpoint-added", "was added", at=at))
    for old, new in paired:
        changes += OperationPair(old, new, base_resolver, head_resolver).diff()
    changes += document_security_changes(base.spec, head.spec, paired)
    default = Position(head.root, 1)
    placed = [c if c.file else replace(c, file=default.file, line=default.line) for c in changes]
    return sorted(placed, key=lambda c: (*_op_sort_key(c.operation), c.location, c.id, c.message))


def _became(old: Mapping[str, Json], new: Mapping[str, Json]) -> str | None:
    """ "became-required"/"became-optional" when the ``required`` flag flipped, else None."""
    if bool(old.get("required")) == bool(new.get("required")):
        return None
    return "became-required" if new.get("required") else "became-optional"


@dataclass
class OperationPair:
    """One operation at both revisions, each with the resolver of its own spec."""

    base: Operation
    head: Operation
    base_resolver: Resolver
    head_resolver: Resolver

    def diff(self) -> list[Change]:
        return [
            *self._metadata(),
            *self._renamed_path_parameters(),
            *self._parameters(),
            *self._request_body(),
            *self._responses(),
            *operation_security_changes(self.head.key, self.base, self.head, self._specs()),
        ]

    def _specs(self) -> tuple[dict[str, Json], dict[str, Json]]:
        return self.base_resolver.documents.spec, self.head_resolver.documents.spec

    def _change(
        self, location: str, check: str, message: str, rule: str | None = None, *, at: Position | None = None
    ) -> Change:
        return classify(self.head.key, location, check, message, rule, at=at or position(self.head.raw))

    def _payload(self, place: Place, old_schema: Json, new_schema: Json) -> list[Change]:
        old = flatten(self.base_resolver, old_schema, place.direction)
        return diff_payload(place, old, flatten(self.head_resolver, new_schema, place.direction))

    def _metadata(self) -> Iterator[Change]:
        old_id, new_id = self.base.raw.get("operationId"), self.head.raw.get("operationId")
        if old_id != new_id:
            at = position(self.head.raw, "operationId")
            if old_id is None:
                yield self._change("operation", "api-operation-id-added", f"operationId `{new_id}` was set", at=at)
            elif new_id is None:
                yield self._change(
                    "operation", "api-operation-id-removed", f"operationId `{old_id}` was removed", at=at
                )
            else:
                message = f"operationId changed from `{old_id}` to `{new_id}`"
                yield self._change("operation", "api-operation-id-removed", message, at=at)
        if bool(self.base.raw.get("deprecated")) != bool(self.head.raw.get("deprecated")):
            at = position(self.head.raw, "deprecated")
            if self.head.raw.get("deprecated"):
                yield self._change("operation", "endpoint-deprecated", "was deprecated", at=at)
            else:
                yield self._change("operation", "endpoint-reactivated", "is no longer deprecated", at=at)

    def _path_names(self) -> tuple[list[str], list[str]]:
        return _TEMPLATE.findall(self.base.path), _TEMPLATE.findall(self.head.path)

    def _renamed_path_parameters(self) -> Iterator[Change]:
        old_names, new_names = self._path_names()
        for index, (old, new) in enumerate(zip(old_names, new_names, strict=True)):
            if old != new:
                moved = new in old_names and old_names.index(new) != index
                rule = "request-parameter-renamed-into-another-position" if moved else None
                message = f"was renamed to `{new}` (`{self.base.path}` → `{self.head.path}`)"
                at = self.head.positions.get(("path", new)) or position(self.head.raw)
                yield self._change(f"path parameter {old}", "request-parameter-renamed", message, rule, at=at)

    def _base_parameters(self) -> dict[tuple[str, str], dict[str, Json]]:
        """The base revision's parameters, path parameters under their head names (a rename is reported once)."""
        renames = dict(zip(*self._path_names(), strict=True))
        return {
            (where, renames.get(name, name) if where == "path" else name): p
            for (where, name), p in self.base.parameters.items()
        }

    def _parameters(self) -> Iterator[Change]:
        old, new = self._base_parameters(), self.head.parameters
        moves = {key: _moved_to(key, old, new) for key in old.keys() - new.keys()}
        moved = {key: dest for key, dest in moves.items() if dest is not None}
        listed = position(self.head.raw, "parameters")
        for key in sorted(old.keys() | new.keys()):
            label = f"{key[0]} parameter {key[1]}"
            at = self.head.positions.get(moved.get(key, key)) or listed
            if key in moved:
                rule = "request-parameter-left-path" if key[0] == "path" else None
                message = f"moved from {key[0]} to {moved[key][0]}"
                yield self._change(label, "request-parameter-location-changed", message, rule, at=at)
            elif key in old and key in new:
                if became := _became(old[key], new[key]):
                    yield self._change(label, f"request-parameter-{became}", became.replace("-", " "), at=at)
                place = Place(self.head.key, label, "request", "request-parameter", "request-parameter-property", at)
                yield from self._payload(place, _parameter_schema(old[key]), _parameter_schema(new[key]))
            elif key in old:
                yield self._change(label, "request-parameter-removed", "was removed", at=at)
            elif key not in moved.values():
                need = "required" if new[key].get("required") else "optional"
                yield self._change(label, f"new-{need}-request-parameter", f"was added ({need})", at=at)

    def _request_body(self) -> Iterator[Change]:
        old, _ = self.base_resolver.deref(self.base.raw.get("requestBody"))
        new, _ = self.head_resolver.deref(self.head.raw.get("requestBody"))
        at = position(self.head.raw, "requestBody")
        if old and not new:
            yield self._change("request body", "request-body-removed", "was removed", at=at)
        elif new and not old:
            required = bool(new.get("required"))
            check = "added-required-request-body" if required else "request-body-added"
            yield self._change("request body", check, f"was added ({'required' if required else 'optional'})", at=at)
        elif old and new:
            if became := _became(old, new):
                yield self._change("request body", f"request-body-{became}", became.replace("-", " "), at=at)
            yield from self._content("request body", old, new, "request")

    def _responses(self) -> Iterator[Change]:
        old_all = {str(k): v for k, v in _mapping(self.base.raw.get("responses")).items()}
        new_raw = _mapping(self.head.raw.get("responses"))
        new_all = {str(k): v for k, v in new_raw.items()}
        for status in sorted(old_all.keys() | new_all.keys()):
            outcome = "success" if status.startswith("2") else "non-success"
            at = position(new_raw, status) if status in new_all else position(self.head.raw, "responses")
            if status not in new_all:
                yield self._change(f"{status} response", f"response-{outcome}-status-removed", "was removed", at=at)
            elif status not in old_all:
                yield self._change(f"{status} response", f"response-{outcome}-status-added", "was added", at=at)
            else:
                old, _ = self.base_resolver.deref(old_all[status])
                new, _ = self.head_resolver.deref(new_all[status])
                yield from self._content(f"{status} response body", old, new, "response")
                yield from self._headers(status, _mapping(old), _mapping(new))

    def _content(self, label: str, old: Json, new: Json, direction: str) -> Iterator[Change]:
        old_media, new_media = _mapping(_mapping(old).get("content")), _mapping(_mapping(new).get("content"))
        media_check = "request-body-media-type-{}" if direction == "request" else "response-media-type-{}"
        for media in sorted(old_media.keys() | new_media.keys()):
            where = label if media == "application/json" else f"{label} ({media})"
            at = position(new_media, media) if media in new_media else position(new, "content") or position(new)
            if media not in new_media:
                yield self._change(where, media_check.format("removed"), f"media type {media} was removed", at=at)
            elif media not in old_media:
                yield self._change(where, media_check.format("added"), f"media type {media} was added", at=at)
            else:
                place = Place(self.head.key, where, direction, f"{direction}-body", f"{direction}-property", at)
                old_schema, new_schema = (
                    _mapping(old_media[media]).get("schema"),
                    _mapping(new_media[media]).get("schema"),
                )
                yield from self._payload(place, old_schema, new_schema)

    def _headers(self, status: str, old: Mapping[str, Json], new: Mapping[str, Json]) -> Iterator[Change]:
        old_headers, new_headers = _headers_of(self.base_resolver, old), _headers_of(self.head_resolver, new)
        listed = position(new, "headers") or position(new)
        for key in sorted(old_headers.keys() | new_headers.keys()):
            name, header, at = new_headers.get(key) or old_headers[key]
            label = f"{status} response header {name}"
            at = at if key in new_headers else listed
            if key not in new_headers or key not in old_headers:
                need = "required" if header.get("required") else "optional"
                check = f"{need}-response-header-removed" if key not in new_headers else "response-header-added"
                change = "removed" if key not in new_headers else "added"
                yield self._change(label, check, f"was {change} ({need})", at=at)
                continue
            old_header = old_headers[key][1]
            if became := _became(old_header, header):
                yield self._change(label, f"response-header-{became}", became.replace("-", " "), at=at)
            place = Place(self.head.key, label, "response", "response-header", "response-header-property", at)
            yield from self._payload(place, _parameter_schema(old_header), _parameter_schema(header))


def _headers_of(
    resolver: Resolver, response: Mapping[str, Json]
) -> dict[str, tuple[str, dict[str, Json], Position | None]]:
    """Lower-cased header name -> (name as written, header object, where it is written); HTTP header names
    are case-insensitive, and a ``Content-Type`` header is ignored, as OpenAPI says."""
    headers = {}
    listed = _mapping(response.get("headers"))
    for name, raw in listed.items():
        header, _ = resolver.deref(raw)
        if isinstance(header, dict) and str(name).lower() != "content-type":
            headers[str(name).lower()] = (str(name), header, position(listed, str(name)))
    return headers


def _moved_to(
    key: tuple[str, str], old: Mapping[tuple[str, str], Json], new: Mapping[tuple[str, str], Json]
) -> tuple[str, str] | None:
    """Where a parameter that left its location now lives under the same name, if anywhere new."""
    return next((dest for dest in sorted(new) if dest[1] == key[1] and dest not in old), None)


def _parameter_schema(param: Mapping[str, Json]) -> Json:
    if "schema" in param:
        return param["schema"]
    content = _mapping(param.get("content"))
    return next((_mapping(media).get("schema") for _, media in sorted(content.items())), None)


# --------------------------------------------------------------------------- security

Alternative = frozenset[str]  # scheme names that must all be satisfied together


@dataclass(frozen=True)
class Security:
    alternatives: dict[Alternative, dict[str, frozenset[str]]]  # alternative -> scheme -> scopes

    @property
    def anonymous(self) -> bool:
        return frozenset() in self.alternatives

    @property
    def schemes(self) -> set[str]:
        return {name for alternative in self.alternatives for name in alternative}


def _security(requirements: Json) -> Security:
    # No requirement at all and an empty requirement ({}) both mean anonymous access.
    listed = requirements if isinstance(requirements, list) and requirements else [{}]
    return Security(
        {frozenset(r): {k: frozenset(v or []) for k, v in r.items()} for r in listed if isinstance(r, dict)}
    )


def _inherits_security(pair: tuple[Operation, Operation]) -> bool:
    """Does the operation take the document's ``security`` at both revisions (so it is reported once there)?"""
    return all("security" not in operation.raw for operation in pair)


def operation_security_changes(
    key: str, base: Operation, head: Operation, specs: tuple[Mapping[str, Json], Mapping[str, Json]]
) -> list[Change]:
    if _inherits_security((base, head)):
        return []
    old = _security(base.raw.get("security", specs[0].get("security")))
    new = _security(head.raw.get("security", specs[1].get("security")))
    at = position(head.raw, "security") if "security" in head.raw else position(specs[1], "security")
    return security_changes(key, old, new, at or position(head.raw))


def document_security_changes(
    base_spec: Mapping[str, Json], head_spec: Mapping[str, Json], pairs: list[tuple[Operation, Operation]]
) -> list[Change]:
    """The document's own ``security`` (when some operation inherits it at both revisions) and the security
    schemes the operations use, each compared once."""
    changes = []
    if any(_inherits_security(pair) for pair in pairs):
        old, new = _security(base_spec.get("security")), _security(head_spec.get("security"))
        changes += security_changes(DOCUMENT, old, new, position(head_spec, "security") or position(head_spec))
    old_defined = _mapping(_mapping(base_spec.get("components")).get("securitySchemes"))
    new_defined = _mapping(_mapping(head_spec.get("components")).get("securitySchemes"))
    used: set[str] = set()
    for pair in pairs:
        for operation, spec in zip(pair, (base_spec, head_spec), strict=True):
            used |= _security(operation.raw.get("security", spec.get("security"))).schemes
    for scheme in sorted(used & old_defined.keys() & new_defined.keys()):
        if old_defined[scheme] != new_defined[scheme]:
            at = position(new_defined, scheme)
            message = f"scheme {scheme} was redefined"
            changes.append(classify(DOCUMENT, "security", "api-security-scheme-changed", message, at=at))
    return changes


def _describe(alternatives: Iterable[Alternative]) -> str:
    return " or ".join(" + ".join(sorted(alt)) or "anonymous" for alt in sorted(alternatives, key=sorted))


def security_changes(operation: str, old: Security, new: Security, at: Position | None = None) -> list[Change]:
    def change(check: str, message: str, rule: str | None = None) -> Change:
        return classify(operation, "security", check, message, rule, at=at)

    if old.anonymous != new.anonymous:
        if old.anonymous:
            return [change("api-security-added", f"now requires {_describe(new.alternatives)}")]
        return [change("api-security-removed", "no longer requires authentication")]
    changes = []
    for alt in sorted(old.alternatives.keys() - new.alternatives.keys(), key=sorted):
        covered = new.anonymous or any(other <= alt for other in new.alternatives)
        rule = "security-alternative-still-covered" if covered else "security-alternative-removed"
        changes.append(change("api-security-removed", f"no longer accepts {_describe([alt])}", rule))
    for alt in sorted(new.alternatives.keys() - old.alternatives.keys(), key=sorted):
        changes.append(
            change("api-security-added", f"now also accepts {_describe([alt])}", "security-alternative-added")
        )
    for alt in sorted(old.alternatives.keys() & new.alternatives.keys(), key=sorted):
        for scheme in sorted(alt):
            before, after = old.alternatives[alt][scheme], new.alternatives[alt][scheme]
            changes += [
                change("api-security-scope-added", f"{scheme} requires scope {s}") for s in sorted(after - before)
            ]
            changes += [
                change("api-security-scope-removed", f"{scheme} stopped requiring scope {s}")
                for s in sorted(before - after)
            ]
    return changes


# --------------------------------------------------------------------------- facade public surface


@dataclass(frozen=True)
class Parameter:
    name: str
    kind: str  # "positional" (may be passed positionally), "keyword", "variadic"
    has_default: bool


@dataclass(frozen=True)
class SurfaceItem:
    kind: str  # "export", "class", "method", "property"
    text: str  # the source-level signature shown to reviewers
    is_async: bool = False
    parameters: tuple[Parameter, ...] = ()
    at: Position | None = field(default=None, compare=False)  # where it is defined


@dataclass(frozen=True)
class SurfaceChange:
    name: str
    kind: str  # "export", "class", "method", "property", "module"
    change: str  # "added", "removed", "changed"
    before: str
    after: str
    breaking: bool
    reason: str
    file: str = ""  # where it is defined in the head revision (nothing when it was removed)
    line: int = 0


def surface_of(sources: Mapping[str, str]) -> dict[str, SurfaceItem]:
    """The public surface of the facade, from ``{path relative to src/: source text}``."""
    surface: dict[str, SurfaceItem] = {}
    for path, source in sorted(sources.items()):
        module = path.removesuffix(".py").removesuffix("/__init__").replace("/", ".")
        file = f"src/{path}"
        try:
            tree = ast.parse(source)
        except SyntaxError as error:
            at = Position(file, error.lineno or 1)
            surface[f"{module} (unparseable)"] = SurfaceItem("module", f"syntax error: {error.msg}", at=at)
            continue
        if path.endswith("fusionauth_two_factor/__init__.py"):
            surface.update(
                {
                    f"{module}.__all__[{name!r}]": SurfaceItem("export", "exported", at=Position(file, line))
                    for name, line in _exports(tree)
                }
            )
        for node in tree.body:
            if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
                surface.update(_class_surface(f"{module}.{node.name}", node, file))
    return surface


def _exports(tree: ast.Module) -> list[tuple[str, int]]:
    names: list[tuple[str, int]] = []
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(target, ast.Name) and target.id == "__all__" for target in targets):
                try:
                    names += [(str(name), node.lineno) for name in ast.literal_eval(node.value)]
                except ValueError:
                    continue  # a computed __all__ cannot be read without importing the code
    return names


def _class_surface(qualname: str, node: ast.ClassDef, file: str) -> dict[str, SurfaceItem]:
    bases = ", ".join(ast.unparse(base) for base in node.bases)
    text = f"class {node.name}({bases})" if bases else f"class {node.name}"
    surface = {qualname: SurfaceItem("class", text, at=Position(file, node.lineno))}
    for member in node.body:
        if isinstance(member, ast.FunctionDef | ast.AsyncFunctionDef) and _is_public_method(member.name):
            surface[f"{qualname}.{member.name}"] = replace(_method_item(member), at=Position(file, member.lineno))
    return surface


def _is_public_method(name: str) -> bool:
    return not name.startswith("_") or name in ("__init__", "__call__", "__aenter__", "__enter__")


def _method_item(func: ast.FunctionDef | ast.AsyncFunctionDef) -> SurfaceItem:
    returns = f" -> {ast.unparse(func.returns)}" if func.returns else ""
    if any(ast.unparse(d) in ("property", "functools.cached_property", "cached_property") for d in func.decorator_list):
        return SurfaceItem("property", f"property {func.name}{returns}")
    prefix = "async def" if isinstance(func, ast.AsyncFunctionDef) else "def"
    text = f"{prefix} {func.name}({ast.unparse(func.args)}){returns}"
    return SurfaceItem("method", text, isinstance(func, ast.AsyncFunctionDef), _parameters_of(func.args))


def _parameters_of(args: ast.arguments) -> tuple[Parameter, ...]:
    positional = [*args.posonlyargs, *args.args]
    first_default = len(positional) - len(args.defaults)
    params = [Parameter(a.arg, "positional", i >= first_default) for i, a in enumerate(positional)]
    params += [
        Parameter(a.arg, "keyword", d is not None) for a, d in zip(args.kwonlyargs, args.kw_defaults, strict=True)
    ]
    params += [Parameter(a.arg, "variadic", True) for a in (args.vararg, args.kwarg) if a is not None]
    return tuple(params)


def _incompatibility(old: SurfaceItem, new: SurfaceItem) -> str | None:
    """Why calls written against ``old`` fail against ``new``, or None when they keep working."""
    if old.kind != new.kind or old.is_async != new.is_async:
        return "callers must change how they use it (sync/async or member kind changed)"
    new_by_name = {p.name: p for p in new.parameters}
    for param in old.parameters:
        replacement = new_by_name.get(param.name)
        if replacement is None:
            return f"parameter `{param.name}` was removed"
        if param.has_default and not replacement.has_default:
            return f"parameter `{param.name}` lost its default"
    old_positional = [p.name for p in old.parameters if p.kind == "positional"]
    new_positional = [p.name for p in new.parameters if p.kind == "positional"]
    if new_positional[: len(old_positional)] != old_positional:
        return "positional parameters were reordered or made keyword-only"
    old_names = {p.name for p in old.parameters}
    for param in new.parameters:
        if param.name not in old_names and not param.has_default:
            return f"new parameter `{param.name}` has no default"
    return None


def diff_surfaces(old: Mapping[str, SurfaceItem], new: Mapping[str, SurfaceItem]) -> list[SurfaceChange]:
    changes = []
    for name in sorted(old.keys() | new.keys()):
        if name not in new:
            changes.append(
                SurfaceChange(name, old[name].kind, "removed", old[name].text, "", True, "code using it breaks")
            )
        elif name not in old:
            item = SurfaceChange(name, new[name].kind, "added", "", new[name].text, False, "new public API")
            changes.append(_placed(item, new[name].at))
        elif old[name].text != new[name].text:
            problem = _incompatibility(old[name], new[name])
            reason = problem or "existing calls keep working (annotations or new optional parameters)"
            item = SurfaceChange(name, new[name].kind, "changed", old[name].text, new[name].text, bool(problem), reason)
            changes.append(_placed(item, new[name].at))
    return changes


def _placed(change: SurfaceChange, at: Position | None) -> SurfaceChange:
    return replace(change, file=at.file, line=at.line) if at else change


# --------------------------------------------------------------------------- git


def _git(root: Path | None, *args: str) -> str:
    try:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False)  # noqa: S607
    except FileNotFoundError as error:
        raise UsageError("git is not installed") from error
    if result.returncode != 0:
        raise UsageError(f"git {' '.join(args)} failed: {result.stderr.strip()}")
    return result.stdout


def repo_root() -> Path:
    try:
        return Path(_git(None, "rev-parse", "--show-toplevel").strip())
    except UsageError as error:
        raise UsageError("not inside a git repository") from error


def verify_ref(root: Path, ref: str) -> str:
    """The commit sha of ``ref``, or a UsageError naming the unknown ref."""
    try:
        return _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").strip()
    except UsageError as error:
        raise UsageError(f"unknown git ref '{ref}'") from error


def default_base(root: Path) -> str:
    for candidate in ("origin/main", "main"):
        try:
            verify_ref(root, candidate)
        except UsageError:
            continue
        return _git(root, "merge-base", "HEAD", candidate).strip()
    raise UsageError("no BASE given and neither origin/main nor main exists; pass BASE explicitly")


def read_text(root: Path, rev: str | None, path: str) -> str | None:
    """A file at a revision (None: the working tree), or None when it does not exist there."""
    if rev is WORKTREE:
        file = root / path
        return file.read_text(encoding="utf-8") if file.is_file() else None
    listed = _git(root, "ls-tree", "--name-only", rev, "--", path).strip()
    return _git(root, "show", f"{rev}:{path}") if listed else None


def load_documents_at(root: Path, rev: str | None, path: str, label: str) -> Documents:
    """The spec ``path`` at ``rev`` (missing: an empty API) with every document its ``$ref``s reach."""

    def read(document_path: str) -> Json | None:
        text = read_text(root, rev, document_path)
        if text is None:
            return None
        try:
            document = parse_yaml(text, document_path)
        except yaml.YAMLError as error:
            raise UsageError(f"cannot parse {document_path} at {label}: {error}") from error
        if not isinstance(document, dict):
            what = "an OpenAPI document" if document_path == path else "a YAML mapping"
            raise UsageError(f"{document_path} at {label} is not {what}")
        return document

    return load_documents(path, read(path) or {}, read, label)


def facade_sources(root: Path, rev: str | None) -> dict[str, str]:
    if rev is WORKTREE:
        files = sorted(str(p.relative_to(root)) for p in (root / FACADE_DIR).rglob("*.py"))
    else:
        files = _git(root, "ls-tree", "-r", "--name-only", rev, "--", FACADE_DIR).splitlines()
    sources = {}
    for file in files:
        text = read_text(root, rev, file) if file.endswith(".py") else None
        if text is not None:
            sources[file.removeprefix("src/")] = text
    return sources


def generated_changes(root: Path, base: str, head: str | None) -> list[tuple[str, str]]:
    """``(status, path)`` for files under generated/ that differ; untracked files count as added."""
    revs = [base] if head is WORKTREE else [base, head]
    output = _git(root, "diff", "--no-renames", "--name-status", *revs, "--", GENERATED_DIR)
    changes = {tuple(line.split("\t", 1)) for line in output.splitlines() if "\t" in line}
    if head is WORKTREE:
        untracked = _git(root, "ls-files", "--others", "--exclude-standard", "--", GENERATED_DIR)
        changes |= {("A", path) for path in untracked.splitlines()}
    return sorted(((status, path) for status, path in changes), key=lambda c: (c[1], c[0]))


# --------------------------------------------------------------------------- report


@dataclass
class Report:
    base_label: str
    head_label: str
    spec: str
    changes: list[Change]
    generated: list[tuple[str, str]]
    surface: list[SurfaceChange]

    @property
    def breaking_count(self) -> int:
        return sum(c.breaking for c in self.changes) + sum(c.breaking for c in self.surface)

    def to_json(self) -> str:
        document = {
            "base": self.base_label,
            "head": self.head_label,
            "spec": self.spec,
            "breaking": self.breaking_count,
            "changes": [asdict(change) for change in self.changes],
            "generated_files": [{"status": status, "path": path} for status, path in self.generated],
            "surface_changes": [asdict(change) for change in self.surface],
        }
        return json.dumps(document, indent=2, sort_keys=True)

    def to_markdown(self) -> str:
        breaking = sum(c.breaking for c in self.changes)
        lines = [f"## API changes in `{self.spec}`: `{self.base_label}` → `{self.head_label}`", ""]
        facade = sum(c.breaking for c in self.surface)
        summary = f"**{breaking} breaking**, {len(self.changes) - breaking} non-breaking API changes"
        lines.append(f"{summary}; {facade} breaking facade changes.")
        for title, wanted in (("Breaking changes", True), ("Non-breaking changes", False)):
            selected = [c for c in self.changes if c.breaking == wanted]
            if selected:
                lines += ["", f"### {title}", *_grouped_lines(selected)]
        if not self.changes:
            lines += ["", "No API changes."]
        lines += ["", f"### Regenerated code (`{GENERATED_DIR}/`)", ""]
        lines += [f"- `{status}` {path}" for status, path in self.generated] or ["No files changed."]
        lines += ["", f"### Facade public surface (`{FACADE_DIR}`)", ""]
        lines += [render_surface_line(change) for change in self.surface] or ["No changes."]
        return "\n".join(lines) + "\n"

    def to_github(self) -> str:
        """One ``::error`` workflow command per breaking change, on the head revision's line, then a summary."""
        lines = [
            workflow_error(f"{c.operation} {c.location}: {c.message} — {c.reason} ({c.id})", c.file, c.line)
            for c in self.changes
            if c.breaking
        ]
        lines += [
            workflow_error(f"{c.name} {_surface_detail(c)} — {c.reason}", c.file, c.line)
            for c in self.surface
            if c.breaking
        ]
        lines.append(
            f"spec_diff: {self.breaking_count} breaking change(s) between {self.base_label} and {self.head_label}"
        )
        return "\n".join(lines) + "\n"


def workflow_error(message: str, file: str = "", line: int = 0) -> str:
    """A GitHub Actions ``::error`` command, escaped as the runner expects (data: % CR LF; properties: also : ,)."""

    def data(text: str) -> str:
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    def prop(text: str) -> str:
        return data(text).replace(":", "%3A").replace(",", "%2C")

    where = ",".join(part for part in (f"file={prop(file)}" if file else "", f"line={line}" if line else "") if part)
    return f"::error {where}::{data(message)}" if where else f"::error::{data(message)}"


_OPERATION_HEADINGS = {DOCUMENT: "#### Whole document (every operation)"}


def _grouped_lines(changes: list[Change]) -> list[str]:
    lines: list[str] = []
    for change in changes:
        heading = _OPERATION_HEADINGS.get(change.operation, f"#### `{change.operation}`")
        if heading not in lines:
            lines += ["", heading, ""]
        lines.append(render_change_line(change))
    return lines


def render_change_line(change: Change) -> str:
    return f"- `{change.location}` {change.message} — {change.reason} (`{change.id}`)"


def render_surface_line(change: SurfaceChange) -> str:
    marker = "**breaking**" if change.breaking else "non-breaking"
    return f"- `{change.name}` {_surface_detail(change)} — {marker}: {change.reason}"


def _surface_detail(change: SurfaceChange) -> str:
    if change.change == "changed":
        return f"changed from `{change.before}` to `{change.after}`"
    if change.kind == "export":
        return f"was {change.change}"
    return f"was {change.change}: `{change.before or change.after}`"


# --------------------------------------------------------------------------- command line


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="spec_diff.py",
        description="Report API changes in the OpenAPI spec between two git revisions, classified as "
        "breaking or not for code using the Python client, plus regenerated files and facade surface changes.",
        epilog="BASE defaults to the merge-base of HEAD with origin/main (or main when origin/main does not exist); "
        "HEAD defaults to the working tree, uncommitted and untracked edits included. "
        "Exit status: 0; 1 with --fail-on-breaking when something breaks; 2 on usage errors and on $refs "
        "that cannot be resolved.",
    )
    parser.add_argument("base", nargs="?", metavar="BASE", help="git ref of the old revision (default: merge-base)")
    parser.add_argument("head", nargs="?", metavar="HEAD", help="git ref of the new revision (default: working tree)")
    parser.add_argument(
        "--format",
        choices=("markdown", "json", "github"),
        default="markdown",
        help="output format; github: one ::error workflow command per breaking change, for GitHub Actions",
    )
    parser.add_argument("--fail-on-breaking", action="store_true", help="exit 1 when any breaking change is found")
    parser.add_argument(
        "--spec", default=DEFAULT_SPEC, help=f"spec path from the repository root (default: {DEFAULT_SPEC})"
    )
    return parser.parse_args(argv)


def build_report(args: argparse.Namespace) -> Report:
    root = repo_root()
    if args.base is None:
        base = default_base(root)
        base_label = f"merge-base {base[:12]}"
    else:
        base, base_label = verify_ref(root, args.base), args.base
    head = WORKTREE if args.head is None else verify_ref(root, args.head)
    head_label = "working tree" if args.head is None else args.head
    spec = posixpath.normpath(args.spec)
    head_where = "the working tree" if head is WORKTREE else head_label
    changes = diff_documents(
        load_documents_at(root, base, spec, base_label), load_documents_at(root, head, spec, head_where)
    )
    surface = diff_surfaces(surface_of(facade_sources(root, base)), surface_of(facade_sources(root, head)))
    return Report(base_label, head_label, args.spec, changes, generated_changes(root, base, head), surface)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        report = build_report(args)
    except UsageError as error:
        print(_error_report(error, args.format, args.spec), end="")
        print(f"spec_diff.py: error: {error}", file=sys.stderr)
        return 2
    rendered = {"json": report.to_json() + "\n", "github": report.to_github(), "markdown": report.to_markdown()}
    print(rendered[args.format], end="")
    return 1 if args.fail_on_breaking and report.breaking_count else 0


def _error_report(error: UsageError, output_format: str, spec: str) -> str:
    """What stdout says when there is no report: for a spec that cannot be compared, its problems in Markdown
    (the job summary shows them) or as annotations; with ``--format github``, the message too."""
    problems = error.problems if isinstance(error, SpecError) else []
    if output_format == "github":
        lines = [workflow_error(p.message, p.at.file, p.at.line) for p in problems]
        return "\n".join([*lines, workflow_error(f"spec_diff.py: {error}")]) + "\n"
    if output_format == "markdown" and problems:
        lines = [f"- `{p.at.file}` line {p.at.line}: {p.message}" for p in problems]
        return "\n".join([f"## API changes in `{spec}`: the spec cannot be compared", "", *lines]) + "\n"
    return ""


if __name__ == "__main__":
    sys.exit(main())
