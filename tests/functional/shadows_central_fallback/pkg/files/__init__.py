"""File storage."""

import os

USE_SHARED_FALLBACKS = os.environ.get("PKG_SHARED_FALLBACKS", "1") == "1"

if USE_SHARED_FALLBACKS:
    from pkg.utils.fallbacks import FileContext
else:
    class FileContext:  # [shadows-central-fallback]
        def __init__(self, **kwargs):
            self.__dict__.update(kwargs)
