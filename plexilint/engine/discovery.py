"""Which files belong to a project: walk the root, skip what never holds project code, and say
which folders were skipped and why (only an explicit `exclude` is silent)."""

from __future__ import annotations

import fnmatch
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath

from plexilint.config.loader import PROJECT_MARKER, is_loose_directory
from plexilint.vcs.git import ignored_paths

PYTHON_SUFFIXES = (".py", ".pyi")
# Never project code, wherever they are.
TOOL_DIRECTORIES = {
    ".git": "version control", ".hg": "version control", ".svn": "version control", ".bzr": "version control",
    ".venv": "virtual environment", "venv": "virtual environment", ".tox": "tox environments",
    ".nox": "nox environments", "__pycache__": "bytecode cache", ".mypy_cache": "tool cache",
    ".pytest_cache": "tool cache", ".ruff_cache": "tool cache", ".plexilint_cache": "plexilint's cache",
    ".plexilint": "plexilint's backups", "node_modules": "JavaScript packages", ".eggs": "build output",
    ".idea": "editor settings", ".vscode": "editor settings",
}
# Build output and installed packages, unless they sit inside a package (pip has a `build`
# sub-package): there they are source code like any other folder.
OUTPUT_DIRECTORIES = {"build": "build output", "dist": "build output", "site-packages": "installed packages"}
SKIPPED_DIRECTORIES = set(TOOL_DIRECTORIES) | set(OUTPUT_DIRECTORIES)
# Skipped without a word: these never hold code anyone would want checked (reporting `.git` on
# every run would only hide the folders worth a look).
_UNREPORTED = {"version control", "bytecode cache", "tool cache", "plexilint's cache", "plexilint's backups",
               "editor settings"}
_INTERPRETERS = ("bin/python", "bin/python3", "Scripts/python.exe")


@dataclass(frozen=True)
class SkippedFolder:
    path: str  # relative to the project root, posix
    reason: str


@dataclass
class Discovery:
    files: list[Path] = field(default_factory=list)
    skipped: list[SkippedFolder] = field(default_factory=list)


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # a folder the user cannot enter: nothing in it can be seen
        return False


def is_virtual_environment(directory: Path) -> bool:
    """A folder with a pyvenv.cfg and an interpreter; a stray pyvenv.cfg in an application
    folder does not make it one."""
    if not _is_file(directory / "pyvenv.cfg"):
        return False
    if any(os.path.lexists(directory / interpreter) for interpreter in _INTERPRETERS):
        return True
    try:
        return any(p.name.startswith("python") for p in (directory / "bin").iterdir())
    except OSError:
        return False


def skip_reason(directory: Path, name: str) -> str | None:
    """Why the folder ``directory/name`` is not searched for project code, or None."""
    child = directory / name
    if name == "venv" and _is_file(child / "__init__.py"):
        return None  # a package named venv (the standard library has one), not an environment
    if name in TOOL_DIRECTORIES:
        return TOOL_DIRECTORIES[name]
    if name in OUTPUT_DIRECTORIES:
        inside_package = _is_file(directory / "__init__.py") or _is_file(child / "__init__.py")
        return None if inside_package else OUTPUT_DIRECTORIES[name]
    if name.endswith(".egg-info"):
        return "package metadata"
    if is_virtual_environment(child):
        return "virtual environment"
    return None


def _is_skipped_directory(directory: Path, name: str) -> bool:
    return skip_reason(directory, name) is not None


class ExcludeGlobs:
    """The `exclude` globs, compiled once: literal names in a set, `*literal` endings in sets by
    length, the others grouped by the literal text before their first wildcard, each group one
    regular expression compiled the first time a path could match it. Thousands of globs cost a
    few lookups per path."""

    def __init__(self, patterns: list[str] | tuple[str, ...]) -> None:
        self.literal: set[str] = set()
        self.suffixes: dict[int, set[str]] = {}  # `*.pyc`: length -> literal endings
        self.by_prefix: dict[str, list[str]] = {}
        for pattern in patterns:
            pattern = os.path.normcase(pattern)
            wildcard = re.search(r"[*?\[]", pattern)
            if wildcard is None:
                self.literal.add(pattern)
            elif pattern.startswith("*") and not re.search(r"[*?\[]", pattern[1:]):
                self.suffixes.setdefault(len(pattern) - 1, set()).add(pattern[1:])
            else:
                self.by_prefix.setdefault(pattern[:wildcard.start()], []).append(pattern)
        self._lengths = sorted({len(prefix) for prefix in self.by_prefix})
        self._compiled: dict[str, re.Pattern[str]] = {}

    def __bool__(self) -> bool:
        return bool(self.literal or self.suffixes or self.by_prefix)

    def _group(self, prefix: str) -> re.Pattern[str]:
        compiled = self._compiled.get(prefix)
        if compiled is None:
            compiled = re.compile("|".join(f"(?:{fnmatch.translate(p)})" for p in self.by_prefix[prefix]))
            self._compiled[prefix] = compiled
        return compiled

    def matches_name(self, name: str) -> bool:
        name = os.path.normcase(name)
        if name in self.literal:
            return True
        if any(len(name) >= length and name[len(name) - length:] in endings
               for length, endings in self.suffixes.items()):
            return True
        for length in self._lengths:
            if length > len(name):
                break
            if name[:length] in self.by_prefix and self._group(name[:length]).match(name):
                return True
        return False

    def excludes(self, relpath: str) -> bool:
        """True when the path or one of its parent directories (or any single part) matches."""
        if not self:
            return False
        path = PurePosixPath(relpath)
        candidates = [relpath, *(p.as_posix() for p in path.parents if p.as_posix() != "."), *path.parts]
        return any(self.matches_name(candidate) for candidate in candidates)


