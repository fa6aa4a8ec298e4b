"""The output formats of `plexilint check`: one registry, so every command and front-end
that prints findings offers the same choices."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from plexilint.model import Finding
from plexilint.reporting.json_format import render_json
from plexilint.reporting.text import render_text


@dataclass
class FindingsReport:
    """Everything a findings format may need."""

    findings: list[Finding]
    files_checked: int
    roots: list[str]  # project roots, absolute posix paths
    cwd: str
    # Findings the baseline accepts: not reported as failures, but formats that can say
    # "known and suppressed" (SARIF) show them as such.
    baselined: list[Finding] = field(default_factory=list)


Renderer = Callable[[FindingsReport], str]

FORMATS: dict[str, Renderer] = {
    "text": lambda report: render_text(report.findings, report.files_checked, report.cwd),
    "json": lambda report: render_json(report.findings, report.files_checked, report.roots),
}


def render_findings(fmt: str, report: FindingsReport) -> str:
    return FORMATS[fmt](report)
