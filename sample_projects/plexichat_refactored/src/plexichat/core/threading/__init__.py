"""Thread pool helpers for running blocking work off the event loop."""

from plexichat.core.utils.fallbacks import (
    AsyncThreadManager,
    ThreadManager,
    get_fallback_instance,
    get_module_version,
    run_in_thread,
    submit_task,
)

thread_manager = get_fallback_instance("ThreadManager")

__version__ = get_module_version()

__all__ = [
    "AsyncThreadManager",
    "ThreadManager",
    "run_in_thread",
    "submit_task",
    "thread_manager",
    "__version__",
]
