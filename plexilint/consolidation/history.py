"""Progress of a consolidation, step by step, and where each moved name lives now.

``.plexilint/history.json`` holds ``{"steps": [...], "mapping": [...]}``. Each applied fix adds a
step (files, findings per family, lines of Python before and after and the lines it removed and
added, as its diff counts them, and the names it moved); the
top-level mapping is every live step's mapping replayed in order, keyed by (old module, name), so
a later step overrides an earlier one and a rolled-back step's entries disappear unless a later
step re-adds them.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable

from plexilint.consolidation.atomic import write_json_atomic
from plexilint.consolidation.state import ensure_state_directory
from plexilint.families import family_prefix
from plexilint.policy.history import HISTORY_PATH, HistoryError, parse_history

__all__ = [
    "HistoryError", "MAPPING_FIELDS", "STEP_FIELDS", "findings_by_family", "history_path", "load_history",
    "mark_rolled_back", "record_step",
]

STEP_FIELDS = ("run_id", "phase", "files_before", "files_after", "findings_before", "findings_after",
               "lines_before", "lines_after")  # required; time, lines_removed and mapping have defaults
MAPPING_FIELDS = ("name", "kind", "old_module", "new_module", "import")
_ROLLED_BACK = "rolled-back"


def history_path(root: Path) -> Path:
    return Path(root) / HISTORY_PATH


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def load_history(root: Path) -> dict[str, Any]:
    """The recorded history; an empty one when the file does not exist yet."""
    path = history_path(root)
    if not path.exists():
        return {"steps": [], "mapping": []}
    try:
        data = path.read_bytes()
    except OSError as error:
        raise HistoryError(f"cannot read {path}: {error}; fix or remove the file "
                           "(plexilint does not overwrite it)") from None
    return parse_history(data, path)


def _replay(steps: list[dict[str, Any]]) -> list[dict[str, Any]]:
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for step in steps:
        if step.get("status") == _ROLLED_BACK:
            continue
        for entry in step.get("mapping", []):
            merged[(entry["old_module"], entry["name"])] = {**entry, "run_id": step["run_id"]}
    return [merged[key] for key in sorted(merged)]


def _require(fields: tuple[str, ...], value: dict[str, Any], what: str) -> None:
    missing = [name for name in fields if name not in value]
    if missing:
        raise ValueError(f"{what} is missing {', '.join(missing)}")


def _validated(step: dict[str, Any], steps: list[dict[str, Any]]) -> dict[str, Any]:
    _require(STEP_FIELDS, step, "history step")
    for entry in step.get("mapping", []):
        _require(MAPPING_FIELDS, entry, f"mapping entry {entry!r}")
    if any(existing["run_id"] == step["run_id"] for existing in steps):
        raise ValueError(f"a step for run {step['run_id']} is already recorded")
    stored = dict(step)
    stored.setdefault("time", _now())
    stored.setdefault("lines_removed", max(step["lines_before"] - step["lines_after"], 0))
    stored.setdefault("lines_added", max(step["lines_after"] - step["lines_before"], 0))
    stored["mapping"] = [dict(entry) for entry in step.get("mapping", [])]
    stored["status"] = "applied"
    return stored


def record_step(root: Path, step: dict[str, Any]) -> dict[str, Any]:
    """Appends ``step`` and merges its mapping; returns the step as stored (defaults filled in).

    Raises ValueError for a step without a required field or a run already recorded, and
    HistoryError when the existing file is unreadable.
    """
    history = load_history(root)
    stored = _validated(step, history["steps"])
    history["steps"].append(stored)
    history["mapping"] = _replay(history["steps"])
    ensure_state_directory(Path(root))
    write_json_atomic(history_path(root), history)
    return stored


def mark_rolled_back(root: Path, run_id: str, time: str | None = None) -> bool:
    """Marks the step of ``run_id`` rolled back and drops its mapping entries (a later live step
    that maps the same name keeps it). False when no live step has that run id."""
    history = load_history(root)
    steps = [s for s in history["steps"] if s.get("run_id") == run_id and s.get("status") != _ROLLED_BACK]
    if not steps:
        return False
    for step in steps:
        step.update(status=_ROLLED_BACK, rolled_back_at=time or _now())
    history["mapping"] = _replay(history["steps"])
    write_json_atomic(history_path(root), history)
    return True


def findings_by_family(codes: Iterable[str]) -> dict[str, int]:
    """Finding counts per family prefix (``PLX101`` counts for ``PLX1``), sorted by family."""
    counts = Counter(family_prefix(code) for code in codes)
    return dict(sorted(counts.items()))
