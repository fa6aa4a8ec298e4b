"""DESIGN.md's performance targets, judged against one run's results: each ratio is the median
of the interleaved pair ratios (bench/rows.py), with their range."""

from __future__ import annotations

import os
import statistics
from dataclasses import dataclass

from bench.results import Results
from bench.rows import FULL, REAL, SCALE_COPIES

MEMORY_LIMIT_MB = 400
COLD_FLOOR_FACTOR = 3.0
WARM_FLOOR_FACTOR = 0.25
FLAKE8_OVERHEAD = 0.15
PYLINT_OVERHEAD = 0.25
LINEAR_TOLERANCE = 0.10  # the 4x corpus may cost up to 10% more than 4x the 1x corpus
FIX_FACTOR = 2.0  # `report` and `fix` within 2x a cold check


@dataclass(frozen=True)
class Verdict:
    target: str
    measured: str
    met: bool | None  # None: not measured in this run, or unclear
    unclear: bool = False  # wall and CPU time disagree on a busy machine: measure again, quiet

    @property
    def status(self) -> str:
        if self.unclear:
            return "**unclear** (busy machine: wall and CPU time disagree)"
        return {True: "met", False: "**not met**", None: "not measured"}[self.met]


def _busy(loads: list[float]) -> bool:
    return bool(loads) and max(loads) > (os.cpu_count() or 1)


def _settled(target: str, measured: str, wall_met: bool, cpu_met: bool | None, loads: list[float]) -> Verdict:
    """On a machine busier than its CPUs, a verdict from wall time stands only when the CPU
    time of the same pairs says the same."""
    if cpu_met is not None and cpu_met != wall_met and _busy(loads):
        return Verdict(target, measured, None, unclear=True)
    return Verdict(target, measured, wall_met)


def judge(results: Results) -> list[Verdict]:
    linear_limit = SCALE_COPIES * (1 + LINEAR_TOLERANCE)
    cold = f"full `plexilint check` (all families, cold, one process) within {COLD_FLOOR_FACTOR:g}x the parse floor"
    return [
        _ratio_at_most(results, f"{cold}, {FULL}", "plx-all", "floor", COLD_FLOOR_FACTOR, "x floor"),
        _ratio_at_most(results, f"{cold}, {REAL}", "plx-all-real", "floor-real", COLD_FLOOR_FACTOR, "x floor"),
        # Issue 5's "done when", read as: the complexity family alone within the same budget.
        _ratio_at_most(results, f"complexity family alone (`--select PLX4`) within {COLD_FLOOR_FACTOR:g}x "
                       "the parse floor", "plx4", "floor", COLD_FLOOR_FACTOR, "x floor"),
        _ratio_at_most(results, f"warm re-run within {WARM_FLOOR_FACTOR:g}x the parse floor", "plx-warm", "floor",
                       WARM_FLOOR_FACTOR, "x floor"),
        _memory(results, f"peak memory under {MEMORY_LIMIT_MB} MB, cold `check`, {FULL}", "plx-all"),
        _memory(results, f"peak memory under {MEMORY_LIMIT_MB} MB, cold `check`, {REAL}", "plx-all-real"),
        _memory(results, f"`--jobs 2` under {MEMORY_LIMIT_MB} MB (main process and each worker), {REAL}",
                "plx-j2-real"),
        _overhead(results, f"flake8 plugin adds at most {FLAKE8_OVERHEAD:.0%} to a plain `flake8` "
                  "(default options), cold cache", "flake8-plx", "flake8", FLAKE8_OVERHEAD),
        _overhead(results, f"flake8 plugin adds at most {FLAKE8_OVERHEAD:.0%} to a plain `flake8` "
                  "(default options), warm cache", "flake8-plx-warm", "flake8", FLAKE8_OVERHEAD),
        _overhead(results, f"flake8 plugin adds at most {FLAKE8_OVERHEAD:.0%} to a plain `flake8 -j1`, cold cache",
                  "flake8-plx-j1", "flake8-j1", FLAKE8_OVERHEAD),
        _overhead(results, f"pylint plugin adds at most {PYLINT_OVERHEAD:.0%} to a plain `pylint` "
                  "(first-files subset), cold cache", "pylint-plx", "pylint", PYLINT_OVERHEAD),
        _ratio_at_most(results, f"cost linear in lines of code ({SCALE_COPIES}x corpus within "
                       f"{linear_limit:.1f}x the time)", "plx-all-4x", "plx-all", linear_limit, "x"),
        _ratio_at_most(results, f"`plexilint report` within {FIX_FACTOR:g}x a cold `check`", "report", "plx-all",
                       FIX_FACTOR, "x check"),
        _ratio_at_most(results, f"`plexilint fix` (dry run) within {FIX_FACTOR:g}x a cold `check`", "fix", "plx-all",
                       FIX_FACTOR, "x check"),
    ]


def _ratio_at_most(results: Results, target: str, key: str, base: str, limit: float, unit: str) -> Verdict:
    comparison = results.comparison(key, base)
    if comparison is None:
        return Verdict(target, "not measured", None)
    if comparison.lower_bound is not None:
        # Timed out: known to be slower than the bound, so only a bound over the limit decides.
        bound = comparison.lower_bound
        return Verdict(target, f"> {bound:.2f}{unit} (timed out)", False if bound > limit else None)
    spread = comparison.range_text()
    cpu = _cpu_median(comparison.cpu_ratios)
    measured = f"{comparison.median:.2f}{unit}" + (f" ({spread})" if spread else "")
    if cpu is not None:
        measured += f"; CPU time {cpu:.2f}x"
    return _settled(target, measured, comparison.median <= limit, None if cpu is None else cpu <= limit,
                    comparison.loads)


def _overhead(results: Results, target: str, key: str, base: str, limit: float) -> Verdict:
    comparison = results.comparison(key, base)
    if comparison is None:
        return Verdict(target, "not measured", None)
    if comparison.lower_bound is not None:
        bound = comparison.lower_bound - 1
        return Verdict(target, f"over {bound:+.0%} (timed out)", False if bound > limit else None)
    low, high = min(comparison.ratios) - 1, max(comparison.ratios) - 1
    spread = f" ({low:+.0%} to {high:+.0%})" if len(comparison.ratios) > 1 else ""
    cpu = _cpu_median(comparison.cpu_ratios)
    cpu_text = f"; CPU time {cpu - 1:+.0%}" if cpu is not None else ""
    return _settled(target, f"{comparison.median - 1:+.0%}{spread}{cpu_text}", comparison.median - 1 <= limit,
                    None if cpu is None else cpu - 1 <= limit, comparison.loads)


def _cpu_median(ratios: list[float]) -> float | None:
    known = [r for r in ratios if r == r]  # NaN: a base without CPU time
    return statistics.median(known) if known else None


def _memory(results: Results, target: str, key: str) -> Verdict:
    result = results.get(key)
    if result is None or not result.usable:
        return Verdict(target, "not measured", None)
    main, workers = result.main_rss_mb, result.children_rss_mb
    if main is None:  # no split known: the largest process of the tree
        peak = result.peak_rss_mb
        return Verdict(target, f"{peak:.0f} MB", peak < MEMORY_LIMIT_MB)
    text = f"main {main:.0f} MB" + (f", largest worker {workers:.0f} MB" if workers else "")
    return Verdict(target, text, max(main, workers or 0) < MEMORY_LIMIT_MB)
