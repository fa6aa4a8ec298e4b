"""The idempotency facade used by the API: run a request at most once per key.

It wires the focused parts together and keeps the request flow readable:
:mod:`.keys` (validation, fingerprints), :mod:`.storage` (memory and Redis
tiers), :mod:`.locking` (shard locks, completion signals), :mod:`.lookup`
(replay or wait), :mod:`.cleanup` (expiry) and :mod:`.metrics`.
"""

from __future__ import annotations

import functools
import time
from typing import Any, Awaitable, Callable, Dict, Mapping, Optional, Tuple

from .cleanup import ExpirySweeper
from .keys import KeyPolicy
from .locking import CompletionSignals, ShardLocks
from .lookup import ReplayLookup
from .metrics import IdempotencyMetrics
from .models import IdempotencyError, IdempotencyRecord, RequestInProgress
from .options import IdempotencyOptions
from .storage import MemoryShards, RecordStore, RedisMirror

# Responses with these status codes are never replayed: the client is expected
# to retry them and the retry must run again.
NON_CACHEABLE_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})

Response = Tuple[int, bytes, Mapping[str, str]]


def _replayed(record: IdempotencyRecord) -> Tuple[int, bytes, Dict[str, str], bool]:
    return record.status_code or 200, record.body or b"", dict(record.headers), True


class IdempotencyManager:
    """Stores, replays and guards requests by idempotency key."""

    def __init__(self, options: Optional[IdempotencyOptions] = None, *, redis: Any = None,
                 clock: Callable[[], float] = time.time, **overrides: Any) -> None:
        self.options = options or IdempotencyOptions.from_config(**overrides)
        self._clock = clock
        self.keys = KeyPolicy(self.options.max_key_length, self.options.require_key)
        self.metrics = IdempotencyMetrics()
        memory = MemoryShards(self.options.shards, self.options.max_entries_per_shard, self.metrics, clock)
        mirror = RedisMirror(redis, self.options.redis_prefix, self.metrics) if redis is not None else None
        self.store = RecordStore(memory, clock, mirror)
        self.locks = ShardLocks(self.options.shards)
        self.signals = CompletionSignals()
        self.sweeper = ExpirySweeper(memory, self.signals, self.metrics, clock, self.options.cleanup_interval_seconds)
        self.lookup = ReplayLookup(self.store, self.locks, self.signals, self.keys, self.metrics, clock,
                                   self.options.in_progress_ttl_seconds)

    async def get_cached_response(self, key: str, fingerprint: str, *,
                                  wait_timeout: float = 0.0) -> Optional[IdempotencyRecord]:
        """See :meth:`ReplayLookup.find`."""
        return await self.lookup.find(key, fingerprint, wait_timeout)

    async def begin(self, key: str, fingerprint: str) -> bool:
        """Claim ``key`` for a new request. Returns False if someone else holds it."""
        key = self.keys.validate(key)
        now = self._clock()
        record = IdempotencyRecord.started(key, fingerprint, now, self.options.in_progress_ttl_seconds)
        async with self.locks.lock_for(key):
            existing = await self.store.load(key)
            if existing is not None and not existing.is_expired(now):
                return False
            if not await self.store.save(record, only_if_absent=True):
                return False
            self.signals.expect(key)
        return True

    async def store_response(self, key: str, fingerprint: str, status_code: int, body: bytes,
                             headers: Optional[Mapping[str, str]] = None) -> bool:
        """Persist the response of a finished request so that retries replay it."""
        if status_code in NON_CACHEABLE_STATUS:
            self.metrics.not_cached += 1
            await self.release(key)
            return False
        await self._finish(IdempotencyRecord.completed(
            key, fingerprint, self._clock(), self.options.ttl_seconds, status_code, body, headers))
        self.metrics.stored += 1
        return True

    async def mark_failed(self, key: str, fingerprint: str, error: str, *, retryable: bool = True) -> None:
        """Record that the request raised. Retryable failures free the key."""
        self.metrics.failures += 1
        if retryable:
            await self.release(key)
        else:
            await self._finish(IdempotencyRecord.failed(key, fingerprint, self._clock(), self.options.ttl_seconds,
                                                        error))

    async def release(self, key: str) -> None:
        async with self.locks.lock_for(key):
            await self.store.delete(key)
        self.signals.notify(key)

    async def _finish(self, record: IdempotencyRecord) -> None:
        async with self.locks.lock_for(record.key):
            await self.store.save(record)
        self.signals.notify(record.key)

    async def run(self, key: str, fingerprint: str, handler: Callable[[], Awaitable[Response]], *,
                  wait_timeout: float = 5.0) -> Tuple[int, bytes, Dict[str, str], bool]:
        """Execute ``handler`` at most once per key. Returns ``(status, body, headers, replayed)``."""
        cached = await self._replay_or_claim(key, fingerprint, wait_timeout)
        if cached is not None:
            return _replayed(cached)
        try:
            status, body, headers = await handler()
        except IdempotencyError:
            await self.release(key)
            raise
        except Exception as exc:
            await self.mark_failed(key, fingerprint, f"{type(exc).__name__}: {exc}", retryable=True)
            raise
        await self.store_response(key, fingerprint, status, body, headers)
        return status, body, dict(headers), False

    async def _replay_or_claim(self, key: str, fingerprint: str, wait_timeout: float) -> Optional[IdempotencyRecord]:
        """The record to replay, or None once this call owns ``key``."""
        cached = await self.get_cached_response(key, fingerprint, wait_timeout=wait_timeout)
        if cached is not None or await self.begin(key, fingerprint):
            return cached
        # lost the race against a concurrent duplicate: wait for its result
        cached = await self.get_cached_response(key, fingerprint, wait_timeout=wait_timeout)
        if cached is None:
            raise RequestInProgress(key, retry_after=self.options.in_progress_ttl_seconds)
        return cached

    def get_metrics(self) -> Dict[str, Any]:
        return {**self.metrics.snapshot(), "entries": len(self.store.memory), "hit_ratio": self.metrics.hit_ratio,
                "waiting_keys": self.signals.waiting}

    async def health_check(self) -> Dict[str, Any]:
        redis = "disabled" if self.store.redis is None else await self.store.redis.status()
        return {"memory": "ok", "entries": len(self.store.memory), "redis": redis,
                "cleanup_running": self.sweeper.running}


@functools.lru_cache(maxsize=1)
def _shared_manager() -> IdempotencyManager:
    return IdempotencyManager()


def get_idempotency_manager(redis: Any = None) -> IdempotencyManager:
    """The process-wide manager, built from configuration on first use; ``redis`` is attached once."""
    manager = _shared_manager()
    if redis is not None and manager.store.redis is None:
        manager.store.redis = RedisMirror(redis, manager.options.redis_prefix, manager.metrics)
    return manager


def reset_idempotency_manager() -> None:
    """Forget the process-wide manager (tests, or after a config reload)."""
    _shared_manager.cache_clear()
