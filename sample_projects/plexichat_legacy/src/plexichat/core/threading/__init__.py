"""Thread pool helpers for running blocking work off the event loop."""

import logging
import os

try:
    from plexichat.core.config import get_config
except ImportError:
    get_config = lambda key, default=None: default  # type: ignore

logger = logging.getLogger(__name__)

# Flip to "1" once plexichat.core.utils.fallbacks has been merged; until then
# the local copies below are used.
USE_SHARED_FALLBACKS = os.environ.get("PLEXICHAT_SHARED_FALLBACKS", "0") == "1"

try:
    from .thread_manager import (
        AsyncThreadManager,
        ThreadManager,
        run_in_thread,
        submit_task,
        thread_manager,
    )
except ImportError:
    logger.warning("using fallback thread manager")
    thread_manager = None

    if USE_SHARED_FALLBACKS:
        from plexichat.core.utils.fallbacks import (
            AsyncThreadManager,
            ThreadManager,
            run_in_thread,
            submit_task,
        )
    else:
        class ThreadManager:
            def __init__(self, max_workers=None):
                pass

            def shutdown(self, wait=True):
                pass

        class AsyncThreadManager:
            pass

        def submit_task(*args, **kwargs):
            return None

        async def run_in_thread(*args, **kwargs):
            return None


__version__ = get_config("system.version", "0.0.0")

__all__ = [
    "AsyncThreadManager",
    "ThreadManager",
    "run_in_thread",
    "submit_task",
    "thread_manager",
    "__version__",
]
