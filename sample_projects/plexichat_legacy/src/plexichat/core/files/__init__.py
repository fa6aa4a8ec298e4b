"""File uploads, metadata and storage for PlexiChat."""

import logging
import os

from plexichat.core.config import get_config

logger = logging.getLogger(__name__)

MAX_UPLOAD_BYTES = int(get_config("files.max_upload_mb", 25)) * 1024 * 1024
ALLOWED_EXTENSIONS = frozenset(ext.lower() for ext in get_config("files.allowed_extensions", []))


def is_allowed_extension(filename: str) -> bool:
    """Return True when ``filename`` has an extension listed in ``files.allowed_extensions``."""
    _, ext = os.path.splitext(filename)
    return ext[1:].lower() in ALLOWED_EXTENSIONS


try:
    from .manager import FileManager, FileMetadata, file_manager
    from .operations import delete_file, get_file_metadata, list_files, upload_file
except ImportError as e:
    logger.warning(f"using fallback file manager: {e}")

    class FileManager:
        """Fallback file manager (storage backend not available)."""

        def __init__(self):
            pass

    class FileMetadata:
        def __init__(self, **kwargs):
            self.__dict__.update(kwargs)

    file_manager = None

    def upload_file(*args, **kwargs):
        return None

    def get_file_metadata(*args, **kwargs):
        return None

    def delete_file(*args, **kwargs):
        return False

    def list_files(*args, **kwargs):
        return []


__version__ = get_config("system.version", "0.0.0")

__all__ = [
    "ALLOWED_EXTENSIONS",
    "MAX_UPLOAD_BYTES",
    "FileManager",
    "FileMetadata",
    "file_manager",
    "upload_file",
    "get_file_metadata",
    "delete_file",
    "list_files",
    "is_allowed_extension",
    "__version__",
]
