"""Generator post-hook: make the freshly generated package import httpx2 instead of httpx.

    python scripts/use_httpx2.py PACKAGE_DIR

openapi-python-client 0.29 writes `import httpx`; httpx's maintained continuation is httpx2 (same
API, import name `httpx2`). This hook renames every use of the `httpx` module in the generated
`.py` files, then fails if any remains. It runs before the ruff hooks on purpose: ruff's
unused-import fix could otherwise delete a half-renamed import and hide the breakage.

It can go once the pinned openapi-python-client targets httpx2 itself (upstream pull request
#1461); generator-config.yaml says the same where the hook is listed.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

# `httpx` as a whole word: not `httpx2`, and not part of a longer name such as `httpx_args`.
_HTTPX = re.compile(r"\bhttpx\b")


def rename(package: Path) -> list[str]:
    """Rewrite every generated module; return the places where the `httpx` module is still used."""
    leftovers: list[str] = []
    for module in sorted(package.rglob("*.py")):
        source = module.read_text(encoding="utf-8")
        renamed = _HTTPX.sub("httpx2", source)
        if renamed != source:
            module.write_text(renamed, encoding="utf-8")
        leftovers.extend(f"{module.relative_to(package)}:{place}" for place in httpx_uses(renamed))
    return leftovers


def httpx_uses(source: str) -> list[str]:
    """Where `source` imports the `httpx` module or refers to a name `httpx`, as `line: what`.

    Checked on the syntax tree, independently of the textual rename above, so that a rename that
    missed a form of import is caught here rather than papered over by ruff.
    """
    uses = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            uses += [f"{node.lineno}: import {alias.name}" for alias in node.names if _is_httpx(alias.name)]
        elif isinstance(node, ast.ImportFrom) and node.module and _is_httpx(node.module):
            uses.append(f"{node.lineno}: from {node.module} import ...")
        elif isinstance(node, ast.Name) and node.id == "httpx":
            uses.append(f"{node.lineno}: the name httpx")
    return uses


def _is_httpx(module: str) -> bool:
    return module.partition(".")[0] == "httpx"


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: use_httpx2.py PACKAGE_DIR", file=sys.stderr)
        return 2
    package = Path(argv[0])
    if not any(package.rglob("*.py")):
        print(f"use_httpx2: no Python modules under {package}", file=sys.stderr)
        return 1
    leftovers = rename(package)
    if leftovers:
        print(
            "use_httpx2: the generated code still uses httpx after the rename:\n" + "\n".join(leftovers),
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
