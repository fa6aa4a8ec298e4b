"""Expiry: a background task dropping expired records from memory (Redis expires keys itself)."""

from __future__ import annotations

import asyncio
import logging
from typing import Callable, Optional

from .locking import CompletionSignals
from .metrics import IdempotencyMetrics
from .storage import MemoryShards

logger = logging.getLogger(__name__)


class ExpirySweeper:
    def __init__(self, memory: MemoryShards, signals: CompletionSignals, metrics: IdempotencyMetrics,
                 clock: Callable[[], float], interval: float) -> None:
        self._memory = memory
        self._signals = signals
        self._metrics = metrics
        self._clock = clock
        self._interval = interval
        self._task: Optional[asyncio.Task] = None

    def sweep(self) -> int:
        """Drop expired records now; waiting duplicates of expired keys are woken up."""
        removed = self._memory.remove_expired(self._clock())
        for key in removed:
            self._signals.notify(key)
        self._metrics.expired += len(removed)
        return len(removed)

    async def _loop(self) -> None:
        while True:
            await asyncio.sleep(self._interval)
            try:
                removed = self.sweep()
            except Exception:  # noqa: BLE001 - keep the loop alive
                logger.exception("idempotency cleanup failed")
                continue
            if removed:
                logger.debug("idempotency cleanup removed %d records", removed)

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    def start(self) -> None:
        if not self.running:
            self._task = asyncio.get_running_loop().create_task(self._loop(), name="idempotency-cleanup")

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is None:
            return
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            pass
