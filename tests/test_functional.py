"""Each directory under tests/functional/ is a small project whose files say, with
``# [symbol]`` comments, exactly which lines must be reported. Nothing else may be.

Beside each case, ``expected-output.txt`` locks what is reported there, one line per finding
(pylint's functional ``.txt`` files do the same): path, line, column, end line, end column,
code, symbol and message. Regenerate it after an intended change with
``PLEXILINT_UPDATE_EXPECTED=1 pytest tests/test_functional.py`` and review the diff."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from expectations import expected_findings
from plexilint.config import load_config
from plexilint.runner.project import analyse_project
from plexilint.model import Finding

FUNCTIONAL = Path(__file__).parent / "functional"
CASES = sorted(p for p in FUNCTIONAL.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))
EXPECTED_OUTPUT = "expected-output.txt"


def _reported(case: Path) -> list[Finding]:
    analysis = analyse_project(case, load_config(case))
    return sorted((f for path in analysis.findings for f in analysis.findings_for(Path(path))),
                  key=lambda f: (f.relpath, f.line, f.column, f.code, f.message))


def output_line(finding: Finding) -> str:
    """``path:line:column:end_line:end_column: CODE [symbol] message`` (an unknown end is empty)."""
    span = finding.span
    end_line = "" if span.end_line is None else span.end_line
    end_column = "" if span.end_column is None else span.end_column
    return (f"{finding.relpath}:{span.line}:{span.column}:{end_line}:{end_column}: "
            f"{finding.code} [{finding.symbol}] {finding.message}")


def test_there_are_functional_cases():
    assert len(CASES) >= 5


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_functional_case(case: Path):
    findings = _reported(case)
    actual = {(f.relpath, f.line, f.symbol) for f in findings}
    expected = expected_findings(case)
    assert sorted(actual - expected) == [], "reported but not annotated"
    assert sorted(expected - actual) == [], "annotated but not reported"

    output = "".join(output_line(f) + "\n" for f in findings)
    expected_path = case / EXPECTED_OUTPUT
    if os.environ.get("PLEXILINT_UPDATE_EXPECTED"):
        expected_path.write_text(output, encoding="utf-8")
    if not expected_path.is_file():
        pytest.fail(f"{expected_path} is missing: generate it with "
                    f"`PLEXILINT_UPDATE_EXPECTED=1 pytest tests/test_functional.py -k {case.name}`, "
                    "then read it (are the lines, columns and messages right?) and commit it")
    assert output.splitlines() == expected_path.read_text(encoding="utf-8").splitlines()
