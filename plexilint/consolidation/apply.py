"""`plexilint fix --apply`: refuse dirty files, write with backups, re-check, record the step."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from plexilint.consolidation.atomic import sha256_hex
from plexilint.consolidation.backups import FixError, FixFailed, FixRefused, FixRun, apply_changes, rollback
from plexilint.consolidation.diff import line_counts
from plexilint.consolidation.fix_facts import FIX_FACTS
from plexilint.consolidation.fixer import ProposedFix
from plexilint.consolidation.history import findings_by_family, load_history, record_step
from plexilint.engine.cache import cache_for
from plexilint.runner.project import ProjectAnalysis, analyse_project
from plexilint.families import in_family
from plexilint.vcs.git import GitError, repository_root, uncommitted_files


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
                            [f for f in before_findings if in_family(f.code, "PLX1")], fix.plan.conflicts)
    run = _write(analysis, fix, phase, allow_dirty)
    after = analyse_project(root, analysis.config, extra_facts=FIX_FACTS, cache=cache_for(root, analysis.config))
    after_findings = _all_findings(after)
    # One count everywhere: the diff's `-` and `+` lines (what `git diff --numstat` says too).
    removed, added = line_counts(fix.changes)
    lines_before = _physical_lines(analysis)
    if run is not None:
        _record_or_undo(root, run, {
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
                        [f for f in after_findings if in_family(f.code, "PLX1")], fix.plan.conflicts)



def _write(analysis: ProjectAnalysis, fix: ProposedFix, phase: str, allow_dirty: bool) -> FixRun | None:
    if not allow_dirty:
        refuse_dirty(analysis.root, list(fix.changes))
    refuse_changed_since_analysis(analysis, fix)
    load_history(analysis.root)  # a damaged history.json stops the fix here, before any file is written
    # Each file is written only while it holds the bytes its new content was computed from.
    return apply_changes(analysis.root, {path: after for path, (_, after) in fix.changes.items()}, phase,
                         expected={path: before for path, (before, _) in fix.changes.items()})


def refuse_changed_since_analysis(analysis: ProjectAnalysis, fix: ProposedFix) -> None:
    """A file edited after the analysis read it (with --allow-dirty nothing else notices) would
    get a fix planned for its older content: refused, the edit untouched."""
    changed = [_relative(path, analysis.root) for path, (before, _) in sorted(fix.changes.items())
               if before is not None and analysis.digest_of(path) not in (None, sha256_hex(before))]
    if changed:
        raise FixRefused("refusing the whole fix: files changed while they were being analysed (nothing was "
                         "written)", changed, "run the fix again: it will start from the files as they are now")


def _record_or_undo(root: Path, run: FixRun, step: dict) -> None:
    """Records the step in history.json; if that cannot be written (disk full), the run is
    rolled back so that files and history agree."""
    try:
        record_step(root, step)
    except OSError as error:
        try:
            rollback(root, run.run_id)
        except FixError as undo_error:
            raise FixFailed(f"the files were rewritten (run {run.run_id}) but the history could not be recorded "
                            f"({error}), and undoing the run failed too: {undo_error}",
                            hint=f"once the cause is fixed, `plexilint rollback {run.run_id}` restores the "
                            "files") from error
        raise FixFailed(f"the history could not be recorded ({error}); the run {run.run_id} was rolled back, "
                        "every file is as it was", hint="free some space and run the fix again") from error


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
