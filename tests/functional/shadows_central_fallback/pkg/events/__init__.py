"""Events package: still carries its own copies of stubs the central module provides."""

__all__ = ["EventManager", "emit_event", "get_module_version"]


class EventManager:  # [shadows-central-fallback]
    def __init__(self):
        pass

    def shutdown(self):
        pass


def emit_event(*args, **kwargs):  # [shadows-central-fallback]
    pass


def get_module_version(*args, **kwargs):  # [shadows-central-fallback]
    return ""
