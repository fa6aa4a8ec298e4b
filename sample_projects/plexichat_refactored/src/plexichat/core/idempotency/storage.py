"""Where records live: a sharded in-process LRU, mirrored to Redis when one is configured.

Redis is an optimisation shared by every worker: when it fails, the memory tier
keeps working and the failure is only counted and logged.
"""

from __future__ import annotations

import hashlib
import logging
from collections import OrderedDict
from typing import Any, Callable, Iterator, List, Optional

from .metrics import IdempotencyMetrics
from .models import IdempotencyRecord
from .serialization import decode_record, encode_record

logger = logging.getLogger(__name__)


def shard_index(key: str, shard_count: int) -> int:
    """Stable shard of ``key`` (the same in every worker, unlike ``hash()``)."""
    digest = hashlib.blake2b(key.encode("utf-8"), digest_size=4).digest()
    return int.from_bytes(digest, "big") % shard_count


class MemoryShards:
    """Bounded LRU shards; a running request's record is never evicted."""

    def __init__(self, shard_count: int, max_entries_per_shard: int, metrics: IdempotencyMetrics,
                 clock: Callable[[], float]) -> None:
        self._shards: List["OrderedDict[str, IdempotencyRecord]"] = [OrderedDict() for _ in range(shard_count)]
        self._max_entries = max_entries_per_shard
        self._metrics = metrics
        self._clock = clock

    def _shard(self, key: str) -> "OrderedDict[str, IdempotencyRecord]":
        return self._shards[shard_index(key, len(self._shards))]

    def get(self, key: str) -> Optional[IdempotencyRecord]:
        shard = self._shard(key)
        record = shard.get(key)
        if record is not None:
            shard.move_to_end(key)
        return record

    def put(self, record: IdempotencyRecord) -> None:
        shard = self._shard(record.key)
        shard[record.key] = record
        shard.move_to_end(record.key)
        while len(shard) > self._max_entries and self._evict_oldest(shard):
            self._metrics.evicted += 1

    def _evict_oldest(self, shard: "OrderedDict[str, IdempotencyRecord]") -> bool:
        oldest_key, oldest = next(iter(shard.items()))
        if not oldest.is_final and not oldest.is_expired(self._clock()):
            shard.move_to_end(oldest_key)  # its owner still needs it: stop evicting
            return False
        shard.popitem(last=False)
        return True

    def remove(self, key: str) -> None:
        self._shard(key).pop(key, None)

    def remove_expired(self, now: float) -> List[str]:
        """Drop expired records; return their keys."""
        removed = []
        for shard in self._shards:
            expired = [key for key, record in shard.items() if record.is_expired(now)]
            for key in expired:
                del shard[key]
            removed.extend(expired)
        return removed

    def records(self) -> Iterator[IdempotencyRecord]:
        for shard in self._shards:
            yield from list(shard.values())

    def __len__(self) -> int:
        return sum(len(shard) for shard in self._shards)


class RedisMirror:
    """The shared tier: one Redis key per record, expiring with it."""

    def __init__(self, client: Any, prefix: str, metrics: IdempotencyMetrics) -> None:
        self.client = client
        self._prefix = prefix
        self._metrics = metrics

    def _failed(self, action: str, key: str, exc: Exception) -> None:
        self._metrics.redis_errors += 1
        logger.warning("redis %s failed for idempotency key %s: %s", action, key, exc)

    async def get(self, key: str) -> Optional[IdempotencyRecord]:
        try:
            raw = await self.client.get(self._prefix + key)
        except Exception as exc:  # noqa: BLE001 - memory still works
            self._failed("read", key, exc)
            return None
        return None if raw is None else decode_record(raw)

    async def set(self, record: IdempotencyRecord, ttl: int, only_if_absent: bool) -> bool:
        """False only when Redis says another worker holds the key; errors count as success."""
        try:
            stored = await self.client.set(self._prefix + record.key, encode_record(record), ex=ttl,
                                           nx=only_if_absent)
        except Exception as exc:  # noqa: BLE001
            self._failed("write", record.key, exc)
            return True
        return bool(stored) or not only_if_absent

    async def delete(self, key: str) -> None:
        try:
            await self.client.delete(self._prefix + key)
        except Exception as exc:  # noqa: BLE001
            self._failed("delete", key, exc)

    async def status(self) -> str:
        try:
            await self.client.ping()
        except Exception as exc:  # noqa: BLE001
            return f"error: {exc}"
        return "ok"


class RecordStore:
    """Reads through memory to Redis, writes to both."""

    def __init__(self, memory: MemoryShards, clock: Callable[[], float], redis: Optional[RedisMirror] = None) -> None:
        self.memory = memory
        self.redis = redis
        self._clock = clock

    async def load(self, key: str) -> Optional[IdempotencyRecord]:
        record = self.memory.get(key)
        if record is None and self.redis is not None:
            record = await self.redis.get(key)
            if record is not None:
                self.memory.put(record)
        return record

    async def save(self, record: IdempotencyRecord, *, only_if_absent: bool = False) -> bool:
        if self.redis is not None:
            ttl = max(int(record.expires_at - self._clock()), 1)
            if not await self.redis.set(record, ttl, only_if_absent):
                return False
        self.memory.put(record)
        return True

    async def delete(self, key: str) -> None:
        self.memory.remove(key)
        if self.redis is not None:
            await self.redis.delete(key)
