"""Cache settings: three integers, like the rate limits, but other settings."""

from __future__ import annotations


class CacheSettings:
    TTL = 300
    MAX_ENTRIES = 10000
    SHARDS = 4


class Priority:
    LOW = 1
    HIGH = 2
