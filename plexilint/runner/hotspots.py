"""Hotspots: complexity × churn, per file and per function (`plexilint hotspots`).

Complexity comes from the engine's facts (radon's cyclomatic numbers), churn from git history:
the commits that touched a file within the window, and for a function, every commit within the
window that touched its lines (added, changed or removed lines in it; the repository's first
commit included), followed to where those lines are in the file today. Without git, churn is 1
everywhere and the ranking is by complexity alone (the report says so).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from plexilint.engine.facts import FileFacts
from plexilint.runner.project import ProjectAnalysis
from plexilint.runner.run import is_within_scopes
from plexilint.families import in_family
from plexilint.vcs.git import FileChurn, GitError, churn_since, lines_touched_per_commit, repository_root

_WINDOW = re.compile(r"^(\d+)([dwmy])$")
_DAYS_PER_UNIT = {"d": 1, "w": 7, "m": 30, "y": 365}


def parse_since(text: str, today: date | None = None) -> date:
    """`90d`, `12w`, `6m`, `1y` (back from today) or an ISO date like `2026-01-31`."""
    today = today or date.today()
    match = _WINDOW.match(text.strip().lower())
    if match:
        return today - timedelta(days=int(match.group(1)) * _DAYS_PER_UNIT[match.group(2)])
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"--since {text!r}: expected a span like 90d, 12w, 6m, 1y or a date like 2026-01-31") \
            from None


@dataclass(frozen=True)
class FunctionHotspot:
    path: str  # relative to the project root
    qualname: str
    line: int
    cyclomatic: int
    churn: int

    @property
    def score(self) -> int:
        return self.cyclomatic * self.churn


@dataclass(frozen=True)
class FileHotspot:
    path: str  # relative to the project root
    code_lines: int
    complexity: int  # radon's total cyclomatic complexity of the module
    worst_function: str
    worst_cyclomatic: int
    maintainability: float
    commits: int
    lines_changed: int
    findings: tuple[tuple[int, str, str], ...]  # (line, code, message) of its PLX4 findings

    @property
    def score(self) -> int:
        return self.complexity * self.commits


@dataclass
class HotspotReport:
    since: date
    has_history: bool  # False: no git, churn is 1 everywhere
    files: list[FileHotspot] = field(default_factory=list)
    functions: list[FunctionHotspot] = field(default_factory=list)
    note: str = ""


def rank_hotspots(analyses: list[ProjectAnalysis], scopes: list[str], since: date, top: int) -> HotspotReport:
    """The `top` files and functions by score, highest first (ties: more complex first)."""
    files: list[FileHotspot] = []
    functions: list[FunctionHotspot] = []
    report = HotspotReport(since, has_history=True)
    for analysis in analyses:
        history = _history(analysis.root, since)
        if history is None:
            report.has_history = False
            report.note = "no git history here: churn is 1 for every file, so this ranks by complexity alone"
        repository, churn = history or (None, {})
        in_scope = [f for f in analysis.index.files if f.parse_failure is None and is_within_scopes(f.path, scopes)]
        ranked: list[tuple[FileHotspot, FileFacts]] = []
        for file in in_scope:
            facts = file.complexity
            changes = churn.get(Path(file.path), FileChurn(0, 0)) if repository else FileChurn(1, 0)
            worst = max(facts.functions, key=lambda f: f.cyclomatic, default=None)
            findings = tuple((f.line, f.code, f.message) for f in analysis.findings_for(Path(file.path))
                             if in_family(f.code, "PLX4"))
            ranked.append((FileHotspot(file.relpath, facts.code_lines, facts.total_cyclomatic,
                                       worst.qualname if worst else "", worst.cyclomatic if worst else 0,
                                       round(facts.maintainability, 1), changes.commits, changes.lines_changed,
                                       findings), file))
        ranked.sort(key=lambda pair: _file_order(pair[0]))
        for hotspot, file in ranked[:top]:
            files.append(hotspot)
            functions.extend(_function_hotspots(file, repository, since, hotspot.commits))
    files.sort(key=_file_order)
    functions.sort(key=lambda f: (-f.score, -f.cyclomatic, f.path, f.line))
    report.files = files[:top]
    report.functions = functions[:top]
    return report


def _file_order(hotspot: FileHotspot) -> tuple:
    return (-hotspot.score, -hotspot.complexity, hotspot.path)


def _history(root: Path, since: date) -> tuple[Path, dict[Path, FileChurn]] | None:
    repository = repository_root(root)
    if repository is None:
        return None
    try:
        return repository, churn_since(repository, since, root)
    except (OSError, GitError):
        return None


def _function_hotspots(file: FileFacts, repository: Path | None, since: date,
                       file_commits: int) -> list[FunctionHotspot]:
    touched = lines_touched_per_commit(repository, Path(file.path), since) if repository and file_commits else None
    hotspots = []
    for function in file.complexity.functions:
        if repository is None:
            churn = 1
        elif touched is None:
            churn = 0
        else:
            first, last = function.span.line, function.end_line
            churn = sum(1 for lines in touched.values() if any(first <= n <= last for n in lines))
        hotspots.append(FunctionHotspot(file.relpath, function.qualname, function.span.line,
                                        function.cyclomatic, churn))
    return hotspots
