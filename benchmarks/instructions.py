"""Instructions per call of each hot path, counted by valgrind's callgrind: repeatable where timings are not.

`python benchmarks/run.py --only instructions` (a few minutes; `--smoke`: tiny counts, one run). run.py
starts the loopback server (its own process, not under valgrind) and gives this module the command that
runs its contenders: each run is a child interpreter under callgrind. After a warm-up the child asks
callgrind for a dump, then makes N calls and 2N calls, three times over, asking for a dump after each
stretch. One call is (the cheapest 2N-call stretch - the cheapest N-call stretch) / N: the cost of
asking (callgrind_control in a subprocess) is in every stretch alike and cancels out, and a one-off
(a collection of the older garbage-collector generations, a pool growing) lands in one stretch, not in
the cheapest of three. With a single pair, such a one-off in the N stretch of a few --smoke calls once
made a count negative (-305,934). An import is a whole interpreter run with `python -c pass`
subtracted. Every count is taken twice, by separate processes, to show how repeatable it is.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from canned import IN_FLIGHT, login_body

from fusionauth_two_factor._operations import TWO_FACTOR_LOGIN
from fusionauth_two_factor._parsing import parse_answer
from fusionauth_two_factor.models import LoginResponse

HERE = Path(__file__).resolve().parent
TIMEOUT_SECONDS = 1800  # per valgrind run: callgrind is some 50 times slower than the bare interpreter
# Fixed hash seed: str hashes, and so dict and set layouts, are the same in every run.
CHILD_ENVIRONMENT = {"PYTHONHASHSEED": "0", "NO_PROXY": "127.0.0.1", "no_proxy": "127.0.0.1"}
CALLGRIND = ("valgrind", "--tool=callgrind", "--dump-line=no", "--compress-pos=no")
IMPORTS = {"pass": "pass", "httpx2": "import httpx2", "package": "import fusionauth_two_factor"}


@dataclass(frozen=True)
class Settings:
    runs: int
    scale: float  # of each path's N
    warm_up: int
    pairs: int = 3  # of stretches, N calls then 2N: each size's cheapest stretch counts


FULL = Settings(runs=2, scale=1.0, warm_up=5)
SMOKE = Settings(runs=1, scale=0.05, warm_up=1)


@dataclass(frozen=True)
class HotPath:
    key: str
    title: str
    facade: str  # contender names: run.py's where the path is one of its groups
    reference: str
    calls: int  # N: every other measured stretch makes 2N calls
    batch: int = 1  # calls are made in multiples of this: the async runner splits them among its workers

    def measured(self, settings: Settings) -> int:
        return self.whole_batches(int(self.calls * settings.scale))

    def whole_batches(self, calls: int) -> int:
        return -(-max(calls, 1) // self.batch) * self.batch


HOT_PATHS = (
    HotPath("status", "sync status", "facade", "raw httpx2.Client", calls=40),
    HotPath("login", "typed login (10 KB)", "facade, typed LoginResponse", "raw httpx2.Client + json.loads", calls=20),
    HotPath("parse", "10 KB LoginResponse, parsing alone", "facade parse + type check", "json.loads", calls=40),
    HotPath(
        "async",
        f"async status, {IN_FLIGHT} in flight",
        "facade (default: own pool)",
        "raw aiohttp",
        64,
        batch=IN_FLIGHT,
    ),
)


@dataclass
class Counts:
    per_call: dict[str, dict[str, list[float]]]  # hot path -> contender -> instructions per call, one per run
    imports: dict[str, list[int]]  # IMPORTS key -> instructions of the whole interpreter run, one per run
    runs: int
    pairs: int  # Settings.pairs


class CountFailed(RuntimeError):
    """A callgrind run failed: said in place of the counts, so that the timings measured before are kept."""


def available() -> bool:
    return shutil.which("valgrind") is not None and shutil.which("callgrind_control") is not None


# --- the child under callgrind -------------------------------------------------------------------


def dump(label: str) -> None:
    """Callgrind writes what it counted since the last dump and starts again from zero."""
    command = ["callgrind_control", f"--dump={label}", str(os.getpid())]
    completed = subprocess.run(command, check=True, capture_output=True, text=True)  # noqa: S603 - valgrind's tool
    # callgrind_control exits 0 even when it found no callgrind run to ask: only its output tells.
    if not completed.stdout.startswith(f"PID {os.getpid()}:") or "Error" in completed.stdout:
        raise RuntimeError(f"callgrind_control did not dump: {completed.stdout.strip()}")


def facade_parse() -> Callable[[], object]:
    """The facade's parse and type check of the canned 10 KB login answer, without the HTTP around it."""
    body = login_body()
    parsed, failure = parse_answer(TWO_FACTOR_LOGIN, 200, body)
    if not isinstance(parsed, LoginResponse):
        raise RuntimeError(f"the canned login answer did not parse into a LoginResponse ({failure})")
    return lambda: parse_answer(TWO_FACTOR_LOGIN, 200, body)


