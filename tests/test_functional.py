"""Each directory under tests/functional/ is a small project whose files say, with
``# [symbol]`` comments, exactly which lines must be reported. Nothing else may be."""

from __future__ import annotations

from pathlib import Path

import pytest

from expectations import expected_findings
from plexilint.config import load_config
from plexilint.engine.project import analyse_project

FUNCTIONAL = Path(__file__).parent / "functional"
CASES = sorted(p for p in FUNCTIONAL.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))


def test_there_are_functional_cases():
    assert len(CASES) >= 5


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_functional_case(case: Path):
    analysis = analyse_project(case, load_config(case))
    actual = {
        (f.relpath, f.line, f.symbol)
        for path in analysis.findings
        for f in analysis.findings_for(Path(path))
    }
    expected = expected_findings(case)
    assert sorted(actual - expected) == [], "reported but not annotated"
    assert sorted(expected - actual) == [], "annotated but not reported"
