"""Lightweight timing helpers."""

import functools
import logging
import time

from plexichat.core.config import get_config
from plexichat.core.utils.fallbacks import get_module_version

logger = logging.getLogger(__name__)

SLOW_THRESHOLD_MS = float(get_config("performance.slow_threshold_ms", 250))


def measure(label=None):
    """Decorator that logs calls slower than ``performance.slow_threshold_ms``."""

    def decorator(func):
        name = label or func.__qualname__

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return func(*args, **kwargs)
            finally:
                elapsed_ms = (time.perf_counter() - started) * 1000
                if elapsed_ms >= SLOW_THRESHOLD_MS:
                    logger.warning("slow call %s: %.1f ms", name, elapsed_ms)

        return wrapper

    return decorator


__version__ = get_module_version()

__all__ = ["SLOW_THRESHOLD_MS", "measure", "__version__"]
