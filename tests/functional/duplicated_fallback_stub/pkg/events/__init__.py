"""Event bus facade.

The real bus is wired in at start-up; until then this package exposes inert placeholders
so that importing it never fails.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

__all__ = [
    "EventContext",
    "EventError",
    "EventManager",
    "EventPriority",
    "EventStatus",
    "emit_event",
    "event_handler",
    "events_health",
]

if TYPE_CHECKING:
    class _BusLike:
        def __init__(self):
            pass

        def shutdown(self):
            pass


class EventManager:  # [duplicated-fallback-stub]
    """Placeholder manager: accepts the calls the real one does and ignores them."""

    def __init__(self):
        pass

    def shutdown(self):
        pass


class EventContext:  # [duplicated-fallback-stub]
    def __init__(self, **kwargs):
        self.__dict__.update(kwargs)


class EventPriority:  # [duplicated-fallback-stub]
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"


class EventStatus(Enum):
    # A real enum at module level is a type, not a stand-in for a missing import.
    PENDING = "pending"
    DELIVERED = "delivered"


def emit_event(*args, **kwargs):  # [duplicated-fallback-stub]
    """Drop the event: no bus is configured."""
    pass


def event_handler(*args, **kwargs):  # [duplicated-fallback-stub]
    def decorator(func):
        return func

    return decorator


class EventError(Exception):  # a real hierarchy: not a stub outside a fallback context
    message = "Event processing failed"
    status_code = 500


class EventTimeout(Exception):  # a real hierarchy: not a stub outside a fallback context
    def __init__(self, message="Event delivery timed out", status_code=504):
        Exception.__init__(self, message)
        self.status_code = status_code


def events_health(request):  # [duplicated-fallback-stub]
    return {"status": "ok", "component": "events"}


class _Missing:
    """Sentinel for "no value given" (None is a valid payload)."""

    pass


def on_event(event):
    """Hook for subclasses; the default does nothing."""
    pass


def passthrough(payload):
    return payload


class EventContext:  # [duplicated-fallback-stub]
    def __init__(self, /, **kwargs):
        self.__dict__.update(kwargs)
