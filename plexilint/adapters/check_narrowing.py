"""`plexilint check --baseline FILE` and `--diff REF`: which of a run's findings are reported.
Both narrow the report only; the analysis always covers the whole project."""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from plexilint.config import find_project_root, load_config
from plexilint.engine.baseline import Baseline, EntryKey
from plexilint.engine.baseline_file import BaselineError, read_baseline
from plexilint.runner.baseline_run import baseline_location, compare_with_baseline, configured_baseline
from plexilint.engine.changed_code import on_changed_code
from plexilint.runner.run import CheckResult
from plexilint.model import Finding
from plexilint.vcs.git import ChangedLines, GitError, changes_since, repository_root, resolve_commit

_STALE_SHOWN = 10


class UsageError(Exception):
    """A check option that cannot be honoured (exit status 2)."""


def add_check_options(check: Any) -> None:
    check.add_argument("--baseline", type=Path, metavar="FILE",
                       help="report only findings this baseline does not accept (default: the `baseline` option)")
    check.add_argument("--no-baseline", action="store_true", help="report every finding, whatever the "
                       "`baseline` option says")
    check.add_argument("--diff", metavar="REF",
                       help="report only findings on lines changed since the git revision REF (uncommitted "
                       "and untracked files included); the whole project is still analysed")


@dataclass
class Narrowing:
    baseline_path: Path | None = None
    baseline: Baseline | None = None
    update_command: str = "plexilint baseline update"  # what shrinks this baseline
    changes: ChangedLines | None = None

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> Narrowing:
        """Reads the baseline and the git changes before the analysis, so that a bad file or
        revision fails at once. Raises UsageError."""
        narrowing = cls()
        root = find_project_root(args.paths[0].resolve()) if args.paths else Path(".").resolve()
        config = load_config(root, args.config)
        narrowing.baseline_path = args.baseline.resolve() if args.baseline else configured_baseline(root, config)
        if args.no_baseline:
            narrowing.baseline_path = None
        if narrowing.baseline_path is not None and narrowing.baseline_path != baseline_location(root, config, None):
            narrowing.update_command += f" --file {display_path(narrowing.baseline_path)}"
        if narrowing.baseline_path is not None:
            try:
                narrowing.baseline = read_baseline(narrowing.baseline_path)
            except BaselineError as error:
                raise UsageError(str(error)) from None
        if args.diff is not None:
            narrowing.changes = _changes(args.paths, args.diff)
        return narrowing

    def apply(self, result: CheckResult) -> tuple[list[Finding], list[Finding]]:
        """(findings to report, findings the baseline accepted); notes go to stderr."""
        findings, baselined = result.findings, []
        if self.baseline is not None and self.baseline_path is not None:
            comparison = compare_with_baseline(result, self.baseline, self.baseline_path)
            findings, baselined = comparison.new, comparison.baselined
            _note_baseline(self.baseline_path, len(baselined), comparison.stale, self.update_command)
        if self.changes is not None:
            findings = on_changed_code(findings, self.changes)
            baselined = on_changed_code(baselined, self.changes)
        return findings, baselined


def _changes(paths: list[Path], ref: str) -> ChangedLines:
    """The changes since ``ref`` in every repository holding a checked path."""
    lines: dict[str, frozenset[int]] = {}
    untracked: set[str] = set()
    for top in sorted({_repository(path) for path in paths or [Path(".")]}):
        try:
            changes = changes_since(top, resolve_commit(top, ref))
        except (GitError, OSError) as error:
            raise UsageError(f"--diff {ref}: {error} (in the git repository {top})") from None
        lines.update(changes.lines)
        untracked.update(changes.untracked)
    return ChangedLines(lines, frozenset(untracked))


def _repository(path: Path) -> Path:
    resolved = path.resolve()
    top = repository_root(resolved if resolved.is_dir() else resolved.parent)
    if top is None:
        raise UsageError(f"--diff needs a git repository, and {path} is not in one (or git is not installed)")
    return top


def display_path(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive (Windows)
        return str(path)


def _note_baseline(path: Path, accepted: int, stale: list[tuple[EntryKey, int]], update_command: str) -> None:
    where = display_path(path)
    if accepted:
        print(f"plexilint: {accepted} known finding(s) accepted by the baseline {where}", file=sys.stderr)
    if not stale:
        return
    gone = sum(missing for _, missing in stale)
    print(f"plexilint: note: {gone} baselined finding(s) no longer occur; `{update_command}` "
          f"removes them from {where}:", file=sys.stderr)
    for key, missing in stale[:_STALE_SHOWN]:
        times = f" ({missing}x)" if missing > 1 else ""
        print(f"  {key.describe()}{times}", file=sys.stderr)
    if len(stale) > _STALE_SHOWN:
        print(f"  and {len(stale) - _STALE_SHOWN} more", file=sys.stderr)
