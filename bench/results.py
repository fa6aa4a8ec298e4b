"""One benchmark run as data: each row's runs and the interleaved pairs, kept as JSON next to
docs/benchmarks.md so the page can be regenerated without measuring again
(``python -m bench.report --from-json docs/benchmarks.json``)."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

from bench.measure import Run

FORMAT = 2  # of the JSON document


@dataclass
class RowResult:
    key: str
    label: str
    corpus: str
    environment: str
    bases: tuple[str, ...]
    timeout_s: float
    skipped: str = ""  # why, when skipped
    runs: list[Run] = field(default_factory=list)
    rounds: list[int] = field(default_factory=list)  # the round of each run
    notes: list[str] = field(default_factory=list)  # what the last run produced
    plexilint_findings: int | None = None

    @property
    def measured(self) -> bool:
        return not self.skipped and bool(self.runs)

    @property
    def timed_out(self) -> bool:
        return any(run.timed_out for run in self.runs)

    @property
    def failed_run(self) -> Run | None:
        """A run whose exit status says the tool failed (not merely that it found something)."""
        return next((run for run in self.runs if run.returncode not in (0, None)), None)

    @property
    def usable(self) -> bool:
        """Measured, finished and did not fail: its times mean something."""
        return self.measured and not self.timed_out and self.failed_run is None

    @property
    def median(self) -> float:
        return statistics.median(run.seconds for run in self.runs)

    @property
    def minimum(self) -> float:
        return min(run.seconds for run in self.runs)

    @property
    def cpu_median(self) -> float:
        return statistics.median(run.cpu_seconds for run in self.runs)

    @property
    def peak_rss_mb(self) -> float:
        return max(run.peak_rss_mb for run in self.runs)

    @property
    def main_rss_mb(self) -> float | None:
        values = [run.main_rss_mb for run in self.runs if run.main_rss_mb is not None]
        return max(values) if values else None

    @property
    def children_rss_mb(self) -> float | None:
        values = [run.children_rss_mb for run in self.runs if run.children_rss_mb is not None]
        return max(values) if values else None

    def to_json(self) -> dict:
        return {"key": self.key, "label": self.label, "corpus": self.corpus, "environment": self.environment,
                "bases": list(self.bases), "timeout_s": self.timeout_s, "skipped": self.skipped,
                "runs": [dict(run.to_json(), round=number) for run, number in zip(self.runs, self.rounds)],
                "notes": self.notes, "plexilint_findings": self.plexilint_findings}

    @classmethod
    def from_json(cls, data: dict) -> RowResult:
        runs = [dict(run) for run in data["runs"]]
        rounds = [run.pop("round") for run in runs]
        return cls(data["key"], data["label"], data["corpus"], data["environment"], tuple(data["bases"]),
                   data["timeout_s"], data["skipped"], [Run.from_json(run) for run in runs], rounds,
                   data["notes"], data["plexilint_findings"])


@dataclass(frozen=True)
class Pair:
    """A row and one of its bases, run back to back in the same round."""

    row: str
    base: str
    round: int
    row_run: int  # index into the row's runs
    base_run: int

    def to_json(self) -> dict:
        return {"row": self.row, "base": self.base, "round": self.round, "row_run": self.row_run,
                "base_run": self.base_run}


@dataclass(frozen=True)
class Comparison:
    """Every pair of a row with one base."""

    ratios: list[float]  # row / base, pairs where both finished
    cpu_ratios: list[float]
    loads: list[float]  # the load when each pair started
    lower_bound: float | None  # the row timed out: at least timeout / base

    @property
    def median(self) -> float:
        return statistics.median(self.ratios)

    def range_text(self, fmt: str = "{:.2f}") -> str:
        if len(self.ratios) < 2:
            return ""
        return f"{fmt.format(min(self.ratios))}-{fmt.format(max(self.ratios))}"


class Results:
    def __init__(self, rows: list[RowResult], pairs: list[Pair]) -> None:
        self.all = rows
        self.pairs = pairs
        self._by_key = {r.key: r for r in rows}

    def get(self, key: str) -> RowResult | None:
        return self._by_key.get(key)

    def comparison(self, key: str, base: str) -> Comparison | None:
        """The pairs of ``key`` with ``base``; None when there is none to compare."""
        row, other = self.get(key), self.get(base)
        if row is None or other is None:
            return None
        ratios, cpu, loads, bound = [], [], [], None
        for pair in self.pairs:
            if pair.row != key or pair.base != base:
                continue
            a, b = row.runs[pair.row_run], other.runs[pair.base_run]
            if b.timed_out or b.returncode not in (0, None) or a.returncode not in (0, None):
                continue
            if a.timed_out:
                bound = max(bound or 0.0, a.seconds / b.seconds)
                continue
            ratios.append(a.seconds / b.seconds)
            cpu.append(a.cpu_seconds / b.cpu_seconds if b.cpu_seconds else float("nan"))
            loads.append(min(a.load, b.load))
        if not ratios and bound is None:
            return None
        return Comparison(ratios, cpu, loads, bound if not ratios else None)

    def disagreements(self) -> list[str]:
        """Front-ends that report a different number of plexilint findings on the same corpus
        with the same selection (every front-end reads the same configuration)."""
        notes = []
        for key, other in SAME_FINDINGS:
            a, b = self.get(key), self.get(other)
            if a is None or b is None or None in (a.plexilint_findings, b.plexilint_findings):
                continue
            if a.plexilint_findings != b.plexilint_findings:
                notes.append(f"{a.label} reports {a.plexilint_findings} plexilint findings, "
                             f"{b.label} {b.plexilint_findings}, on the same corpus")
        return notes

    def to_json(self) -> dict:
        return {"rows": [row.to_json() for row in self.all], "pairs": [pair.to_json() for pair in self.pairs]}

    @classmethod
    def from_json(cls, data: dict) -> Results:
        return cls([RowResult.from_json(row) for row in data["rows"]], [Pair(**pair) for pair in data["pairs"]])


# Row pairs that run every plexilint rule on the same corpus.
SAME_FINDINGS = [("flake8-plx", "plx-all"), ("flake8-plx-j1", "plx-all"), ("flake8-plx-warm", "plx-all")]
