"""Packs of facts in the cache: one per run that extracted facts, merged when there are many
(keeping the newest version of each file), and any damage to one is a miss, never a wrong
answer or an error."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

import pytest

from stub_projects import DUPLICATED_STUBS
from plexilint.config import load_config
from plexilint.engine import cache_packs
from plexilint.engine.cache import CACHE_DIRECTORY, FactsCache
from plexilint.engine.cache_packs import MAX_PACKS, PackSet, PackWriter
from plexilint.runner.project import analyse_project

pytestmark = pytest.mark.usefixtures("project_cache_location")

FILES = {**DUPLICATED_STUBS, "pkg/c.py": "import os\n"}


def analyse(root: Path):
    cache = FactsCache(root)
    analysis = analyse_project(root, load_config(root), cache=cache)
    return [f for path in sorted(analysis.findings) for f in analysis.findings_for(Path(path))], cache.stats


def packs(root: Path) -> list[Path]:
    return sorted((root / CACHE_DIRECTORY).glob("*/facts-*.pack"))


def forget_findings(root: Path) -> None:
    """Removes the projects' findings, so that the next run loads every file's facts."""
    for path in (root / CACHE_DIRECTORY).glob("*/project-*.pickle"):
        path.unlink()


def test_packs_are_merged_once_there_are_many_keeping_each_file_once(project):
    root = project(FILES).resolve()
    analyse(root)
    edited = root / "pkg/c.py"
    for round_number in range(1, MAX_PACKS + 1):
        edited.write_text(f"import os\nVERSION = {round_number}\n", encoding="utf-8")
        findings, stats = analyse(root)
        assert stats.facts_stored == 1
        assert len(packs(root)) == (round_number + 1 if round_number < MAX_PACKS else 1)
    merged = PackSet(packs(root)[0].parent)
    try:
        assert len(merged.packs[0].records) == len(FILES)  # the old versions of c.py are gone
    finally:
        merged.close()
    forget_findings(root)
    again, stats = analyse(root)
    assert (stats.facts_hits, stats.facts_stored) == (len(FILES), 0)  # the newest c.py was kept
    assert again == findings


def _flip(offset: int):
    """Flips one bit at ``offset`` (from the end when negative)."""
    def damage(data: bytes) -> bytes:
        flipped = bytearray(data)
        flipped[offset] ^= 0x01
        return bytes(flipped)
    return damage


def _index_pointing_outside(data: bytes) -> bytes:
    """An index with a valid checksum whose first entry lies beyond the index."""
    trailer = cache_packs._TRAILER
    index_offset, count, _, end = trailer.unpack(data[-trailer.size:])
    index = bytearray(data[index_offset:len(data) - trailer.size])
    file_slot, entry_slot, _, length = cache_packs._RECORD.unpack_from(index)
    cache_packs._RECORD.pack_into(index, 0, file_slot, entry_slot, index_offset, length)
    return (data[:index_offset] + bytes(index)
            + trailer.pack(index_offset, count, hashlib.sha256(bytes(index)).digest(), end))


DAMAGES = {
    "truncated": lambda data: data[: len(data) // 2],
    "empty": lambda data: b"",
    "garbage": lambda data: os.urandom(len(data)),
    "flipped byte in the index": _flip(-cache_packs._TRAILER.size - 3),
    "flipped byte in the trailer": _flip(-10),
    "flipped byte in an entry": _flip(len(cache_packs._MAGIC) + 100),
    "index pointing outside": _index_pointing_outside,
    "trailing bytes": lambda data: data + b"\0",
}


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_a_damaged_pack_is_a_miss(project, damage):
    root = project(FILES).resolve()
    expected, _ = analyse(root)
    assert expected  # the duplicated stub
    [pack] = packs(root)
    pack.write_bytes(DAMAGES[damage](pack.read_bytes()))
    forget_findings(root)
    findings, stats = analyse(root)
    assert findings == expected
    # A flipped byte in one entry loses that entry; any other damage loses the pack.
    assert stats.facts_hits < len(FILES) and stats.facts_hits + stats.facts_stored == len(FILES)
    forget_findings(root)
    findings, stats = analyse(root)
    assert findings == expected and stats.facts_hits == len(FILES)


def test_a_pack_that_cannot_be_written_leaves_nothing_behind(tmp_path, monkeypatch):
    writer = PackWriter(tmp_path / "missing")
    writer.add(b"f" * 16, b"e" * 16, b"data")
    assert writer.finish() == 0
    writer = PackWriter(tmp_path)
    writer.add(b"f" * 16, b"e" * 16, b"data")

    def disk_full(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    assert writer.finish() == 0
    assert list(tmp_path.iterdir()) == []  # neither a pack nor its temporary file


def test_an_abandoned_temporary_pack_is_removed_at_the_next_merge(project):
    root = project(FILES).resolve()
    analyse(root)
    directory = packs(root)[0].parent
    abandoned, recent = directory / ".facts-1-abcdef.tmp", directory / ".facts-2-abcdef.tmp"
    for path in (abandoned, recent):
        path.write_bytes(b"half a pack")
    os.utime(abandoned, (time.time() - 2 * cache_packs.ABANDONED_AFTER_SECONDS,) * 2)
    for round_number in range(MAX_PACKS):
        (root / "pkg/c.py").write_text(f"X = {round_number}\n", encoding="utf-8")
        analyse(root)
    assert len(packs(root)) == 1 and not abandoned.exists() and recent.exists()


def test_a_pack_removed_by_another_run_is_a_miss(project, monkeypatch):
    """Another run merged the packs between this run's listing and its opening them."""
    root = project(FILES).resolve()
    expected, _ = analyse(root)
    listed = packs(root)
    monkeypatch.setattr(cache_packs, "pack_paths", lambda directory: listed)
    for pack in listed:
        pack.unlink()
    forget_findings(root)
    findings, stats = analyse(root)
    assert findings == expected and (stats.facts_hits, stats.facts_stored) == (0, len(FILES))


