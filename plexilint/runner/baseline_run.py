"""A check run against a baseline: which entries the run covered, the comparison, and the
baseline that `create` and `update` write."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from plexilint.config import Config
from plexilint.engine.baseline import DEFAULT_NAME, Baseline, Comparison, EntryKey, KeyMaker, compare
from plexilint.engine.baseline_file import read_baseline
from plexilint.engine.finding_context import SourceContexts
from plexilint.runner.run import CheckResult, is_within_scopes
from plexilint.engine.selection import Selection
from plexilint.model import Finding


def configured_baseline(root: Path, config: Config) -> Path | None:
    """The `baseline` option, relative to the project root; None when unset."""
    value = config["baseline"]
    return None if value is None else (root / value).resolve()


def baseline_location(root: Path, config: Config, explicit: Path | None) -> Path:
    """Where `plexilint baseline` reads and writes: ``--file``, else the option, else the default."""
    if explicit is not None:
        return explicit.resolve()
    return configured_baseline(root, config) or root / DEFAULT_NAME


def covered_by(result: CheckResult, keys: KeyMaker) -> Callable[[EntryKey], bool]:
    """Whether the run checked an entry's file (or the file is gone from a checked directory)
    with its rule enabled there: only such entries can be stale or dropped by `update`."""
    projects = sorted(((a.root.as_posix(), Selection.from_config(a.config)) for a in result.analyses),
                      key=lambda project: len(project[0]), reverse=True)

    def was_checked(key: EntryKey) -> bool:
        path = keys.absolute(key.path)
        if not is_within_scopes(path, result.scopes):
            return False
        for root, selection in projects:  # the innermost project holding the file decides
            if path.startswith(root + "/"):
                return selection.reports(key.code, path[len(root) + 1:])
        return False

    return was_checked


def compare_with_baseline(result: CheckResult, baseline: Baseline, path: Path) -> Comparison:
    keys = KeyMaker(path.parent)
    return compare(result.findings, baseline, keys, covered_by(result, keys))


def baseline_of(result: CheckResult, path: Path) -> Baseline:
    """The baseline accepting every finding of the run, keyed for a file at ``path``."""
    return Baseline.from_findings(result.findings, KeyMaker(path.parent))


def updated_baseline(result: CheckResult, old: Baseline, path: Path) -> Baseline:
    """The run's findings, plus the old entries the run did not cover (other directories,
    rules not selected this time). Measures are the current ones: an improved function
    tightens its entry."""
    keys = KeyMaker(path.parent)
    was_checked = covered_by(result, keys)
    updated = Baseline.from_findings(result.findings, keys)
    for key, entry in old.entries.items():
        if not was_checked(key) and key not in updated.entries:
            updated.entries[key] = entry
    return updated


def without_baselined(root: Path, config: Config, findings: list[Finding],
                      buffers: dict[str, bytes] | None = None) -> list[Finding]:
    """The findings the configured `baseline` does not accept: what the flake8 and pylint
    plugins and the language server report for a file (`check` compares its whole run
    itself). ``buffers``: unsaved contents by absolute posix path. Raises BaselineError when
    the configured file is missing or unreadable, as `check` would."""
    path = configured_baseline(root, config)
    if path is None or not findings:
        return findings
    baseline = _read_baseline(path, _modified(path))
    keys = KeyMaker(path.parent, SourceContexts(buffers))
    return compare(findings, baseline, keys, lambda key: False).new


def _modified(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return -1


@lru_cache(maxsize=8)
def _read_baseline(path: Path, modified: int) -> Baseline:
    """Read once per version of the file: the plugins ask for every file they lint."""
    return read_baseline(path)
