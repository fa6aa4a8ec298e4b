"""flake8's shape: ``path:line:col: CODE message``, then a one-line summary."""

from __future__ import annotations

import os
from collections.abc import Sequence

from plexilint.model import Finding, Note


def display_path(path: str, cwd: str) -> str:
    relative = os.path.relpath(path, cwd)
    return path if relative.startswith("..") else relative


def render_text(findings: Sequence[Finding], files_checked: int, cwd: str, summary: bool = True,
                notes: Sequence[Note] = ()) -> str:
    lines = [
        f"{display_path(f.path, cwd)}:{f.line}:{f.column + 1}: {f.code} {f.message}" for f in findings
    ]
    if summary:
        lines.extend(note_lines(notes))
        lines.append(summary_line(findings, files_checked))
    return "\n".join(lines) + "\n" if lines else ""


def note_lines(notes: Sequence[Note], details: bool = False) -> list[str]:
    """``note: ...`` lines above the summary; ``details``: the notes shown on request too."""
    return [f"note: {n.message}" for n in notes if details or not n.detail]


def summary_line(findings: Sequence[Finding], files_checked: int) -> str:
    """The last line of the text format (and of the GitHub format, which GitHub shows as log)."""
    if not findings:
        return f"All checks passed ({files_checked} file{'s' if files_checked != 1 else ''} checked)."
    files = len({f.path for f in findings})
    return (
        f"Found {len(findings)} finding{'s' if len(findings) != 1 else ''} in {files} "
        f"file{'s' if files != 1 else ''} ({files_checked} checked). "
        "`plexilint explain CODE` tells what each code means and what to do."
    )
