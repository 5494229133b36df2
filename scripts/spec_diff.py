"""Report what changed in the two-factor API between two git revisions, for pull-request review.

Usage::

    python scripts/spec_diff.py [BASE] [HEAD] [--format markdown|json] [--fail-on-breaking]
                                [--spec openapi/two-factor.yaml]

Defaults (chosen for a pull request checked out locally):

* BASE: the merge-base of ``HEAD`` with ``origin/main`` when that ref exists, else with ``main``.
  Passing BASE explicitly (``origin/main``, a tag, a sha) is recommended in CI.
* HEAD: the working tree, uncommitted and untracked edits included. Pass a ref to compare commits.
* ``--spec``: ``openapi/two-factor.yaml``, relative to the repository root (``git rev-parse --show-toplevel``).

Each spec revision is read with ``git show REV:path`` (the working tree: straight from disk); a spec
missing at a revision is an empty API. ``$ref`` is resolved with cycle protection, so a change inside a
shared schema is reported under every operation whose request or responses reach it, with a JSON-ish
path (``200 response body: user.twoFactor.methods[].method``). ``allOf`` is merged; ``anyOf``/``oneOf``
are unioned, and ``anyOf: [{$ref: SomeEnum}, {type: string}]`` (or ``x-extensible-enum``) is an *open* enum.

Every change is classified breaking or non-breaking *for code that uses this Python client* (the
generated package plus the facade), with a reason and an oasdiff-style id. oasdiff's checks are the
baseline; where the generated client makes the consequence differ we follow the client:

* removing a request parameter, a request property, or an optional response property is breaking
  (oasdiff: warning / info): the generated function or model loses that argument or attribute;
* removing a value from any enum is breaking, also in responses (oasdiff: info): the generated
  ``Enum`` loses the member, and code that names it raises ``AttributeError``;
* adding a value to a closed response enum is breaking (the generated ``Enum(value)`` raises on an
  unknown value), but to an open enum it is not (the generated union falls back to ``str``);
* ``operationId`` set, removed or changed is breaking (oasdiff: info): it names the generated module;
* removing a deprecated operation is still breaking: the generated module disappears;
* moving a parameter between query/header/cookie is non-breaking (oasdiff: a removal plus an
  addition): the generated keyword argument keeps its name; moving it out of the path is breaking,
  because path parameters are positional arguments of the generated functions;
* a ``format`` change is breaking only when it changes the generated Python type (``date-time``,
  ``date``, ``uuid``, ``binary``); oasdiff treats every format change as a type change;
* a new error status (4xx/5xx/default) is non-breaking but called out: the server could always fail,
  and the client now parses that body instead of leaving ``parsed`` as ``None``;
* security: losing anonymous access, losing an accepted scheme, gaining a scope or a changed scheme
  definition (the client's auth settings are not generated from it) are breaking (oasdiff: info).

The report ends with the files the regeneration touched under ``generated/`` and the changes in the
facade's public surface (``__all__`` and public classes/methods of ``src/fusionauth_two_factor``,
read with ``ast``, never imported). A removed or incompatibly re-signed facade member is breaking.

Exit status: 0, or 1 with ``--fail-on-breaking`` when anything breaking was found; 2 on usage errors
(unknown ref, not a git repository, unreadable spec). See ``docs/spec-diff.md``.
"""

from __future__ import annotations

import argparse
import ast
import json
import subprocess
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import yaml

DEFAULT_SPEC = "openapi/two-factor.yaml"
FACADE_DIR = "src/fusionauth_two_factor"
GENERATED_DIR = "generated"
WORKTREE = None  # the HEAD revision that means "the working tree"
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
# String formats for which openapi-python-client generates a different Python type than plain str.
PYTHON_TYPED_FORMATS = {"date-time": "datetime.datetime", "date": "datetime.date", "uuid": "UUID", "binary": "File"}

Json = Any  # parsed YAML: dicts, lists and scalars


class UsageError(Exception):
    """A problem with the arguments or the repository; reported as exit status 2."""


