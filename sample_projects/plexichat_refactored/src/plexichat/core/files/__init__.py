"""File uploads, metadata and storage for PlexiChat."""

import os

from plexichat.core.config import get_config
from plexichat.core.utils.fallbacks import (
    FileManager,
    FileMetadata,
    delete_file,
    get_fallback_instance,
    get_file_metadata,
    get_module_version,
    list_files,
    upload_file,
)

MAX_UPLOAD_BYTES = int(get_config("files.max_upload_mb", 25)) * 1024 * 1024
ALLOWED_EXTENSIONS = frozenset(ext.lower() for ext in get_config("files.allowed_extensions", []))


def is_allowed_extension(filename: str) -> bool:
    """Return True when ``filename`` has an extension listed in ``files.allowed_extensions``."""
    _, ext = os.path.splitext(filename)
    return ext[1:].lower() in ALLOWED_EXTENSIONS


file_manager = get_fallback_instance("FileManager")

__version__ = get_module_version()

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
