"""The first step of every request with a key: replay it, run it, wait for it, or refuse it."""

from __future__ import annotations

import asyncio
import logging
from typing import Callable, Optional

from .keys import KeyPolicy
from .locking import CompletionSignals, ShardLocks, wait_for_signal
from .metrics import IdempotencyMetrics
from .models import IdempotencyKeyConflict, IdempotencyRecord, RequestInProgress
from .storage import RecordStore

logger = logging.getLogger(__name__)


class ReplayLookup:
    def __init__(self, store: RecordStore, locks: ShardLocks, signals: CompletionSignals, keys: KeyPolicy,
                 metrics: IdempotencyMetrics, clock: Callable[[], float], in_progress_ttl: float) -> None:
        self._store = store
        self._locks = locks
        self._signals = signals
        self._keys = keys
        self._metrics = metrics
        self._clock = clock
        self._in_progress_ttl = in_progress_ttl

    async def find(self, key: str, fingerprint: str, wait_timeout: float = 0.0) -> Optional[IdempotencyRecord]:
        """The stored response for ``key``, or None if the request should run.

        Raises :class:`IdempotencyKeyConflict` when the key was used for a
        different payload and :class:`RequestInProgress` when the original
        request is still running after ``wait_timeout`` seconds.
        """
        key = self._keys.validate(key)
        deadline = self._clock() + wait_timeout
        while True:
            async with self._locks.lock_for(key):
                record = await self._current(key, fingerprint)
                if record is None or record.is_final:
                    return record
                signal = self._signal_or_refuse(record, deadline)
            self._metrics.waits += 1
            # woken or timed out, the next pass decides: replay, or RequestInProgress
            await wait_for_signal(signal, deadline - self._clock())

    async def _current(self, key: str, fingerprint: str) -> Optional[IdempotencyRecord]:
        """The live record of ``key`` (expired ones are deleted), counted as a hit or a miss."""
        record = await self._store.load(key)
        now = self._clock()
        if record is not None and record.is_expired(now):
            if not record.is_final:
                logger.warning("idempotency key %s was in progress for %.1fs and timed out; allowing a retry",
                               key, now - record.created_at)
            self._metrics.expired += 1
            await self._store.delete(key)
            record = None
        if record is None:
            self._metrics.misses += 1
            return None
        if record.fingerprint != fingerprint:
            self._metrics.conflicts += 1
            logger.info("idempotency key %s reused with a different payload", key)
            raise IdempotencyKeyConflict(f"idempotency key {key!r} was already used for a different request")
        if record.is_final:
            self._metrics.hits += 1
        return record

    def _signal_or_refuse(self, record: IdempotencyRecord, deadline: float) -> asyncio.Event:
        now = self._clock()
        if now >= deadline:
            self._metrics.in_progress_rejections += 1
            retry_after = max(record.expires_at - now, 1.0)
            raise RequestInProgress(record.key, retry_after=min(retry_after, self._in_progress_ttl))
        return self._signals.signal_for(record.key)
