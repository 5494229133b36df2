"""`nox -s bench`: what the facade costs over httpx2, and what its async path gains.

Every contender makes the same call to a canned loopback server that runs in its own process
(loopback_server.py). Contenders of a group are measured in turns, round after round, each for about
the same slice of time; a ratio is taken within each round and the median over rounds is reported,
so that noise from other work on the machine falls on both sides of a ratio alike. Last, the hot
paths' instructions per call are counted under valgrind's callgrind (instructions.py), when installed.

    python benchmarks/run.py                 # a few minutes; writes BENCHMARKS.md
    python benchmarks/run.py --smoke --output /tmp/b.md   # tiny counts: checks that it all runs
    python benchmarks/run.py --only status,login          # some groups only: printed, BENCHMARKS.md left alone
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import importlib
import importlib.util
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import httpx2
import instructions
from canned import API_KEY, CODE, IN_FLIGHT, LOGIN_PATH, STATUS_PATH, TRUST_ID, TWO_FACTOR_ID, USER_ID

import fusionauth_two_factor as fa
from fusionauth_two_factor._client import own_async_pool
from fusionauth_two_factor.models import LoginResponse, User

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
IMPORT_TARGET_MS = 30.0  # issue 15: import overhead over `import httpx2`
LOGIN_BODY = {"twoFactorId": TWO_FACTOR_ID, "code": CODE}
USER_AGENT = f"fusionauth-two-factor-python/{fa.__version__}"
# The headers the facade sends on a status call, for the raw contenders to send the same.
STATUS_HEADERS = {"Accept": "application/json", "User-Agent": USER_AGENT, "Authorization": API_KEY}
LOGIN_HEADERS = {"Accept": "application/json", "User-Agent": USER_AGENT}
RESULTS_START = "<!-- bench:results -->"
RESULTS_END = "<!-- /bench:results -->"
PACKAGES = (
    "fusionauth-two-factor",
    "httpx2",
    "httpcore2",
    "anyio",
    "attrs",
    "httptools",
    "aiohttp",
    "fusionauth-client",
    "requests",
)

Call = Callable[[], int]  # one call; returns the HTTP status, checked once before timing


@dataclass(frozen=True)
class Settings:
    rounds: int
    slice_seconds: float  # how long each contender runs in each round
    import_runs: int


FULL = Settings(rounds=21, slice_seconds=0.25, import_runs=21)
SMOKE = Settings(rounds=2, slice_seconds=0.005, import_runs=2)


@dataclass(frozen=True)
class Pair:
    numerator: str
    denominator: str
    target: float | None = None


@dataclass
class Group:
    title: str
    in_flight: int
    contenders: dict[str, Callable[[int], None]]  # name -> run n calls
    pairs: list[Pair]
    calls: dict[str, int] = field(default_factory=dict)  # calls per measurement, by contender
    rates: dict[str, list[float]] = field(default_factory=dict)
    ratios: dict[Pair, list[float]] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)  # contenders whose package is not installed


# --- the loopback server ---------------------------------------------------------------------------


@contextlib.contextmanager
def loopback_server() -> Iterator[str]:
    """The base URL of a canned server in a child process, terminated on the way out whatever happens."""
    process = subprocess.Popen(  # noqa: S603 - this interpreter running our own server script
        [sys.executable, str(HERE / "loopback_server.py")], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    try:
        assert process.stdout is not None  # noqa: S101 - asked for with PIPE
        port = process.stdout.readline().strip()
        if not port:
            raise RuntimeError("the loopback server did not start")
        yield f"http://127.0.0.1:{int(port)}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        for pipe in (process.stdin, process.stdout):
            if pipe is not None:
                pipe.close()


# --- contenders ----------------------------------------------------------------------------------


def sync_runner(call: Callable[[], object]) -> Callable[[int], None]:
    def run(calls: int) -> None:
        for _ in range(calls):
            call()

    return run


def async_runner(loop: asyncio.AbstractEventLoop, call: Callable[[], Awaitable[int]]) -> Callable[[int], None]:
    """Runs the calls with IN_FLIGHT of them in flight at any time."""

    async def worker(calls: int) -> None:
        for _ in range(calls):
            await call()

    async def burst(calls: int) -> None:
        await asyncio.gather(*(worker(calls // IN_FLIGHT) for _ in range(IN_FLIGHT)))

    def run(calls: int) -> None:
        loop.run_until_complete(burst(calls))

    return run


# Beyond the 15 s default: under callgrind (benchmarks/instructions.py) a call runs ~50x slower, and the
# first one also imports what the package loads at first use (its own async pool, the checks, the
# models); on a loaded machine that first call once ran out of 15 s. The timeout costs nothing per call.
CALL_TIMEOUT = 120.0


def official_client(base_url: str) -> Any | None:
    """FusionAuth's own Python client, or None when fusionauth-client is not installed."""
    if importlib.util.find_spec("fusionauth") is None:
        return None
    return importlib.import_module("fusionauth.fusionauth_client").FusionAuthClient(API_KEY, base_url)


