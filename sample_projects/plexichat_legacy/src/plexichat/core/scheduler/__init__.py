"""Background task scheduling (one-off and recurring jobs)."""

import logging

from plexichat.core.config import get_config

logger = logging.getLogger(__name__)

try:
    from .task_scheduler import (
        ScheduledTask,
        TaskScheduler,
        TaskStatus,
        TaskType,
        cancel_task,
        get_task_status,
        schedule_once,
        schedule_recurring,
        task_scheduler,
    )
except ImportError:
    logger.warning("using fallback task scheduler: scheduled jobs will not run")
    try:
        from plexichat.core.utils.fallbacks import (
            ScheduledTask,
            TaskScheduler,
            TaskStatus,
            TaskType,
            cancel_task,
            get_task_status,
            schedule_once,
            schedule_recurring,
        )
    except ImportError:
        # Local copies kept until utils/fallbacks.py is merged (see the
        # fallback refactor plan); delete this block afterwards.
        class TaskScheduler:
            def __init__(self):
                pass

            def start(self):
                pass

            def stop(self):
                pass

        class ScheduledTask:
            def __init__(self, **kwargs):
                self.__dict__.update(kwargs)

        class TaskStatus:
            PENDING = "pending"
            RUNNING = "running"
            COMPLETED = "completed"
            FAILED = "failed"
            CANCELLED = "cancelled"

        class TaskType:
            ONCE = "once"
            RECURRING = "recurring"
            CRON = "cron"

        def schedule_once(*args, **kwargs):
            return None

        def schedule_recurring(*args, **kwargs):
            return None

        def cancel_task(*args, **kwargs):
            return False

        def get_task_status(*args, **kwargs):
            return None

    task_scheduler = None


__version__ = get_config("system.version", "0.0.0")

__all__ = [
    "ScheduledTask",
    "TaskScheduler",
    "TaskStatus",
    "TaskType",
    "cancel_task",
    "get_task_status",
    "schedule_once",
    "schedule_recurring",
    "task_scheduler",
    "__version__",
]
