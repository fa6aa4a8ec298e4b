"""Dotted module names from file paths, and relative-import resolution."""

from __future__ import annotations

from pathlib import Path


def module_name_for(path: Path) -> str:
    """``src/pkg/sub/mod.py`` -> ``pkg.sub.mod``: climbs while directories are packages."""
    parts = [] if path.stem == "__init__" else [path.stem]
    directory = path.parent
    while (directory / "__init__.py").is_file() and directory.parent != directory:
        parts.append(directory.name)
        directory = directory.parent
    parts.reverse()
    return ".".join(parts) or path.stem


def resolve_import(module: str, is_package: bool, target: str | None, level: int) -> str | None:
    """Absolute name of ``from <level dots><target> import ...`` inside ``module``."""
    if level == 0:
        return target
    package = module.split(".") if is_package else module.split(".")[:-1]
    if level - 1 > len(package):
        return None
    base = package[: len(package) - (level - 1)]
    if target:
        base = [*base, *target.split(".")]
    return ".".join(base) or None
