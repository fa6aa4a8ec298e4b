"""Redis, cache and idempotency settings (``PLEXICHAT_REDIS_*``, ``_CACHE_*``, ``_IDEMPOTENCY_*``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, Optional
from urllib.parse import quote_plus

from .validation import check_between, check_port, require


@dataclass
class RedisSettings:
    host: str = ""  # empty: no Redis, in-process caches only
    port: int = 6379
    db: int = 0
    password: str = ""
    ssl: bool = False

    def __post_init__(self) -> None:
        check_port("REDIS_PORT", self.port)
        check_between("REDIS_DB", self.db, 0, 15)

    def url(self, *, mask_password: bool = False) -> Optional[str]:
        if not self.host:
            return None
        scheme = "rediss" if self.ssl else "redis"
        secret = "***" if mask_password else quote_plus(self.password)
        auth = f":{secret}@" if self.password else ""
        return f"{scheme}://{auth}{self.host}:{self.port}/{self.db}"


@dataclass
class CacheSettings:
    default_ttl: int = 300
    max_entries: int = 10_000
    ttl_overrides: Dict[str, int] = field(default_factory=lambda: {"presence": 30, "profile": 900})

    def __post_init__(self) -> None:
        require(self.default_ttl >= 0 and self.max_entries >= 0, "CACHE_DEFAULT_TTL",
                "cache sizes and TTLs cannot be negative")
        bad = [kind for kind, ttl in self.ttl_overrides.items() if not isinstance(ttl, int) or ttl < 0]
        require(not bad, "CACHE_TTL_OVERRIDES", f"TTLs of {', '.join(bad)} must be non-negative integers")

    @property
    def enabled(self) -> bool:
        return self.max_entries > 0 and self.default_ttl > 0

    def ttl_for(self, kind: str) -> int:
        return self.ttl_overrides.get(kind, self.default_ttl)


@dataclass
class IdempotencySettings:
    ttl_seconds: int = 86_400
    in_progress_ttl: int = 60
    shards: int = 16

    def __post_init__(self) -> None:
        require(self.in_progress_ttl < self.ttl_seconds, "IDEMPOTENCY_IN_PROGRESS_TTL",
                "must be shorter than IDEMPOTENCY_TTL_SECONDS")
        require(self.shards >= 1 and not self.shards & (self.shards - 1), "IDEMPOTENCY_SHARDS",
                "must be a power of two")

    def manager_options(self, app_name: str) -> Dict[str, Any]:
        """Keyword arguments for ``IdempotencyManager``."""
        return {"ttl_seconds": self.ttl_seconds, "in_progress_ttl_seconds": self.in_progress_ttl,
                "shards": self.shards, "redis_prefix": f"{app_name.lower()}:idem:"}
