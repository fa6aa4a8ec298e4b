"""The files of one project as read for one run: bytes, content hash and module name, which is
everything a cache key needs (reading and hashing every file costs about 1% of parsing it)."""

from __future__ import annotations

import errno
import stat
from dataclasses import dataclass
from pathlib import Path

from plexilint.engine.facts import FileFacts, ParseFailure, content_digest


@dataclass
class SourceFile:
    path: Path  # absolute
    relpath: str  # relative to the project root, posix form
    module: str
    data: bytes | None  # None: the file could not be read
    digest: str  # sha256 of data ("" when unreadable)
    read_error: str = ""
    from_buffer: bool = False  # an editor's unsaved buffer, not what is on disk

    @property
    def posix(self) -> str:
        return self.path.as_posix()

    def unreadable_facts(self) -> FileFacts:
        return FileFacts(self.posix, self.relpath, self.path.stem, False, "",
                         parse_failure=ParseFailure(1, 0, self.read_error, "unreadable"))


class ModuleNames:
    """``module_name_for`` (analysis.modules) with each directory's package looked up once: a
    cached run's cost is mostly such lookups, repeated for every file of a directory."""

    def __init__(self) -> None:
        self._packages: dict[Path, tuple[str, ...]] = {}

    def module_for(self, path: Path) -> str:
        parts = self._package(path.parent)
        if path.stem != "__init__":
            parts = (*parts, path.stem)
        return ".".join(parts) or path.stem

    def _package(self, directory: Path) -> tuple[str, ...]:
        """The dotted parts of the package a directory is (empty when it is none)."""
        known = self._packages.get(directory)
        if known is None:
            is_package = (directory / "__init__.py").is_file() and directory.parent != directory
            known = (*self._package(directory.parent), directory.name) if is_package else ()
            self._packages[directory] = known
        return known


def read_file_bytes(path: Path) -> bytes:
    """A file's bytes; OSError for anything but a regular file (a FIFO named `x.py` would block
    the read forever, a device never end it)."""
    if not stat.S_ISREG(path.stat().st_mode):
        raise OSError(errno.EINVAL, "not a regular file", str(path))
    return path.read_bytes()


def read_source(path: Path, root: Path, modules: ModuleNames, buffer: bytes | None = None) -> SourceFile:
    relpath = path.relative_to(root).as_posix()
    module = modules.module_for(path)
    if buffer is not None:
        return SourceFile(path, relpath, module, buffer, content_digest(buffer), from_buffer=True)
    try:
        data = read_file_bytes(path)
    except OSError as error:
        return SourceFile(path, relpath, module, None, "",
                          read_error=f"cannot read the file: {error.strerror or error}")
    return SourceFile(path, relpath, module, data, content_digest(data))
