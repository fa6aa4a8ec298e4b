"""Atomic file writes and content hashes: a file is either its old bytes or its new bytes, never
half of each, even if the process dies mid-write; and a compare-and-swap that replaces a file only
while it still holds the bytes a fix was computed from, so an edit made meanwhile is never lost."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any

TEMPORARY_SUFFIX = ".plexilint-tmp"

# Called with (stage, path) at each step of a compare-and-swap: "before-check" (the new bytes are
# in a temporary file, the target not read yet) and "before-replace" (the target was read and
# matched). Tests set it to edit the target at exactly those moments; None otherwise.
write_hook: Callable[[str, Path], None] | None = None


# Windows cannot rename over a file that is open: there the old file is not read after the swap.
_RENAME_NEEDS_CLOSED_FILES = os.name == "nt"


class ChangedOnDisk(Exception):
    """The file no longer holds the bytes the new content was computed from: someone edited,
    replaced, created or deleted it meanwhile. Nothing was written over their edit."""

    def __init__(self, path: Path, detail: str, unplaced: bytes | None = None) -> None:
        super().__init__(f"{path}: {detail}")
        self.path = path
        self.detail = detail
        self.unplaced = unplaced  # an edit that could not be put back in the file: the caller keeps it


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of ``data`` as 64 lowercase hex digits."""
    return hashlib.sha256(data).hexdigest()


def temporary_name(name: str) -> str:
    """A temporary file's name: hidden, with the writer's process id (so a later run can tell a
    leftover of a killed process from a write in progress) and plexilint's suffix."""
    return f".{name}.{os.getpid()}-{secrets.token_hex(4)}{TEMPORARY_SUFFIX}"


def writer_of(temporary: Path) -> int | None:
    """The process id in a temporary file's name, or None when it is not one of ours."""
    name = temporary.name
    if not name.endswith(TEMPORARY_SUFFIX):
        return None
    stem = name[: -len(TEMPORARY_SUFFIX)].rsplit(".", 1)[-1]
    pid = stem.split("-", 1)[0]
    return int(pid) if pid.isdigit() else None


def is_leftover(temporary: Path) -> bool:
    """A temporary file whose writer is gone (killed between writing and renaming)."""
    pid = writer_of(temporary)
    if pid is None:
        return False
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # alive, but another user's: not ours to remove
        return False
    return False


def _create_temporary(path: Path, directory: Path | None) -> tuple[int, Path]:
    # Beside the target (or in ``directory``, on the same file system), so os.replace is a
    # rename (atomic). Mode 0o666: the kernel applies the umask, so a created file gets the
    # usual permissions.
    place = directory if directory is not None and _same_device(directory, path.parent) else path.parent
    while True:
        temporary = place / temporary_name(path.name)
        try:
            return os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                           0o666), temporary
        except FileExistsError:
            continue


def _same_device(first: Path, second: Path) -> bool:
    try:
        return first.is_dir() and first.stat().st_dev == second.stat().st_dev
    except OSError:
        return False


def _fsync_directory(directory: Path) -> None:
    # Makes the rename itself durable; not every platform can open a directory, which is fine.
    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _write_temporary(path: Path, data: bytes, mode: int | None, directory: Path | None) -> Path:
    descriptor, temporary = _create_temporary(path, directory)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return temporary


def write_atomic(path: Path, data: bytes, mode: int | None = None, temporary_directory: Path | None = None) -> None:
    """Replaces ``path`` with ``data``: temporary file, fsync, permission bits, rename.

    ``mode`` is the permission bits to give the file; None keeps the current file's bits (or
    the umask default for a new file). The temporary file is beside the target, or in
    ``temporary_directory`` when that is on the same file system. On failure the target is
    untouched and the temporary file removed.
    """
    if mode is None and path.exists():
        mode = path.stat().st_mode & 0o7777
    temporary = _write_temporary(path, data, mode, temporary_directory)
    try:
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _fsync_directory(path.parent)


