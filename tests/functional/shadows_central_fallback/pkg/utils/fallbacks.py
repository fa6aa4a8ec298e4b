"""The one home of the package's fallback stubs.

Every sub-package imports its placeholders from here.  This module imports nothing from
``pkg`` at import time, so importing it can never fail on a half-initialised package.
"""

import logging

logger = logging.getLogger(__name__)

__all__ = [
    "EventManager",
    "FileContext",
    "TaskOptions",
    "TaskScheduler",
    "emit_event",
    "get_fallback_instance",
    "get_module_version",
]


class EventManager:
    """No-op stand-in for ``pkg.events.bus.EventManager``."""

    def __init__(self):
        pass

    def shutdown(self):
        pass


class TaskScheduler:
    """No-op stand-in for ``pkg.tasks.scheduler.TaskScheduler``."""

    def __init__(self):
        pass

    def shutdown(self):
        pass


class FileContext:
    def __init__(self, **kwargs):
        self.__dict__.update(kwargs)


class TaskOptions:
    def __init__(self, **kwargs):
        self.__dict__.update(kwargs)


def emit_event(*args, **kwargs):
    """Drop the event."""
    pass


def get_module_version():
    try:
        from pkg.core.config import get_config  # lazy: no import cycle
    except ImportError:
        return "0.0.0"
    return get_config("system.version", "0.0.0")


_INSTANCES = {}


def get_fallback_instance(class_name):
    """A shared no-op instance standing in for ``class_name``."""
    if class_name not in _INSTANCES:
        logger.debug("using the fallback %s", class_name)
        _INSTANCES[class_name] = type(class_name, (EventManager,), {})()
    return _INSTANCES[class_name]
