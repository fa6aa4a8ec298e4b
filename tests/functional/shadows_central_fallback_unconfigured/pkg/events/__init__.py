"""Events package."""

__all__ = ["EventBus", "EventManager"]

try:
    from pkg.compat.fallbacks import EventManager
except ImportError:
    class EventManager:  # [shadows-central-fallback]
        def __init__(self):
            pass

        def shutdown(self):
            pass

try:
    from pkg.events.backends import EventBus
except ImportError:
    # A stand-in for an optional backend, not a copy of a shared fallback.
    class EventBus:
        def publish(self, *args, **kwargs):
            pass