def status_group(base_url: str, stack: contextlib.ExitStack) -> Group:
    client = stack.enter_context(fa.Client(base_url, api_key=API_KEY, timeout=CALL_TIMEOUT))
    facade = fa.TwoFactorController(client)
    raw = stack.enter_context(httpx2.Client())
    url = f"{base_url}{STATUS_PATH}?userId={USER_ID}"
    calls: dict[str, Call] = {
        "facade": lambda: facade.retrieve_two_factor_status(TRUST_ID, user_id=USER_ID).status_code,
        "raw httpx2.Client": lambda: raw.get(url, headers=STATUS_HEADERS).status_code,
    }
    group = Group("retrieve_two_factor_status, sync", 1, {}, [Pair("facade", "raw httpx2.Client", 1.3)])
    add_official(group, calls, base_url, lambda official: official.retrieve_two_factor_status(USER_ID, None, TRUST_ID))
    return with_checked_calls(group, calls)


def login_group(base_url: str, stack: contextlib.ExitStack) -> Group:
    client = stack.enter_context(fa.Client(base_url, api_key=API_KEY, timeout=CALL_TIMEOUT))
    facade = fa.TwoFactorController(client)
    raw = stack.enter_context(httpx2.Client())
    url = f"{base_url}{LOGIN_PATH}"

    def raw_login() -> int:
        response = raw.post(url, json=LOGIN_BODY, headers=LOGIN_HEADERS)
        json.loads(response.content)
        return response.status_code

    calls: dict[str, Call] = {
        "facade, typed LoginResponse": lambda: typed_login(facade),
        "raw httpx2.Client + json.loads": raw_login,
        READ_THROUGH: lambda: typed_login_read_through(facade),
    }
    pairs = [
        Pair("facade, typed LoginResponse", "raw httpx2.Client + json.loads", 0.95),
        Pair(READ_THROUGH, "raw httpx2.Client + json.loads"),
    ]
    group = Group("two_factor_login (10 KB LoginResponse), sync", 1, {}, pairs)
    add_official(group, calls, base_url, lambda official: official.two_factor_login(LOGIN_BODY))
    if "FusionAuth's fusionauth-client" in calls:
        group.pairs.append(Pair(READ_THROUGH, "FusionAuth's fusionauth-client"))
    check_typed_login(facade)
    return with_checked_calls(group, calls)


def add_official(group: Group, calls: dict[str, Call], base_url: str, call: Callable[[Any], Any]) -> None:
    """The same call through FusionAuth's own client, compared with the first contender."""
    name = "FusionAuth's fusionauth-client"
    group.pairs.append(Pair(next(iter(calls)), name, 3.0))
    official = official_client(base_url)
    if official is None:
        group.missing.append(name)
    else:
        calls[name] = lambda: int(call(official).status)


def typed_login(facade: fa.TwoFactorController) -> int:
    response = facade.two_factor_login(LOGIN_BODY)
    if response.result is None:  # touched, so that a lazily parsed result would be timed too
        raise RuntimeError("the login answer did not parse")
    return response.status_code


# The nested models are built at the first read of their field (templates/model.py.jinja): this
# contender reads every one of them, as a caller walking the whole user would.
READ_THROUGH = "facade, every nested model read"


