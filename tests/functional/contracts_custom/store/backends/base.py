"""The storage backend base class: plain, not an ABC."""

from __future__ import annotations

import logging
from typing import Optional


class StorageBackend:
    def __init__(self, url: str) -> None:
        self.url = url
        self.last_error: Optional[BaseException] = None
        self.logger = logging.getLogger(type(self).__name__)
