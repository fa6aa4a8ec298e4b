"""The output formats of `plexilint check`: one registry, so every command and front-end
that prints findings offers the same choices."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping

from plexilint.reporting.findings_report import FindingsReport
from plexilint.reporting.github_format import render_github
from plexilint.reporting.gitlab_format import render_gitlab
from plexilint.reporting.json_format import render_json
from plexilint.reporting.sarif_format import render_sarif
from plexilint.reporting.skipped import skipped_line, skipped_to_json
from plexilint.reporting.text import render_text


def _text(report: FindingsReport) -> str:
    text = render_text(report.findings, report.files_checked, report.cwd, report.summary, report.text_style,
                       report.notes)
    line = skipped_line(report.skipped, report.cwd) if report.summary else None
    return text + line + "\n" if line else text


def _json(report: FindingsReport) -> str:
    return render_json(report.findings, report.files_checked, report.roots, report.notes,
                       skipped_to_json(report.skipped, report.cwd))


Renderer = Callable[[FindingsReport], str]

FORMATS: dict[str, Renderer] = {
    "text": _text,
    "json": _json,
    "sarif": render_sarif,
    "github": render_github,
    "gitlab": render_gitlab,
}


def default_format(to_stdout: bool, environ: Mapping[str, str] = os.environ) -> str:
    """The format when none is asked for: GitHub annotations inside GitHub Actions (only on
    standard output: a report file is for other tools), text otherwise."""
    return "github" if to_stdout and environ.get("GITHUB_ACTIONS") == "true" else "text"


def render_findings(fmt: str, report: FindingsReport) -> str:
    return FORMATS[fmt](report)