def json_loads() -> Callable[[], object]:
    body = login_body()
    return lambda: json.loads(body)


Runners = dict[str, Callable[[int], None]]  # contender name -> make n calls


def stretch_label(number: int, index: int, pair: int, calls: int) -> str:
    """The dump after a measured stretch: hot path number, contender index, pair, calls in the stretch."""
    return f"{number}-{index}-{pair}-n{calls}"


def child(contenders: Callable[[str], contextlib.AbstractContextManager[Runners]], settings: Settings) -> None:
    """Runs every hot path's two contenders, a dump around each measured stretch (see the module's doc)."""
    for number, path in enumerate(HOT_PATHS):
        calls = path.measured(settings)
        with contenders(path.key) as runners:
            for index, contender in enumerate((path.facade, path.reference)):
                run = runners[contender]
                run(path.whole_batches(settings.warm_up))
                dump(f"{number}-{index}-start")  # the warm-up's count goes into this dump, unused
                for pair in range(settings.pairs):
                    for stretch in (calls, 2 * calls):
                        run(stretch)
                        dump(stretch_label(number, index, pair, stretch))


# --- the parent ----------------------------------------------------------------------------------


def callgrind(arguments: list[str], out_dir: Path) -> list[tuple[str, int]]:
    """Runs the interpreter under callgrind; each dump's trigger and instruction count, in order."""
    command = [*CALLGRIND, f"--callgrind-out-file={out_dir}/callgrind.%p", sys.executable, *arguments]
    environment = {**os.environ, **CHILD_ENVIRONMENT}
    completed = subprocess.run(  # noqa: S603 - valgrind over this interpreter and our own script
        command, env=environment, cwd=HERE, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False
    )
    if completed.returncode != 0:
        sys.stderr.write(completed.stderr[-4000:])
        raise CountFailed(f"a callgrind run failed (exit status {completed.returncode}, its stderr above)")
    dumps = []
    for file in out_dir.iterdir():
        text = file.read_text()
        trigger = re.search(r"^desc: Trigger: (.*)$", text, re.MULTILINE)
        total = re.search(r"^totals: (\d+)$", text, re.MULTILINE)
        if trigger is None or total is None:
            raise CountFailed(f"callgrind wrote a file without a trigger or totals ({file.name})")
        dumps.append((trigger.group(1), int(total.group(1))))
    return dumps


def count_calls(child_arguments: list[str], settings: Settings) -> dict[str, dict[str, float]]:
    with tempfile.TemporaryDirectory(prefix="callgrind-") as out_dir:
        totals = dict(callgrind(child_arguments, Path(out_dir)))
    per_call: dict[str, dict[str, float]] = {}
    for number, path in enumerate(HOT_PATHS):
        calls = path.measured(settings)
        for index, contender in enumerate((path.facade, path.reference)):
            cheapest: dict[int, int] = {}  # calls in the stretch -> its cheapest count
            for stretch in (calls, 2 * calls):
                labels = [f"dump {stretch_label(number, index, pair, stretch)}" for pair in range(settings.pairs)]
                if not all(label in totals for label in labels):
                    raise CountFailed(f"callgrind wrote no {labels[0]} dumps")
                cheapest[stretch] = min(totals[label] for label in labels)
            one_call = (cheapest[2 * calls] - cheapest[calls]) / calls
            if one_call <= 0:  # a count that cannot be one is said as such, never reported as a count
                raise CountFailed(
                    f"{path.title}, {contender}: the cheapest {2 * calls}-call stretch cost no more than the"
                    f" cheapest {calls}-call one ({one_call:,.0f} instructions per call)"
                )
            per_call.setdefault(path.key, {})[contender] = one_call
    return per_call


