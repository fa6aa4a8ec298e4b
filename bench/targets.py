"""DESIGN.md's performance targets, judged against one run's results."""

from __future__ import annotations

from dataclasses import dataclass

from bench.results import Results
from bench.rows import SCALE_COPIES

MEMORY_LIMIT_MB = 400
COLD_FLOOR_FACTOR = 3.0
WARM_FLOOR_FACTOR = 0.25
FLAKE8_OVERHEAD = 0.15
PYLINT_OVERHEAD = 0.25
LINEAR_TOLERANCE = 0.10  # the 4x corpus may cost up to 10% more than 4x the 1x corpus


@dataclass(frozen=True)
class Verdict:
    target: str
    measured: str
    met: bool | None  # None: not measured in this run

    @property
    def status(self) -> str:
        return {True: "met", False: "**not met**", None: "not measured"}[self.met]


def judge(results: Results) -> list[Verdict]:
    linear_limit = SCALE_COPIES * (1 + LINEAR_TOLERANCE)
    return [
        _ratio_at_most(results, f"full `plexilint check` (all families, cold) within {COLD_FLOOR_FACTOR:g}x "
                       "the parse floor", "plx-all", "floor", COLD_FLOOR_FACTOR, "x floor"),
        # Issue 5's "done when", read as: the complexity family alone within the same budget.
        _ratio_at_most(results, f"complexity family alone (`--select PLX4`) within {COLD_FLOOR_FACTOR:g}x "
                       "the parse floor", "plx4", "floor", COLD_FLOOR_FACTOR, "x floor"),
        _ratio_at_most(results, f"warm re-run within {WARM_FLOOR_FACTOR:g}x the parse floor", "plx-warm", "floor",
                       WARM_FLOOR_FACTOR, "x floor"),
        _memory(results, "plx-all"),
        _overhead(results, f"flake8 plugin adds at most {FLAKE8_OVERHEAD:.0%} to `flake8` (default plugins, -j1)",
                  "flake8-plx", "flake8", FLAKE8_OVERHEAD),
        _overhead(results, f"pylint plugin adds at most {PYLINT_OVERHEAD:.0%} to plain `pylint` "
                  "(first-files subset)", "pylint-plx", "pylint", PYLINT_OVERHEAD),
        _ratio_at_most(results, f"cost linear in lines of code ({SCALE_COPIES}x corpus within "
                       f"{linear_limit:.1f}x the time)", "plx-all-4x", "plx-all", linear_limit, "x"),
    ]


def _ratio_at_most(results: Results, target: str, key: str, base: str, limit: float, unit: str) -> Verdict:
    ratio = results.ratio(key, base)
    if ratio is not None:
        return Verdict(target, f"{ratio:.2f}{unit}", ratio <= limit)
    bound = results.lower_bound_ratio(key, base)
    if bound is not None:
        # Timed out: known to be slower than the bound, so only a bound over the limit decides.
        return Verdict(target, f"> {bound:.2f}{unit} (timed out)", False if bound > limit else None)
    return Verdict(target, "not measured", None)


def _overhead(results: Results, target: str, key: str, base: str, limit: float) -> Verdict:
    ratio = results.ratio(key, base)
    if ratio is not None:
        return Verdict(target, f"{ratio - 1:+.0%}", ratio - 1 <= limit)
    bound = results.lower_bound_ratio(key, base)
    if bound is not None:
        return Verdict(target, f"over {bound - 1:+.0%} (timed out)", False if bound - 1 > limit else None)
    return Verdict(target, "not measured", None)


def _memory(results: Results, key: str) -> Verdict:
    result = results.get(key)
    target = f"peak memory under {MEMORY_LIMIT_MB} MB (full `plexilint check`)"
    if result is None or result.measurement is None or not result.usable:
        return Verdict(target, "not measured", None)
    peak = result.measurement.peak_rss_mb
    return Verdict(target, f"{peak:.0f} MB", peak < MEMORY_LIMIT_MB)
