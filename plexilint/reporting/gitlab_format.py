"""GitLab Code Quality (a subset of the Code Climate issue format): a JSON array that GitLab
shows in merge requests when a job publishes it as ``artifacts:reports:codequality``."""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING

from plexilint.model import Finding
from plexilint.reporting.ci_fingerprints import tracked_findings
from plexilint.reporting.ci_levels import GITLAB_SEVERITIES, category_of
from plexilint.reporting.ci_paths import ci_path

if TYPE_CHECKING:
    from plexilint.reporting.findings_report import FindingsReport


def code_quality_issue(finding: Finding, fingerprint: str, cwd: str) -> dict:
    span = finding.span
    return {
        "type": "issue",
        "check_name": finding.code,
        "description": f"{finding.code} {finding.message}",
        "fingerprint": hashlib.md5(fingerprint.encode(), usedforsecurity=False).hexdigest(),
        "severity": GITLAB_SEVERITIES[category_of(finding)],
        "location": {
            "path": ci_path(finding, cwd),
            "lines": {"begin": span.line, "end": span.end_line or span.line},
        },
    }


def render_gitlab(report: FindingsReport) -> str:
    """Only the reported findings: GitLab has no notion of a suppressed issue, and compares
    the report with the target branch's to show what a merge request adds or fixes."""
    tracked = tracked_findings(report.findings, report.baselined)
    issues = [code_quality_issue(t.finding, t.fingerprint, report.cwd) for t in tracked if not t.baselined]
    return json.dumps(issues, indent=2) + "\n"
