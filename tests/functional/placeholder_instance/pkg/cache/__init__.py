"""Caching.  Lazy singletons and optional modules: none of these is a placeholder."""

try:
    import ujson
except ImportError:
    ujson = None

__all__ = ["CacheManager", "DEFAULT_CLIENT", "get_cache_manager", "get_instance"]

DEFAULT_TIMEOUT = None
DEFAULT_CLIENT = None


class CacheManager:
    def __init__(self):
        self._store = {}

    def dumps(self, value):
        return ujson.dumps(value) if ujson is not None else repr(value)


cache_manager = None
_instance = None


def get_cache_manager():
    global cache_manager
    if cache_manager is None:
        cache_manager = CacheManager()
    return cache_manager


def get_instance():
    global _instance
    if _instance is None:
        _instance = object()
    return _instance


def connect(url):
    client = None
    if url:
        client = url.split("://", 1)
    return client
