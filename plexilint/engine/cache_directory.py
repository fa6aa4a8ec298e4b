"""The cache directory: created on first write with its `.gitignore`, one sub-directory per
code fingerprint, and the sub-directories of fingerprints nobody uses any more removed."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from plexilint.engine.cache_store import ensure_cache_directory

CACHE_DIRECTORY = ".plexilint_cache"
# Directories of other fingerprints (an older plexilint, an edited checkout) unused this long are
# removed when a new one is created; a version used now and then (pre-commit's pinned one beside
# the editor's) keeps its entries.
STALE_AFTER_SECONDS = 3600


class CacheDirectory:
    def __init__(self, base: Path, fingerprint: str) -> None:
        self.base = base
        self.fingerprint = fingerprint
        self.directory = base / fingerprint
        self._ready: bool | None = None
        self._usable: bool | None = None

    def usable(self) -> bool:
        """False when the cache directory (or this fingerprint's) is a symbolic link: entries
        are neither read nor written through it, wherever it points."""
        if self._usable is None:
            try:
                self._usable = not (self.base.is_symlink() or self.directory.is_symlink())
            except OSError:  # a cache directory out of this user's reach: run without it
                self._usable = False
        return self._usable

    def writable(self) -> bool:
        """Whether entries can be written (created on the first call; a read-only checkout
        simply runs without a cache)."""
        if self._ready is None:
            self._ready = self.usable() and self._prepare()
        return self._ready

    def mark_used(self) -> None:
        # The directory's mtime says when this fingerprint was last used (warm runs write nothing).
        try:
            os.utime(self.directory)
        except OSError:
            pass

    def _prepare(self) -> bool:
        if not ensure_cache_directory(self.base):
            return False
        if self.directory.is_dir():
            self.mark_used()
            return True
        try:
            self.directory.mkdir(exist_ok=True)
        except OSError:
            return False
        self._remove_stale_siblings()
        return True

    def _remove_stale_siblings(self) -> None:
        now = time.time()
        for sibling in self.base.iterdir():
            if sibling == self.directory or not sibling.is_dir() or sibling.is_symlink():
                continue
            try:
                stale = now - sibling.stat().st_mtime > STALE_AFTER_SECONDS
            except OSError:
                continue
            if stale:
                shutil.rmtree(sibling, ignore_errors=True)
