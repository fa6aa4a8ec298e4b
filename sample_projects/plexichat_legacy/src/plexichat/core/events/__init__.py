"""
PlexiChat event system.

Facade over ``plexichat.core.events.manager``. When the manager cannot be
imported the module falls back to no-op stand-ins so that importing code
keeps working.
"""

import logging
from typing import Any, Callable, Dict, List, Optional

try:
    from plexichat.core.config import get_config
except ImportError:
    get_config = lambda key, default=None: default  # type: ignore

from .types import EventListener, EventPayload, parse_priority

logger = logging.getLogger(__name__)

try:
    from .manager import (  # type: ignore
        Event,
        EventHandler,
        EventManager,
        EventPriority,
        emit_event,
        event_manager,
        get_event_history,
        register_event_handler,
        unregister_event_handler,
    )
except ImportError:
    logger.warning("using fallback event system (plexichat.core.events.manager unavailable)")

    class EventManager:  # type: ignore
        def __init__(self):
            pass

        def start(self):
            pass

        def stop(self):
            pass

    class Event:  # type: ignore
        def __init__(self, **kwargs):
            self.__dict__.update(kwargs)

    class EventHandler:  # type: ignore
        pass

    class EventPriority:  # type: ignore
        LOW = 1
        NORMAL = 2
        HIGH = 3
        CRITICAL = 4

    event_manager = None

    def emit_event(*args, **kwargs):  # type: ignore
        pass

    def register_event_handler(*args, **kwargs):  # type: ignore
        pass

    def unregister_event_handler(*args, **kwargs):  # type: ignore
        return False

    def get_event_history(*args, **kwargs):  # type: ignore
        return []


# Handler that receives every event regardless of type; set by the app on startup.
global_event_handler = None

__version__ = get_config("system.version", "0.0.0")

__all__ = [
    "Event",
    "EventHandler",
    "EventListener",
    "EventManager",
    "EventPayload",
    "EventPriority",
    "emit_event",
    "event_manager",
    "get_event_history",
    "global_event_handler",
    "parse_priority",
    "register_event_handler",
    "unregister_event_handler",
    "__version__",
]
