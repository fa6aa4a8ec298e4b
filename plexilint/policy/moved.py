"""Which names moved, as both PLX501 and `plexilint fix` see them: what `plexilint fix --apply`
recorded in the fix history (its bytes as the runner read them), then the user's
`[tool.plexilint.moved]` table."""

from __future__ import annotations

from collections.abc import Mapping

from plexilint.config import Config
from plexilint.engine.index import ProjectIndex
from plexilint.policy.history import HISTORY_PATH, recorded_moves


def merge_moves(history: bytes | None, configured: Mapping[str, str]) -> dict[str, str]:
    """`"old.module:Name" -> "new.module:Name"` from the history's bytes (None: no history) and
    the configured table; the table wins."""
    moved = recorded_moves(history)
    moved.update(configured)
    return moved


def moved_names(index: ProjectIndex, config: Config) -> dict[str, str]:
    """What moved in the project of ``index``, computed once per analysis. A rule reading it
    declares the history in its `project_files`; every index carries the declared files."""
    return index.derived("consolidation.moved", config.digest,
                         lambda: merge_moves(index.project_files.read(HISTORY_PATH), config["moved"]))