# Check-id fragments mapped to the change kind reported in JSON; the first fragment found wins.
KINDS = (
    ("became-required", "required"),
    ("became-optional", "required"),
    ("type-changed", "type"),
    ("format-changed", "format"),
    ("nullable", "nullable"),
    ("enum", "enum"),
    ("additional-properties", "additionalProperties"),
    ("location-changed", "location"),
    ("status", "status"),
    ("media-type", "media-type"),
    ("security", "security"),
    ("operation-id", "operationId"),
    ("deprecated", "deprecated"),
    ("reactivated", "deprecated"),
    ("removed", "removed"),
)


@dataclass(frozen=True)
class Change:
    operation: str  # "POST /api/two-factor/login"
    location: str  # "200 response body: user.twoFactor.methods[].method"
    kind: str
    id: str  # an oasdiff check id where one exists
    breaking: bool
    reason: str
    message: str

    @classmethod
    def of(cls, operation: str, location: str, check: str, message: str, *, breaking: bool, reason: str) -> Change:
        kind = next((kind for fragment, kind in KINDS if fragment in check), "added")
        return cls(operation, location, kind, check, breaking, reason, message)


# --------------------------------------------------------------------------- schema flattening


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


class Resolver:
    """Follows local ``$ref`` pointers and normalises composition into one effective schema."""

    def __init__(self, spec: Mapping[str, Json]) -> None:
        self.spec = spec

    def deref(self, obj: Json, seen: frozenset[str] = frozenset()) -> tuple[Json, frozenset[str]]:
        """Return the referenced object and the refs followed, stopping (returning None) on a cycle."""
        while isinstance(obj, dict) and isinstance(obj.get("$ref"), str):
            ref = obj["$ref"]
            if ref in seen:
                return None, seen
            seen = seen | {ref}
            obj = self._lookup(ref)
        return obj, seen

    def _lookup(self, ref: str) -> Json:
        target: Json = self.spec
        for part in ref.removeprefix("#/").split("/"):
            key = part.replace("~1", "/").replace("~0", "~")
            target = target.get(key) if isinstance(target, dict) else None
        return target if isinstance(target, dict) else {}

    def effective(self, schema: Json, seen: frozenset[str]) -> tuple[dict[str, Json], frozenset[str]]:
        """Merge ``allOf`` and collapse ``anyOf``/``oneOf`` into a single schema dict."""
        resolved, seen = self.deref(schema, seen)
        if not isinstance(resolved, dict):
            return {}, seen
        merged = {k: v for k, v in resolved.items() if k not in ("allOf", "anyOf", "oneOf")}
        followed = seen
        for part in resolved.get("allOf", []):
            sub, sub_seen = self.effective(part, seen)  # siblings may share a $ref; only ancestors count
            _merge_all_of(merged, sub)
            followed |= sub_seen
        union = resolved.get("anyOf") or resolved.get("oneOf")
        if union:
            branches = [self.effective(branch, seen)[0] for branch in union]
            _merge_all_of(merged, _collapse_union(branches))
        return merged, followed


def _merge_all_of(target: dict[str, Json], sub: Mapping[str, Json]) -> None:
    for key, value in sub.items():
        if key == "properties":
            target["properties"] = {**value, **target.get("properties", {})}
        elif key == "required":
            target["required"] = sorted(set(target.get("required", [])) | set(value))
        else:
            target.setdefault(key, value)


