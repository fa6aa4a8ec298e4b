"""A class named BaseModule: the overridden table no longer covers `*.BaseModule`."""

from __future__ import annotations


class BaseModule:
    def initialize(self) -> bool:
        return True


class OldPlugin(BaseModule):
    # Would break the preset (no metadata, no permissions, sync initialize), but neither
    # table covers it: the storage contract's base is StorageBackend, the extension
    # contract's base replaces the preset's `*.BaseModule`.
    def initialize(self) -> bool:
        return True
