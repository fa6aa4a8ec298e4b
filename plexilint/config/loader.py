"""Finding the project root and reading its ``[tool.plexilint]`` table."""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

from plexilint.config.errors import ConfigError
from plexilint.config.options import Config, validate_table

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

PROJECT_MARKER = "pyproject.toml"


def find_project_root(path: Path) -> Path:
    """The nearest ancestor holding a pyproject.toml, else the parent of the top package.

    Every front-end uses this, so a file belongs to the same project whether the CLI walks
    a directory, flake8 is handed one file, or pylint runs with ``-j``.
    """
    path = path.resolve()
    start = path if path.is_dir() else path.parent
    for directory in (start, *start.parents):
        if _is_file(directory / PROJECT_MARKER):
            return directory
    top = start
    while _is_file(top / "__init__.py") and top.parent != top:
        top = top.parent
    return top


def is_loose_directory(root: Path) -> bool:
    """A root that no project declares and that holds far more than one project's code: the
    home directory or a filesystem root, which a loose script (``~/notes.py``) opened in an
    editor would otherwise make a project. Only the files directly in it are analysed."""
    if _is_file(root / PROJECT_MARKER):
        return False
    try:
        home = Path.home().resolve()
    except (RuntimeError, KeyError, OSError):  # no home directory for this user
        home = None
    return root == home or root == Path(root.anchor)


def read_config_file(config_path: Path) -> Config:
    """Reads and validates ``[tool.plexilint]``; raises ConfigError listing every problem."""
    try:
        data = tomllib.loads(config_path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError([f"cannot read configuration: {error.strerror}"], str(config_path)) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError([f"invalid TOML: {error}"], str(config_path)) from None
    except RecursionError:  # the TOML parser recurses once per level of nesting
        raise ConfigError(["invalid TOML: arrays or tables nested too deeply to read"], str(config_path)) from None
    try:
        return _config_from(data, config_path)
    except RecursionError:  # a value nested deep enough for validation or the digest
        raise ConfigError(["a value is nested too deeply to be checked"], str(config_path)) from None


def _config_from(data: dict, config_path: Path) -> Config:
    table: dict = data
    for key in ("tool", "tool.plexilint"):  # `tool = 3` is valid TOML, but no table
        table = table.get(key.rpartition(".")[2], {})
        if not isinstance(table, dict):
            raise ConfigError([f"invalid value for '{key}': {table!r}: expected a table [{key}]"], str(config_path))
    values, problems = validate_table(table)
    if problems:
        raise ConfigError(problems, str(config_path))
    return Config(values, str(config_path))


@lru_cache(maxsize=64)
def _load_cached(config_path: Path, mtime_ns: int) -> Config:
    return read_config_file(config_path)


def load_config(root: Path, explicit: Path | None = None) -> Config:
    """The configuration for a project root (or the explicit ``--config`` file)."""
    config_path = explicit if explicit is not None else root / PROJECT_MARKER
    if explicit is None and not _is_file(config_path):
        return Config()
    if explicit is not None and not _is_file(explicit):
        raise ConfigError(["configuration file not found"], str(explicit))
    try:
        return _load_cached(config_path.resolve(), config_path.stat().st_mtime_ns)
    except (OSError, RuntimeError) as error:  # gone meanwhile, or a symbolic link loop
        raise ConfigError([f"cannot read configuration: {getattr(error, 'strerror', None) or error}"],
                          str(config_path)) from None


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # a folder that cannot be entered: no configuration can be read there
        return False
