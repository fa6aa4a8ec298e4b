"""What a findings format is given: one run's findings and everything said about them."""

from __future__ import annotations

from dataclasses import dataclass, field

from plexilint.engine.discovery import SkippedFolder
from plexilint.model import Finding, Note
from plexilint.reporting.text import TextStyle


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
    summary: bool = True  # the closing summary line of the text and GitHub formats (`--quiet`: none)
    text_style: TextStyle = field(default_factory=TextStyle)  # colour, wrapping, source lines
    notes: list[Note] = field(default_factory=list)  # what the run tells besides findings
    skipped: list[SkippedFolder] = field(default_factory=list)  # folders not searched, and why
