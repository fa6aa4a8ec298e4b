"""Keeping the findings on changed code (`plexilint check --diff REF`). The findings come from
the whole project, so a new duplicate is found even when its twin sits in an unchanged file;
only the reporting is narrowed."""

from __future__ import annotations

from plexilint.engine.finding_context import SourceContexts, is_whole_module
from plexilint.model import Finding
from plexilint.vcs.git import ChangedLines

_WHOLE_FILE = 10**9


def _lines_of(finding: Finding, contexts: SourceContexts) -> tuple[int, int]:
    """The lines a finding is about: its span; the whole def or class for a complexity
    finding (reported on the `def` line, caused by the body); the whole file for a module's."""
    if is_whole_module(finding.span):
        return 1, _WHOLE_FILE
    if finding.measures:
        scope = contexts[finding.path].scope_lines(finding.line)
        if scope is not None:
            return scope
    return finding.line, max(finding.line, finding.span.end_line or finding.line)


def touches_changes(finding: Finding, changes: ChangedLines, contexts: SourceContexts) -> bool:
    """Whether the finding is about a changed line. Its related places do not count: a new copy
    of a stub is reported where it was added, and the old copies, unchanged, were findings
    before (they would annotate lines the change never touched)."""
    return changes.touches(finding.path, *_lines_of(finding, contexts))


def on_changed_code(findings: list[Finding], changes: ChangedLines) -> list[Finding]:
    contexts = SourceContexts()
    return [finding for finding in findings if touches_changes(finding, changes, contexts)]
