"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` annotation per
finding, which GitHub shows on the pull request's diff, then the summary line as plain log."""

from __future__ import annotations

from typing import TYPE_CHECKING

from plexilint.model import Finding
from plexilint.reporting.ci_levels import GITHUB_LEVELS, category_of
from plexilint.reporting.ci_paths import ci_path
from plexilint.reporting.source_columns import CharacterColumns
from plexilint.reporting.text import summary_line

if TYPE_CHECKING:
    from plexilint.reporting.findings_report import FindingsReport

# What @actions/core escapes (toolkit command.ts): the message, and more in properties.
_DATA_ESCAPES = (("%", "%25"), ("\r", "%0D"), ("\n", "%0A"))
_PROPERTY_ESCAPES = (*_DATA_ESCAPES, (":", "%3A"), (",", "%2C"))


def escape_data(text: str) -> str:
    for raw, escaped in _DATA_ESCAPES:
        text = text.replace(raw, escaped)
    return text


def escape_property(text: str) -> str:
    for raw, escaped in _PROPERTY_ESCAPES:
        text = text.replace(raw, escaped)
    return text


def annotation(finding: Finding, cwd: str, columns: CharacterColumns) -> str:
    span = finding.span
    properties: list[tuple[str, object]] = [("file", ci_path(finding, cwd)), ("line", span.line)]
    one_line = span.end_line in (None, span.line)
    # GitHub rejects col/endColumn on an annotation spanning several lines.
    if one_line:
        properties.append(("col", columns.column(finding.path, span.line, span.column) + 1))
    if span.end_line is not None:
        properties.append(("endLine", span.end_line))
    if one_line and span.end_column is not None:
        properties.append(("endColumn", columns.column(finding.path, span.line, span.end_column) + 1))
    properties.append(("title", f"{finding.code} {finding.symbol}"))
    listed = ",".join(f"{name}={escape_property(str(value))}" for name, value in properties)
    return f"::{GITHUB_LEVELS[category_of(finding)]} {listed}::{escape_data(finding.message)}"


def render_github(report: FindingsReport) -> str:
    columns = CharacterColumns()
    lines = [annotation(finding, report.cwd, columns) for finding in report.findings]
    if report.summary:
        lines.append(summary_line(report.findings, report.files_checked))
    return "\n".join(lines) + "\n" if lines else ""