@lru_cache(maxsize=8)
def _compiled(patterns: tuple[str, ...]) -> ExcludeGlobs:
    return ExcludeGlobs(patterns)


def exclude_globs(patterns: list[str]) -> ExcludeGlobs:
    return _compiled(tuple(patterns))


def is_excluded(relpath: str, patterns: list[str]) -> bool:
    """True when the path or one of its parent directories matches an exclude glob."""
    return bool(patterns) and exclude_globs(patterns).excludes(relpath)


def discover(root: Path, exclude: list[str], respect_gitignore: bool = True) -> Discovery:
    """Every Python file of the project rooted at ``root``, sorted, and the folders skipped.

    Sub-directories holding their own pyproject.toml are separate projects and skipped; so
    are all sub-directories of a loose directory (the home directory, a filesystem root), and
    what git ignores (``respect_gitignore``, inside a git work tree). Symlinks, to directories
    or to files, are not followed: no loops, no escaping the root, no file analysed twice under
    two names (a link inside the project points at a file that is analysed where it really is).
    Folders that cannot be read are skipped and reported.
    """
    result = Discovery()
    globs = exclude_globs(exclude)
    ignored = (ignored_paths(root) if respect_gitignore else None) or frozenset()
    recursive = not is_loose_directory(root)

    def unreadable(error: OSError) -> None:
        where = Path(error.filename) if error.filename else root
        relative = where.relative_to(root).as_posix() if where != root else "."
        result.skipped.append(SkippedFolder(relative, f"cannot be read: {(error.strerror or str(error)).lower()}"))

    for directory, subdirectories, filenames in os.walk(root, onerror=unreadable, followlinks=False):
        current = Path(directory)
        if not recursive:
            result.skipped.extend(SkippedFolder(name, "not searched: the folder checked is not a project (no "
                                                      "pyproject.toml), only its own files are")
                                  for name in sorted(subdirectories))
            subdirectories.clear()
        subdirectories[:] = _searched_subdirectories(root, current, subdirectories, globs, ignored, result)
        result.files.extend(_python_files(root, current, filenames, globs, ignored))
    result.files.sort()
    result.skipped.sort(key=lambda folder: folder.path)
    return result


def _searched_subdirectories(root: Path, current: Path, names: list[str], globs: ExcludeGlobs,
                             ignored: frozenset[str], result: Discovery) -> list[str]:
    """The sub-folders of ``current`` to walk into; the others are added to ``result.skipped``
    (unless `exclude` named them, or they never hold code)."""
    kept = []
    for name in sorted(names):
        relative = (current / name).relative_to(root).as_posix()
        if globs.excludes(relative):
            continue  # the user asked for it: not reported
        reason = _folder_skip_reason(current, name, relative, ignored)
        if reason is None:
            kept.append(name)
        elif reason not in _UNREPORTED:
            result.skipped.append(SkippedFolder(relative, reason))
    return kept


def _python_files(root: Path, current: Path, names: list[str], globs: ExcludeGlobs,
                  ignored: frozenset[str]) -> list[Path]:
    found = []
    for name in names:
        if not name.endswith(PYTHON_SUFFIXES):
            continue
        path = current / name
        relative = path.relative_to(root).as_posix()
        if not (path.is_symlink() or relative in ignored or globs.excludes(relative)):
            found.append(path)
    return found


def _folder_skip_reason(parent: Path, name: str, relative: str, ignored: frozenset[str]) -> str | None:
    child = parent / name
    if child.is_symlink():
        return "symbolic link (not followed)"
    reason = skip_reason(parent, name)
    if reason is not None:
        return reason
    if _is_file(child / PROJECT_MARKER):
        return "separate project (has its own pyproject.toml)"
    if relative + "/" in ignored:
        return "ignored by git (.gitignore)"
    return None


def discover_files(root: Path, exclude: list[str], respect_gitignore: bool = True) -> list[Path]:
    """Every Python file of the project rooted at ``root``, sorted (see ``discover``)."""
    return discover(root, exclude, respect_gitignore).files
