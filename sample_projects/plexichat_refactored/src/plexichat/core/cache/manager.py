"""Thread-safe TTL + LRU cache."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Callable, Hashable, Optional, Tuple

from plexichat.core.config import get_config

_MISSING = object()


@dataclass
class CacheStats:
    hits: int = 0
    misses: int = 0
    evictions: int = 0
    expirations: int = 0

    @property
    def hit_ratio(self) -> float:
        total = self.hits + self.misses
        return self.hits / total if total else 0.0


class CacheManager:
    """Bounded mapping whose entries expire after ``ttl`` seconds.

    When full, the least recently used entry is evicted.
    """

    def __init__(
        self,
        max_entries: Optional[int] = None,
        default_ttl: Optional[float] = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_entries = max_entries or int(get_config("cache.max_entries", 10_000))
        self.default_ttl = default_ttl if default_ttl is not None else float(get_config("cache.default_ttl", 300))
        self._clock = clock
        self._data: "OrderedDict[Hashable, Tuple[float, Any]]" = OrderedDict()
        self._lock = threading.RLock()
        self.stats = CacheStats()

    def get(self, key: Hashable, default: Any = None) -> Any:
        with self._lock:
            item = self._data.get(key, _MISSING)
            if item is _MISSING:
                self.stats.misses += 1
                return default
            expires_at, value = item
            if expires_at <= self._clock():
                del self._data[key]
                self.stats.expirations += 1
                self.stats.misses += 1
                return default
            self._data.move_to_end(key)
            self.stats.hits += 1
            return value

    def set(self, key: Hashable, value: Any, ttl: Optional[float] = None) -> None:
        expires_at = self._clock() + (self.default_ttl if ttl is None else ttl)
        with self._lock:
            self._data[key] = (expires_at, value)
            self._data.move_to_end(key)
            while len(self._data) > self.max_entries:
                self._data.popitem(last=False)
                self.stats.evictions += 1

    def get_or_set(self, key: Hashable, factory: Callable[[], Any], ttl: Optional[float] = None) -> Any:
        value = self.get(key, _MISSING)
        if value is _MISSING:
            value = factory()
            self.set(key, value, ttl)
        return value

    def delete(self, key: Hashable) -> bool:
        with self._lock:
            return self._data.pop(key, _MISSING) is not _MISSING

    def clear(self) -> None:
        with self._lock:
            self._data.clear()

    def purge_expired(self) -> int:
        now = self._clock()
        with self._lock:
            expired = [key for key, (expires_at, _) in self._data.items() if expires_at <= now]
            for key in expired:
                del self._data[key]
            self.stats.expirations += len(expired)
        return len(expired)

    def __len__(self) -> int:
        return len(self._data)


cache_manager = CacheManager()


def get_cache_manager() -> CacheManager:
    return cache_manager
