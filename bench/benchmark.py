"""Benchmark plexilint against the parse floor and its peers; write docs/benchmarks.md.

    python bench/benchmark.py [--corpus DIR] [--repeat N] [--timeout S] [--quick]
                              [--only KEY,...] [--output docs/benchmarks.md]

See DESIGN.md, "Performance", for the corpus and the targets; bench/rows.py for what runs.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import shlex
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
if __package__ in (None, ""):  # run as a script: make `bench` importable
    sys.path.insert(0, str(REPOSITORY))

from bench import corpus as corpora  # noqa: E402
from bench.machine import machine, versions  # noqa: E402
from bench.measure import Measurement, run_once  # noqa: E402
from bench.report import RunInfo, console, markdown  # noqa: E402
from bench.results import Result, Results  # noqa: E402
from bench.rows import (FIRST_FILES, FULL, ROWS, SCALE_COPIES, SCALED, SMALL_FILE_BYTES,  # noqa: E402
                        SMALL_FILES, Row)
from bench.targets import judge  # noqa: E402

PROFILER = REPOSITORY / "bench" / "profile_plexilint.py"
LSP_LATENCY = REPOSITORY / "bench" / "lsp_latency.py"
FIRST_FILES_COUNT = 60
QUICK_STRIDE = 15  # --quick: every 15th file of the corpus (about 45 of the stdlib's 661)
QUICK_FIRST_FILES = 10


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=corpora.stdlib_root(),
                        help="source tree (default: this Python's standard library, without its tests)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per row; the median is reported")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds before a run is killed")
    parser.add_argument("--quick", action="store_true", help="a small slice of the corpus, one run per row")
    parser.add_argument("--only", help="comma-separated row keys (see --list)")
    parser.add_argument("--list", action="store_true", help="list the row keys and exit")
    parser.add_argument("--output", type=Path, default=REPOSITORY / "docs" / "benchmarks.md")
    parser.add_argument("--no-lsp", dest="lsp", action="store_false",
                        help="skip the language-server latency (bench/lsp_latency.py)")
    parser.add_argument("--no-profile", dest="profile", action="store_false",
                        help="skip the per-stage profile of plexilint (bench/profile_plexilint.py)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary corpora and tool outputs")
    args = parser.parse_args(argv)
    if args.quick:
        args.repeat = 1
    return args


def selected_rows(only: str | None) -> list[Row]:
    if not only:
        return ROWS
    keys = only.split(",")
    unknown = [k for k in keys if k not in {row.key for row in ROWS}]
    if unknown:
        sys.exit(f"unknown row keys: {', '.join(unknown)} (see --list)")
    return [row for row in ROWS if row.key in keys]


def build_corpora(source: Path, scratch: Path, needed: set[str], quick: bool) -> dict[str, corpora.Corpus]:
    files = corpora.source_files(source)
    description = f"{source.name} without tests"
    if quick:
        files = files[::QUICK_STRIDE]
        description += f", every {QUICK_STRIDE}th file"
    built = {FULL: corpora.build(source, files, scratch / FULL, description)}
    full = built[FULL]
    if SMALL_FILES in needed:
        built[SMALL_FILES] = corpora.subset(
            full, corpora.files_smaller_than(full, SMALL_FILE_BYTES), scratch / SMALL_FILES,
            f"the {FULL} files under {SMALL_FILE_BYTES // 1000} KB")
    if FIRST_FILES in needed:
        count = QUICK_FIRST_FILES if quick else FIRST_FILES_COUNT
        built[FIRST_FILES] = corpora.subset(
            full, corpora.first_files(full, count), scratch / FIRST_FILES,
            f"the first {count} {FULL} files by path")
    if SCALED in needed:
        built[SCALED] = corpora.replicated(full, SCALE_COPIES, scratch / SCALED)
    return built


def child_environment(scratch: Path) -> dict[str, str]:
    env = dict(os.environ)
    # Bytecode: with PYTHONDONTWRITEBYTECODE set (as here), an editable plexilint has no .pyc
    # and recompiles itself in every run (~0.4 s) while the peers, installed with their .pyc,
    # do not. A pycache prefix in the scratch directory gives every tool compiled modules
    # (after warm_up) without writing into the repository.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(scratch / "pycache")
    # pylint keeps run statistics in PYLINTHOME: keep them out of the user's home.
    env["PYLINTHOME"] = str(scratch / "pylinthome")
    return env


def warm_up(rows: list[Row], scratch: Path, env: dict[str, str]) -> None:
    """Each row's command once on a one-file project, unmeasured: fills the pycache prefix
    with every module the tools import, as an installation's .pyc files would be."""
    corpus = corpora.tiny(scratch / "warm-up")
    _progress("warm-up: each command on a one-file project ...")
    for row in rows:
        if row.tool.missing() is None:
            logs = scratch / "logs" / "warm-up" / row.key
            run_once(row.tool.command(corpus, logs), corpus.root, 120, logs, env)


