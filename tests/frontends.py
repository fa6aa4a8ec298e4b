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


def pylint_targets(tree: Path) -> list[Path] | None:
    """Every file, when the tree has a folder without `__init__.py` inside a package: pylint's
    `--recursive=y` does not descend into those (its own discovery, not the plugin's), so it is
    handed the files, as pre-commit does."""
    files = sorted(p for p in tree.rglob("*.py") if "__pycache__" not in p.parts)
    folders = {folder for p in files for folder in p.parents if tree in folder.parents}
    if any((f.parent / "__init__.py").is_file() and not (f / "__init__.py").is_file() for f in folders):
        return files
    return None


class CheckedInAnswers:
    """flake8's and pylint's answers on the checked-in trees (the samples and the functional
    cases, which no test modifies), each run once per test session: the parity tests and the
    tests of one sample's findings in every front-end ask the same subprocess the same question."""

    def __init__(self, *folders: Path) -> None:
        self._folders = folders
        self._answers: dict[tuple, tuple[frozenset, frozenset]] = {}

    def flake8(self, root: Path, jobs: str = "2") -> tuple[frozenset, frozenset]:
        return self._answer(via_flake8, root, targets=None, jobs=jobs)

    def pylint(self, root: Path, jobs: str = "2") -> tuple[frozenset, frozenset]:
        """On the whole tree (every file where pylint's discovery would miss some)."""
        return self._answer(via_pylint, root, targets=pylint_targets(root), jobs=jobs)

    def _answer(self, host, root: Path, targets: list[Path] | None, jobs: str) -> tuple[frozenset, frozenset]:
        assert any(folder in root.parents for folder in self._folders), f"not a checked-in tree: {root}"
        key = (host.__name__, root, tuple(targets or ()), jobs)
        if key not in self._answers:
            findings, syntax_errors = host(root, targets=targets, jobs=jobs)
            self._answers[key] = frozenset(findings), frozenset(syntax_errors)  # shared: read-only
        return self._answers[key]