def test_a_damaged_pack_is_dropped_at_the_next_merge(project):
    root = project(FILES).resolve()
    analyse(root)
    [first] = packs(root)
    first.write_bytes(first.read_bytes()[:-1])
    for round_number in range(MAX_PACKS):
        (root / "pkg/c.py").write_text(f"X = {round_number}\n", encoding="utf-8")
        analyse(root)
    assert len(packs(root)) == 1 and not first.exists()
    forget_findings(root)
    assert analyse(root)[1].facts_hits == len(FILES)


def _sparse_pack(path: Path, index: bytes, size: int) -> None:
    """A pack of ``size`` bytes, mostly a hole: the magic, then ``index`` and a valid trailer at the end."""
    trailer = cache_packs._TRAILER
    index_offset = size - trailer.size - len(index)
    with open(path, "wb") as stream:
        stream.write(cache_packs._MAGIC)
        stream.seek(index_offset)
        stream.write(index)
        stream.write(trailer.pack(index_offset, len(index) // cache_packs._RECORD.size,
                                  hashlib.sha256(index).digest(), cache_packs._END))


@pytest.mark.parametrize("claim", ["an index of a billion records", "an entry of 600 MB"])
def test_a_crafted_pack_claiming_huge_sizes_is_a_miss_without_reading_them(tmp_path, claim):
    path = tmp_path / "facts-0.pack"
    if claim == "an entry of 600 MB":
        entry = 600 * 1024 * 1024
        index = cache_packs._RECORD.pack(b"f" * 16, b"e" * 16, len(cache_packs._MAGIC), entry)
        _sparse_pack(path, index, len(cache_packs._MAGIC) + entry + len(index) + cache_packs._TRAILER.size)
    else:
        trailer = cache_packs._TRAILER
        records = 10 ** 9
        size = len(cache_packs._MAGIC) + records * cache_packs._RECORD.size + trailer.size
        with open(path, "wb") as stream:
            stream.write(cache_packs._MAGIC)
            stream.seek(size - trailer.size)
            stream.write(trailer.pack(len(cache_packs._MAGIC), records, b"\0" * 32, cache_packs._END))
    assert cache_packs.Pack.open(path) is None