def run_rows(rows: list[Row], built: dict[str, corpora.Corpus], args: argparse.Namespace, scratch: Path,
             env: dict[str, str], loads: list[float]) -> list[Result]:
    """Every row, in rounds: each round runs each row once. On a shared machine the load then
    drifts over every row alike, instead of over whichever rows ran last; the plugin overheads
    compare rows that run one after the other in each round."""
    results = []
    for row in rows:
        missing = row.tool.missing()
        corpus = built[row.corpus]
        results.append(Result(row, corpus, skipped=missing) if missing else
                       Result(row, corpus, Measurement(timeout=args.timeout * row.timeout_factor)))
    for number in range(1, args.repeat + 1):
        for result in results:
            measurement = result.measurement
            if measurement is None or measurement.timed_out or measurement.failed_run:
                continue  # a tool that timed out or failed would only do it again
            loads.append(os.getloadavg()[0])
            logs = scratch / "logs" / result.row.key
            tool = result.row.tool
            if tool.prepare is not None:
                tool.prepare(tool, result.corpus, logs, env)
            command = tool.command(result.corpus, logs)
            run = run_once(command, result.corpus.root, measurement.timeout, logs, env)
            measurement.runs.append(run)
            _progress(f"round {number}/{args.repeat} {result.row.key:15} {run.seconds:7.2f}s"
                      f"{_status(run.returncode)}  ({result.row.label}, {result.row.corpus})")
    for result in results:
        if result.measurement is None:
            _progress(f"{result.row.key}: skipped, {result.skipped}")
            continue
        try:  # the logs hold each row's last run
            result.output = result.row.tool.inspect(result.corpus, scratch / "logs" / result.row.key)
        except Exception as error:  # a broken check must not lose the measurements
            result.output.notes = [f"could not read the output: {error!r}"]
        _progress(f"{result.row.key}: {'; '.join(result.output.notes)}")
    return results


def run_profile(corpus: corpora.Corpus, scratch: Path, timeout: float, env: dict[str, str]) -> dict | str:
    """The per-stage profile of plexilint on the corpus, or why there is none."""
    logs = scratch / "logs" / "profile"
    # A script (not -m): its own directory, not the corpus, goes first on sys.path.
    run = run_once([sys.executable, str(PROFILER), "."], corpus.root, timeout, logs, env)
    if run.returncode != 0:
        return f"profile failed ({'timed out' if run.timed_out else f'exit {run.returncode}'}): {run.stderr_tail}"
    try:
        return json.loads((logs / "stdout").read_text(encoding="utf-8"))
    except ValueError as error:
        return f"profile output unreadable: {error}"


def run_lsp_latency(scratch: Path, timeout: float, env: dict[str, str]) -> str:
    """bench/lsp_latency.py's report (a change to a 2,000-line module, to its diagnostics)."""
    logs = scratch / "logs" / "lsp"
    run = run_once([sys.executable, str(LSP_LATENCY), "--repeat", "9", "--debounce", "0", "300"],
                   scratch, timeout, logs, env)
    if run.returncode != 0:
        return f"failed ({'timed out' if run.timed_out else f'exit {run.returncode}'}): {run.stderr_tail}"
    return (logs / "stdout").read_text(encoding="utf-8").strip()


def main(argv: list[str] | None = None) -> int:
    args = parse_arguments(argv)
    if args.list:
        for row in ROWS:
            print(f"{row.key:16} {row.label} ({row.corpus})")
        return 0
    rows = selected_rows(args.only)
    # SIGTERM as an exception, so the running tool is killed and the temp dir removed.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    started = time.perf_counter()
    tool_versions = versions(REPOSITORY)  # before: the commit is the one measured
    scratch = Path(tempfile.mkdtemp(prefix="plexilint-bench-"))
    env = child_environment(scratch)
    try:
        built = build_corpora(args.corpus, scratch, {row.corpus for row in rows}, args.quick)
        for key, corpus in built.items():
            _progress(f"corpus {key}: {corpus.size} in {corpus.root}")
        warm_up(rows, scratch, env)
        loads: list[float] = []  # 1-minute load average before each run
        results = run_rows(rows, built, args, scratch, env, loads)
        profile = None
        if args.profile:
            _progress("profile of plexilint's stages ...")
            profile = run_profile(built[FULL], scratch, args.timeout * 2, env)  # extracts twice
        lsp = None
        if args.lsp:
            _progress("language-server latency ...")
            lsp = run_lsp_latency(scratch, args.timeout * 2, env)
        loads.append(os.getloadavg()[0])
    finally:
        if args.keep:
            _progress(f"kept {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    outcome = Results(results)
    verdicts = judge(outcome)
    info = RunInfo(
        command=shlex.join(["python", "bench/benchmark.py", *(argv if argv is not None else sys.argv[1:])]),
        date=datetime.date.today().isoformat(),
        duration_s=time.perf_counter() - started,
        repeat=args.repeat, timeout_s=args.timeout, quick=args.quick,
        machine=machine(), versions=_check_unchanged(tool_versions), corpora=built, source=str(args.corpus),
        profile=profile, lsp=lsp, load=(min(loads), max(loads)))
    print(console(outcome, verdicts, profile))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(markdown(outcome, verdicts, info), encoding="utf-8")
    _progress(f"wrote {args.output}")
    return 0


def _check_unchanged(before: dict[str, str]) -> dict[str, str]:
    """Someone may commit or install while the benchmark runs: say so rather than mislabel."""
    after = versions(REPOSITORY)
    return {name: value if after[name] == value else f"{value}, **changed during the run** to {after[name]}"
            for name, value in before.items()}


def _status(returncode: int | None) -> str:
    return "" if returncode == 0 else " (timed out)" if returncode is None else f" (exit {returncode})"


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
