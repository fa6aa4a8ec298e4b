"""The projects the open documents belong to, each with its configuration or the error that
keeps it from being analysed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from plexilint.config import Config, ConfigError, find_project_root, read_config_file
from plexilint.config.loader import PROJECT_MARKER
from plexilint.runner.codes import validate_selection


@dataclass(frozen=True)
class Project:
    root: Path
    config: Config | None  # None while the configuration is invalid
    error: ConfigError | None = None


def read_project_config(root: Path) -> Config:
    """The project's configuration, read afresh (a reload must not see an older file with the
    same modification time); raises ConfigError like `plexilint check` does."""
    marker = root / PROJECT_MARKER
    config = read_config_file(marker) if marker.is_file() else Config()
    problems = validate_selection(config)
    if problems:
        raise ConfigError(problems, config.source)
    return config


def load_project(root: Path) -> Project:
    try:
        return Project(root, read_project_config(root))
    except ConfigError as error:
        return Project(root, None, error)


class Projects:
    """Project roots by document, and each root's configuration, until the next reload."""

    def __init__(self) -> None:
        self._roots: dict[Path, Path] = {}  # document -> project root
        self._projects: dict[Path, Project] = {}

    def root_of(self, document: Path) -> Path:
        root = self._roots.get(document)
        if root is None:
            root = self._roots[document] = find_project_root(document)
        return root

    def project(self, root: Path) -> tuple[Project, bool]:
        """The project at ``root`` and whether it was loaded by this call."""
        known = self._projects.get(root)
        if known is not None:
            return known, False
        project = self._projects[root] = load_project(root)
        return project, True

    def forget(self) -> None:
        """After a configuration file changed: roots may move, configurations change."""
        self._roots.clear()
        self._projects.clear()
