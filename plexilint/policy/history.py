"""The fix history, `.plexilint/history.json`: where it is in a project and how it is read.
`plexilint fix --apply` writes it (plexilint/consolidation/history.py); PLX501 reads the names it
moved from the bytes the runner hands it (a rule never opens a file itself)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

STATE_DIRECTORY = ".plexilint"  # at the project root: the fix's backups and history
HISTORY_PATH = f"{STATE_DIRECTORY}/history.json"  # relative to the project root


class HistoryError(Exception):
    """history.json exists but cannot be used; it is never overwritten silently."""


def parse_history(data: bytes, path: Path) -> dict[str, Any]:
    """The history held in ``data`` (the bytes of ``path``, named in the error); raises
    HistoryError when it is not one."""
    try:
        history = json.loads(data.decode("utf-8"))
    except ValueError as error:  # UnicodeDecodeError is a ValueError
        raise HistoryError(f"cannot read {path}: {error}; fix or remove the file "
                           "(plexilint does not overwrite it)") from None
    if not (isinstance(history, dict) and isinstance(history.get("steps"), list)
            and isinstance(history.get("mapping"), list)):
        raise HistoryError(f"{path} is not a plexilint history (expected an object with lists "
                           '"steps" and "mapping"); fix or remove the file')
    return history


def recorded_moves(data: bytes | None) -> dict[str, str]:
    """``"old.module:Name" -> "new.module:Name"`` for each name the history (its bytes; None when
    there is none) says a fix moved. A history that cannot be read moves nothing: `plexilint
    progress` reports it, linting goes on without it."""
    if data is None:
        return {}
    try:
        mapping = parse_history(data, Path(HISTORY_PATH))["mapping"]
    except HistoryError:
        return {}
    moved: dict[str, str] = {}
    for entry in mapping:
        # A conditional fallback moved, not the name: the old path still serves the real object.
        if not entry.get("conditional", False):
            moved[f"{entry['old_module']}:{entry['name']}"] = f"{entry['new_module']}:{entry['name']}"
    return moved
