"""The project index: the facts of every file of one project, for cross-module rules."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from plexilint.engine.facts import FileFacts


@dataclass
class ProjectIndex:
    root: Path
    files: list[FileFacts]
    by_module: dict[str, FileFacts] = field(init=False)
    by_path: dict[str, FileFacts] = field(init=False)

    def __post_init__(self) -> None:
        self.files.sort(key=lambda f: f.path)
        self.by_module = {}
        self.by_path = {file.path: file for file in self.files}
        for file in self.files:
            # A package's __init__.py and a same-named module cannot both exist; first wins.
            self.by_module.setdefault(file.module, file)

    def module(self, name: str | None) -> FileFacts | None:
        return self.by_module.get(name) if name else None
