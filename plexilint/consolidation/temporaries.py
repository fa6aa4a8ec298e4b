"""Where a fix's temporary files go, and the removal of those a killed run left behind."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from pathlib import Path

from plexilint.consolidation.atomic import TEMPORARY_SUFFIX, is_leftover
from plexilint.consolidation.state import ensure_state_directory, state_path

_TEMPORARY = "tmp"  # .plexilint/tmp: temporary files of writes in progress (git ignores .plexilint/)


def temporary_directory(root: Path) -> Path | None:
    """.plexilint/tmp, where temporary files go so that git never shows one a killed run left;
    None (beside the target) if it cannot be created."""
    try:
        directory = ensure_state_directory(root) / _TEMPORARY  # with its .gitignore of `*`
        directory.mkdir(exist_ok=True)
    except OSError:
        return None
    return directory


def remove_leftover_temporaries(root: Path, directories: Sequence[Path] = ()) -> list[Path]:
    """Removes the temporary files of runs killed between writing and renaming (in .plexilint/tmp
    and beside the files about to be written); returns them."""
    removed = []
    for directory in {state_path(root) / _TEMPORARY, *directories}:
        try:
            candidates = [p for p in directory.iterdir() if p.name.endswith(TEMPORARY_SUFFIX)]
        except OSError:
            continue
        for candidate in candidates:
            if is_leftover(candidate):
                with contextlib.suppress(OSError):
                    candidate.unlink()
                    removed.append(candidate)
    return removed
