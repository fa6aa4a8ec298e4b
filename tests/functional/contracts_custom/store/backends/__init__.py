"""Backends; the base class is re-exported here."""

from store.backends.base import StorageBackend

__all__ = ["StorageBackend"]