def _collapse_union(branches: list[dict[str, Json]]) -> dict[str, Json]:
    """One schema accepting what any branch accepts; detects nullability and open enums."""
    non_null = [b for b in branches if _types_of(b) != frozenset({"null"})]
    collapsed: dict[str, Json] = {"nullable": True} if len(non_null) < len(branches) else {}
    if len(non_null) == 1:
        return {**non_null[0], **collapsed}
    enums = [b for b in non_null if "enum" in b]
    collapsed["type"] = sorted(set().union(*(_types_of(b) for b in non_null)))
    if enums:
        collapsed["enum"] = [value for b in enums for value in b["enum"]]
        # An enum next to a plain branch of the same type is how the spec models "open" enums.
        enum_types = set().union(*(_types_of(b) for b in enums))
        plain = [_types_of(b) for b in non_null if "enum" not in b]
        collapsed["x-open-enum"] = any(not types or types & enum_types for types in plain)
    objects = [b for b in non_null if "properties" in b]
    if objects:
        collapsed["properties"] = {k: v for b in reversed(objects) for k, v in b["properties"].items()}
        collapsed["required"] = sorted(set.intersection(*(set(b.get("required", [])) for b in objects)))
    for key in ("items", "additionalProperties", "format"):
        first = next((b for b in non_null if key in b), None)
        if first is not None:
            collapsed[key] = first[key]
    return collapsed


def _types_of(schema: Mapping[str, Json]) -> frozenset[str]:
    declared = schema.get("type")
    if isinstance(declared, str):
        return frozenset({declared})
    if isinstance(declared, list):
        return frozenset(declared)
    if "properties" in schema:
        return frozenset({"object"})
    if "items" in schema:
        return frozenset({"array"})
    return frozenset()


def _enum_of(schema: Mapping[str, Json]) -> tuple[frozenset[str] | None, bool]:
    if "x-extensible-enum" in schema:
        return frozenset(json.dumps(v) for v in schema["x-extensible-enum"]), True
    if "enum" in schema:
        values = frozenset(json.dumps(v) for v in schema["enum"] if v is not None)
        return values, bool(schema.get("x-open-enum"))
    if "const" in schema:
        return frozenset({json.dumps(schema["const"])}), False
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
        nodes[path] = Node(
            types=types - {"null"},
            format=effective.get("format"),
            nullable=bool(effective.get("nullable")) or "null" in types,
            enum=enum,
            enum_open=enum_open,
            extra="forbidden" if extra is False else "typed" if isinstance(extra, dict) and extra else "any",
            required=required,
        )
        required_names = set(effective.get("required", []))
        for name, prop in sorted(effective.get("properties", {}).items()):
            if not resolver.effective(prop, followed)[0].get(hidden):
                visit(prop, f"{path}.{name}" if path else name, name in required_names, followed)
        if "items" in effective:
            visit(effective["items"], f"{path}[]", True, followed)
        if isinstance(extra, dict) and extra:
            visit(extra, f"{path}{{}}", True, followed)

    visit(schema, "", True, frozenset())
    return nodes


# --------------------------------------------------------------------------- classification

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
    "response:enum-removed": (True, "readers may receive values outside the old enum"),
    "response:enum-value-removed": (True, "the generated Enum loses the member; naming it raises AttributeError"),
    "response:closed-enum-value-added": (True, "closed enum: the generated Enum raises ValueError on unknown values"),
    "response:open-enum-value-added": (False, "open enum: the generated union falls back to str"),
    "response:enum-became-open": (False, "unknown values no longer raise; the type becomes Enum | str"),
    "response:enum-became-closed": (True, "unknown values now raise ValueError"),
    "response:additional-properties-widened": (True, "readers may receive extra properties they do not expect"),
    "response:additional-properties-narrowed": (False, "readers receive fewer kinds of extra properties"),
    "response:additional-properties-forbidden": (True, "the generated model drops additional_properties"),
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
}


def classify(operation: str, location: str, check: str, message: str, rule: str | None = None) -> Change:
    """Build a :class:`Change`, classified by ``rule`` (the check id unless given) from :data:`RULES`."""
    breaking, reason = RULES[rule or check]
    return Change.of(operation, location, check, message, breaking=breaking, reason=reason)


# --------------------------------------------------------------------------- comparing payloads


