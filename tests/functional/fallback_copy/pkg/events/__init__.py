"""Events: the bus, or its fallback when the manager cannot be imported."""

from enum import Enum

try:
    from pkg.events.manager import EventManager
except ImportError:
    class EventManager:  # [fallback-copy]
        def __init__(self):
            self.listeners = {}

        def emit(self, name, payload):
            return None


class _NullEventManager:
    def emit(self, name, payload):
        return None


_event_manager = _NullEventManager()


def get_event_manager():  # [duplicated-fallback-stub]
    return _event_manager


class EventKind(Enum):
    USER = "user"
    SYSTEM = "system"


def event_kind_for(value):  # [duplicated-fallback-stub]
    return EventKind(value)
