"""Counters of the idempotency layer and their Prometheus rendering."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Dict, Mapping

GAUGES = frozenset({"entries", "hit_ratio", "waiting_keys"})


@dataclass
class IdempotencyMetrics:
    hits: int = 0
    misses: int = 0
    conflicts: int = 0
    in_progress_rejections: int = 0
    waits: int = 0
    stored: int = 0
    not_cached: int = 0
    failures: int = 0
    expired: int = 0
    evicted: int = 0
    redis_errors: int = 0

    def snapshot(self) -> Dict[str, int]:
        return dataclasses.asdict(self)

    @property
    def hit_ratio(self) -> float:
        lookups = self.hits + self.misses
        return round(self.hits / lookups, 4) if lookups else 0.0

    def reset(self) -> None:
        for metric in dataclasses.fields(self):
            setattr(self, metric.name, 0)


def prometheus_text(values: Mapping[str, float], namespace: str = "plexichat_idempotency") -> str:
    """``values`` in Prometheus' text exposition format: gauges as they are, counters as ``*_total``."""
    lines = []
    for name, value in sorted(values.items()):
        kind = "gauge" if name in GAUGES else "counter"
        metric = f"{namespace}_{name}" if kind == "gauge" else f"{namespace}_{name}_total"
        lines += [f"# TYPE {metric} {kind}", f"{metric} {value}"]
    return "\n".join(lines) + "\n"