@dataclass(frozen=True)
class Place:
    """Where a payload sits: its operation, a location label and the check-id prefixes used there."""

    operation: str
    label: str  # "request body", "200 response body", "query parameter userId"
    direction: str  # "request" or "response"
    root_prefix: str  # check-id prefix for the payload itself: request-body, response-body, request-parameter
    nested_prefix: str  # ... and for what is inside it: request-property, response-property, ...

    def change(self, path: str, check: str, message: str, rule: str) -> Change:
        location = f"{self.label}: {path}" if path else self.label
        check = check.format(p=self.nested_prefix if path else self.root_prefix)
        direction_rule = f"{self.direction}:{rule}"
        return classify(self.operation, location, check, message, direction_rule if direction_rule in RULES else rule)


def _covers(wide: frozenset[str], narrow: frozenset[str]) -> bool:
    """Does a value of any type in ``narrow`` also fit ``wide``? (an integer is a number)."""
    if not wide:
        return True
    return bool(narrow) and all(t in wide or (t == "integer" and "number" in wide) for t in narrow)


def _is_property(path: str) -> bool:
    return bool(path) and not path.endswith(("[]", "{}"))


def _parent(path: str) -> str:
    return path[:-2] if path.endswith(("[]", "{}")) else path.rpartition(".")[0]


def diff_payload(place: Place, base: Mapping[str, Node], head: Mapping[str, Node]) -> list[Change]:
    changes: list[Change] = []
    for path in sorted(base.keys() | head.keys()):
        if path in base and path in head:
            changes += _diff_node(place, path, base[path], head[path])
        # Only properties whose parent exists on both sides: anything else follows a reported type change.
        elif _is_property(path) and _parent(path) in base and _parent(path) in head:
            changes.append(_presence_change(place, path, base.get(path) or head[path], added=path in head))
    return changes


def _presence_change(place: Place, path: str, node: Node, *, added: bool) -> Change:
    need = "required" if node.required else "optional"
    if added:
        check = "new-{need}-request-property" if place.direction == "request" else "response-{need}-property-added"
        return place.change(path, check.format(need=need), f"was added ({need})", f"new-{need}-property")
    check = "request-property-removed" if place.direction == "request" else f"response-{need}-property-removed"
    return place.change(path, check, f"was removed ({need})", "property-removed")


def _diff_node(place: Place, path: str, old: Node, new: Node) -> list[Change]:
    changes: list[Change] = []
    if _is_property(path) and old.required != new.required:
        became = "became-required" if new.required else "became-optional"
        changes.append(place.change(path, f"{place.direction}-property-{became}", became.replace("-", " "), became))
    if old.types != new.types:
        # Requests stay compatible when the new type accepts every old value; responses when the
        # old type still describes every new value.
        wide, narrow = (new.types, old.types) if place.direction == "request" else (old.types, new.types)
        old_text, new_text = "|".join(sorted(old.types)) or "any", "|".join(sorted(new.types)) or "any"
        rule = "type-compatible" if _covers(wide, narrow) else "type-incompatible"
        changes.append(place.change(path, "{p}-type-changed", f"type changed from `{old_text}` to `{new_text}`", rule))
    if old.format != new.format:
        changes.append(_format_change(place, path, old.format, new.format))
    if old.nullable != new.nullable:
        became = "became-nullable" if new.nullable else "became-not-nullable"
        changes.append(place.change(path, "{p}-" + became, became.replace("-", " "), became))
    changes += _enum_changes(place, path, old, new)
    if old.extra != new.extra:
        changes.append(_extra_change(place, path, old.extra, new.extra))
    return changes


def _format_change(place: Place, path: str, old: str | None, new: str | None) -> Change:
    old_type, new_type = PYTHON_TYPED_FORMATS.get(old or "", "str"), PYTHON_TYPED_FORMATS.get(new or "", "str")
    message = f"format changed from `{old or 'none'}` to `{new or 'none'}`"
    if old_type == new_type:
        return place.change(path, "{p}-format-changed", message, "format-changed")
    return place.change(
        path, "{p}-format-changed", f"{message} ({old_type} → {new_type})", "format-python-type-changed"
    )


