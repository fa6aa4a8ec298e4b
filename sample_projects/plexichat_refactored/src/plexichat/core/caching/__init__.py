"""Multi-tier caching (local + distributed).

The distributed tier is not implemented yet; its names resolve to the shared
no-op fallbacks. Process-local caching lives in :mod:`plexichat.core.cache`.
"""

from plexichat.core.utils.fallbacks import (
    CacheEntry,
    CacheManager,
    DistributedCacheManager,
    cache_clear,
    cache_delete,
    cache_get,
    cache_set,
    cached,
    get_fallback_instance,
    get_module_version,
)

cache_manager = get_fallback_instance("CacheManager")
distributed_cache_manager = get_fallback_instance("DistributedCacheManager")

__version__ = get_module_version()

__all__ = [
    "CacheEntry",
    "CacheManager",
    "DistributedCacheManager",
    "cache_clear",
    "cache_delete",
    "cache_get",
    "cache_manager",
    "cache_set",
    "cached",
    "distributed_cache_manager",
    "__version__",
]
