"""Every Python example in README.md, CONTRIBUTING.md and the package's docstrings: type-checked with
``mypy --strict`` exactly as written, then run against the emulator.

What counts as an example:

- in Markdown, every fenced block marked ``python``;
- in a docstring (module, class or function, anywhere under ``src/fusionauth_two_factor``), every
  indented literal block after a line ending in ``:`` (reST's ``::`` included) whose text is Python
  with at least one statement beyond a lone expression (so that a JSON sample or a route table is
  not one). Doctest prompts (``>>>``) are refused: write a literal block.

How an example runs, so that each stays a program a user can paste as it is:

- A program talks to the emulator at ``http://127.0.0.1:9011`` (where ``fusionauth-two-factor-emulator
  --port 9011`` serves) with the seeded API key; this test replaces that one URL with the address of
  the ``fusionauth_emulator`` fixture (fresh seed, fake clock) and nothing else. No other http(s) URL
  may appear in a program.
- ``input()`` is answered as the user at the keyboard would: a prompt naming a recovery code gets one
  of the seeded user ``mfa``'s recovery codes; one naming the authenticator gets its current code (for
  the secret the example generated, else ``mfa``'s seeded authenticator); any other prompt gets the
  code delivered last (email or SMS).
- A block whose first line is a file name comment (``# conftest.py``) is a set of files for pytest:
  each ``# <name>.py`` line at the start of a line begins the next file. They are written to an empty
  directory and pytest runs there: every test in them must pass.

A failure names the file and line of the example; type errors and tracebacks give the lines of the
README or docstring itself.
"""

from __future__ import annotations

import ast
import builtins
import re
import subprocess
import sys
import textwrap
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import fusionauth_two_factor
from fusionauth_two_factor.emulator import EmulatorServer
from fusionauth_two_factor.emulator.codes import totp_at

ROOT = Path(__file__).resolve().parent.parent
MARKDOWN = [ROOT / "README.md", ROOT / "CONTRIBUTING.md"]
PACKAGE = ROOT / "src" / "fusionauth_two_factor"
EMULATOR_URL = "http://127.0.0.1:9011"
_FENCE = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)
_FILE_HEADER = re.compile(r"^# ([\w.-]+\.py)\b", re.MULTILINE)
_URL = re.compile(r"https?://[^\s\"'`)]+")


@dataclass(frozen=True)
class Part:
    """One module of an example: a whole program, or one file of a pytest example."""

    name: str
    line: int  # where its first line is, in the file the example is written in
    code: str


@dataclass(frozen=True)
class Example:
    path: Path
    line: int
    code: str

    @property
    def where(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}"

    @property
    def is_pytest_files(self) -> bool:
        return _FILE_HEADER.match(self.code) is not None

    def parts(self) -> list[Part]:
        if not self.is_pytest_files:
            return [Part("example.py", self.line, self.code)]
        headers = list(_FILE_HEADER.finditer(self.code))
        ends = [header.start() for header in headers[1:]] + [len(self.code)]
        return [
            Part(header.group(1), self.line + self.code.count("\n", 0, header.start()), self.code[header.start() : end])
            for header, end in zip(headers, ends, strict=True)
        ]


def markdown_examples(path: Path) -> list[Example]:
    text = path.read_text(encoding="utf-8")
    return [Example(path, text.count("\n", 0, match.start(1)) + 1, match.group(1)) for match in _FENCE.finditer(text)]


def _is_python_example(code: str) -> bool:
    try:
        body = ast.parse(code).body
    except SyntaxError:
        return False
    return bool(body) and not (len(body) == 1 and isinstance(body[0], ast.Expr))


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def docstring_blocks(docstring: str, first_line: int, path: Path) -> list[Example]:
    """The literal blocks of one docstring that are Python examples; ``first_line`` is where its text starts."""
    lines = docstring.split("\n")
    examples = []
    index = 0
    while index < len(lines) - 2:
        intro = lines[index]
        starts_block = intro.rstrip().endswith(":") and not lines[index + 1].strip()
        if not starts_block or _indent(lines[index + 2]) <= _indent(intro) or not lines[index + 2].strip():
            index += 1
            continue
        end = index + 2
        while end < len(lines) and (not lines[end].strip() or _indent(lines[end]) > _indent(intro)):
            end += 1
        code = textwrap.dedent("\n".join(lines[index + 2 : end])).strip("\n") + "\n"
        if _is_python_example(code):
            examples.append(Example(path, first_line + index + 2, code))
        index = end
    return examples


def _docstring_nodes(tree: ast.Module) -> Iterator[ast.Constant]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if (
                isinstance(first, ast.Expr)
                and isinstance(first.value, ast.Constant)
                and isinstance(first.value.value, str)
            ):
                yield first.value


