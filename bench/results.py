"""The outcome of each row and the ratios between rows (shared by the table and the targets)."""

from __future__ import annotations

from dataclasses import dataclass, field

from bench.corpus import Corpus
from bench.measure import Measurement
from bench.outputs import Output
from bench.rows import Row


@dataclass
class Result:
    row: Row
    corpus: Corpus
    measurement: Measurement | None = None  # None: skipped
    skipped: str = ""  # why, when skipped
    output: Output = field(default_factory=Output)

    @property
    def usable(self) -> bool:
        """Measured, finished and did not fail: its times mean something."""
        m = self.measurement
        return m is not None and not m.timed_out and m.failed_run is None


class Results:
    def __init__(self, results: list[Result]) -> None:
        self.all = results
        self._by_key = {r.row.key: r for r in results}

    def get(self, key: str) -> Result | None:
        return self._by_key.get(key)

    def ratio(self, key: str, other: str) -> float | None:
        """median(key) / median(other); None unless both rows finished."""
        a, b = self.get(key), self.get(other)
        if a is None or b is None or not a.usable or not b.usable:
            return None
        return a.measurement.median / b.measurement.median

    def lower_bound_ratio(self, key: str, other: str) -> float | None:
        """For a timed-out row: at least timeout / median(other)."""
        a, b = self.get(key), self.get(other)
        if a is None or b is None or a.measurement is None or not a.measurement.timed_out or not b.usable:
            return None
        return a.measurement.timeout / b.measurement.median

    def disagreements(self) -> list[str]:
        """Front-ends that report a different number of plexilint findings on the same corpus
        with the same selection (every front-end reads the same configuration)."""
        notes = []
        for key, other in SAME_FINDINGS:
            a, b = self.get(key), self.get(other)
            if a is None or b is None or None in (a.output.plexilint_findings, b.output.plexilint_findings):
                continue
            if a.output.plexilint_findings != b.output.plexilint_findings:
                notes.append(f"{a.row.label} reports {a.output.plexilint_findings} plexilint findings, "
                             f"{b.row.label} {b.output.plexilint_findings}, on the same corpus")
        return notes


# Row pairs that run every plexilint rule on the same corpus.
SAME_FINDINGS = [("flake8-plx", "plx-all")]
