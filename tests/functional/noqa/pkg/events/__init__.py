"""Events package."""

__all__ = ["EventContext", "EventManager", "emit_event"]


class EventManager:  # [duplicated-fallback-stub]
    def __init__(self):
        pass

    def shutdown(self):
        pass


class EventContext:  # noqa: PLX101 -- removed in the next release
    def __init__(self, **kwargs):
        self.__dict__.update(kwargs)


def emit_event(*args, **kwargs):  # noqa
    pass
