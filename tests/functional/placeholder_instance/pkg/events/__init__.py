"""Events.  ``event_manager`` is assigned by the application at start-up."""

from __future__ import annotations

from .bus import EventBus

__all__ = ["EventBus", "EventManager", "event_bus", "event_manager"]


class EventManager:
    def __init__(self):
        self._handlers = {}

    def subscribe(self, name, handler):
        self._handlers.setdefault(name, []).append(handler)


event_manager = None  # [placeholder-instance]
event_bus: EventBus | None = None  # [placeholder-instance]
