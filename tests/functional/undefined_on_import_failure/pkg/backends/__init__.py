"""Storage backends.  Only the in-memory backend is always available."""

import json

from .memory import MemoryBackend

__all__ = ["MemoryBackend", "encode", "make_backend"]

try:
    from .redis_backend import RedisBackend  # [undefined-on-import-failure]
except ImportError:
    pass

try:
    from .sql import SqlBackend
except ImportError as exc:
    raise RuntimeError("pkg cannot run without its SQL backend") from exc

try:
    from .s3 import S3Backend

    __all__.append("S3Backend")
except ImportError:
    pass

# The standard encoder is bound first; orjson replaces it when installed.
fast_dumps = json.dumps
try:
    from orjson import dumps as fast_dumps
except ImportError:
    pass


def make_backend(url):
    if url.startswith("redis://"):
        return RedisBackend(url)
    if url.startswith("postgresql://"):
        return SqlBackend(url)
    return MemoryBackend()


def encode(record):
    return fast_dumps(record)
