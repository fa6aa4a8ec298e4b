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
    # Not a copy of a shared fallback (PLX102), but a second implementation of the package's own
    # `EventBus` (PLX107).
    class EventBus:  # [fallback-copy]
        def publish(self, *args, **kwargs):
            pass
