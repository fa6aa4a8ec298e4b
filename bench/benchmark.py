"""Benchmark plexilint against the parse floor and its peers; write docs/benchmarks.md and the
raw results beside it (docs/benchmarks.json).

    python bench/benchmark.py [--corpus DIR] [--repeat N] [--timeout S] [--quick]
                              [--only KEY,...] [--output docs/benchmarks.md] [--cache-dir DIR]

See DESIGN.md, "Performance", for the corpus and the targets; bench/rows.py for what runs and
how rows are paired.
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
from bench import environments  # noqa: E402
from bench.machine import machine, versions  # noqa: E402
from bench.measure import Run, run_once  # noqa: E402
from bench.report import console, markdown  # noqa: E402
from bench.results import FORMAT, Pair, Results, RowResult  # noqa: E402
from bench.rows import (FIRST_FILES, FULL, HOSTS_ENV, REAL, ROWS, SCALE_COPIES, SCALED,  # noqa: E402
                        SMALL_FILE_BYTES, SMALL_FILES, Row)

PROFILER = REPOSITORY / "bench" / "profile_plexilint.py"
LSP_LATENCY = REPOSITORY / "bench" / "lsp_latency.py"
FIRST_FILES_COUNT = 60
QUICK_STRIDE = 15  # --quick: every 15th file of the stdlib (about 45 of its 661)
QUICK_REAL_STRIDE = 60  # and every 60th of the real packages (about 45 of 2,700)
QUICK_FIRST_FILES = 10


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=corpora.stdlib_root(),
                        help="source tree (default: this Python's standard library, without its tests)")
    parser.add_argument("--repeat", type=int, help="rounds (default 3, 1 with --quick)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds before a run is killed")
    parser.add_argument("--quick", action="store_true", help="a small slice of each corpus, one round")
    parser.add_argument("--only", help="comma-separated row keys (see --list); their bases are added")
    parser.add_argument("--list", action="store_true", help="list the row keys and exit")
    parser.add_argument("--output", type=Path, default=REPOSITORY / "docs" / "benchmarks.md",
                        help="the page; the raw results go next to it, with .json")
    parser.add_argument("--cache-dir", type=Path, default=environments.default_cache_directory(),
                        help="where the host environment and the real-packages corpus are kept between runs")
    parser.add_argument("--no-lsp", dest="lsp", action="store_false",
                        help="skip the language-server latency (bench/lsp_latency.py)")
    parser.add_argument("--no-profile", dest="profile", action="store_false",
                        help="skip the per-stage profile of plexilint (bench/profile_plexilint.py)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary corpora and tool outputs")
    args = parser.parse_args(argv)
    if args.repeat is None:
        args.repeat = 1 if args.quick else 3
    return args


def selected_rows(only: str | None) -> list[Row]:
    if not only:
        return ROWS
    keys = set(only.split(","))
    by_key = {row.key: row for row in ROWS}
    unknown = sorted(keys - set(by_key))
    if unknown:
        sys.exit(f"unknown row keys: {', '.join(unknown)} (see --list)")
    pending = list(keys)
    while pending:  # a row is measured in pairs with its bases: they come too
        for base in by_key[pending.pop()].bases:
            if base not in keys:
                keys.add(base)
                pending.append(base)
    return [row for row in ROWS if row.key in keys]


def build_corpora(args: argparse.Namespace, scratch: Path, needed: set[str]) -> tuple[dict[str, corpora.Corpus],
                                                                                       dict[str, str]]:
    """The corpora the rows need, and why any could not be built."""
    source = args.corpus
    files = corpora.source_files(source)
    description = f"{source.name} without tests"
    if args.quick:
        files = files[::QUICK_STRIDE]
        description += f", every {QUICK_STRIDE}th file"
    built = {FULL: corpora.build(source, files, scratch / FULL, description)}
    full = built[FULL]
    corpora.make_git_repository(full)
    failed: dict[str, str] = {}
    if SMALL_FILES in needed:
        built[SMALL_FILES] = corpora.subset(
            full, corpora.files_smaller_than(full, SMALL_FILE_BYTES), scratch / SMALL_FILES,
            f"the {FULL} files under {SMALL_FILE_BYTES // 1000} KB")
    if FIRST_FILES in needed:
        count = QUICK_FIRST_FILES if args.quick else FIRST_FILES_COUNT
        built[FIRST_FILES] = corpora.subset(
            full, corpora.first_files(full, count), scratch / FIRST_FILES,
            f"the first {count} {FULL} files by path")
    if SCALED in needed:
        built[SCALED] = corpora.replicated(full, SCALE_COPIES, scratch / SCALED)
    if REAL in needed:
        try:
            packages = environments.real_packages(args.cache_dir)
        except environments.SetupError as error:
            failed[REAL] = str(error)
        else:
            files = corpora.package_files(packages, environments.REAL_TOP_LEVEL)
            description = " + ".join(environments.REAL_PACKAGES) + ", tests included"
            if args.quick:
                files = files[::QUICK_REAL_STRIDE]
                description += f", every {QUICK_REAL_STRIDE}th file"
            built[REAL] = corpora.build(packages, files, scratch / REAL, description)
    return built, failed


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
    env.pop("PLEXILINT_CACHE_DIR", None)  # the cache each row deletes is the corpus's own
    return env


class Runner:
    """Measures rows, in rounds of interleaved pairs (bench/rows.py)."""

    def __init__(self, rows: list[Row], built: dict[str, corpora.Corpus], failed: dict[str, str],
                 pythons: dict[str, str], host_problem: str | None, args: argparse.Namespace, scratch: Path,
                 env: dict[str, str]) -> None:
        self.rows = {row.key: row for row in rows}
        self.built, self.pythons, self.args, self.scratch, self.env = built, pythons, args, scratch, env
        self.results: dict[str, RowResult] = {}
        for row in rows:
            skipped = (row.tool.missing() or failed.get(row.corpus, "")
                       or (host_problem if row.environment == HOSTS_ENV and host_problem else ""))
            self.results[row.key] = RowResult(row.key, row.label, row.corpus, row.environment, row.bases,
                                              self.args.timeout * row.timeout_factor, skipped)
        for row in rows:  # a row measured only in pairs cannot be measured without its bases
            result = self.results[row.key]
            if row.bases and not result.skipped and all(self.results[b].skipped for b in row.bases):
                result.skipped = f"paired with {', '.join(row.bases)}: " + self.results[row.bases[0]].skipped
        self.pairs: list[Pair] = []
        self.bases = {base for row in rows for base in row.bases}

    def warm_up(self) -> None:
        """Each row's command once on a one-file project, unmeasured: fills the pycache prefix
        with every module the tools import, as an installation's .pyc files would be."""
        corpus = corpora.tiny(self.scratch / "warm-up")
        _progress("warm-up: each command on a one-file project ...")
        for row in self.rows.values():
            if not self.results[row.key].skipped:
                logs = self.scratch / "logs" / "warm-up" / row.key
                run_once(row.tool.command(self.pythons[row.environment], corpus, logs), corpus.root, 120, logs,
                         self.env)

    def run(self) -> None:
        for number in range(1, self.args.repeat + 1):
            for key, row in self.rows.items():
                if not self._active(key):
                    continue
                if row.bases:
                    for base in row.bases:
                        if self._active(base):
                            self._pair(key, base, number)
                elif key not in self.bases:
                    self._measure(key, number)
        for result in self.results.values():
            if result.skipped:
                _progress(f"{result.key}: skipped, {result.skipped}")
                continue
            row = self.rows[result.key]
            output = None
            try:  # the logs hold each row's last run
                output = row.tool.inspect(self.built[row.corpus], self.scratch / "logs" / row.key)
            except Exception as error:  # a broken check must not lose the measurements
                result.notes = [f"could not read the output: {error!r}"]
            if output is not None:
                result.notes, result.plexilint_findings = output.notes, output.plexilint_findings
            _progress(f"{result.key}: {'; '.join(result.notes)}")

    def _active(self, key: str) -> bool:
        """Not skipped, and neither timed out nor failed so far (it would only do it again)."""
        result = self.results[key]
        return not result.skipped and not result.timed_out and result.failed_run is None

    def _pair(self, key: str, base: str, number: int) -> None:
        order = (base, key) if number % 2 else (key, base)  # alternate which goes first
        indices = {}
        for member in order:
            indices[member] = len(self.results[member].runs)
            self._measure(member, number, paired_with=order[1] if member == order[0] else order[0])
        self.pairs.append(Pair(key, base, number, indices[key], indices[base]))

    def _measure(self, key: str, number: int, paired_with: str | None = None) -> Run:
        row, result = self.rows[key], self.results[key]
        corpus, python = self.built[row.corpus], self.pythons[row.environment]
        logs = self.scratch / "logs" / key
        if row.tool.prepare is not None:
            row.tool.prepare(row.tool, python, corpus, logs, self.env)
        run = run_once(row.tool.command(python, corpus, logs), corpus.root, result.timeout_s, logs, self.env)
        result.runs.append(run)
        result.rounds.append(number)
        _progress(f"round {number}/{self.args.repeat} {key:15} {run.seconds:7.2f}s cpu {run.cpu_seconds:6.2f}s "
                  f"load {run.load:4.1f}{_status(run.returncode)}" + (f"  (pair with {paired_with})" if paired_with
                                                                     else ""))
        return run


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
    run = run_once([sys.executable, str(LSP_LATENCY)], scratch, timeout, logs, env)
    if run.returncode != 0:
        return f"failed ({'timed out' if run.timed_out else f'exit {run.returncode}'}): {run.stderr_tail}"
    return (logs / "stdout").read_text(encoding="utf-8").strip()


