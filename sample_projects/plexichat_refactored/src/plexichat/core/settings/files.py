"""Upload settings (``PLEXICHAT_UPLOAD_DIR``, ``_MAX_UPLOAD_MB``, ``_ALLOWED_EXTENSIONS``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import List

from .validation import check_between


@dataclass
class FileSettings:
    upload_dir: Path = Path("./data/uploads")
    max_upload_mb: int = 25
    allowed_extensions: List[str] = field(default_factory=lambda: ["png", "jpg", "jpeg", "gif", "pdf", "txt"])

    def __post_init__(self) -> None:
        self.allowed_extensions = [extension.lower().lstrip(".") for extension in self.allowed_extensions]
        check_between("MAX_UPLOAD_MB", self.max_upload_mb, 1, 1024)

    @property
    def max_upload_bytes(self) -> int:
        return self.max_upload_mb * 1024 * 1024

    def accepts(self, filename: str, size: int) -> bool:
        extension = Path(filename).suffix.lower().lstrip(".")
        return extension in self.allowed_extensions and 0 < size <= self.max_upload_bytes
