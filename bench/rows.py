"""What is measured: one Row per command, on a named corpus, compared with a peer row.

Adding a row means adding one entry to ``ROWS`` (and a builder for a new tool); the runner,
the table, the ratios and the sanity checks pick it up. jscpd (from npm) is an executable, not
a module: its row is skipped when ``jscpd_executable`` finds none.

plexilint keeps a cache in ``.plexilint_cache`` at the project root, and its flake8 and pylint
plugins use it too: before each measured run, rows called cold delete it, and the warm row runs
its own command once, unmeasured, so that it finds the cache full whatever ran before.
"""

from __future__ import annotations

import importlib.util
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
FULL = "stdlib"
SMALL_FILES = "small-files"  # files under SMALL_FILE_BYTES: radon mi finishes on them
FIRST_FILES = "first-files"  # the first files by path: pylint is too slow for the whole corpus
SCALED = "stdlib-4x"

SMALL_FILE_BYTES = 20_000
SCALE_COPIES = 4
SLOW_HOST = 3.0  # timeout factor for the flake8 and pylint rows

BENCH = Path(__file__).resolve().parent

# `python -m tool`: every tool runs in the environment plexilint is installed in. Tools run in
# the corpus directory, and `-m` would put it first on sys.path: the copied stdlib would then
# shadow the real one (a subset breaks imports; the full copy gets imported and compiled).
# `-P` (3.11+) keeps it off; before 3.11 a launcher removes it.
if sys.version_info >= (3, 11):
    PY_M = [sys.executable, "-P", "-m"]
else:
    PY_M = [sys.executable, str(BENCH / "run_module.py")]


@dataclass(frozen=True)
class Tool:
    # (corpus, directory for this row's output files) -> argv.
    command: Callable[[Corpus, Path], list[str]]
    # Reads what the last run left in that directory.
    inspect: Callable[[Corpus, Path], outputs.Output]
    requires: str | None = None  # module that must be importable, else the row is skipped
    executable: str | None = None  # program that must be found (jscpd from npm), else skipped
    # Run before each measured run, unmeasured: (tool, corpus, output directory, environment).
    prepare: Callable[[Tool, Corpus, Path, dict[str, str] | None], None] | None = None

    def missing(self) -> str | None:
        if self.requires and importlib.util.find_spec(self.requires) is None:
            return f"{self.requires} not installed"
        if self.executable and jscpd_executable() is None:
            return f"{self.executable} not found (npm install jscpd, then put it on PATH or set JSCPD)"
        return None


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    corpus: str
    tool: Tool
    peer: str | None = None  # key of the row this one is compared with
    # The timeout is there for radon mi's pathology; rows expected to take tens of seconds
    # (flake8: 27 s in DESIGN.md, more on a loaded machine) and the scaled corpus get longer.
    timeout_factor: float = 1.0


def cold_cache(tool: Tool, corpus: Corpus, out: Path, env: dict[str, str] | None) -> None:
    shutil.rmtree(corpus.root / ".plexilint_cache", ignore_errors=True)


def warm_cache(tool: Tool, corpus: Corpus, out: Path, env: dict[str, str] | None) -> None:
    preparation = out / "prepare"
    run_once(tool.command(corpus, preparation), corpus.root, 600, preparation, env)


def plexilint(*options: str, prepare=cold_cache) -> Tool:
    # JSON to a file: a real run pays for the report, and the report lets the benchmark check
    # that every file was analysed.
    return Tool(lambda corpus, out: [*PY_M, "plexilint", "check", ".", "--exit-zero", *options,
                                     "--format", "json", "-o", str(out / "report.json")],
                outputs.plexilint_report, prepare=prepare)


def flake8(select: str) -> Tool:
    return Tool(lambda corpus, out: [*PY_M, "flake8", "-j1", "--exit-zero", f"--select={select}", "."],
                outputs.flake8_report, "flake8", prepare=cold_cache)


def pylint(*options: str) -> Tool:
    # The file list, as the brief for the subset asks; the subset is its own directory anyway.
    return Tool(lambda corpus, out: [*PY_M, "pylint", "--exit-zero", *options, *corpus.files],
                outputs.pylint_report, "pylint", prepare=cold_cache)


def radon(*arguments: str) -> Tool:
    return Tool(lambda corpus, out: [*PY_M, "radon", *arguments, "."], outputs.radon_report, "radon")


def jscpd_executable() -> str | None:
    """jscpd comes from the npm registry, not from the project's Python dependencies."""
    return os.environ.get("JSCPD") or shutil.which("jscpd")


def jscpd() -> Tool:
    # Python files only, a JSON report (the benchmark reads its file count back).
    return Tool(lambda corpus, out: [jscpd_executable() or "jscpd", "--format", "python", "--reporters", "json",
                                     "--output", str(out), "."],
                outputs.jscpd_report, executable="jscpd")


def parse_floor() -> Tool:
    return Tool(lambda corpus, out: [sys.executable, str(BENCH / "parse_floor.py"), "."], outputs.floor_report)


ROWS: list[Row] = [
    Row("floor", "ast.parse of every file (floor)", FULL, parse_floor()),
    Row("plx-all", "plexilint check, all families, cold", FULL, plexilint()),
    Row("plx-warm", "plexilint check, all families, warm cache", FULL, plexilint(prepare=warm_cache),
        peer="plx-all"),
    Row("plx-j2", "plexilint check --jobs 2, all families, cold", FULL, plexilint("--jobs", "2"),
        peer="plx-all"),
    Row("plx4", "plexilint check --select PLX4", FULL, plexilint("--select", "PLX4"), peer="radon-cc"),
    Row("radon-cc", "radon cc -s", FULL, radon("cc", "-s")),
    Row("radon-mi", "radon mi -s", FULL, radon("mi", "-s")),
    Row("plx4-small", "plexilint check --select PLX4", SMALL_FILES, plexilint("--select", "PLX4"),
        peer="radon-mi-small"),
    Row("radon-mi-small", "radon mi -s", SMALL_FILES, radon("mi", "-s")),
    Row("flake8", "flake8 -j1 --select=E,F,W,C90", FULL, flake8("E,F,W,C90"), timeout_factor=SLOW_HOST),
    Row("flake8-plx", "flake8 -j1 --select=E,F,W,C90,PLX", FULL, flake8("E,F,W,C90,PLX"), peer="flake8",
        timeout_factor=SLOW_HOST),
    Row("jscpd", "jscpd --format python (copy/paste detection)", FULL, jscpd()),
    Row("plx1", "plexilint check --select PLX1 (duplicated fallbacks)", FULL, plexilint("--select", "PLX1"),
        peer="jscpd"),
    Row("pylint-dup", "pylint --disable=all --enable=duplicate-code", FIRST_FILES,
        pylint("--disable=all", "--enable=duplicate-code"), timeout_factor=SLOW_HOST),
    Row("plx1-first", "plexilint check --select PLX1", FIRST_FILES, plexilint("--select", "PLX1"),
        peer="pylint-dup"),
    Row("pylint", "pylint (default checkers)", FIRST_FILES, pylint(), timeout_factor=SLOW_HOST),
    Row("pylint-plx", "pylint --load-plugins=plexilint.pylint", FIRST_FILES,
        pylint("--load-plugins=plexilint.pylint"), peer="pylint", timeout_factor=SLOW_HOST),
    Row("plx-all-4x", "plexilint check, all families, cold", SCALED, plexilint(), peer="plx-all",
        timeout_factor=SCALE_COPIES),
]
