"""Task scheduling."""

from .scheduler import TaskQueue

__all__ = ["TaskQueue", "TaskScheduler", "TaskOptions"]

try:
    from pkg.utils.fallbacks import TaskScheduler
except ImportError:
    # Kept "just in case" the central module is missing.
    class TaskScheduler:  # [shadows-central-fallback]
        pass

try:
    from ..utils.fallbacks import *  # noqa: F403
except ImportError:
    class TaskOptions:  # [shadows-central-fallback]
        def __init__(self, **kwargs):
            self.__dict__.update(kwargs)
