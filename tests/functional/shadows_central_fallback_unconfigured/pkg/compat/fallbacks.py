"""Shared stand-ins for optional components."""

__all__ = ["EventManager", "PluginRegistry", "emit_event"]


class EventManager:
    def __init__(self):
        pass

    def shutdown(self):
        pass


class PluginRegistry:
    def __init__(self):
        pass

    def shutdown(self):
        pass


def emit_event(*args, **kwargs):
    pass
