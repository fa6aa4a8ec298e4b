"""The ``.plexilint/`` directory at the project root, where fixes keep backups and history."""

from __future__ import annotations

from pathlib import Path

from plexilint.consolidation.atomic import write_atomic
from plexilint.policy.history import STATE_DIRECTORY

__all__ = ["STATE_DIRECTORY", "ensure_state_directory", "state_path"]
# Backups hold copies of source files and history is per checkout: neither belongs in commits.
_GITIGNORE = b"# plexilint's fix backups and history: never committed\n*\n"


def state_path(root: Path) -> Path:
    """Where the state directory is (it may not exist yet)."""
    return root / STATE_DIRECTORY


def ensure_state_directory(root: Path) -> Path:
    """Creates ``.plexilint/`` with a ``.gitignore`` of ``*`` if needed; returns it."""
    directory = state_path(root)
    directory.mkdir(exist_ok=True)
    ignore = directory / ".gitignore"
    if not ignore.exists():
        write_atomic(ignore, _GITIGNORE)
    return directory
