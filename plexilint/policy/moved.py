"""Which names moved, as both PLX501 and `plexilint fix` see them: the fix history's mapping
(what `plexilint fix --apply` recorded), then the user's `[tool.plexilint.moved]` table."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any


def merge_moves(recorded: Iterable[Mapping[str, Any]], configured: Mapping[str, str]) -> dict[str, str]:
    """`"old.module:Name" -> "new.module:Name"` from the history's mapping entries and the
    configured table; the table wins."""
    moved: dict[str, str] = {}
    for entry in recorded:
        # A conditional fallback moved, not the name: the old path still serves the real object.
        if not entry.get("conditional", False):
            moved[f"{entry['old_module']}:{entry['name']}"] = f"{entry['new_module']}:{entry['name']}"
    moved.update(configured)
    return moved
