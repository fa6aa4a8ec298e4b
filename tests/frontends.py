"""Running plexilint through each front-end and reducing the output to comparable facts:
a set of (absolute path, line, code)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from plexilint.runner.run import check_paths
from plexilint.rules import all_rules

SYMBOL_TO_CODE = {rule.symbol: rule.code for rule in all_rules()}
Findings = set[tuple[str, int, str]]


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def via_cli(root: Path) -> Findings:
    return {(Path(f.path).as_posix(), f.line, f.code) for f in check_paths([root]).findings}


_FLAKE8_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):\d+: (?P<code>[A-Z]+\d+) ")


def via_flake8(root: Path, targets: list[Path] | None = None, jobs: str = "2") -> tuple[Findings, Findings]:
    """(PLX findings, E999 syntax errors) as flake8 reports them."""
    command = [sys.executable, "-m", "flake8", "--isolated", "--select", "PLX,E999", "--jobs", jobs,
               *(str(t) for t in (targets or [root]))]
    result = subprocess.run(command, cwd=root, capture_output=True, text=True, env=_environment())
    assert result.returncode in (0, 1), result.stderr
    findings, syntax_errors = set(), set()
    for line in result.stdout.splitlines():
        match = _FLAKE8_LINE.match(line)
        assert match, f"unexpected flake8 output: {line}"
        entry = ((root / match["path"]).resolve().as_posix(), int(match["line"]), match["code"])
        (syntax_errors if match["code"] == "E999" else findings).add(entry)
    return findings, syntax_errors


_PYLINT_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+): \[(?P<msgid>[A-Z]\d+)\((?P<symbol>[a-z-]+)\),")


def via_pylint(root: Path, jobs: str = "2", targets: list[Path] | None = None) -> tuple[Findings, Findings]:
    """(PLX findings, syntax-error messages) as pylint reports them (on ``targets``, by default
    on the whole tree with ``--recursive=y``)."""
    symbols = ",".join([*SYMBOL_TO_CODE, "syntax-error"])
    command = [sys.executable, "-m", "pylint", "--load-plugins=plexilint.pylint", "--disable=all",
               f"--enable={symbols}", "--output-format=parseable", "--score=n", "--recursive=y",
               f"--jobs={jobs}", "--persistent=n", *(str(t) for t in targets or ["."])]
    result = subprocess.run(command, cwd=root, capture_output=True, text=True, env=_environment())
    assert "Traceback" not in result.stderr, result.stderr
    findings, syntax_errors = set(), set()
    for line in result.stdout.splitlines():
        match = _PYLINT_LINE.match(line)
        if not match:
            continue
        path = (root / match["path"]).resolve().as_posix()
        if match["symbol"] == "syntax-error":
            syntax_errors.add((path, int(match["line"]), "E0001"))
        else:
            findings.add((path, int(match["line"]), SYMBOL_TO_CODE[match["symbol"]]))
    return findings, syntax_errors