def typed_login_read_through(facade: fa.TwoFactorController) -> int:
    result = facade.two_factor_login(LOGIN_BODY).result
    if not isinstance(result, LoginResponse):
        raise RuntimeError("the login answer did not parse")
    user = result.user
    read = (user.registrations, user.identities, user.memberships, user.two_factor, result.methods)
    if not read[0] or not user.two_factor or not user.two_factor.methods:
        raise RuntimeError("the canned login answer lacks the nested models this contender reads")
    return 200


def check_typed_login(facade: fa.TwoFactorController) -> None:
    result = facade.two_factor_login(LOGIN_BODY).result
    user = result.user if isinstance(result, LoginResponse) else None
    if not isinstance(user, User) or not user.registrations:
        raise RuntimeError("the canned login answer did not parse into a LoginResponse with a user")


def async_group(base_url: str, loop: asyncio.AbstractEventLoop, stack: contextlib.ExitStack) -> Group:
    url = f"{base_url}{STATUS_PATH}?userId={USER_ID}"
    aiohttp = importlib.import_module("aiohttp")  # the bench group's baseline, not the package's

    async def open_clients() -> tuple[httpx2.AsyncClient, httpx2.AsyncClient, Any]:
        return httpx2.AsyncClient(), httpx2.AsyncClient(), aiohttp.ClientSession()

    slow_pool, stock, session = loop.run_until_complete(open_clients())
    fast = fa.Client(base_url, api_key=API_KEY, timeout=CALL_TIMEOUT)  # its own pool: AsyncPool with httptools
    slow = fa.Client(base_url, api_key=API_KEY, timeout=CALL_TIMEOUT, async_http_client=slow_pool)
    for close in (fast.aclose, slow_pool.aclose, stock.aclose, session.close):
        stack.callback(run_in, loop, close)
    if not loop.run_until_complete(_default_pool_is_own()):
        raise RuntimeError("install the speedups extra (httptools): the facade would use httpx2's own pool")

    async def facade(controller: fa.AsyncTwoFactorController) -> int:
        return (await controller.retrieve_two_factor_status(TRUST_ID, user_id=USER_ID)).status_code

    async def raw_httpx(http: httpx2.AsyncClient) -> int:
        return (await http.get(url, headers=STATUS_HEADERS)).status_code

    async def raw_aiohttp() -> int:
        async with session.get(url, headers=STATUS_HEADERS) as response:
            await response.read()
            return int(response.status)

    fast_facade, slow_facade = fa.AsyncTwoFactorController(fast), fa.AsyncTwoFactorController(slow)
    calls: dict[str, Callable[[], Awaitable[int]]] = {
        "facade (default: own pool)": lambda: facade(fast_facade),
        "facade over httpx2's own pool": lambda: facade(slow_facade),
        "stock httpx2.AsyncClient": lambda: raw_httpx(stock),
        "raw aiohttp": raw_aiohttp,
    }
    pairs = [
        Pair("facade (default: own pool)", "raw aiohttp", 0.7),
        Pair("facade (default: own pool)", "stock httpx2.AsyncClient"),
        Pair("facade over httpx2's own pool", "stock httpx2.AsyncClient"),
    ]
    group = Group(f"retrieve_two_factor_status, async, {IN_FLIGHT} in flight", IN_FLIGHT, {}, pairs)
    for name, call in calls.items():
        if loop.run_until_complete(call()) != 200:
            raise RuntimeError(f"{name}: the canned server did not answer 200")
        group.contenders[name] = async_runner(loop, call)
    return group


def run_in(loop: asyncio.AbstractEventLoop, coroutine_function: Callable[[], Awaitable[object]]) -> None:
    async def await_it() -> None:
        await coroutine_function()

    loop.run_until_complete(await_it())


async def _default_pool_is_own() -> bool:
    """Whether a Client that makes its own async pool, on this loop, makes the own AsyncPool (httptools)."""
    pool = own_async_pool()
    if pool is None:  # no httptools (or a proxy named in the environment): httpx2's own pool instead
        return False
    await pool.aclose()
    from fusionauth_two_factor._async_pool import AsyncPool  # noqa: PLC0415 - importable only with httptools

    return isinstance(pool, AsyncPool)