def host_python(args: argparse.Namespace, rows: list[Row]) -> tuple[str, str | None, dict[str, str]]:
    """The host environment's python (or plexilint's when none is needed or it failed), why it
    is missing, and its versions."""
    if not any(row.environment == HOSTS_ENV for row in rows):
        return sys.executable, None, {}
    try:
        python = environments.host_environment(args.cache_dir)
    except (environments.SetupError, OSError) as error:
        return sys.executable, f"no host environment: {error}", {}
    return str(python), None, environments.host_versions(python)


def main(argv: list[str] | None = None) -> int:
    args = parse_arguments(argv)
    if args.list:
        for row in ROWS:
            print(f"{row.key:16} {row.label} ({row.corpus})" + (f", paired with {', '.join(row.bases)}"
                                                                 if row.bases else ""))
        return 0
    rows = selected_rows(args.only)
    # SIGTERM as an exception, so the running tool is killed and the temp dir removed.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    started = time.perf_counter()
    tool_versions = versions(REPOSITORY)  # before: the commit is the one measured
    scratch = Path(tempfile.mkdtemp(prefix="plexilint-bench-"))
    env = child_environment(scratch)
    loads = [os.getloadavg()[0]]
    try:
        python, host_problem, hosts = host_python(args, rows)
        built, failed = build_corpora(args, scratch, {row.corpus for row in rows})
        for key, corpus in built.items():
            _progress(f"corpus {key}: {corpus.size} in {corpus.root}")
        runner = Runner(rows, built, failed, {"plexilint": sys.executable, HOSTS_ENV: python}, host_problem, args,
                        scratch, env)
        runner.warm_up()
        runner.run()
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
    results = Results(list(runner.results.values()), runner.pairs)
    loads += [run.load for result in results.all for run in result.runs]
    document = {
        "format": FORMAT,
        "info": {
            "command": shlex.join(["python", "bench/benchmark.py", *(argv if argv is not None else sys.argv[1:])]),
            "date": datetime.date.today().isoformat(),
            "duration_s": time.perf_counter() - started,
            "repeat": args.repeat, "timeout_s": args.timeout, "quick": args.quick,
            "machine": machine(), "versions": _check_unchanged(tool_versions), "host_versions": hosts,
            "corpora": {key: {"description": c.description, "files": len(c.files), "lines": c.lines}
                        for key, c in built.items()},
            "sources": _sources(args, failed),
            "profile": profile, "lsp": lsp, "load": [min(loads), max(loads)],
        },
        "results": results.to_json(),
    }
    print(console(document))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    json_path = args.output.with_suffix(".json")
    json_path.write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")
    args.output.write_text(markdown(document), encoding="utf-8")
    _progress(f"wrote {args.output} and {json_path}")
    return 0


def _sources(args: argparse.Namespace, failed: dict[str, str]) -> str:
    text = (f"The stdlib corpora come from `{args.corpus}`, without `test/` and `tests/` (at any depth), "
            "`idlelib/idle_test/`, `lib2to3/` and `site-packages/`; the stdlib corpus is also a git "
            "repository (for `fix`). The packages corpus holds every .py file of "
            + ", ".join(environments.REAL_PACKAGES) + " as installed from the package index (their tests "
            "included), kept between runs in the benchmark's cache directory.")
    for key, reason in failed.items():
        text += f" The {key} corpus could not be built: {reason}"
    return text


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
