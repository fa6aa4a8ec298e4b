"""Which names moved: `[tool.plexilint.moved]` plus what `plexilint fix --apply` recorded."""

from __future__ import annotations

from plexilint.config import Config
from plexilint.engine.index import ProjectIndex
from plexilint.policy.history import HISTORY_PATH, recorded_moves


def _moved_names(index: ProjectIndex, config: Config) -> dict[str, str]:
    # The history as the runner read it (a rule that reads it declares it in `project_files`).
    moved = recorded_moves(index.project_files.read(HISTORY_PATH))
    moved.update(config["moved"])  # the user's table wins
    return moved


def moved_names(index: ProjectIndex, config: Config) -> dict[str, str]:
    """`"old.module:Name" -> "new.module:Name"`, computed once per analysis."""
    return index.derived("consolidation.moved", config.digest, lambda: _moved_names(index, config))