def _run_hook(stage: str, path: Path) -> None:
    if write_hook is not None:
        write_hook(stage, path)


def _read_all(descriptor: int) -> bytes:
    os.lseek(descriptor, 0, os.SEEK_SET)
    chunks = []
    while chunk := os.read(descriptor, 1 << 20):
        chunks.append(chunk)
    return b"".join(chunks)


def replace_if_unchanged(path: Path, expected: bytes | None, data: bytes, mode: int | None = None,
                         temporary_directory: Path | None = None) -> None:
    """Compare-and-swap: replaces ``path`` with ``data`` only while it holds ``expected``
    (None: only while it does not exist). Raises ChangedOnDisk, leaving the file as its editor
    left it, otherwise.

    The file is read through a descriptor right before the rename, and its inode checked to be
    the one at the path; after the rename the old inode is read again, so an editor that wrote
    into the old file during the swap gets its bytes put back (and ChangedOnDisk raised).
    """
    temporary = _write_temporary(path, data, mode, temporary_directory)
    try:
        _run_hook("before-check", path)
        if expected is None:
            _create_exclusively(temporary, path)
        else:
            _swap_if_unchanged(temporary, path, expected, data, mode, temporary_directory)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
    _fsync_directory(path.parent)


def _create_exclusively(temporary: Path, path: Path) -> None:
    try:
        os.link(temporary, path)  # fails if the file appeared meanwhile: never overwrites it
    except FileExistsError:
        raise ChangedOnDisk(path, "created by someone else") from None
    except OSError:  # a file system without hard links: check, then rename
        if os.path.lexists(path):
            raise ChangedOnDisk(path, "created by someone else") from None
        _run_hook("before-replace", path)
        os.replace(temporary, path)


def _swap_if_unchanged(temporary: Path, path: Path, expected: bytes, data: bytes, mode: int | None,
                       temporary_directory: Path | None) -> None:
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0))
    except FileNotFoundError:
        raise ChangedOnDisk(path, "deleted") from None
    try:
        if _read_all(descriptor) != expected:
            raise ChangedOnDisk(path, "edited")
        _run_hook("before-replace", path)
        held, current = os.fstat(descriptor), _stat_or_none(path)
        if current is None or (current.st_ino, current.st_dev) != (held.st_ino, held.st_dev):
            raise ChangedOnDisk(path, "replaced (saved anew)")
        if held.st_size != len(expected):
            raise ChangedOnDisk(path, "edited")
        if _RENAME_NEEDS_CLOSED_FILES:
            os.close(descriptor)
            descriptor = -1
        os.replace(temporary, path)
        late = _read_all(descriptor) if descriptor >= 0 else expected  # the old file, as the rename left it
        if late != expected:
            _put_back_late_edit(path, data, late, mode, temporary_directory)
    finally:
        if descriptor >= 0:
            os.close(descriptor)


def _stat_or_none(path: Path) -> os.stat_result | None:
    try:
        return os.stat(path, follow_symlinks=False)
    except OSError:
        return None


def _put_back_late_edit(path: Path, written: bytes, late: bytes, mode: int | None,
                        temporary_directory: Path | None) -> None:
    """Someone wrote into the old file while it was being replaced: their bytes go back."""
    try:
        replace_if_unchanged(path, written, late, mode, temporary_directory)
    except ChangedOnDisk:
        raise ChangedOnDisk(path, "edited twice (the file holds the later edit)",
                            unplaced=late) from None
    raise ChangedOnDisk(path, "edited during the swap (the edit was put back)")


def write_json_atomic(path: Path, value: Any) -> None:
    """``value`` as indented UTF-8 JSON (keys in insertion order), written atomically."""
    text = json.dumps(value, indent=2, ensure_ascii=False) + "\n"
    write_atomic(path, text.encode("utf-8"))
