"""Backends that keep the contract, and what the contract switches off."""

from __future__ import annotations

import sqlite3
from typing import Dict, Optional

from store.backends import StorageBackend


class MemoryBackend(StorageBackend):
    # No docstrings anywhere and no super().__init__: document-methods and
    # require-super-init are off for this contract, so PLX311 and PLX304 stay silent.
    def __init__(self) -> None:
        self.data: Dict[str, bytes] = {}
        self.last_error = None

    async def connect(self) -> bool:
        return True

    def put(self, key, value) -> None:
        self.data[key] = value

    async def close(self) -> bool:
        try:
            self.data.clear()
            return True
        except Exception as error:
            self.last_error = error
            return False


class SqliteBackend(StorageBackend):
    # A database driver, but the contract has no permissions: PLX306 stays silent.
    def __init__(self, path: str) -> None:
        super().__init__(f"sqlite:///{path}")
        self.path = path
        self.connection: Optional[sqlite3.Connection] = None

    async def connect(self) -> bool:
        self.connection = sqlite3.connect(self.path)
        return True

    def put(self, key, value) -> None:
        self.connection.execute("insert or replace into kv values (?, ?)", (key, value))
