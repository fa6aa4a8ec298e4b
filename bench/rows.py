"""What is measured: one Row per command, on a named corpus, in one of two Python
environments, and paired with the rows it is compared with.

A row with ``bases`` is measured in interleaved pairs: in each round, for each base, the base
and the row run back to back (base first in odd rounds, row first in even ones), and the ratio
of that pair is one sample. A shared machine's load then weighs on both sides of each ratio
alike; the page reports the median of the pair ratios and their range. A row that is nobody's
pair runs once per round on its own.

Environments: ``plexilint`` is the one running the benchmark (plexilint installed); ``hosts``
has flake8 and pylint at the same versions *without* plexilint (bench/environments.py), for the
plain runs the plugins are compared with.

plexilint keeps a cache in ``.plexilint_cache`` at the project root, and its flake8 and pylint
plugins use it too: before each measured run, rows called cold delete it, and warm rows run their
own command once, unmeasured, so that they find the cache full whatever ran before.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench import outputs
from bench.corpus import Corpus
from bench.measure import run_once

# Corpus keys (built by benchmark.py).
FULL = "stdlib"  # also a git repository, for `plexilint fix`
SMALL_FILES = "small-files"  # files under SMALL_FILE_BYTES: radon mi finishes on them
FIRST_FILES = "first-files"  # the first files by path: pylint is too slow for the whole corpus
SCALED = "stdlib-4x"
REAL = "packages"  # django, SQLAlchemy and sympy with their tests

SMALL_FILE_BYTES = 20_000
SCALE_COPIES = 4
SLOW_HOST = 3.0  # timeout factor for the flake8 and pylint rows

PLEXILINT_ENV = "plexilint"
HOSTS_ENV = "hosts"

BENCH = Path(__file__).resolve().parent
# Every Python tool: `python -P bench/run_module.py MODULE ...` = `python -P -m MODULE ...`, plus
# the peak memory of the main process and of its workers. Tools run in the corpus directory, and
# `-m` would put it first on sys.path: the copied stdlib would then shadow the real one. `-P`
# (3.11+) keeps it off; before 3.11 the launcher removes it.
LAUNCHER = [str(BENCH / "run_module.py")]
PY_FLAGS = ["-P"] if sys.version_info >= (3, 11) else []


@dataclass(frozen=True)
class Tool:
    # (python, corpus, directory for this row's output files) -> argv.
    command: Callable[[str, Corpus, Path], list[str]]
    # Reads what the last run left in that directory.
    inspect: Callable[[Corpus, Path], outputs.Output]
    executable: str | None = None  # program that must be found (jscpd from npm), else skipped
    # Run before each measured run, unmeasured: (tool, python, corpus, output directory, environment).
    prepare: Callable[[Tool, str, Corpus, Path, dict[str, str] | None], None] | None = None

    def missing(self) -> str | None:
        if self.executable and jscpd_executable() is None:
            return f"{self.executable} not found (npm install jscpd, then put it on PATH or set JSCPD)"
        return None


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    corpus: str
    tool: Tool
    bases: tuple[str, ...] = ()  # keys of the rows this one is paired with
    environment: str = PLEXILINT_ENV
    # The timeout is there for radon mi's pathology; rows expected to take tens of seconds
    # (flake8: 27 s in DESIGN.md, more on a loaded machine) and the big corpora get longer.
    timeout_factor: float = 1.0


def python_module(python: str, module: str, *arguments: str) -> list[str]:
    return [python, *PY_FLAGS, *LAUNCHER, module, *arguments]


def cold_cache(tool: Tool, python: str, corpus: Corpus, out: Path, env: dict[str, str] | None) -> None:
    shutil.rmtree(corpus.root / ".plexilint_cache", ignore_errors=True)


def warm_cache(tool: Tool, python: str, corpus: Corpus, out: Path, env: dict[str, str] | None) -> None:
    preparation = out / "prepare"
    run_once(tool.command(python, corpus, preparation), corpus.root, 600, preparation, env)


def plexilint(*options: str, prepare=cold_cache) -> Tool:
    # JSON to a file: a real run pays for the report, and the report lets the benchmark check
    # that every file was analysed.
    return Tool(lambda python, corpus, out: python_module(
        python, "plexilint", "check", ".", "--exit-zero", *options, "--format", "json", "-o",
        str(out / "report.json")), outputs.plexilint_report, prepare=prepare)


def plexilint_report() -> Tool:
    return Tool(lambda python, corpus, out: python_module(
        python, "plexilint", "report", ".", "--format", "json", "-o", str(out / "fix-report.json")),
        outputs.fix_report, prepare=cold_cache)


def plexilint_fix() -> Tool:
    # Without --apply: the diff, nothing written (the corpus stays a clean checkout).
    return Tool(lambda python, corpus, out: python_module(
        python, "plexilint", "fix", ".", "-o", str(out / "fix.diff")), outputs.fix_diff, prepare=cold_cache)


def flake8(*options: str, prepare=cold_cache) -> Tool:
    return Tool(lambda python, corpus, out: python_module(python, "flake8", "--exit-zero", *options, "."),
                outputs.flake8_report, prepare=prepare)


def pylint(*options: str) -> Tool:
    # The file list, as the brief for the subset asks; the subset is its own directory anyway.
    return Tool(lambda python, corpus, out: python_module(python, "pylint", "--exit-zero", *options, *corpus.files),
                outputs.pylint_report, prepare=cold_cache)


def radon(*arguments: str) -> Tool:
    return Tool(lambda python, corpus, out: python_module(python, "radon", *arguments, "."), outputs.radon_report)


def jscpd_executable() -> str | None:
    """jscpd comes from the npm registry, not from the project's Python dependencies."""
    return os.environ.get("JSCPD") or shutil.which("jscpd")


