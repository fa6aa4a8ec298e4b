"""The files of one project as read for one run: bytes, content hash and module name, which is
everything a cache key needs (reading and hashing every file costs about 1% of parsing it)."""

from __future__ import annotations

import errno
import stat
from collections.abc import Iterable
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
        return FileFacts(self.posix, self.relpath, self.module, self.path.name == "__init__.py", "",
                         parse_failure=ParseFailure(1, 0, self.read_error, "unreadable"))


def read_file_bytes(path: Path) -> bytes:
    """A file's bytes; OSError for anything but a regular file (a FIFO named `x.py` would block
    the read forever, a device never end it)."""
    if not stat.S_ISREG(path.stat().st_mode):
        raise OSError(errno.EINVAL, "not a regular file", str(path))
    return path.read_bytes()


def read_project_files(root: Path, relpaths: Iterable[str]) -> dict[str, bytes | None]:
    """The bytes of each file (relative posix path under ``root``); None for one that is
    missing or unreadable."""
    found: dict[str, bytes | None] = {}
    for relpath in relpaths:
        try:
            found[relpath] = read_file_bytes(root / relpath)
        except OSError:
            found[relpath] = None
    return found


def read_source(path: Path, root: Path, module: str, buffer: bytes | None = None) -> SourceFile:
    """``module``: the file's name among the project's (``distinct_module_names``)."""
    relpath = path.relative_to(root).as_posix()
    if buffer is not None:
        return SourceFile(path, relpath, module, buffer, content_digest(buffer), from_buffer=True)
    try:
        data = read_file_bytes(path)
    except OSError as error:
        return SourceFile(path, relpath, module, None, "",
                          read_error=f"cannot read the file: {error.strerror or error}")
    return SourceFile(path, relpath, module, data, content_digest(data))
