"""Cache entries on disk: written whole or not at all, read back only when they are intact,
hold nothing but plexilint's own data classes, and carry the key they were written for.

Entries are pickles behind a SHA-256 of their bytes, checked on every read; only regular files
of bounded size are read (a FIFO or a link to a device is a miss, never a hang). The cache lives
in the project, so a cloned repository could ship a crafted one: the unpickler refuses every
global except plexilint's data classes (dataclasses, enums, named tuples) from modules already
imported, so loading an entry can build facts and findings but never call a function. Anything
else (garbage, a flipped byte, a truncated write, another version's classes) reads as a miss and
is rewritten.
"""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import hashlib
import io
import os
import pickle
import secrets
import stat
import sys
from pathlib import Path
from typing import Any, BinaryIO

from plexilint.engine import data_pickle

# https://bford.info/cachedir/: backup and archiving tools skip a directory holding this file.
CACHEDIR_TAG = (b"Signature: 8a477f597d28d172789f06886806bc55\n"
                b"# This file is a cache directory tag created by plexilint.\n"
                b"# For information about cache directory tags, see https://bford.info/cachedir/\n")
GITIGNORE = b"# plexilint's cache: never committed\n*\n"
_TEMPORARY_SUFFIX = ".tmp"
_HEADER = b"plexilint-cache-1\n"
_PREFIX = len(_HEADER) + 32  # the header, then the SHA-256 of the pickle
# Far above any real entry (the standard library's whole-project entry is a few MB); a larger
# file is not one plexilint wrote, and is not read into memory.
MAX_ENTRY_BYTES = 512 * 1024 * 1024


class _DataOnlyUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        found = getattr(sys.modules.get(module), name, None) if module.startswith("plexilint.") else None
        if isinstance(found, type) and found.__module__ == module and _is_data_class(found):
            return found
        raise pickle.UnpicklingError(f"{module}.{name} is not a plexilint data class")


def _is_data_class(cls: type) -> bool:
    return dataclasses.is_dataclass(cls) or issubclass(cls, (enum.Enum, tuple))


def dump_entry(key: Any, payload: Any) -> bytes | None:
    """The bytes of an entry (a header, the SHA-256 of the pickle, the pickle), or None when
    the payload cannot be pickled."""
    try:
        data = data_pickle.dumps((key, payload))
    except Exception:  # noqa: BLE001 - an unpicklable payload is simply not cached
        return None
    return _HEADER + hashlib.sha256(data).digest() + data


def load_entry(data: bytes, key: Any, expected: type) -> Any | None:
    """The payload of an entry written for ``key``, if it is an ``expected``; None for any
    other key or type, or any damage: a single flipped byte fails the checksum."""
    body = data[_PREFIX:]
    if data[:len(_HEADER)] != _HEADER or hashlib.sha256(body).digest() != data[len(_HEADER):_PREFIX]:
        return None
    try:
        stored_key, payload = _DataOnlyUnpickler(io.BytesIO(body)).load()
    except Exception:  # noqa: BLE001 - garbage can raise nearly anything while unpickling
        return None
    return payload if stored_key == key and isinstance(payload, expected) else None


def trusted_payload(data: bytes) -> Any:
    """The payload of an entry this run has just made (``dump_entry``), handed over by one of
    its own worker processes: not read from disk, so neither checked nor restricted."""
    return pickle.loads(data[_PREFIX:])[1]


def open_regular_file(path: Path, limit: int | None = None) -> BinaryIO | None:
    """``path`` open for reading if it is a regular file (not a link, a FIFO, a device), of at
    most ``limit`` bytes when one is given; None otherwise. Never blocks: a FIFO is opened
    without waiting for a writer."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError:
        return None
    try:
        status = os.fstat(descriptor)
        if stat.S_ISREG(status.st_mode) and (limit is None or status.st_size <= limit):
            return os.fdopen(descriptor, "rb")
    except OSError:
        pass
    os.close(descriptor)
    return None


def read_regular_file(path: Path, limit: int = MAX_ENTRY_BYTES) -> bytes | None:
    """The bytes of ``path`` if it is a regular file of at most ``limit`` bytes (see
    `open_regular_file`); None otherwise."""
    stream = open_regular_file(path, limit)
    if stream is None:
        return None
    try:
        with stream:
            data = stream.read(limit + 1)
    except OSError:
        return None
    return data if len(data) <= limit else None


def read_entry(path: Path, key: Any, expected: type) -> Any | None:
    data = read_regular_file(path)
    return None if data is None else load_entry(data, key, expected)


def write_bytes_atomic(path: Path, data: bytes) -> bool:
    """Replaces ``path`` by renaming a complete temporary file over it, so a concurrent reader
    sees the old entry or the new one, never a part. No fsync: a cache entry lost in a crash is
    only a miss. False when the directory is not writable."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}{_TEMPORARY_SUFFIX}")
    try:
        with open(temporary, "xb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        return False
    return True


def write_entry(path: Path, key: Any, payload: Any) -> bool:
    data = dump_entry(key, payload)
    return data is not None and write_bytes_atomic(path, data)


def ensure_cache_directory(directory: Path) -> bool:
    """Creates the cache directory with its ``.gitignore`` (``*``: git never sees it, nor
    offers to commit it) and cache directory tag; False when it cannot be created."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    for name, content in ((".gitignore", GITIGNORE), ("CACHEDIR.TAG", CACHEDIR_TAG)):
        if not (directory / name).is_file():
            write_bytes_atomic(directory / name, content)
    return True
