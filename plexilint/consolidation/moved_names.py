"""Names earlier fix runs moved, and those `[tool.plexilint.moved]` lists: imports through their
old paths are retargeted (and get shims with `--shims`)."""

from __future__ import annotations

from plexilint.config import Config
from plexilint.consolidation.history import HistoryError, load_history
from plexilint.engine.index import ProjectIndex
from plexilint.policy.moved import merge_moves


def moved_names(index: ProjectIndex, config: Config) -> dict[str, str]:
    """`"old.module:Name" -> "new.module:Name"`, the same answer PLX501 reports from."""
    try:
        mapping = load_history(index.root)["mapping"]
    except (HistoryError, OSError, ValueError, KeyError):
        mapping = []  # `plexilint progress` reports a broken history; the fix goes on without it
    return merge_moves(mapping, config["moved"])
