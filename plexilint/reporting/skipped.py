"""Folders a check did not search (a virtual environment, build output, what git ignores, a
folder it cannot read...), as the text and JSON formats show them."""

from __future__ import annotations

from collections.abc import Sequence

from plexilint.engine.discovery import SkippedFolder
from plexilint.reporting.text import display_path

_SHOWN = 5  # the text line names this many; `--format json` lists them all


def skipped_to_json(skipped: Sequence[SkippedFolder], cwd: str) -> list[dict[str, str]]:
    return [{"path": display_path(folder.path, cwd), "reason": folder.reason} for folder in skipped]


def skipped_line(skipped: Sequence[SkippedFolder], cwd: str) -> str | None:
    """One line under the summary, or None when nothing was skipped."""
    if not skipped:
        return None
    shown = ", ".join(f"{display_path(f.path, cwd)} ({f.reason})" for f in skipped[:_SHOWN])
    more = f", and {len(skipped) - _SHOWN} more (`--format json` lists them)" if len(skipped) > _SHOWN else ""
    noun = "folder" if len(skipped) == 1 else "folders"
    return f"Not searched: {len(skipped)} {noun}: {shown}{more}."