def _enum_changes(place: Place, path: str, old: Node, new: Node) -> list[Change]:
    if old.enum is None and new.enum is None:
        return []
    if old.enum is None:
        return [place.change(path, "{p}-became-enum", "became an enum", "became-enum")]
    if new.enum is None:
        return [place.change(path, "{p}-enum-removed", "is no longer an enum", "enum-removed")]
    kind = "open" if new.enum_open else "closed"
    changes = [
        place.change(path, "{p}-enum-value-removed", f"removed enum value {value}", "enum-value-removed")
        for value in sorted(old.enum - new.enum)
    ]
    changes += [
        place.change(
            path, "{p}-enum-value-added", f"added enum value {value} ({kind} enum)", f"{kind}-enum-value-added"
        )
        for value in sorted(new.enum - old.enum)
    ]
    if old.enum_open != new.enum_open:
        changes.append(place.change(path, f"{{p}}-enum-became-{kind}", f"enum became {kind}", f"enum-became-{kind}"))
    return changes


# How much each additionalProperties setting lets through: absent/true > a schema > false.
_EXTRA_WIDTH = {"forbidden": 0, "typed": 1, "any": 2}


def _extra_change(place: Place, path: str, old: str, new: str) -> Change:
    if new == "forbidden":
        rule = "additional-properties-forbidden"
    else:
        rule = (
            "additional-properties-widened"
            if _EXTRA_WIDTH[new] > _EXTRA_WIDTH[old]
            else "additional-properties-narrowed"
        )
    message = f"additionalProperties changed from {old} to {new}"
    return place.change(path, "{p}-additional-properties-changed", message, rule)


# --------------------------------------------------------------------------- operations


@dataclass
class Operation:
    key: str  # "POST /api/two-factor/login"
    raw: dict[str, Json]
    parameters: dict[tuple[str, str], dict[str, Json]]  # (in, name) -> parameter


def operations_of(spec: Mapping[str, Json], resolver: Resolver) -> dict[str, Operation]:
    operations: dict[str, Operation] = {}
    for path, item in (spec.get("paths") or {}).items():
        path_item, _ = resolver.deref(item)
        if not isinstance(path_item, dict):
            continue
        shared = _parameters(resolver, path_item.get("parameters", []))
        for method in HTTP_METHODS:
            if isinstance(path_item.get(method), dict):
                key = f"{method.upper()} {path}"
                own = _parameters(resolver, path_item[method].get("parameters", []))
                operations[key] = Operation(key, path_item[method], {**shared, **own})
    return operations


def _parameters(resolver: Resolver, raw: Iterable[Json]) -> dict[tuple[str, str], dict[str, Json]]:
    params = {}
    for entry in raw:
        param, _ = resolver.deref(entry)
        if isinstance(param, dict) and "name" in param:
            params[(param.get("in", "query"), param["name"])] = param
    return params


def _op_sort_key(key: str) -> tuple[str, int]:
    method, _, path = key.partition(" ")
    return path, HTTP_METHODS.index(method.lower())


