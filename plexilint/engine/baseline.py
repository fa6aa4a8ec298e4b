"""Baselines: the findings a project has accepted for now, so that only new ones fail.

Each entry is keyed on what survives unrelated edits: the rule code, the file (relative to
the baseline's directory), the enclosing def/class and the normalised code of the finding's
lines; never a line number. The same key may occur several times (a count), and findings are
matched to entries one to one, so one fixed and one added is still one new finding. Findings
that carry measures (complexity) also count as new once a measure gets worse.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from plexilint.engine.finding_context import SourceContexts
from plexilint.model import Finding, Measure

DEFAULT_NAME = ".plexilint-baseline.json"


@dataclass(frozen=True, order=True)
class EntryKey:
    path: str  # relative to the baseline's directory, posix form
    code: str
    symbol: str  # qualified name of the enclosing def/class, "" at module level
    source: str  # the normalised code of the finding's lines

    def describe(self) -> str:
        where = f" in `{self.symbol}`" if self.symbol else ""
        return f"{self.path}: {self.code}{where}: {self.source or '(whole module)'}"


@dataclass
class Entry:
    count: int = 0
    # Per measure, the worst value among the entry's findings.
    measures: dict[str, int | float] = field(default_factory=dict)

    def add(self, measures: Iterable[Measure]) -> None:
        self.count += 1
        for measure in measures:
            known = self.measures.get(measure.name)
            if known is None or _is_worse(measure, known):
                self.measures[measure.name] = measure.value


def _is_worse(measure: Measure, than: int | float) -> bool:
    return measure.value > than if measure.higher_is_worse else measure.value < than


def worsening(finding: Finding, entry: Entry) -> str | None:
    """How the finding got worse than its baselined entry, or None. A measure the entry lacks
    (a class now also over its line limit) is worse; an entry without measures (another
    plexilint version, another rule) has nothing to compare."""
    if not entry.measures:
        return None
    changes = []
    for measure in finding.measures:
        known = entry.measures.get(measure.name)
        if known is None:
            changes.append(f"{measure.name} now over the limit too ({_number(measure.value)})")
        elif _is_worse(measure, known):
            changes.append(f"{measure.name} from {_number(known)} to {_number(measure.value)}")
    return "; ".join(changes) or None


def _number(value: int | float) -> str:
    return str(value) if isinstance(value, int) else f"{value:.1f}"


class KeyMaker:
    """Computes entry keys, reading and indexing each file once."""

    def __init__(self, directory: Path, contexts: SourceContexts | None = None) -> None:
        self.directory = directory.resolve()
        self.contexts = contexts or SourceContexts()

    def key(self, finding: Finding) -> EntryKey:
        context = self.contexts[finding.path]
        return EntryKey(self.relative(finding.path), finding.code,
                        context.enclosing_symbol(finding.line), context.code_of(finding.span))

    def relative(self, path: str) -> str:
        return Path(os.path.relpath(path, self.directory)).as_posix()

    def absolute(self, relative: str) -> str:
        return Path(os.path.normpath(self.directory / relative)).as_posix()


@dataclass
class Baseline:
    entries: dict[EntryKey, Entry] = field(default_factory=dict)

    @classmethod
    def from_findings(cls, findings: Iterable[Finding], keys: KeyMaker) -> Baseline:
        baseline = cls()
        for finding in findings:
            baseline.entries.setdefault(keys.key(finding), Entry()).add(finding.measures)
        return baseline

    @property
    def findings_count(self) -> int:
        return sum(entry.count for entry in self.entries.values())


@dataclass
class Comparison:
    new: list[Finding] = field(default_factory=list)  # not in the baseline, or worse than it
    baselined: list[Finding] = field(default_factory=list)
    # Entries with fewer findings than their count, and how many are gone.
    stale: list[tuple[EntryKey, int]] = field(default_factory=list)
    worse: int = 0  # how many of `new` are baselined findings whose measures got worse

    @property
    def stale_count(self) -> int:
        return sum(missing for _, missing in self.stale)


def compare(findings: list[Finding], baseline: Baseline, keys: KeyMaker,
            was_checked: Callable[[EntryKey], bool]) -> Comparison:
    """Matches findings to entries one to one, in file order. ``was_checked`` says whether an
    entry's file and rule were part of this run: only those can be stale."""
    groups: dict[EntryKey, list[Finding]] = {}
    for finding in findings:
        groups.setdefault(keys.key(finding), []).append(finding)
    result = Comparison()
    for key, group in groups.items():
        entry = baseline.entries.get(key, Entry())
        result.new.extend(group[entry.count:])
        for finding in group[:entry.count]:
            change = worsening(finding, entry)
            if change is None:
                result.baselined.append(finding)
            else:
                result.new.append(replace(finding, message=f"{finding.message} [worse than the baseline: {change}]"))
                result.worse += 1
    for key, entry in sorted(baseline.entries.items()):
        missing = entry.count - len(groups.get(key, ()))
        if missing > 0 and was_checked(key):
            result.stale.append((key, missing))
    result.new.sort(key=Finding.sort_key)
    return result
