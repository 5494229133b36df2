"""Refresh tests/fixtures/fusionauth_definitions.json, FusionAuth's own definitions of the spec's models.

    python scripts/refresh_fusionauth_definitions.py BUILDER_GIT_DIR JAVA_CLIENT_GIT_DIR

BUILDER_GIT_DIR is a clone of FusionAuth/fusionauth-client-builder (its `src/main/domain/*.json` generate
every official client), JAVA_CLIENT_GIT_DIR one of FusionAuth/fusionauth-java-client (the only place the
`@Deprecated` marks of the domain classes survive). Both are read at their HEAD with `git show`, so a bare
clone is enough. The extract records each repository's commit and date: tests/test_spec_fidelity.py
compares it with openapi/two-factor.yaml, offline. Review the diff of the extract, then fix the spec (or
say in it why not) until that test passes again.
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

EXTRACT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "fusionauth_definitions.json"
DOMAIN = "src/main/domain/"
# The FusionAuth types whose JSON the spec's operations send or receive; every type they reach through
# their fields (User -> UserRegistration -> ...) is extracted too. Both sends take TwoFactorSendRequest in every
# official client, so the builder's TwoFactorEnableDisableSendRequest is not one of them.
ROOT_TYPES = (
    "Errors",
    "LoginPreventedResponse",
    "LoginRequest",
    "LoginResponse",
    "SecretResponse",
    "TwoFactorDisableRequest",
    "TwoFactorLoginRequest",
    "TwoFactorRecoveryCodeResponse",
    "TwoFactorRequest",
    "TwoFactorResponse",
    "TwoFactorSendRequest",
    "TwoFactorStartRequest",
    "TwoFactorStartResponse",
    "TwoFactorStatusRequest",
    "TwoFactorStatusResponse",
    "TwoFactorUpdateRequest",
)
_DEPRECATED_FIELD = re.compile(r"^\s*public\s+(?:final\s+)?[\w<>,.? ]+?\s+(\w+)\s*(?:=|;)")


def git(repository: Path, *arguments: str) -> str:
    executable = shutil.which("git")
    if executable is None:
        raise SystemExit("git is not on PATH")
    command = [executable, "-C", str(repository), *arguments]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def type_text(declaration: dict[str, Any]) -> str:
    """A builder field type as Java writes it: `List<UserRegistration>`, `Map<String,Object>`."""
    arguments = declaration.get("typeArguments")
    if not arguments:
        return str(declaration["type"])
    return f"{declaration['type']}<{','.join(type_text(argument) for argument in arguments)}>"


def builder_definitions(builder: Path) -> dict[str, tuple[str, dict[str, Any]]]:
    """Every domain definition by its type name, with the file it comes from."""
    found: dict[str, tuple[str, dict[str, Any]]] = {}
    for path in git(builder, "ls-tree", "--name-only", "HEAD", DOMAIN).split():
        definition = json.loads(git(builder, "show", f"HEAD:{path}"))
        found.setdefault(definition["type"], (path, definition))
    return found


def java_deprecations(java: Path, path: str, definition: dict[str, Any]) -> tuple[bool, list[str]]:
    """Whether the Java client deprecates the type, and which of its own fields it deprecates."""
    outer, _, inner = Path(path).stem.rpartition(".")[2].partition("$")
    source = f"src/main/java/{definition['packageName'].replace('.', '/')}/{outer}.java"
    try:
        lines = git(java, "show", f"HEAD:{source}").splitlines()
    except subprocess.CalledProcessError:
        return False, []
    type_deprecated = False
    fields: list[str] = []
    for index, line in enumerate(lines):
        if line.strip().startswith("@Deprecated"):
            declarations = (text for text in lines[index + 1 :] if text.strip() and not text.strip().startswith("@"))
            following = next(declarations, "")
            declared_type = re.search(r"\b(?:class|enum|interface)\s+(\w+)", following)
            if declared_type and declared_type.group(1) == (inner or outer):
                type_deprecated = True
            elif (field := _DEPRECATED_FIELD.match(following)) and field.group(1) in definition.get("fields", {}):
                fields.append(field.group(1))
    return type_deprecated, sorted(fields)


def extract(builder: Path, java: Path) -> dict[str, Any]:
    definitions = builder_definitions(builder)
    types: dict[str, Any] = {}
    pending = list(ROOT_TYPES)
    while pending:
        name = pending.pop()
        if name in types or name not in definitions:
            continue  # String, UUID, Locale ...: not a domain definition
        path, definition = definitions[name]
        deprecated, deprecated_fields = java_deprecations(java, path, definition)
        entry: dict[str, Any] = {"source": path}
        if deprecated:
            entry["deprecated"] = True
        if "enum" in definition:
            entry["enum"] = definition["enum"]
        else:
            fields: dict[str, str] = {}
            for parent in definition.get("extends", []):
                pending.append(parent["type"])
            entry["extends"] = [parent["type"] for parent in definition.get("extends", [])]
            for field_name, declaration in definition.get("fields", {}).items():
                fields[field_name] = type_text(declaration)
                pending.extend(re.findall(r"\w+", fields[field_name]))
            entry["fields"] = dict(sorted(fields.items()))
            if deprecated_fields:
                entry["deprecatedFields"] = deprecated_fields
        types[name] = entry
    return {
        "description": (
            "FusionAuth's definitions of the models openapi/two-factor.yaml covers: field names and Java types "
            "from the client builder's domain JSON (which generates every official client), deprecations from "
            "the Java client. Refreshed by scripts/refresh_fusionauth_definitions.py; read by "
            "tests/test_spec_fidelity.py."
        ),
        "refreshed": datetime.datetime.now(datetime.UTC).date().isoformat(),
        "sources": {
            "FusionAuth/fusionauth-client-builder": source_commit(builder),
            "FusionAuth/fusionauth-java-client": source_commit(java),
        },
        "types": dict(sorted(types.items())),
    }


def source_commit(repository: Path) -> dict[str, str]:
    commit, date = git(repository, "log", "-1", "--format=%H %cs", "HEAD").split()
    return {"commit": commit, "date": date}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("builder", type=Path, help="a clone of FusionAuth/fusionauth-client-builder")
    parser.add_argument("java_client", type=Path, help="a clone of FusionAuth/fusionauth-java-client")
    arguments = parser.parse_args()
    EXTRACT.write_text(json.dumps(extract(arguments.builder, arguments.java_client), indent=2) + "\n")
    print(f"wrote {EXTRACT}")


if __name__ == "__main__":
    main()