def diff_specs(base_spec: Mapping[str, Json], head_spec: Mapping[str, Json]) -> list[Change]:
    """Every API change between two parsed OpenAPI documents, sorted by path, method and location."""
    base_resolver, head_resolver = Resolver(base_spec), Resolver(head_spec)
    base_ops, head_ops = operations_of(base_spec, base_resolver), operations_of(head_spec, head_resolver)
    changes: list[Change] = []
    for key in base_ops.keys() | head_ops.keys():
        if key not in head_ops:
            deprecated = base_ops[key].raw.get("deprecated")
            check = "api-removed-after-deprecation" if deprecated else "api-removed-without-deprecation"
            changes.append(classify(key, "operation", check, "was removed"))
        elif key not in base_ops:
            changes.append(classify(key, "operation", "endpoint-added", "was added"))
        else:
            changes += OperationPair(base_ops[key], head_ops[key], base_resolver, head_resolver).diff()
            old_security, new_security = (
                _security(base_spec, base_ops[key].raw),
                _security(head_spec, head_ops[key].raw),
            )
            changes += security_changes(key, old_security, new_security)
    return sorted(changes, key=lambda c: (*_op_sort_key(c.operation), c.location, c.id, c.message))


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
        return [*self._metadata(), *self._parameters(), *self._request_body(), *self._responses()]

    def _change(self, location: str, check: str, message: str, rule: str | None = None) -> Change:
        return classify(self.base.key, location, check, message, rule)

    def _payload(self, place: Place, old_schema: Json, new_schema: Json) -> list[Change]:
        old = flatten(self.base_resolver, old_schema, place.direction)
        return diff_payload(place, old, flatten(self.head_resolver, new_schema, place.direction))

    def _metadata(self) -> Iterator[Change]:
        old_id, new_id = self.base.raw.get("operationId"), self.head.raw.get("operationId")
        if old_id != new_id:
            check = "api-operation-id-removed" if old_id else "api-operation-id-added"
            yield self._change("operation", check, f"operationId changed from `{old_id}` to `{new_id}`")
        if bool(self.base.raw.get("deprecated")) != bool(self.head.raw.get("deprecated")):
            if self.head.raw.get("deprecated"):
                yield self._change("operation", "endpoint-deprecated", "was deprecated")
            else:
                yield self._change("operation", "endpoint-reactivated", "is no longer deprecated")

    def _parameters(self) -> Iterator[Change]:
        old, new = self.base.parameters, self.head.parameters
        moves = {key: _moved_to(key, old, new) for key in old.keys() - new.keys()}
        moved = {key: dest for key, dest in moves.items() if dest is not None}
        for key in sorted(old.keys() | new.keys()):
            label = f"{key[0]} parameter {key[1]}"
            if key in moved:
                rule = "request-parameter-left-path" if key[0] == "path" else None
                message = f"moved from {key[0]} to {moved[key][0]}"
                yield self._change(label, "request-parameter-location-changed", message, rule)
            elif key in old and key in new:
                if became := _became(old[key], new[key]):
                    yield self._change(label, f"request-parameter-{became}", became.replace("-", " "))
                place = Place(self.base.key, label, "request", "request-parameter", "request-parameter-property")
                yield from self._payload(place, _parameter_schema(old[key]), _parameter_schema(new[key]))
            elif key in old:
                yield self._change(label, "request-parameter-removed", "was removed")
            elif key not in moved.values():
                need = "required" if new[key].get("required") else "optional"
                yield self._change(label, f"new-{need}-request-parameter", f"was added ({need})")

    def _request_body(self) -> Iterator[Change]:
        old, _ = self.base_resolver.deref(self.base.raw.get("requestBody"))
        new, _ = self.head_resolver.deref(self.head.raw.get("requestBody"))
        if old and not new:
            yield self._change("request body", "request-body-removed", "was removed")
        elif new and not old:
            required = bool(new.get("required"))
            check = "added-required-request-body" if required else "request-body-added"
            yield self._change("request body", check, f"was added ({'required' if required else 'optional'})")
        elif old and new:
            if became := _became(old, new):
                yield self._change("request body", f"request-body-{became}", became.replace("-", " "))
            yield from self._content("request body", old, new, "request")

    def _responses(self) -> Iterator[Change]:
        old_all = {str(k): v for k, v in (self.base.raw.get("responses") or {}).items()}
        new_all = {str(k): v for k, v in (self.head.raw.get("responses") or {}).items()}
        for status in sorted(old_all.keys() | new_all.keys()):
            outcome = "success" if status.startswith("2") else "non-success"
            if status not in new_all:
                yield self._change(f"{status} response", f"response-{outcome}-status-removed", "was removed")
            elif status not in old_all:
                yield self._change(f"{status} response", f"response-{outcome}-status-added", "was added")
            else:
                old, _ = self.base_resolver.deref(old_all[status])
                new, _ = self.head_resolver.deref(new_all[status])
                yield from self._content(f"{status} response body", old, new, "response")

    def _content(self, label: str, old: Json, new: Json, direction: str) -> Iterator[Change]:
        old_media, new_media = (old or {}).get("content") or {}, (new or {}).get("content") or {}
        media_check = "request-body-media-type-{}" if direction == "request" else "response-media-type-{}"
        for media in sorted(old_media.keys() | new_media.keys()):
            where = label if media == "application/json" else f"{label} ({media})"
            if media not in new_media:
                yield self._change(where, media_check.format("removed"), f"media type {media} was removed")
            elif media not in old_media:
                yield self._change(where, media_check.format("added"), f"media type {media} was added")
            else:
                place = Place(self.base.key, where, direction, f"{direction}-body", f"{direction}-property")
                old_schema, new_schema = (old_media[media] or {}).get("schema"), (new_media[media] or {}).get("schema")
                yield from self._payload(place, old_schema, new_schema)


