try:
    from .bus import EventBus
except ImportError:
    class EventBus:
        def __init__(self, *args, **kwargs):
            pass