def jscpd() -> Tool:
    # Python files only, a JSON report (the benchmark reads its file count back).
    return Tool(lambda python, corpus, out: [jscpd_executable() or "jscpd", "--format", "python", "--reporters",
                                             "json", "--output", str(out), "--ignore", "**/.git/**", "."],
                outputs.jscpd_report, executable="jscpd")


def parse_floor() -> Tool:
    return Tool(lambda python, corpus, out: [python, str(BENCH / "parse_floor.py"), "."], outputs.floor_report)


ROWS: list[Row] = [
    Row("floor", "ast.parse of every file (floor)", FULL, parse_floor()),
    Row("plx-all", "plexilint check, all families, cold", FULL, plexilint(), bases=("floor",)),
    Row("plx-warm", "plexilint check, all families, warm cache", FULL, plexilint(prepare=warm_cache),
        bases=("floor",)),
    Row("plx-j2", "plexilint check --jobs 2, all families, cold", FULL, plexilint("--jobs", "2"),
        bases=("plx-all",)),
    Row("plx4", "plexilint check --select PLX4", FULL, plexilint("--select", "PLX4"), bases=("floor", "radon-cc")),
    Row("radon-cc", "radon cc -s", FULL, radon("cc", "-s")),
    Row("radon-mi", "radon mi -s", FULL, radon("mi", "-s")),
    Row("plx4-small", "plexilint check --select PLX4", SMALL_FILES, plexilint("--select", "PLX4"),
        bases=("radon-mi-small",)),
    Row("radon-mi-small", "radon mi -s", SMALL_FILES, radon("mi", "-s")),
    Row("flake8", "flake8 (default: --jobs auto), without plexilint", FULL, flake8(), environment=HOSTS_ENV,
        timeout_factor=SLOW_HOST),
    Row("flake8-plx", "flake8 (default: --jobs auto), plugin installed, cold cache", FULL, flake8(),
        bases=("flake8",), timeout_factor=SLOW_HOST),
    Row("flake8-plx-warm", "flake8 (default: --jobs auto), plugin installed, warm cache", FULL,
        flake8(prepare=warm_cache), bases=("flake8",), timeout_factor=SLOW_HOST),
    Row("flake8-j1", "flake8 -j1, without plexilint", FULL, flake8("-j1"), environment=HOSTS_ENV,
        timeout_factor=SLOW_HOST),
    Row("flake8-plx-j1", "flake8 -j1, plugin installed, cold cache", FULL, flake8("-j1"), bases=("flake8-j1",),
        timeout_factor=SLOW_HOST),
    Row("jscpd", "jscpd --format python (copy/paste detection)", FULL, jscpd()),
    Row("plx1", "plexilint check --select PLX1 (duplicated fallbacks)", FULL, plexilint("--select", "PLX1"),
        bases=("jscpd",)),
    Row("report", "plexilint report (fix report, JSON)", FULL, plexilint_report(), bases=("plx-all",)),
    Row("fix", "plexilint fix (dry run: the diff)", FULL, plexilint_fix(), bases=("plx-all",)),
    Row("pylint-dup", "pylint --disable=all --enable=duplicate-code", FIRST_FILES,
        pylint("--disable=all", "--enable=duplicate-code"), environment=HOSTS_ENV, timeout_factor=SLOW_HOST),
    Row("plx1-first", "plexilint check --select PLX1", FIRST_FILES, plexilint("--select", "PLX1"),
        bases=("pylint-dup",)),
    Row("pylint", "pylint (default checkers), without plexilint", FIRST_FILES, pylint(), environment=HOSTS_ENV,
        timeout_factor=SLOW_HOST),
    Row("pylint-plx", "pylint --load-plugins=plexilint.pylint, cold cache", FIRST_FILES,
        pylint("--load-plugins=plexilint.pylint"), bases=("pylint",), timeout_factor=SLOW_HOST),
    Row("plx-all-4x", "plexilint check, all families, cold", SCALED, plexilint(), bases=("plx-all",),
        timeout_factor=SCALE_COPIES),
    Row("floor-real", "ast.parse of every file (floor)", REAL, parse_floor(), timeout_factor=SCALE_COPIES),
    Row("plx-all-real", "plexilint check, all families, cold", REAL, plexilint(), bases=("floor-real",),
        timeout_factor=SCALE_COPIES),
    Row("plx-j2-real", "plexilint check --jobs 2, all families, cold", REAL, plexilint("--jobs", "2"),
        bases=("plx-all-real",), timeout_factor=SCALE_COPIES),
]