def _moved_to(
    key: tuple[str, str], old: Mapping[tuple[str, str], Json], new: Mapping[tuple[str, str], Json]
) -> tuple[str, str] | None:
    """Where a parameter that left its location now lives under the same name, if anywhere new."""
    return next((dest for dest in sorted(new) if dest[1] == key[1] and dest not in old), None)


def _parameter_schema(param: Mapping[str, Json]) -> Json:
    if "schema" in param:
        return param["schema"]
    content = param.get("content") or {}
    return next((media.get("schema") for _, media in sorted(content.items())), None)


# --------------------------------------------------------------------------- security

Alternative = frozenset[str]  # scheme names that must all be satisfied together


@dataclass(frozen=True)
class Security:
    alternatives: dict[Alternative, dict[str, frozenset[str]]]  # alternative -> scheme -> scopes
    schemes: dict[str, Json]  # definitions (components.securitySchemes) of the schemes used

    @property
    def anonymous(self) -> bool:
        return frozenset() in self.alternatives


def _security(spec: Mapping[str, Json], operation: Mapping[str, Json]) -> Security:
    # No requirement at all and an empty requirement ({}) both mean anonymous access.
    requirements = operation.get("security", spec.get("security")) or [{}]
    alternatives = {
        frozenset(r): {k: frozenset(v or []) for k, v in r.items()} for r in requirements if isinstance(r, dict)
    }
    defined = (spec.get("components") or {}).get("securitySchemes") or {}
    return Security(alternatives, {name: defined.get(name) for alt in alternatives for name in alt})


def _describe(alternatives: Iterable[Alternative]) -> str:
    return " or ".join(" + ".join(sorted(alt)) or "anonymous" for alt in sorted(alternatives, key=sorted))


def security_changes(operation: str, old: Security, new: Security) -> list[Change]:
    def change(check: str, message: str, rule: str | None = None) -> Change:
        return classify(operation, "security", check, message, rule)

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
    for scheme in sorted(old.schemes.keys() & new.schemes.keys()):
        if old.schemes[scheme] != new.schemes[scheme]:
            changes.append(change("api-security-scheme-changed", f"scheme {scheme} was redefined"))
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


@dataclass(frozen=True)
class SurfaceChange:
    name: str
    kind: str  # "export", "class", "method", "property", "module"
    change: str  # "added", "removed", "changed"
    before: str
    after: str
    breaking: bool
    reason: str


def surface_of(sources: Mapping[str, str]) -> dict[str, SurfaceItem]:
    """The public surface of the facade, from ``{path relative to src/: source text}``."""
    surface: dict[str, SurfaceItem] = {}
    for path, source in sorted(sources.items()):
        module = path.removesuffix(".py").removesuffix("/__init__").replace("/", ".")
        try:
            tree = ast.parse(source)
        except SyntaxError as error:
            surface[f"{module} (unparseable)"] = SurfaceItem("module", f"syntax error: {error.msg}")
            continue
        if path.endswith("fusionauth_two_factor/__init__.py"):
            surface.update(
                {f"{module}.__all__[{name!r}]": SurfaceItem("export", "exported") for name in _exports(tree)}
            )
        for node in tree.body:
            if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
                surface.update(_class_surface(f"{module}.{node.name}", node))
    return surface


