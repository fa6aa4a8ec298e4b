"""Facts entries kept many to a file ("packs"): a run writes one file however many files it
analysed.

Creating a file costs the kernel far more than writing its bytes: one cache file per analysed
file took 0.3 to 0.45 s of CPU time for the standard library's 661 files, a tenth of a cold run;
one pack takes milliseconds. A pack holds the entries one after the other (each keeps its own
checksum and key, see cache_store), then an index of where each lies, then a trailer with the
index's checksum. It is written under a temporary name and renamed once complete, so a reader
sees a whole pack or none.

Each run that extracts facts adds one pack. Once a directory holds more than `MAX_PACKS`, the run
that adds one merges them into one that keeps the newest entry of each file (per set of fact
kinds): packs stay few, and the old versions of an edited file do not pile up.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import struct
import time
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from plexilint.engine.cache_store import MAX_ENTRY_BYTES, open_regular_file

_MAGIC = b"plexilint-facts-pack-1\n"
_RECORD = struct.Struct("<16s16sQQ")  # file slot, entry slot, offset, length
_TRAILER = struct.Struct("<QQ32s8s")  # index offset, number of records, SHA-256 of the index, end mark
_END = b"pack-end"
_TEMPORARY_SUFFIX = ".tmp"
PACK_PATTERN = "facts-*.pack"
MAX_PACKS = 8
# Far above any real pack (the 2,675 files of django, SQLAlchemy and sympy make 2,675 records): a
# larger index is not one plexilint wrote, and is not read into memory.
MAX_RECORDS = 1_000_000
# A temporary pack this old belongs to a run that was killed: the next merge removes it.
ABANDONED_AFTER_SECONDS = 3600


@dataclass(frozen=True, slots=True)
class Record:
    file_slot: bytes  # the file and its fact kinds: a newer entry for the same slot replaces it
    entry_slot: bytes  # the file, its kinds, module name and content: what a lookup asks for
    offset: int
    length: int


class Pack:
    """One pack open for reading (its index read and checked; entries read on demand)."""

    def __init__(self, path: Path, stream: BinaryIO, records: list[Record]) -> None:
        self.path = path
        self.records = records
        self._stream = stream

    @classmethod
    def open(cls, path: Path) -> Pack | None:
        """None for anything but an intact pack (gone, truncated, damaged, not a regular file)."""
        stream = open_regular_file(path)
        if stream is None:
            return None
        try:
            records = _read_index(stream, os.fstat(stream.fileno()).st_size)
        except OSError:
            records = None
        if records is None:
            stream.close()
            return None
        return cls(path, stream, records)

    def read(self, record: Record) -> bytes | None:
        try:
            self._stream.seek(record.offset)
            data = self._stream.read(record.length)
        except (OSError, ValueError):  # ValueError: read after `close`
            return None
        return data if len(data) == record.length else None

    def close(self) -> None:
        self._stream.close()


def _read_index(stream: BinaryIO, size: int) -> list[Record] | None:
    if size < len(_MAGIC) + _TRAILER.size or stream.read(len(_MAGIC)) != _MAGIC:
        return None
    stream.seek(size - _TRAILER.size)
    index_offset, count, checksum, end = _TRAILER.unpack(stream.read(_TRAILER.size))
    if (end != _END or count > MAX_RECORDS or index_offset < len(_MAGIC)
            or index_offset + count * _RECORD.size + _TRAILER.size != size):
        return None
    stream.seek(index_offset)
    index = stream.read(count * _RECORD.size)
    if hashlib.sha256(index).digest() != checksum:
        return None
    records = [Record(*fields) for fields in _RECORD.iter_unpack(index)]
    if any(r.offset < len(_MAGIC) or r.offset + r.length > index_offset or r.length > MAX_ENTRY_BYTES
           for r in records):
        return None
    return records


class PackWriter:
    """A pack being written: created at the first entry, renamed into place by `finish`."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.records: list[Record] = []
        self._stream: BinaryIO | None = None
        self._temporary: Path | None = None
        self._failed = False

    def add(self, file_slot: bytes, entry_slot: bytes, data: bytes) -> None:
        if self._failed:
            return
        try:
            if self._stream is None:
                self._temporary = self.directory / f".facts-{os.getpid()}-{secrets.token_hex(6)}{_TEMPORARY_SUFFIX}"
                self._stream = open(self._temporary, "xb", buffering=1 << 20)
                self._stream.write(_MAGIC)
            offset = self._stream.tell()
            self._stream.write(data)
        except OSError:
            self._abandon()
            return
        self.records.append(Record(file_slot, entry_slot, offset, len(data)))

    def finish(self) -> int:
        """Puts the pack in place; returns how many entries it holds (0 when it could not be written)."""
        if self._stream is None or self._temporary is None:
            return 0
        index = b"".join(_RECORD.pack(r.file_slot, r.entry_slot, r.offset, r.length) for r in self.records)
        try:
            index_offset = self._stream.tell()
            self._stream.write(index)
            self._stream.write(_TRAILER.pack(index_offset, len(self.records), hashlib.sha256(index).digest(), _END))
            self._stream.close()
            # Named by time, so that sorting the names sorts the packs from oldest to newest.
            os.replace(self._temporary, self.directory / f"facts-{time.time_ns():020d}-{secrets.token_hex(4)}.pack")
        except OSError:
            self._abandon()
            return 0
        written = len(self.records)
        self._stream = self._temporary = None
        self.records = []
        return written

    def _abandon(self) -> None:
        self._failed = True
        if self._stream is not None:
            with contextlib.suppress(OSError):
                self._stream.close()
        if self._temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(self._temporary)
        self._stream = self._temporary = None
        self.records = []


class PackSet:
    """Every intact pack of a directory, open for reading: an entry by its slot."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.packs = [pack for pack in map(Pack.open, pack_paths(directory)) if pack is not None]
        self._by_entry = {record.entry_slot: (pack, record) for pack in self.packs for record in pack.records}

    def read(self, entry_slot: bytes) -> bytes | None:
        found = self._by_entry.get(entry_slot)
        return None if found is None else found[0].read(found[1])

    def close(self) -> None:
        for pack in self.packs:
            pack.close()


def pack_paths(directory: Path) -> list[Path]:
    """The directory's packs, oldest first."""
    try:
        return sorted(directory.glob(PACK_PATTERN))
    except OSError:
        return []


def merge_if_many(directory: Path) -> None:
    """Merges the directory's packs into one when there are more than `MAX_PACKS` (a damaged
    one is dropped). Runs sharing the cache may merge at the same time: a pack removed while
    another run reads the cache is a miss for that run (its files are analysed again), never a
    wrong answer."""
    paths = pack_paths(directory)
    if len(paths) <= MAX_PACKS:
        return
    packs = [pack for pack in map(Pack.open, paths) if pack is not None]
    newest = {record.file_slot: (pack, record) for pack in packs for record in pack.records}
    writer = PackWriter(directory)
    for pack, record in newest.values():
        data = pack.read(record)
        if data is not None:
            writer.add(record.file_slot, record.entry_slot, data)
    merged = writer.finish() > 0 or not newest
    for pack in packs:
        pack.close()
    if merged:
        for path in paths:
            with contextlib.suppress(OSError):
                os.unlink(path)
    _remove_abandoned(directory)


def _remove_abandoned(directory: Path) -> None:
    now = time.time()
    for path in directory.glob(f".facts-*{_TEMPORARY_SUFFIX}"):
        with contextlib.suppress(OSError):
            if now - path.stat().st_mtime > ABANDONED_AFTER_SECONDS:
                path.unlink()
