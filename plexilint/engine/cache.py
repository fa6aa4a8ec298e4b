"""The on-disk cache, ``.plexilint_cache/`` at the project root (or ``$PLEXILINT_CACHE_DIR``).

Two kinds of entries, in a directory per code fingerprint (plexilint's source, version, Python):

- per file, the facts of one file: keyed by its path, module name, content hash and the fact
  kinds asked for. Facts depend on nothing else (extraction never reads the configuration), so
  a changed configuration keeps them. They are kept many to a file, one "pack" per run that
  extracted facts (see cache_packs).
- per project, the findings of a whole run: keyed by every file's path, module and content hash,
  the configuration, the extra fact kinds and the project files the enabled rules read (the fix
  history). A re-run on an unchanged project loads this one entry: no file is parsed, no facts
  are loaded.

Each entry holds the full key it was computed for, checked on reading. A project's findings have a
fixed file name (the hash of the project and configuration), so a new entry replaces the old one;
the facts of a new version of a file replace the old ones when packs are merged. Files are
replaced atomically and entries validated when read (see cache_store), so runs sharing the cache
need no lock.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from plexilint.config import Config
from plexilint.engine import cache_store
from plexilint.engine.cache_directory import CACHE_DIRECTORY, CacheDirectory
from plexilint.engine.cache_packs import PackSet, PackWriter, merge_if_many
from plexilint.engine.facts import FileFacts
from plexilint.engine.fingerprint import code_fingerprint


def _slot(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:32]


def _file_slot(path: str, kinds: frozenset[str]) -> bytes:
    return hashlib.sha256("\0".join((path, *sorted(kinds))).encode()).digest()[:16]


def _entry_slot(path: str, module: str, digest: str, kinds: frozenset[str]) -> bytes:
    return hashlib.sha256("\0".join((path, module, digest, *sorted(kinds))).encode()).digest()[:16]


@dataclass
class CacheStats:
    """What one run found in the cache (tests and the benchmark read it)."""

    facts_hits: int = 0
    facts_stored: int = 0
    project_hit: bool = False


# Where to keep the cache instead of `<root>/.plexilint_cache` (a read-only checkout, a CI cache
# step, a test run). One directory serves several projects, each in its own sub-directory: the
# facts hold paths relative to their project's root, so two roots never share entries.
CACHE_DIR_VARIABLE = "PLEXILINT_CACHE_DIR"


def cache_base(root: Path) -> Path:
    chosen = os.environ.get(CACHE_DIR_VARIABLE)
    if not chosen:
        return root / CACHE_DIRECTORY
    return Path(chosen).expanduser().resolve() / f"{root.name or 'root'}-{_slot(root.as_posix())[:12]}"


class FactsCache:
    def __init__(self, root: Path) -> None:
        self.place = CacheDirectory(cache_base(root), code_fingerprint())
        self.directory = self.place.directory
        self.stats = CacheStats()
        self._packs: PackSet | None = None  # opened at the first lookup
        self._writer = PackWriter(self.directory)

    # Per-file facts.

    @staticmethod
    def facts_key(path: str, module: str, digest: str, kinds: frozenset[str]) -> tuple:
        return ("facts", path, module, digest, tuple(sorted(kinds)))

    def load_facts(self, path: str, module: str, digest: str, kinds: frozenset[str]) -> FileFacts | None:
        if not self.place.usable():
            return None
        if self._packs is None:
            self._packs = PackSet(self.directory)
        data = self._packs.read(_entry_slot(path, module, digest, kinds))
        key = self.facts_key(path, module, digest, kinds)
        facts = None if data is None else cache_store.load_entry(data, key, FileFacts)
        if facts is not None:
            self.stats.facts_hits += 1
        return facts

    def store_facts(self, path: str, module: str, digest: str, kinds: frozenset[str], facts: FileFacts) -> bytes | None:
        """Adds the facts to this run's pack (written by `flush`). Returns the entry's bytes
        (None if the facts cannot be pickled)."""
        data = cache_store.dump_entry(self.facts_key(path, module, digest, kinds), facts)
        if data is not None:
            self.store_entry(path, module, digest, kinds, data)
        return data

    def store_entry(self, path: str, module: str, digest: str, kinds: frozenset[str], data: bytes) -> None:
        """Adds an entry an extraction worker made (`dump_entry` with `facts_key`) to this run's pack."""
        if self.place.writable():
            self._writer.add(_file_slot(path, kinds), _entry_slot(path, module, digest, kinds), data)

    def flush(self) -> None:
        """Puts this run's pack in place (merging the packs when there are many) and closes
        the packs read so far; a later lookup opens them again."""
        stored = self._writer.finish()
        self.stats.facts_stored += stored
        if self._packs is not None:
            self._packs.close()
            self._packs = None
        if stored:
            merge_if_many(self.directory)

    # Whole-project findings.

    def project_path(self, root: str, config_digest: str, extra_facts: frozenset[str]) -> Path:
        return self.directory / f"project-{_slot(root, config_digest, *sorted(extra_facts))}.pickle"

    def load_project(self, slot: Path, key: str) -> tuple | None:
        payload = cache_store.read_entry(slot, key, tuple) if self.place.usable() else None
        self.stats.project_hit = payload is not None
        if payload is not None:
            self.place.mark_used()
        return payload

    def store_project(self, slot: Path, key: str, payload: tuple) -> None:
        if self.place.writable():
            cache_store.write_entry(slot, key, payload)


def cache_for(root: Path, config: Config, enabled: bool = True) -> FactsCache | None:
    """The project's cache, unless the command line (``enabled``) or `cache = false` says no."""
    return FactsCache(root) if enabled and config["cache"] else None


def project_key(root: str, config_digest: str, extra_facts: frozenset[str], files: list[tuple[str, str, str]],
                project_files: dict[str, bytes | None]) -> str:
    """Everything a project's findings depend on: the code (the entry's directory), the files
    (path, module, content hash), the configuration, the extra facts and the project files the
    enabled rules read (relative path -> bytes, None when absent; e.g. the fix history)."""
    digest = hashlib.sha256()
    for part in (root, config_digest, ",".join(sorted(extra_facts))):
        digest.update(part.encode() + b"\0")
    for relpath, data in sorted(project_files.items()):
        digest.update(relpath.encode() + b"\0" + (hashlib.sha256(data).digest() if data is not None else b"none"))
    for path, module, content in files:
        digest.update(f"{path}\0{module}\0{content}\n".encode())
    return digest.hexdigest()
