"""Logging: the real performance logger when its module imports, a no-op otherwise."""

import logging

try:
    from traps.core.logging.performance import get_performance_logger
except ImportError:
    def get_performance_logger(*args, **kwargs):
        return None

logger = logging.getLogger("traps")

__all__ = ["get_performance_logger", "logger"]
