"""In-process cache used by services that need short-lived memoisation."""

from .manager import CacheManager, CacheStats, cache_manager, get_cache_manager

__all__ = ["CacheManager", "CacheStats", "cache_manager", "get_cache_manager"]
