"""Events package."""


class EventManager:  # [duplicated-fallback-stub]
    def __init__(self):
        pass

    def shutdown(self):
        pass


def emit_event(*args, **kwargs):  # [duplicated-fallback-stub]
    pass
