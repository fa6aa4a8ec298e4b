"""Debounced, coalesced runs per key (a project): typing never queues analyses. At most one
run per key is in progress and at most one more is due after it, with the latest state."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine, Hashable
from typing import Any, Generic, TypeVar

logger = logging.getLogger(__name__)

Key = TypeVar("Key", bound=Hashable)


class Scheduler(Generic[Key]):
    def __init__(self, run: Callable[[Key], Coroutine[Any, Any, None]], delay: float) -> None:
        self._run = run
        self.delay = delay
        self._timers: dict[Key, asyncio.TimerHandle] = {}
        self._running: dict[Key, asyncio.Task[None]] = {}
        self._again: set[Key] = set()

    def request(self, key: Key, now: bool = False) -> None:
        """A run for ``key`` after the delay (restarted by every request), or at once."""
        timer = self._timers.pop(key, None)
        if timer is not None:
            timer.cancel()
        if now or self.delay <= 0:
            self._start(key)
        else:
            self._timers[key] = asyncio.get_running_loop().call_later(self.delay, self._start, key)

    def is_pending(self, key: Key) -> bool:
        """Whether a newer run for ``key`` is waiting (a finishing run's result is then stale)."""
        return key in self._timers or key in self._again

    def _start(self, key: Key) -> None:
        self._timers.pop(key, None)
        if key in self._running:
            self._again.add(key)
            return
        task = asyncio.get_running_loop().create_task(self._run(key))
        self._running[key] = task
        task.add_done_callback(lambda done: self._finished(key, done))

    def _finished(self, key: Key, task: asyncio.Task[None]) -> None:
        del self._running[key]
        if not task.cancelled() and task.exception() is not None:
            logger.error("plexilint: analysis failed", exc_info=task.exception())
        if key in self._again:
            self._again.discard(key)
            self._start(key)

    def cancel_all(self) -> None:
        for timer in self._timers.values():
            timer.cancel()
        self._timers.clear()
        self._again.clear()
