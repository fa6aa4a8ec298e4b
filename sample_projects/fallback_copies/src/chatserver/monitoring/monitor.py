"""Request metrics."""

from __future__ import annotations

import time
from collections import defaultdict


class PerformanceMonitor:
    def __init__(self) -> None:
        self.timings: dict[str, list[float]] = defaultdict(list)
        self.started = time.monotonic()

    def record(self, name: str, seconds: float) -> None:
        self.timings[name].append(seconds)

    def average(self, name: str) -> float:
        values = self.timings.get(name, [])
        return sum(values) / len(values) if values else 0.0

    def uptime(self) -> float:
        return time.monotonic() - self.started


_monitor: PerformanceMonitor | None = None


def get_performance_monitor() -> PerformanceMonitor:
    global _monitor
    if _monitor is None:
        _monitor = PerformanceMonitor()
    return _monitor
