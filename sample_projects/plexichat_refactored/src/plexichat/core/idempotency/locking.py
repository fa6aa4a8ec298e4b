"""Concurrency control: one lock per shard, and completion signals for duplicates that wait."""

from __future__ import annotations

import asyncio
from typing import Dict, List

from .storage import shard_index


class ShardLocks:
    """Serialises the read-check-write sequences on the keys of one shard."""

    def __init__(self, shard_count: int) -> None:
        self._locks: List[asyncio.Lock] = [asyncio.Lock() for _ in range(shard_count)]

    def lock_for(self, key: str) -> asyncio.Lock:
        return self._locks[shard_index(key, len(self._locks))]


class CompletionSignals:
    """Wakes up the duplicates waiting for the request that owns a key."""

    def __init__(self) -> None:
        self._events: Dict[str, asyncio.Event] = {}

    def expect(self, key: str) -> None:
        """The owner of ``key`` started; duplicates will wait on this signal."""
        self._events[key] = asyncio.Event()

    def signal_for(self, key: str) -> asyncio.Event:
        return self._events.setdefault(key, asyncio.Event())

    def notify(self, key: str) -> None:
        event = self._events.pop(key, None)
        if event is not None:
            event.set()

    @property
    def waiting(self) -> int:
        return len(self._events)


async def wait_for_signal(event: asyncio.Event, timeout: float) -> bool:
    """True when ``event`` was set within ``timeout`` seconds."""
    try:
        await asyncio.wait_for(event.wait(), timeout=max(timeout, 0.0))
    except asyncio.TimeoutError:
        return False
    return True
