"""Generator post-hook: attribute names that read as Python, and an `Unset` that prints as `UNSET`.

    python scripts/python_names.py PACKAGE_DIR

openapi-python-client 0.29 splits every digit and capital run into words of their own:
FusionAuth's `secretBase32Encoded` becomes `secret_base_32_encoded` and `pendingIdPLinkId`
`pending_id_p_link_id`, and its configuration has no per-field name. This hook renames those
identifiers, as whole words, in every generated module (the JSON keys in the code stay as they
are), and gives the generator's `Unset` a repr, so that a model prints `code=UNSET` rather than
`code=<...Unset object at 0x7f...>`. It fails when a rename or the repr finds nothing to change:
a generator that names things differently must be looked at, not silently half-renamed.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

# The generator's name -> the Python name (as PEP 8 and FusionAuth's other SDKs would spell it).
RENAMES = {
    "secret_base_32_encoded": "secret_base32_encoded",
    "pending_id_p_link_id": "pending_idp_link_id",
}
_UNSET_CLASS = "class Unset:\n"
_UNSET_REPR = '    def __repr__(self) -> str:\n        return "UNSET"\n\n'


def rewrite(package: Path) -> list[str]:
    """Rename and add the repr in place; return what found nothing to change."""
    unused = set(RENAMES)
    for module in sorted(package.rglob("*.py")):
        source = module.read_text(encoding="utf-8")
        renamed = source
        for old, new in RENAMES.items():
            renamed, count = re.subn(rf"\b{old}\b", new, renamed)
            if count:
                unused.discard(old)
        if renamed != source:
            module.write_text(renamed, encoding="utf-8")
    problems = [f"no generated name {old!r} to rename" for old in sorted(unused)]
    types_module = package / "types.py"
    source = types_module.read_text(encoding="utf-8")
    if source.count(_UNSET_CLASS) != 1:
        problems.append("types.py has no single `class Unset:` to give a repr")
    else:
        types_module.write_text(source.replace(_UNSET_CLASS, _UNSET_CLASS + _UNSET_REPR), encoding="utf-8")
    return problems


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python_names.py PACKAGE_DIR", file=sys.stderr)
        return 2
    problems = rewrite(Path(argv[0]))
    for problem in problems:
        print(f"python_names: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
