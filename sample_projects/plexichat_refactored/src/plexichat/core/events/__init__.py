"""
PlexiChat event system.

The event manager has not been implemented yet; the public names resolve to
the shared no-op fallbacks in :mod:`plexichat.core.utils.fallbacks`.
"""

from plexichat.core.utils.fallbacks import (
    Event,
    EventHandler,
    EventManager,
    EventPriority,
    emit_event,
    get_event_history,
    get_fallback_instance,
    get_module_version,
    register_event_handler,
    unregister_event_handler,
)

from .types import EventListener, EventPayload, parse_priority

event_manager = get_fallback_instance("EventManager")

# Handler that receives every event regardless of type.
global_event_handler = get_fallback_instance("EventHandler")

__version__ = get_module_version()

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
