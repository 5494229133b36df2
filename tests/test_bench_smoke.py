"""The benchmark (`nox -s bench`) with tiny counts, so that it cannot rot. Nothing here is timed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

RUNNER = Path(__file__).resolve().parent.parent / "benchmarks" / "run.py"


def test_the_benchmark_runs_and_keeps_the_analysis_around_its_results(tmp_path: Path) -> None:
    pytest.importorskip("aiohttp", reason="the benchmark needs the aiohttp extra")
    report = tmp_path / "BENCHMARKS.md"
    report.write_text(
        "# Benchmarks\n\nWritten by hand.\n\n<!-- bench:results -->\nold numbers\n<!-- /bench:results -->\n\n"
        "## Analysis\n\nAlso by hand.\n"
    )
    command = [sys.executable, str(RUNNER), "--smoke", "--output", str(report)]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)  # noqa: S603
    assert completed.returncode == 0, completed.stderr
    text = report.read_text()
    assert text.startswith("# Benchmarks\n\nWritten by hand.\n")
    assert text.endswith("## Analysis\n\nAlso by hand.\n")
    assert "old numbers" not in text
    for section in ("retrieve_two_factor_status, sync", "two_factor_login", "32 in flight", "Import time"):
        assert section in text
    for ratio in (
        "facade (default: aiohttp) / raw aiohttp | ",
        "facade / raw httpx2.Client | ",
        "facade, typed LoginResponse / raw httpx2.Client + json.loads | ",
    ):
        assert ratio in text
    assert "more than `import httpx2` (target: <= 30 ms" in text
    assert completed.stdout.strip().startswith("<!-- bench:results -->")