def with_checked_calls(group: Group, calls: dict[str, Call]) -> Group:
    for name, call in calls.items():
        if call() != 200:
            raise RuntimeError(f"{name}: the canned server did not answer 200")
        group.contenders[name] = sync_runner(call)
    return group


# --- measuring -----------------------------------------------------------------------------------


def calibrate(group: Group, settings: Settings) -> None:
    """Calls per measurement, so that each contender runs for about one slice of time."""
    for name, run in group.contenders.items():
        probe = max(group.in_flight * 4, 20)
        run(probe)  # warm up: connections, caches
        started = time.perf_counter()
        run(probe)
        rate = probe / (time.perf_counter() - started)
        calls = max(int(rate * settings.slice_seconds), group.in_flight * 2, 4)
        group.calls[name] = calls - calls % group.in_flight


def measure(group: Group, settings: Settings) -> None:
    names = list(group.contenders)
    for round_number in range(settings.rounds):
        shift = round_number % len(names)  # each contender goes first in turn
        rates: dict[str, float] = {}
        for name in names[shift:] + names[:shift]:
            calls = group.calls[name]
            started = time.perf_counter()
            group.contenders[name](calls)
            rates[name] = calls / (time.perf_counter() - started)
            group.rates.setdefault(name, []).append(rates[name])
        for pair in group.pairs:
            if pair.numerator in rates and pair.denominator in rates:
                group.ratios.setdefault(pair, []).append(rates[pair.numerator] / rates[pair.denominator])


@dataclass
class ImportTimes:
    median_ms: dict[str, float]
    runs: int
    breakdown_ms: list[tuple[str, float]]  # top-level package -> own import time after httpx2


