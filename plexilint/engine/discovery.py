"""Which files belong to a project: walk the root, skip what never holds project code."""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path, PurePosixPath

from plexilint.config.loader import PROJECT_MARKER, is_loose_directory

PYTHON_SUFFIXES = (".py", ".pyi")
SKIPPED_DIRECTORIES = {
    ".git", ".hg", ".svn", ".bzr", ".venv", "venv", ".tox", ".nox", "__pycache__", ".mypy_cache",
    ".pytest_cache", ".ruff_cache", ".plexilint_cache", ".plexilint", "node_modules", "build",
    "dist", "site-packages", ".eggs", ".idea", ".vscode",
}


def _is_skipped_directory(directory: Path, name: str) -> bool:
    if name == "venv" and (directory / name / "__init__.py").is_file():
        return False  # a package named venv (the standard library has one), not an environment
    return (
        name in SKIPPED_DIRECTORIES
        or name.endswith(".egg-info")
        or (directory / name / "pyvenv.cfg").is_file()  # any virtual environment
    )


def is_excluded(relpath: str, patterns: list[str]) -> bool:
    """True when the path or one of its parent directories matches an exclude glob."""
    if not patterns:
        return False
    path = PurePosixPath(relpath)
    candidates = [relpath, *(p.as_posix() for p in path.parents if p.as_posix() != ".")]
    candidates += list(path.parts)
    return any(fnmatch.fnmatch(candidate, pattern) for candidate in candidates for pattern in patterns)


def discover_files(root: Path, exclude: list[str]) -> list[Path]:
    """Every Python file of the project rooted at ``root``, sorted.

    Sub-directories holding their own pyproject.toml are separate projects and skipped; so
    are all sub-directories of a loose directory (the home directory, a filesystem root).
    Symlinks, to directories or to files, are not followed: no loops, no escaping the root, no
    file analysed twice under two names (a link inside the project points at a file that is
    analysed where it really is).
    """
    found: list[Path] = []
    recursive = not is_loose_directory(root)
    for directory, subdirectories, filenames in os.walk(root, followlinks=False):
        if not recursive:
            subdirectories.clear()
        current = Path(directory)
        kept = []
        for name in subdirectories:
            child = current / name
            relative = child.relative_to(root).as_posix()
            if _is_skipped_directory(current, name) or (child / PROJECT_MARKER).is_file():
                continue
            if is_excluded(relative, exclude):
                continue
            kept.append(name)
        subdirectories[:] = sorted(kept)
        for name in filenames:
            if not name.endswith(PYTHON_SUFFIXES):
                continue
            path = current / name
            if path.is_symlink() or is_excluded(path.relative_to(root).as_posix(), exclude):
                continue
            found.append(path)
    return sorted(found)
