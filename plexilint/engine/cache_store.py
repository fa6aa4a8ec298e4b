"""Cache entries on disk: written whole or not at all, read back only when they are intact,
hold nothing but plexilint's own data classes, and carry the key they were written for.

Entries are pickles. The cache lives in the project, so a cloned repository could ship a crafted
one: the unpickler refuses every global except plexilint's data classes (dataclasses, enums,
named tuples) from modules already imported, so loading an entry can build facts and findings
but never call a function. Anything else (garbage, a truncated write, another version's classes)
reads as a miss and is rewritten.
"""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import io
import os
import pickle
import secrets
import sys
from pathlib import Path
from typing import Any

# https://bford.info/cachedir/: backup and archiving tools skip a directory holding this file.
CACHEDIR_TAG = (b"Signature: 8a477f597d28d172789f06886806bc55\n"
                b"# This file is a cache directory tag created by plexilint.\n"
                b"# For information about cache directory tags, see https://bford.info/cachedir/\n")
GITIGNORE = b"# plexilint's cache: never committed\n*\n"
_TEMPORARY_SUFFIX = ".tmp"


class _DataOnlyUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        found = getattr(sys.modules.get(module), name, None) if module.startswith("plexilint.") else None
        if isinstance(found, type) and found.__module__ == module and _is_data_class(found):
            return found
        raise pickle.UnpicklingError(f"{module}.{name} is not a plexilint data class")


def _is_data_class(cls: type) -> bool:
    return dataclasses.is_dataclass(cls) or issubclass(cls, (enum.Enum, tuple))


def dump_entry(key: Any, payload: Any) -> bytes | None:
    """The bytes of an entry, or None when the payload cannot be pickled."""
    try:
        return pickle.dumps((key, payload), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 - an unpicklable payload is simply not cached
        return None


def load_entry(data: bytes, key: Any, expected: type) -> Any | None:
    """The payload of an entry written for ``key``, if it is an ``expected``; None for any
    other key or type, or any damage."""
    try:
        stored_key, payload = _DataOnlyUnpickler(io.BytesIO(data)).load()
    except Exception:  # noqa: BLE001 - garbage can raise nearly anything while unpickling
        return None
    return payload if stored_key == key and isinstance(payload, expected) else None


def read_entry(path: Path, key: Any, expected: type) -> Any | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return load_entry(data, key, expected)


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