def import_times(settings: Settings) -> ImportTimes:
    statements = {name: name for name in ("pass", "import httpx2", "import fusionauth_two_factor")}
    samples: dict[str, list[float]] = {name: [] for name in statements}
    for _ in range(settings.import_runs):
        for name, statement in statements.items():
            started = time.perf_counter()
            subprocess.run([sys.executable, "-c", statement], check=True)  # noqa: S603 - fixed statements
            samples[name].append((time.perf_counter() - started) * 1000)
    medians = {name: statistics.median(values) for name, values in samples.items()}
    return ImportTimes(medians, settings.import_runs, import_breakdown(max(settings.import_runs // 4, 1)))


def import_breakdown(runs: int) -> list[tuple[str, float]]:
    """What `import fusionauth_two_factor` adds after httpx2, by top-level package (python -X importtime)."""
    totals: dict[str, list[float]] = {}
    for _ in range(runs):
        for package, microseconds in _own_import_times().items():
            totals.setdefault(package, []).append(microseconds / 1000)
    ranked = sorted(((package, statistics.median(ms)) for package, ms in totals.items()), key=lambda item: -item[1])
    return ranked[:8]


def _own_import_times() -> dict[str, float]:
    completed = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import httpx2; import fusionauth_two_factor"],
        check=True,
        capture_output=True,
        text=True,
    )
    lines = completed.stderr.splitlines()
    after_httpx = next(index for index, line in enumerate(lines) if line.endswith("| httpx2")) + 1
    own: dict[str, float] = {}
    for line in lines[after_httpx:]:
        parts = line.split("|")
        if len(parts) == 3 and parts[0].strip().split(":")[-1].strip().isdigit():
            package = parts[2].strip().split(".")[0]
            own[package] = own.get(package, 0.0) + float(parts[0].split(":")[-1])
    return own


# --- reporting -----------------------------------------------------------------------------------


def machine() -> list[str]:
    cpu = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    versions = []
    for package in PACKAGES:
        try:
            versions.append(f"{package} {metadata.version(package)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{package} (not installed)")
    return [
        f"CPU: {cpu}, {os.cpu_count()} cores (the server process and the client share them)",
        f"Python {platform.python_version()} ({platform.python_implementation()}), {platform.platform()}",
        "Packages: " + ", ".join(versions),
    ]


def group_markdown(group: Group, settings: Settings) -> list[str]:
    lines = [f"### {group.title}", "", "| contender | calls/s (median) | calls per measurement |", "|---|---:|---:|"]
    for name, rates in group.rates.items():
        lines.append(f"| {name} | {statistics.median(rates):,.0f} | {group.calls[name]:,} |")
    lines += [f"| {name} | not installed | |" for name in group.missing]
    lines += ["", f"| ratio (median of {settings.rounds} rounds) | median | min .. max | target | met |"]
    lines.append("|---|---:|---:|---:|:---:|")
    for pair in group.pairs:
        lines.append(ratio_row(pair, group.ratios.get(pair)))
    return [*lines, ""]


def ratio_row(pair: Pair, ratios: list[float] | None) -> str:
    label = f"{pair.numerator} / {pair.denominator}"
    target = "" if pair.target is None else f">= {pair.target:g}"
    if not ratios:
        return f"| {label} | not measured | | {target} | |"
    median = statistics.median(ratios)
    met = "" if pair.target is None else ("yes" if median >= pair.target else "**no**")
    return f"| {label} | {median:.2f} | {min(ratios):.2f} .. {max(ratios):.2f} | {target} | {met} |"


def imports_markdown(times: ImportTimes) -> list[str]:
    overhead = times.median_ms["import fusionauth_two_factor"] - times.median_ms["import httpx2"]
    lines = [
        "### Import time (fresh interpreter each run)",
        "",
        f"| command | median of {times.runs} runs (ms) |",
        "|---|---:|",
        *(f'| `python -c "{name}"` | {ms:.0f} |' for name, ms in times.median_ms.items()),
        "",
        f"`import fusionauth_two_factor` costs **{overhead:.0f} ms** more than `import httpx2`"
        f" (target: <= {IMPORT_TARGET_MS:g} ms; met: {'yes' if overhead <= IMPORT_TARGET_MS else '**no**'}).",
        "",
        "What it imports after httpx2, by top-level package (`python -X importtime`, own time, median ms):",
        "",
        "| package | ms |",
        "|---|---:|",
        *(f"| {package} | {ms:.1f} |" for package, ms in times.breakdown_ms),
    ]
    return [*lines, ""]


@dataclass
class Measured:
    groups: list[Group]
    times: ImportTimes | None  # None: not measured (--only)
    counts: instructions.Counts | str | None  # str: why they were not counted; None: not asked for (--only)


def results_markdown(measured: Measured, settings: Settings, seconds: float, omitted: list[str]) -> str:
    lines = [
        RESULTS_START,
        "## Results",
        "",
        f"Written by `nox -s bench` on {time.strftime('%Y-%m-%d')} in {seconds:.0f} s: {settings.rounds} rounds, each"
        f" contender running for about {settings.slice_seconds} s per round.",
        "",
    ]
    if omitted:  # a partial run must not pass for the whole picture
        lines += [f"A partial run (`--only`): not measured here: {', '.join(omitted)}.", ""]
    lines += [
        *(f"- {fact}" for fact in machine()),
        "",
    ]
    for group in measured.groups:
        lines += group_markdown(group, settings)
    if measured.times is not None:
        lines += imports_markdown(measured.times)
    if measured.counts is not None:
        lines += instructions.markdown(measured.counts, speed_ratios(measured.groups))
    return "\n".join([*lines, RESULTS_END]) + "\n"


def speed_ratios(groups: list[Group]) -> dict[str, float]:
    """Each measured ratio's median, by "numerator / denominator", to stand beside the instruction counts."""
    return {
        f"{pair.numerator} / {pair.denominator}": statistics.median(ratios)
        for group in groups
        for pair, ratios in group.ratios.items()
    }


def write_report(path: Path, results: str) -> None:
    """Replaces the results section and keeps the hand-written analysis around it."""
    text = path.read_text() if path.exists() else ""
    if RESULTS_START in text and RESULTS_END in text:
        before = text.split(RESULTS_START, 1)[0]
        after = text.split(RESULTS_END, 1)[1].lstrip("\n")
        text = before + results + ("\n" + after if after else "")
    else:
        text = "# Benchmarks\n\n" + results
    path.write_text(text)


# --- main ----------------------------------------------------------------------------------------


SERVED_GROUPS: dict[str, Callable[[str, asyncio.AbstractEventLoop, contextlib.ExitStack], Group]] = {
    "status": lambda base_url, _loop, stack: status_group(base_url, stack),
    "login": lambda base_url, _loop, stack: login_group(base_url, stack),
    "async": async_group,
}
GROUP_NAMES = (*SERVED_GROUPS, "import", "instructions")


def run_groups(settings: Settings, names: list[str]) -> list[Group]:
    """The groups of `names` that need the loopback server, measured one after the other."""
    served = [name for name in names if name in SERVED_GROUPS]
    if not served:
        return []
    with contextlib.ExitStack() as stack, loopback_server() as base_url:
        loop = asyncio.new_event_loop()
        stack.callback(loop.close)
        groups = [SERVED_GROUPS[name](base_url, loop, stack) for name in served]
        for group in groups:
            calibrate(group, settings)
            measure(group, settings)
        return groups


@contextlib.contextmanager
def hot_path_contenders(path: str, base_url: str) -> Iterator[instructions.Runners]:
    """What instructions.py counts: this module's contenders where the path is one of its groups."""
    with contextlib.ExitStack() as stack:
        if path == "status":
            yield status_group(base_url, stack).contenders
        elif path == "login":
            yield login_group(base_url, stack).contenders
        elif path == "async":
            loop = asyncio.new_event_loop()
            stack.callback(loop.close)
            yield async_group(base_url, loop, stack).contenders
        else:
            parse, loads = instructions.facade_parse(), instructions.json_loads()
            yield {"facade parse + type check": sync_runner(parse), "json.loads": sync_runner(loads)}


def count_instructions(smoke: bool) -> instructions.Counts | str:
    """Instructions per call (instructions.py), or why they could not be counted."""
    if not instructions.available():
        return "valgrind (with callgrind_control) is not installed"
    settings = instructions.SMOKE if smoke else instructions.FULL
    with loopback_server() as base_url:
        child = [str(Path(__file__).resolve()), "--callgrind-child", base_url, *(["--smoke"] if smoke else [])]
        try:
            return instructions.count(child, settings)
        except instructions.CountFailed as failure:
            return str(failure)


def group_names(value: str) -> list[str]:
    """--only's comma-separated list, in the report's order whatever the order given."""
    names = {name.strip() for name in value.split(",") if name.strip()}
    unknown = sorted(names - set(GROUP_NAMES))
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"choose among {','.join(GROUP_NAMES)} (got {value!r})")
    return [name for name in GROUP_NAMES if name in names]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--smoke", action="store_true", help="tiny counts: check that everything runs")
    parser.add_argument(
        "--only",
        type=group_names,
        metavar="GROUPS",
        help=f"measure only these comma-separated groups ({','.join(GROUP_NAMES)}); the results are printed,"
        " and written only to an --output given explicitly (BENCHMARKS.md is not rewritten by a partial run)",
    )
    parser.add_argument(
        "--output",
        type=Path,
        help="the report whose results section is replaced (default: BENCHMARKS.md, unless --only is given)",
    )
    parser.add_argument("--callgrind-child", metavar="BASE_URL", help=argparse.SUPPRESS)  # instructions.py's
    args = parser.parse_args(argv)
    settings = SMOKE if args.smoke else FULL
    if args.callgrind_child:
        base_url = args.callgrind_child
        smoke = instructions.SMOKE if args.smoke else instructions.FULL
        instructions.child(lambda path: hot_path_contenders(path, base_url), smoke)
        return
    names: list[str] = args.only or list(GROUP_NAMES)
    output: Path | None = args.output or (None if args.only else ROOT / "BENCHMARKS.md")
    # Only loopback traffic: a proxy from the environment must not see these calls.
    os.environ["NO_PROXY"] = os.environ["no_proxy"] = "127.0.0.1"
    started = time.perf_counter()
    groups = run_groups(settings, names)
    times = import_times(settings) if "import" in names else None
    # Counted last: the valgrind processes would otherwise load the machine during the timings.
    counts = count_instructions(args.smoke) if "instructions" in names else None
    omitted = [name for name in GROUP_NAMES if name not in names]
    measured = Measured(groups, times, counts)
    results = results_markdown(measured, settings, time.perf_counter() - started, omitted)
    sys.stdout.write(results)
    if output is not None:
        write_report(output, results)


if __name__ == "__main__":
    main()