def source_examples(path: Path) -> list[Example]:
    examples = []
    for constant in _docstring_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        assert isinstance(constant.value, str)
        found = docstring_blocks(constant.value, constant.lineno, path)
        covered = {example.line + offset for example in found for offset in range(example.code.count("\n"))}
        for number, line in enumerate(constant.value.split("\n"), start=constant.lineno):
            looks_like_code = line.lstrip().startswith(
                (">>>", "from fusionauth_two_factor", "import fusionauth_two_factor")
            )
            assert number in covered or not looks_like_code, f"{path}:{number}: write the example as a literal block"
        examples.extend(found)
    return examples


def all_examples() -> list[Example]:
    found = [example for path in MARKDOWN if path.exists() for example in markdown_examples(path)]
    for path in sorted(PACKAGE.rglob("*.py")):
        found.extend(source_examples(path))
    return found


EXAMPLES = all_examples()


def _module_file(example: Example, part: Part) -> str:
    """A file name unique to the part (mypy refuses two modules named conftest)."""
    slug = re.sub(r"\W", "_", f"{example.path.relative_to(ROOT)}_{part.line}_{part.name.removesuffix('.py')}")
    return f"{slug}.py"


def _aligned(part: Part) -> str:
    """The code preceded by blank lines, so that its line numbers are those of the file it is written in."""
    return "\n" * (part.line - 1) + part.code


