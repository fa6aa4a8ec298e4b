"""The benchmark's arithmetic and its page: ratios come from the pairs measured back to back
(median of the pair ratios, not a ratio of medians), a timed-out row gives a lower bound, and
docs/benchmarks.md is regenerated from the JSON alone."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY))

from bench import report  # noqa: E402
from bench.measure import Run  # noqa: E402
from bench.results import FORMAT, Pair, Results, RowResult  # noqa: E402
from bench.targets import judge  # noqa: E402


def _run(seconds: float, load: float = 1.0, returncode: int | None = 0, main: float = 80.0,
         children: float | None = None) -> Run:
    return Run(seconds, seconds * 0.9, max(main, children or 0), returncode, load, main, children)


def _row(key: str, runs: list[Run], bases: tuple[str, ...] = (), corpus: str = "stdlib") -> RowResult:
    return RowResult(key, f"label of {key}", corpus, "plexilint", bases, 120.0, runs=runs,
                     rounds=list(range(1, len(runs) + 1)))


def _results() -> Results:
    # The floor had one slow run (a busy moment) that the check beside it shared.
    floor = _row("floor", [_run(1.0), _run(2.0, load=4.0), _run(1.0)])
    check = _row("plx-all", [_run(3.5), _run(6.6, load=4.0), _run(3.3)], bases=("floor",))
    pairs = [Pair("plx-all", "floor", n, n - 1, n - 1) for n in (1, 2, 3)]
    return Results([floor, check], pairs)


def test_ratio_is_the_median_of_pair_ratios_not_a_ratio_of_medians():
    comparison = _results().comparison("plx-all", "floor")
    assert comparison.ratios == pytest.approx([3.5, 3.3, 3.3])
    assert comparison.median == pytest.approx(3.3)  # the medians alone would say 3.5 / 1.0
    assert comparison.range_text() == "3.30-3.50"
    verdict = next(v for v in judge(_results()) if v.target.endswith(", stdlib") and "floor" in v.target)
    assert verdict.met is False and verdict.measured.startswith("3.30x floor")


def test_wall_and_cpu_disagreeing_on_a_busy_machine_is_unclear():
    busy = 2.0 * (os.cpu_count() or 1)
    base = _row("flake8-j1", [Run(40.0, 26.0, 50.0, 0, busy)])
    plugin = _row("flake8-plx-j1", [Run(39.0, 31.0, 100.0, 0, busy)], bases=("flake8-j1",))
    results = Results([base, plugin], [Pair("flake8-plx-j1", "flake8-j1", 1, 0, 0)])
    verdict = next(v for v in judge(results) if "-j1" in v.target)
    assert verdict.unclear and verdict.met is None and "unclear" in verdict.status
    assert verdict.measured == "-3%; CPU time +19%"


def test_a_timed_out_row_is_a_lower_bound():
    floor = _row("floor", [_run(1.0)])
    check = _row("plx-all", [_run(120.0, returncode=None)], bases=("floor",))
    results = Results([floor, check], [Pair("plx-all", "floor", 1, 0, 0)])
    comparison = results.comparison("plx-all", "floor")
    assert comparison.lower_bound == pytest.approx(120.0) and comparison.ratios == []
    verdict = next(v for v in judge(results) if "stdlib" in v.target and "floor" in v.target)
    assert verdict.met is False and "timed out" in verdict.measured


def test_memory_target_judges_the_main_process_and_each_worker():
    results = Results([_row("plx-j2-real", [_run(10.0, main=452.0, children=160.0)], corpus="packages")], [])
    verdict = next(v for v in judge(results) if "--jobs 2" in v.target)
    assert verdict.met is False and verdict.measured == "main 452 MB, largest worker 160 MB"


def test_page_is_regenerated_from_the_json_alone(tmp_path: Path):
    document = {"format": FORMAT, "results": _results().to_json(), "info": {
        "command": "python bench/benchmark.py", "date": "2026-12-04", "duration_s": 60.0, "repeat": 3,
        "timeout_s": 120.0, "quick": False, "machine": {"CPU": "test"}, "versions": {"plexilint": "0"},
        "host_versions": {"flake8": "7"}, "corpora": {"stdlib": {"description": "d", "files": 2, "lines": 10}},
        "sources": "s", "profile": None, "lsp": None, "load": [0.5, 4.0]}}
    path = tmp_path / "benchmarks.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert report.main(["--from-json", str(path)]) == 0
    page = (tmp_path / "benchmarks.md").read_text(encoding="utf-8")
    assert page == report.markdown(json.loads(path.read_text(encoding="utf-8")))
    assert "| 3.30x floor (3.30-3.50); CPU time 3.30x | **not met** |" in page
    assert "metric-agreement.md" in page and "precision.md" in page and "editors.md" in page


def test_unreadable_json_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    path = tmp_path / "benchmarks.json"
    path.write_text('{"format": 1}', encoding="utf-8")
    assert report.main(["--from-json", str(path)]) == 2
    assert "format 1" in capsys.readouterr().err
