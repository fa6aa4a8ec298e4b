"""Multi-tier caching (local + distributed) with pluggable backends."""

import logging

from plexichat.core.config import get_config

logger = logging.getLogger(__name__)

try:
    from .backends import MemcachedBackend, RedisBackend
except ImportError:
    pass

try:
    from .unified_cache import (
        CacheEntry,
        CacheManager,
        DistributedCacheManager,
        cache_clear,
        cache_delete,
        cache_get,
        cache_manager,
        cache_set,
        cached,
        distributed_cache_manager,
    )
except ImportError:
    logger.warning("using fallback caching layer (no distributed cache)")

    class CacheManager:  # type: ignore[no-redef]
        pass

    class DistributedCacheManager:  # type: ignore[no-redef]
        def __init__(self, *args, **kwargs):
            pass

        async def connect(self):
            pass

        async def close(self):
            pass

    class CacheEntry:  # type: ignore[no-redef]
        def __init__(self, **kwargs):
            self.__dict__.update(kwargs)

    cache_manager = None
    distributed_cache_manager = None

    def cache_get(*args, **kwargs):
        return None

    def cache_set(*args, **kwargs):
        return False

    def cache_delete(*args, **kwargs):
        return False

    def cache_clear(*args, **kwargs):
        pass

    def cached(*args, **kwargs):
        def decorator(func):
            return func
        return decorator


def get_backend(kind=None):
    """Instantiate the distributed cache backend named in ``cache.backend``."""
    kind = kind or get_config("cache.backend", "redis")
    if kind == "redis":
        return RedisBackend(url=get_config("cache.redis_url", "redis://localhost:6379/0"))
    if kind == "memcached":
        return MemcachedBackend(servers=get_config("cache.memcached_servers", ["127.0.0.1:11211"]))
    raise ValueError(f"unknown cache backend: {kind}")


__version__ = get_config("system.version", "0.0.0")

__all__ = [
    "CacheEntry",
    "CacheManager",
    "DistributedCacheManager",
    "MemcachedBackend",
    "RedisBackend",
    "cache_clear",
    "cache_delete",
    "cache_get",
    "cache_manager",
    "cache_set",
    "cached",
    "distributed_cache_manager",
    "get_backend",
    "__version__",
]