def count_import(statement: str) -> int:
    with tempfile.TemporaryDirectory(prefix="callgrind-") as out_dir:
        ((_, total),) = callgrind(["-c", statement], Path(out_dir))
    return total


def count(child_arguments: list[str], settings: Settings) -> Counts:
    """Every count, settings.runs times, two valgrind processes at a time (this machine has two cores).

    child_arguments: what makes this interpreter call child() with the same settings.
    """
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        calls = [pool.submit(count_calls, child_arguments, settings) for _ in range(settings.runs)]
        imports = {key: [pool.submit(count_import, s) for _ in range(settings.runs)] for key, s in IMPORTS.items()}
        per_call: dict[str, dict[str, list[float]]] = {}
        for future in calls:
            for path, by_contender in future.result().items():
                for contender, value in by_contender.items():
                    per_call.setdefault(path, {}).setdefault(contender, []).append(value)
        return Counts(
            per_call,
            {key: [f.result() for f in futures] for key, futures in imports.items()},
            settings.runs,
            settings.pairs,
        )


# --- reporting -----------------------------------------------------------------------------------


def _runs(values: list[float] | list[int]) -> str:
    return " / ".join(f"{value:,.0f}" for value in values)


def markdown(counts: Counts | str, speed_ratios: dict[str, float]) -> list[str]:
    """The Results subsection, or why nothing was counted; speed_ratios: run.py's calls/s medians by
    "facade / reference" label."""
    lines = ["### Instructions per call (valgrind callgrind)", ""]
    if isinstance(counts, str):
        return [*lines, f"Not counted: {counts}.", ""]
    lines += [
        f"Per call: (the cheapest of {counts.pairs} stretches of 2N calls - the cheapest of {counts.pairs}"
        f" of N calls) / N after a warm-up; {counts.runs} separate run(s) under callgrind, one"
        " value per run (run 1 / run 2 ...). The instruction ratio is reference / facade, so that it reads like"
        " the calls/s ratios (above 1: the facade does less).",
        "",
        "| hot path | facade | instructions per call | reference | instructions per call | reference / facade"
        " | calls/s ratio (this run) |",
        "|---|---|---:|---|---:|---:|---:|",
    ]
    for path in HOT_PATHS:
        facade, reference = counts.per_call[path.key][path.facade], counts.per_call[path.key][path.reference]
        ratios = " / ".join(f"{r / f:.2f}" for f, r in zip(facade, reference, strict=True))
        speed = speed_ratios.get(f"{path.facade} / {path.reference}")
        lines.append(
            f"| {path.title} | {path.facade} | {_runs(facade)} | {path.reference} | {_runs(reference)} | {ratios}"
            f" | {'' if speed is None else f'{speed:.2f}'} |"
        )
    bare = counts.imports["pass"]
    httpx2, package = counts.imports["httpx2"], counts.imports["package"]
    overhead = [p - h for p, h in zip(package, httpx2, strict=True)]
    lines += [
        "",
        "| interpreter run | instructions | over `python -c pass` |",
        "|---|---:|---:|",
        *(
            f'| `python -c "{statement}"` | {_runs(counts.imports[key])} |'
            f" {_runs([v - b for v, b in zip(counts.imports[key], bare, strict=True)])} |"
            for key, statement in IMPORTS.items()
        ),
        "",
        f"`import fusionauth_two_factor` executes **{_runs(overhead)}** instructions more than `import httpx2`.",
        "",
    ]
    return lines
