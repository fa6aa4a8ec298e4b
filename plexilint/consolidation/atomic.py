"""Atomic file writes and content hashes: a file is either its old bytes or its new bytes, never
half of each, even if the process dies mid-write."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
from pathlib import Path
from typing import Any

_TEMPORARY_SUFFIX = ".plexilint-tmp"


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of ``data`` as 64 lowercase hex digits."""
    return hashlib.sha256(data).hexdigest()


def _create_temporary(path: Path) -> tuple[int, Path]:
    # Same directory as the target, so os.replace is a rename on one file system (atomic).
    # Mode 0o666: the kernel applies the umask, so a created file gets the usual permissions.
    while True:
        temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}{_TEMPORARY_SUFFIX}")
        try:
            return os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                           0o666), temporary
        except FileExistsError:
            continue


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


def write_atomic(path: Path, data: bytes, mode: int | None = None) -> None:
    """Replaces ``path`` with ``data``: temporary file beside it, fsync, permission bits, rename.

    ``mode`` is the permission bits to give the file; None keeps the current file's bits (or
    the umask default for a new file). On failure the target is untouched and the temporary
    file removed.
    """
    if mode is None and path.exists():
        mode = path.stat().st_mode & 0o7777
    descriptor, temporary = _create_temporary(path)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _fsync_directory(path.parent)


def write_json_atomic(path: Path, value: Any) -> None:
    """``value`` as indented UTF-8 JSON (keys in insertion order), written atomically."""
    text = json.dumps(value, indent=2, ensure_ascii=False) + "\n"
    write_atomic(path, text.encode("utf-8"))
