"""The stub definitions, re-exported by the fallbacks package."""


class EventManager:
    def __init__(self):
        pass

    def shutdown(self):
        pass


def emit_event(*args, **kwargs):
    pass
