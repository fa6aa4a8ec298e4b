"""Caching helpers: Redis when it is available, local no-ops otherwise."""

import importlib.util
import os
import sys

HAS_REDIS = importlib.util.find_spec("redis") is not None

if HAS_REDIS:
    from redis import ConnectionPool, Redis
else:
    class Redis:  # [duplicated-fallback-stub]
        pass

    class ConnectionPool:  # [duplicated-fallback-stub]
        pass

try:
    from functools import cache
except ModuleNotFoundError:
    def cache(func):  # stands in for another import than metrics' `timed`: not a copy of it
        return func

try:
    from redis.utils import from_url
except (ImportError, AttributeError):
    # Only one module has this stand-in: nothing to consolidate.
    def from_url(url):
        return None

if sys.platform == "win32":
    # Neither branch imports anything: these are two implementations, not a fallback.
    def sync_file(fd, flags):
        pass
else:
    def sync_file(fd, flags):
        os.fsync(fd)


try:
    from .errors import CacheMissError, CacheFullError
except ImportError:
    class CacheMissError(LookupError):  # [duplicated-fallback-stub]
        message = "Cache miss"
        status_code = 404

    class CacheFullError(LookupError):  # [duplicated-fallback-stub]
        message = "Cache full"
        status_code = 507
