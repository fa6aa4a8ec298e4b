"""`plexilint fix --apply`: refuse dirty files, write with backups, re-check, record the step."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from plexilint.consolidation.backups import FixRefused, FixRun, apply_changes
from plexilint.consolidation.diff import line_counts
from plexilint.consolidation.fixer import ProposedFix
from plexilint.consolidation.history import findings_by_family, record_step
from plexilint.engine.cache import cache_for
from plexilint.engine.project import ProjectAnalysis, analyse_project, clear_memo
from plexilint.vcs.git import GitError, repository_root, uncommitted_files


_FIX_FACTS = frozenset({"fallbacks", "name_imports"})  # beyond what the enabled rules read


@dataclass
class ApplyOutcome:
    run: FixRun | None  # None: nothing to change
    before: dict[str, int]  # findings per family
    after: dict[str, int]
    lines_removed: int
    lines_added: int = 0
    left: list = field(default_factory=list)  # PLX1 findings still reported after the fix
    conflicts: list = field(default_factory=list)


def refuse_dirty(root: Path, paths: list[Path]) -> None:
    """Files with uncommitted changes cannot be restored by git: refuse unless the user insists."""
    repository = repository_root(root)
    if repository is None:
        return  # no git: the backups are the only way back, and they are always written
    try:
        dirty = uncommitted_files(repository, [p for p in paths if p.exists()])
    except GitError:
        return
    if dirty:
        raise FixRefused("files with uncommitted changes", sorted(_relative(p, root) for p in dirty),
                         hint="commit or stash them first, or pass --allow-dirty")


def apply_fix(analysis: ProjectAnalysis, fix: ProposedFix, phase: str, allow_dirty: bool) -> ApplyOutcome:
    root = analysis.root
    before_findings = _all_findings(analysis)
    if not fix.changes:
        return ApplyOutcome(None, findings_by_family(f.code for f in before_findings),
                            findings_by_family(f.code for f in before_findings), 0, 0,
                            [f for f in before_findings if f.code.startswith("PLX1")], fix.plan.conflicts)
    if not allow_dirty:
        refuse_dirty(root, list(fix.changes))
    run = apply_changes(root, {path: after for path, (_, after) in fix.changes.items()}, phase)
    clear_memo()
    after = analyse_project(root, analysis.config, extra_facts=_FIX_FACTS, cache=cache_for(root, analysis.config))
    after_findings = _all_findings(after)
    # One count everywhere: the diff's `-` and `+` lines (what `git diff --numstat` says too).
    removed, added = line_counts(fix.changes)
    lines_before = _physical_lines(analysis)
    if run is not None:
        record_step(root, {
            "run_id": run.run_id, "phase": phase,
            "files_before": len(analysis.index.files), "files_after": len(after.index.files),
            "findings_before": findings_by_family(f.code for f in before_findings),
            "findings_after": findings_by_family(f.code for f in after_findings),
            "lines_before": lines_before, "lines_after": lines_before - removed + added,
            "lines_removed": removed, "lines_added": added,
            "mapping": fix.plan.mapping(),
        })
    return ApplyOutcome(run, findings_by_family(f.code for f in before_findings),
                        findings_by_family(f.code for f in after_findings), removed, added,
                        [f for f in after_findings if f.code.startswith("PLX1")], fix.plan.conflicts)


def _all_findings(analysis: ProjectAnalysis) -> list:
    return [f for path in sorted(analysis.findings) for f in analysis.findings_for(Path(path))]


def _physical_lines(analysis: ProjectAnalysis) -> int:
    """Lines of the project's Python files before the fix, counted as the diff counts them."""
    total = 0
    for file in analysis.index.files:
        try:
            data = Path(file.path).read_bytes()
        except OSError:
            continue
        total += data.count(b"\n") + (1 if data and not data.endswith(b"\n") else 0)
    return total


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
