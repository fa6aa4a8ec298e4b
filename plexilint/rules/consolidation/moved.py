"""Which names moved: `[tool.plexilint.moved]` plus what `plexilint fix --apply` recorded."""

from __future__ import annotations

from plexilint.config import Config
from plexilint.consolidation.history import HistoryError, load_history
from plexilint.engine.index import ProjectIndex
from plexilint.policy.moved import merge_moves


def _moved_names(index: ProjectIndex, config: Config) -> dict[str, str]:
    try:
        mapping = load_history(index.root)["mapping"]
    except (HistoryError, OSError, ValueError, KeyError):
        mapping = []  # `plexilint progress` reports a broken history; linting goes on without it
    return merge_moves(mapping, config["moved"])


def moved_names(index: ProjectIndex, config: Config) -> dict[str, str]:
    """`"old.module:Name" -> "new.module:Name"`, computed once per analysis."""
    return index.derived("consolidation.moved", config.digest, lambda: _moved_names(index, config))