def _exports(tree: ast.Module) -> list[str]:
    names: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(target, ast.Name) and target.id == "__all__" for target in targets):
                try:
                    names += [str(name) for name in ast.literal_eval(node.value)]
                except ValueError:
                    continue  # a computed __all__ cannot be read without importing the code
    return names


def _class_surface(qualname: str, node: ast.ClassDef) -> dict[str, SurfaceItem]:
    bases = ", ".join(ast.unparse(base) for base in node.bases)
    surface = {qualname: SurfaceItem("class", f"class {node.name}({bases})" if bases else f"class {node.name}")}
    for member in node.body:
        if isinstance(member, ast.FunctionDef | ast.AsyncFunctionDef) and _is_public_method(member.name):
            surface[f"{qualname}.{member.name}"] = _method_item(member)
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
            changes.append(SurfaceChange(name, new[name].kind, "added", "", new[name].text, False, "new public API"))
        elif old[name].text != new[name].text:
            problem = _incompatibility(old[name], new[name])
            reason = problem or "existing calls keep working (annotations or new optional parameters)"
            item = SurfaceChange(name, new[name].kind, "changed", old[name].text, new[name].text, bool(problem), reason)
            changes.append(item)
    return changes


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


def load_spec(root: Path, rev: str | None, path: str) -> dict[str, Json]:
    text = read_text(root, rev, path)
    if text is None:
        return {}
    try:
        spec = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise UsageError(f"cannot parse {path} at {rev or 'the working tree'}: {error}") from error
    if not isinstance(spec, dict):
        raise UsageError(f"{path} at {rev or 'the working tree'} is not an OpenAPI document")
    return spec


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


def _grouped_lines(changes: list[Change]) -> list[str]:
    lines: list[str] = []
    for change in changes:
        heading = f"#### `{change.operation}`"
        if heading not in lines:
            lines += ["", heading, ""]
        lines.append(render_change_line(change))
    return lines


def render_change_line(change: Change) -> str:
    return f"- `{change.location}` {change.message} — {change.reason} (`{change.id}`)"


def render_surface_line(change: SurfaceChange) -> str:
    marker = "**breaking**" if change.breaking else "non-breaking"
    if change.change == "changed":
        detail = f"changed from `{change.before}` to `{change.after}`"
    elif change.kind == "export":
        detail = f"was {change.change}"
    else:
        detail = f"was {change.change}: `{change.before or change.after}`"
    return f"- `{change.name}` {detail} — {marker}: {change.reason}"


# --------------------------------------------------------------------------- command line


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="spec_diff.py",
        description="Report API changes in the OpenAPI spec between two git revisions, classified as "
        "breaking or not for code using the Python client, plus regenerated files and facade surface changes.",
        epilog="BASE defaults to the merge-base of HEAD with origin/main (or main when origin/main does not exist); "
        "HEAD defaults to the working tree, uncommitted and untracked edits included. "
        "Exit status: 0; 1 with --fail-on-breaking when something breaks; 2 on usage errors.",
    )
    parser.add_argument("base", nargs="?", metavar="BASE", help="git ref of the old revision (default: merge-base)")
    parser.add_argument("head", nargs="?", metavar="HEAD", help="git ref of the new revision (default: working tree)")
    parser.add_argument("--format", choices=("markdown", "json"), default="markdown", help="output format")
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
    changes = diff_specs(load_spec(root, base, args.spec), load_spec(root, head, args.spec))
    surface = diff_surfaces(surface_of(facade_sources(root, base)), surface_of(facade_sources(root, head)))
    return Report(base_label, head_label, args.spec, changes, generated_changes(root, base, head), surface)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        report = build_report(args)
    except UsageError as error:
        print(f"spec_diff.py: error: {error}", file=sys.stderr)
        return 2
    print(
        report.to_json() if args.format == "json" else report.to_markdown(),
        end="" if args.format == "markdown" else "\n",
    )
    return 1 if args.fail_on_breaking and report.breaking_count else 0


if __name__ == "__main__":
    sys.exit(main())
