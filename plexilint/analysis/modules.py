"""Dotted module names from file paths, as Python's import system gives them, and
relative-import resolution.

A file's name is its path from an *import root*: the project root, or its ``src/`` folder
(the src layout). Regular packages (folders with ``__init__.py``) and PEP 420 namespace
folders (without it) both count, so ``core/database/repo.py`` is ``core.database.repo`` with
or without ``__init__.py`` files. A folder whose name is no identifier (``my-app/``) can only
be a script's folder, put on ``sys.path`` when the script runs: it acts as an import root.
Two files never share a name: when they would, Python imports only one of them (a package
before a module, ``src/`` before the project root) and the others are named by their path.
"""

from __future__ import annotations

import keyword
from collections import defaultdict
from pathlib import Path

SOURCE_FOLDERS = ("src",)


def is_valid_module_name(name: str) -> bool:
    return bool(name) and all(part.isidentifier() and not keyword.iskeyword(part) for part in name.split("."))


class ModuleNamer:
    """Names files under ``root`` (None: only regular packages count, as when a file is looked
    at alone), each folder's dotted prefix computed once."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = root
        # Import roots in the order Python would search them: src/ layout first.
        self.import_roots: tuple[Path, ...] = ()
        if root is not None:
            sources = tuple(root / name for name in SOURCE_FOLDERS
                            if (root / name).is_dir() and not (root / name / "__init__.py").is_file())
            self.import_roots = (*sources, root)
        self._prefixes: dict[Path, tuple[tuple[str, ...], Path]] = {}

    def name(self, path: Path) -> str:
        """The dotted name (possibly not a valid one: see ``distinct_module_names``)."""
        parts, _ = self._prefix(path.parent)
        if path.stem != "__init__":
            parts = (*parts, path.stem)
        return ".".join(parts) or path.stem

    def import_root(self, path: Path) -> Path:
        """The folder the file's name starts from."""
        return self._prefix(path.parent)[1]

    def _prefix(self, directory: Path) -> tuple[tuple[str, ...], Path]:
        """The dotted parts a folder contributes, and the import root it is named from."""
        known = self._prefixes.get(directory)
        if known is None:
            if self._is_package_part(directory):
                parts, top = self._prefix(directory.parent)
                known = ((*parts, directory.name), top)
            else:
                known = ((), directory)
            self._prefixes[directory] = known
        return known

    def _is_package_part(self, directory: Path) -> bool:
        if directory.parent == directory or directory in self.import_roots:
            return False
        if (directory / "__init__.py").is_file():
            return True
        # A namespace folder: inside the project, named as an identifier.
        root = self.root
        return root is not None and root in directory.parents and directory.name.isidentifier() \
            and not keyword.iskeyword(directory.name)


def module_name_for(path: Path, root: Path | None = None) -> str:
    """``pkg/sub/mod.py`` -> ``pkg.sub.mod``. Without ``root``, only regular packages count."""
    return ModuleNamer(root).name(path)


def _path_name(path: Path, root: Path) -> str:
    """The name of a file that has no dotted one: its path (never a valid dotted name)."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def distinct_module_names(paths: list[Path], root: Path) -> dict[Path, str]:
    """A distinct name for every file: its dotted name when it has a valid one that Python
    would import it by, else its path relative to ``root``."""
    namer = ModuleNamer(root)
    order = {folder: position for position, folder in enumerate(namer.import_roots)}
    by_name: dict[str, list[Path]] = defaultdict(list)
    names: dict[Path, str] = {}
    for path in paths:
        name = namer.name(path)
        if is_valid_module_name(name):
            by_name[name].append(path)
        else:
            names[path] = _path_name(path, root)
    for name, holders in by_name.items():
        if len(holders) == 1:
            names[holders[0]] = name
            continue

        def precedence(path: Path) -> tuple[int, int]:
            return order.get(namer.import_root(path), len(order)), 0 if path.stem == "__init__" else 1

        ranked = sorted(holders, key=precedence)
        winner = ranked[0] if precedence(ranked[0]) < precedence(ranked[1]) else None
        for path in holders:
            names[path] = name if path == winner else _path_name(path, root)
    return names


def is_test_file(relpath: str) -> bool:
    """Test code by its path: under `tests/`, `test/`, `*_test/` or `*_tests/`, or named
    `conftest.py`, `test_*.py` or `*_test.py`."""
    *folders, name = relpath.split("/")
    if any(f in ("tests", "test") or f.endswith(("_test", "_tests")) for f in folders):
        return True
    stem = name.rsplit(".", 1)[0]
    return stem == "conftest" or stem.startswith("test_") or stem.endswith("_test")


def resolve_import(module: str, is_package: bool, target: str | None, level: int) -> str | None:
    """Absolute name of ``from <level dots><target> import ...`` inside ``module``."""
    if level == 0:
        return target
    if not is_valid_module_name(module):
        return None  # a file named by its path is in no package
    package = module.split(".") if is_package else module.split(".")[:-1]
    if level - 1 > len(package):
        return None
    base = package[: len(package) - (level - 1)]
    if target:
        base = [*base, *target.split(".")]
    return ".".join(base) or None
