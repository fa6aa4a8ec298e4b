"""File storage facade with placeholders for the optional storage backends."""

from enum import Enum
from typing import TYPE_CHECKING, Any

__all__ = [
    "FileCache",
    "FileConfig",
    "FileContext",
    "FileError",
    "FileKind",
    "FileManager",
    "emit_file_event",
    "file_handler",
    "files_health",
]

if TYPE_CHECKING:
    class _StorageLike:
        def __init__(self):
            pass

        def shutdown(self):
            pass


class FileManager:  # [duplicated-fallback-stub]
    def __init__(self) -> None:
        pass

    def shutdown(self) -> None:
        """Nothing to release."""
        pass


class FileContext:  # [duplicated-fallback-stub]
    """Attribute bag for file operations."""

    def __init__(self, **kwargs: Any) -> None:
        self.__dict__.update(kwargs)


class FileConfig:
    """Options for the storage backend, set from keyword arguments."""

    def __init__(self, **options):
        for key, value in options.items():
            setattr(self, key, value)


class FileKind:  # three strings like the priorities, but other members: not a copy of them
    TEXT = "text"
    BINARY = "binary"
    ARCHIVE = "archive"


class FileStatus(Enum):
    PENDING = "pending"
    STORED = "stored"


def emit_file_event(*args: Any, **kwargs: Any) -> None:  # [duplicated-fallback-stub]
    pass


def file_handler(*options, **settings):  # [duplicated-fallback-stub]
    def wrap(handler):
        return handler

    return wrap


class FileError(Exception):  # a real hierarchy: not a stub outside a fallback context
    """Base error of the files package."""

    message = "File operation failed"
    status_code = 404


class FileTimeout(Exception):  # a real hierarchy: not a stub outside a fallback context
    def __init__(self, message="File transfer timed out", status_code=408):
        Exception.__init__(self, message)
        self.status_code = status_code


def files_health(request):  # [duplicated-fallback-stub]
    """Liveness probe."""
    return {"status": "ok", "component": "files"}


class _Missing:
    pass


def on_event(event):
    pass


def passthrough(payload):
    return payload


class FileCache:
    """An actual in-memory cache: real behaviour, not a stub."""

    def __init__(self):
        self._items = {}

    def get(self, key, default=None):
        return self._items.get(key, default)

    def put(self, key, value):
        self._items[key] = value
