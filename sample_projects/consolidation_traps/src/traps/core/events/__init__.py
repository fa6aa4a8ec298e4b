"""Events: an optional manager, and an async emitter the callers await."""

from enum import IntEnum

try:
    from traps.core.events.manager import EventManager
except ImportError:
    class EventManager:
        def __init__(self, *args, **kwargs):
            pass


try:
    from traps.core.fallbacks import emit_event
except ImportError:
    async def emit_event(*args, **kwargs):
        return None


try:
    from traps.core.fallbacks import Severity
except ImportError:
    class Severity(IntEnum):
        TRACE = 0
        DEBUG = 1
        INFO = 2
        WARNING = 3
        ERROR = 4
        CRITICAL = 5


def record_metric(*args, **kwargs):
    return None


__all__ = ["EventManager", "emit_event", "Severity", "record_metric"]