def mypy_strict(directory: Path, modules: list[str]) -> subprocess.CompletedProcess[str]:
    """``mypy --strict`` over ``modules``, files in ``directory``, as a user would run it.

    cwd is that directory, which holds nothing else: no project configuration applies, only --strict.
    """
    command = [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", "--cache-dir", str(directory / ".cache")]
    return subprocess.run([*command, *modules], cwd=directory, capture_output=True, text=True, check=False)  # noqa: S603


@pytest.fixture(scope="session")
def mypy_errors(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """One ``mypy --strict`` run over every example, each part its own module: the errors by example."""
    directory = tmp_path_factory.mktemp("examples-mypy")
    owners: dict[str, Example] = {}
    for example in EXAMPLES:
        for part in example.parts():
            module = _module_file(example, part)
            (directory / module).write_text(_aligned(part), encoding="utf-8")
            owners[module] = example
    checked = mypy_strict(directory, list(owners))
    errors: dict[str, list[str]] = {example.where: [] for example in EXAMPLES}
    for line in checked.stdout.splitlines():
        module, _, rest = line.partition(":")
        owner = owners.get(module)
        assert owner is not None, f"mypy: {checked.stdout}{checked.stderr}"
        errors[owner.where].append(f"{owner.path.relative_to(ROOT)}:{rest}")
    assert checked.returncode in (0, 1), f"mypy crashed: {checked.stdout}{checked.stderr}"
    return errors


def _by_where(examples: list[Example]) -> pytest.MarkDecorator:
    return pytest.mark.parametrize("example", examples, ids=[example.where for example in examples])


@_by_where(EXAMPLES)
def test_the_example_passes_mypy_strict_as_written(example: Example, mypy_errors: dict[str, list[str]]) -> None:
    assert not mypy_errors[example.where], "\n".join(mypy_errors[example.where])


def _called_name(call: ast.Call) -> str:
    """``cast`` for ``cast(...)`` and ``typing.cast(...)`` alike."""
    function = call.func
    return (
        function.id if isinstance(function, ast.Name) else function.attr if isinstance(function, ast.Attribute) else ""
    )


def _narrowings(code: str, first_line: int) -> list[str]:
    """Where an example narrows a type by hand: a cast, a type: ignore, an assert of isinstance or ``is not``."""
    found = [
        (first_line + number, "# type: ignore")
        for number, line in enumerate(code.splitlines())
        if "type: ignore" in line
    ]
    for node in ast.walk(ast.parse(code)):
        line = first_line + getattr(node, "lineno", 1) - 1
        if isinstance(node, ast.Call) and _called_name(node) == "cast":
            found.append((line, "cast()"))
        if isinstance(node, ast.Assert):
            test = node.test
            is_isinstance = isinstance(test, ast.Call) and _called_name(test) == "isinstance"
            is_not_none = isinstance(test, ast.Compare) and any(isinstance(op, ast.IsNot) for op in test.ops)
            if is_isinstance or is_not_none:
                found.append((line, ast.unparse(node)))
    return [f"line {line}: {what}" for line, what in sorted(found)]


@_by_where(EXAMPLES)
def test_the_example_needs_no_cast_or_assert_to_type_check(example: Example) -> None:
    narrowings = _narrowings(example.code, example.line)
    assert not narrowings, f"{example.where} narrows by hand: " + "; ".join(narrowings)


class Keyboard:
    """Answers ``input()`` as the user of an example would, from what the emulator knows."""

    def __init__(self, emulator: EmulatorServer) -> None:
        self._emulator = emulator
        self.issued_secrets: list[str] = []

    def record_secrets(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Remember every authenticator secret the emulator hands out, to show its codes like the app would."""
        generate: Callable[[], dict[str, Any]] = self._emulator.state.generate_secret

        def generate_and_record() -> dict[str, Any]:
            answer = generate()
            self.issued_secrets.append(answer["secret"])
            return answer

        monkeypatch.setattr(self._emulator.state, "generate_secret", generate_and_record)

    def __call__(self, prompt: object = "") -> str:
        asked = str(prompt).lower()
        if "recovery" in asked:
            return self._emulator.user("mfa").recovery_codes[0]
        if "authenticator" in asked:
            if self.issued_secrets:
                return totp_at(self.issued_secrets[-1], self._emulator.clock.now_ms())
            return self._emulator.totp_code("mfa")
        code = self._emulator.latest_code()
        assert code is not None, f"input({prompt!r}): nothing was delivered to answer with"
        return code


PROGRAMS = [example for example in EXAMPLES if not example.is_pytest_files]
PYTEST_EXAMPLES = [example for example in EXAMPLES if example.is_pytest_files]


def _example_traceback(error: BaseException, example: Example) -> str:
    frames = [frame for frame in traceback.extract_tb(error.__traceback__) if frame.filename == str(example.path)]
    return "".join(traceback.format_list(frames))


@_by_where(PROGRAMS)
def test_the_program_runs_against_the_emulator(
    example: Example, fusionauth_emulator: EmulatorServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    foreign = [url for url in _URL.findall(example.code) if url != EMULATOR_URL]
    assert not foreign, f"{example.where}: a program talks to {EMULATOR_URL}, not {foreign}"
    keyboard = Keyboard(fusionauth_emulator)
    keyboard.record_secrets(monkeypatch)
    monkeypatch.setattr(builtins, "input", keyboard)
    (part,) = example.parts()
    source = _aligned(part).replace(EMULATOR_URL, fusionauth_emulator.base_url)
    try:
        exec(compile(source, str(example.path), "exec"), {"__name__": "__main__"})  # noqa: S102
    except BaseException as error:  # SystemExit included: an example must run to its end
        raise AssertionError(
            f"{example.where}: {type(error).__name__}: {error}\n{_example_traceback(error, example)}"
        ) from None


@_by_where(PYTEST_EXAMPLES)
def test_the_pytest_example_passes(example: Example, tmp_path: Path) -> None:
    for part in example.parts():
        (tmp_path / part.name).write_text(_aligned(part), encoding="utf-8")
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--rootdir", str(tmp_path), "."]
    run = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False, timeout=60)  # noqa: S603
    assert run.returncode == 0, f"{example.where} (line numbers are the example's own):\n{run.stdout}{run.stderr}"
    assert " passed" in run.stdout, run.stdout


def test_every_public_name_of_the_package_is_in_all() -> None:
    """What the README documents is ``__all__``; nothing else public (the redaction installers run on import)."""
    public = {name for name, value in vars(fusionauth_two_factor).items() if not name.startswith("_")}
    assert public - set(fusionauth_two_factor.__all__) <= {"emulator", "enrolment", "models"}  # the submodules


def test_examples_are_found_where_they_are_written() -> None:
    where = {example.path.relative_to(ROOT).as_posix() for example in EXAMPLES}
    assert {"README.md", "src/fusionauth_two_factor/emulator/pytest_plugin.py"} <= where
    readme = ROOT / "README.md"
    assert len(markdown_examples(readme)) == readme.read_text(encoding="utf-8").count("```python")


def test_a_docstring_block_is_an_example_only_when_it_is_python_statements() -> None:
    docstring = textwrap.dedent(
        """\
        Text::

            {"tenants": [{"id": "<uuid>"}]}

        Routes::

            GET /_emulator/info -> seeded users

        And in code:

            from fusionauth_two_factor import Client
            client = Client("http://127.0.0.1:9011")
        after.
        """
    )
    (example,) = docstring_blocks(docstring, 10, PACKAGE / "x.py")
    assert example.line == 10 + 10
    assert example.code.startswith("from fusionauth_two_factor import Client\n")
    assert _narrowings("from typing import cast\nx = cast(int, 1)\nassert x is not None\n", 7) == [
        "line 8: cast()",
        "line 9: assert x is not None",
    ]
