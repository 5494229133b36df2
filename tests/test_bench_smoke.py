"""The benchmark (`nox -s bench`) with tiny counts, so that it cannot rot. Nothing here is timed."""

from __future__ import annotations

import importlib
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

RUNNER = Path(__file__).resolve().parent.parent / "benchmarks" / "run.py"
TIMED = "status,login,async,import"  # every group but the instruction counts


def smoke_run(
    *arguments: str, timeout: float = 120, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`benchmarks/run.py --smoke` with these arguments, in a child interpreter (env: its environment,
    this process's when None)."""
    command = [sys.executable, str(RUNNER), "--smoke", *arguments]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False, env=env)  # noqa: S603


def test_the_benchmark_runs_and_keeps_the_analysis_around_its_results(tmp_path: Path) -> None:
    pytest.importorskip("aiohttp", reason="the benchmark's async baseline (the bench group) is not installed")
    pytest.importorskip("httptools", reason="the speedups extra is not installed")
    report = tmp_path / "BENCHMARKS.md"
    report.write_text(
        "# Benchmarks\n\nWritten by hand.\n\n<!-- bench:results -->\nold numbers\n<!-- /bench:results -->\n\n"
        "## Analysis\n\nAlso by hand.\n"
    )
    # The instruction counts have a test of their own: valgrind makes them slow.
    completed = smoke_run("--only", TIMED, "--output", str(report))
    assert completed.returncode == 0, completed.stderr
    text = report.read_text()
    assert text.startswith("# Benchmarks\n\nWritten by hand.\n")
    assert text.endswith("## Analysis\n\nAlso by hand.\n")
    assert "old numbers" not in text
    for section in ("retrieve_two_factor_status, sync", "two_factor_login", "32 in flight", "Import time"):
        assert section in text
    for ratio in (
        "facade (default: own pool) / raw aiohttp | ",
        "facade / raw httpx2.Client | ",
        "facade, typed LoginResponse / raw httpx2.Client + json.loads | ",
    ):
        assert ratio in text
    assert "more than `import httpx2` (target: <= 30 ms" in text
    assert completed.stdout.strip().startswith("<!-- bench:results -->")


def test_only_some_groups_are_measured_and_the_report_says_so(tmp_path: Path) -> None:
    report = tmp_path / "partial.md"
    completed = smoke_run("--only", "import,status", "--output", str(report))
    assert completed.returncode == 0, completed.stderr
    text = report.read_text()
    assert "retrieve_two_factor_status, sync" in text
    assert "Import time" in text
    assert "two_factor_login" not in text
    assert "in flight" not in text
    assert "A partial run (`--only`): not measured here: login, async, instructions." in text


def test_a_partial_run_without_output_leaves_benchmarks_md_alone() -> None:
    benchmarks_md = RUNNER.parent.parent / "BENCHMARKS.md"
    before = benchmarks_md.read_bytes()
    completed = smoke_run("--only", "status")
    assert completed.returncode == 0, completed.stderr
    assert "facade / raw httpx2.Client | " in completed.stdout
    assert benchmarks_md.read_bytes() == before


def test_an_unknown_group_is_refused() -> None:
    completed = smoke_run("--only", "status,logins")
    assert completed.returncode == 2
    assert "choose among status,login,async,import,instructions" in completed.stderr


@pytest.mark.skipif(
    shutil.which("valgrind") is None or shutil.which("callgrind_control") is None, reason="needs valgrind's callgrind"
)
def test_instruction_counts_stand_beside_the_ratios(tmp_path: Path) -> None:
    report = tmp_path / "instructions.md"
    completed = smoke_run("--only", "status,instructions", "--output", str(report), timeout=900)
    assert completed.returncode == 0, completed.stderr
    text = report.read_text()
    assert "### Instructions per call (valgrind callgrind)" in text
    rows = {line.split(" | ")[0]: line.split(" | ") for line in text.splitlines() if line.startswith("| ")}
    paths = (
        "| sync status",
        "| typed login (10 KB)",
        "| 10 KB LoginResponse, parsing alone",
        "| async status, 32 in flight",
    )
    for path in paths:
        facade, reference = int(rows[path][2].replace(",", "")), int(rows[path][4].replace(",", ""))
        assert facade > 0 and reference > 0
        assert float(rows[path][5]) == pytest.approx(reference / facade, abs=0.01)
    assert rows["| sync status"][6].strip(" |") != ""  # the status group's calls/s ratio, measured in the same run
    assert "instructions more than `import httpx2`." in text


def test_without_valgrind_the_report_says_the_instructions_were_not_counted(tmp_path: Path) -> None:
    report = tmp_path / "no-valgrind.md"
    environment = {**os.environ, "PATH": str(tmp_path)}  # nothing to find there
    completed = smoke_run("--only", "instructions", "--output", str(report), env=environment)
    assert completed.returncode == 0, completed.stderr
    assert "Not counted: valgrind (with callgrind_control) is not installed." in report.read_text()


def test_a_failed_callgrind_run_is_reported_and_the_timings_kept(tmp_path: Path) -> None:
    for tool in ("valgrind", "callgrind_control"):
        fake = tmp_path / tool
        fake.write_text("#!/bin/sh\necho 'valgrind: cannot start' >&2\nexit 1\n")
        fake.chmod(0o755)
    report = tmp_path / "failed.md"
    environment = {**os.environ, "PATH": f"{tmp_path}{os.pathsep}{os.environ.get('PATH', '')}"}
    completed = smoke_run("--only", "status,instructions", "--output", str(report), env=environment)
    assert completed.returncode == 0, completed.stderr
    text = report.read_text()
    assert "facade / raw httpx2.Client | " in text
    assert "Not counted: a callgrind run failed (exit status 1, its stderr above)." in text
    assert "valgrind: cannot start" in completed.stderr


def counted_from(stretch_total: Callable[[int, int, bool], int], monkeypatch: pytest.MonkeyPatch) -> Any:
    """instructions.count_calls over made-up callgrind dumps, no valgrind run: stretch_total(pair, calls,
    whether it is the N-call stretch of the pair) is the count of that stretch's dump."""
    monkeypatch.syspath_prepend(str(RUNNER.parent))
    instructions = importlib.import_module("instructions")
    settings = instructions.SMOKE

    def fake_callgrind(arguments: list[str], out_dir: Path) -> list[tuple[str, int]]:
        return [
            (f"dump {instructions.stretch_label(number, index, pair, calls)}", stretch_total(pair, calls, short))
            for number, path in enumerate(instructions.HOT_PATHS)
            for index in range(2)
            for pair in range(settings.pairs)
            for calls, short in ((path.measured(settings), True), (2 * path.measured(settings), False))
        ]

    monkeypatch.setattr(instructions, "callgrind", fake_callgrind)
    return instructions.count_calls([], settings)


ASKING = 400_000  # what asking for a dump costs the child (callgrind_control in a subprocess), in every stretch


def test_a_one_off_in_one_stretch_does_not_bend_the_count(monkeypatch: pytest.MonkeyPatch) -> None:
    # An old-generation collection (10 M instructions) in the first N-call stretch and in the second
    # 2N-call one: over the first pair alone, (2N - N) / N would come out negative.
    def stretch_total(pair: int, calls: int, short: bool) -> int:
        one_off = 10_000_000 if (pair, short) in {(0, True), (1, False)} else 0
        return ASKING + calls * 1_000_000 + one_off

    per_call = counted_from(stretch_total, monkeypatch)
    assert {count for by_contender in per_call.values() for count in by_contender.values()} == {1_000_000}


def test_a_count_that_cannot_be_one_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    # Every N-call stretch caught a one-off: the cheapest 2N-call stretch costs less than the cheapest
    # N-call one, which no call can make; the run is said to have failed instead of reporting a count.
    def stretch_total(pair: int, calls: int, short: bool) -> int:
        return ASKING + calls * 1_000_000 + (10_000_000 if short else 0)

    with pytest.raises(RuntimeError, match=r"sync status, facade: the cheapest \d+-call stretch cost no more"):
        counted_from(stretch_total, monkeypatch)
