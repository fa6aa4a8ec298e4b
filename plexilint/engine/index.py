"""The project index: the facts of every file of one project, for cross-module rules, and the
project files (not Python sources) that rules declare they read, as the runner read them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from plexilint.engine.facts import FileFacts


@dataclass(frozen=True)
class DeclaredFiles:
    """The project files that rules declare they read (`Rule.project_files`), as the runner
    read them: rules read these, never the disk."""

    contents: dict[str, bytes | None] = field(default_factory=dict)  # relative posix path -> bytes, None: absent

    def read(self, relpath: str) -> bytes | None:
        """The bytes of a declared project file (None when the project has none)."""
        try:
            return self.contents[relpath]
        except KeyError:
            raise KeyError(f"{relpath} is read by no rule's `project_files`: declare it there") from None


@dataclass
class ProjectIndex:
    root: Path
    files: list[FileFacts]
    project_files: DeclaredFiles = field(default_factory=DeclaredFiles)
    by_module: dict[str, FileFacts] = field(init=False)
    by_path: dict[str, FileFacts] = field(init=False)
    _derived: dict[str, tuple[str, Any]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.files.sort(key=lambda f: f.path)
        self.by_module = {}
        self.by_path = {file.path: file for file in self.files}
        for file in self.files:
            # A package's __init__.py and a same-named module cannot both exist; first wins.
            self.by_module.setdefault(file.module, file)

    def module(self, name: str | None) -> FileFacts | None:
        return self.by_module.get(name) if name else None

    def derived(self, name: str, config_digest: str, build: Callable[[], Any]) -> Any:
        """A project-wide model that several rules share, built once per configuration."""
        cached = self._derived.get(name)
        if cached is None or cached[0] != config_digest:
            cached = self._derived[name] = (config_digest, build())
        return cached[1]
