"""Monitoring, with fallback no-op components when the monitor cannot start."""

from __future__ import annotations

import logging
from enum import Enum

logger = logging.getLogger(__name__)


class PerformanceMonitor:  # type: ignore[no-redef]
    def record(self, name, seconds):
        pass

    def average(self, name):
        return 0.0


class ErrorCode(Enum):
    UNKNOWN = 1000
    VALIDATION_FAILED = 1001
    NOT_FOUND = 1004
    RATE_LIMITED = 1029


_fallback_monitor = PerformanceMonitor()


def get_performance_monitor():
    return _fallback_monitor
