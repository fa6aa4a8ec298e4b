"""Background task scheduling (one-off and recurring jobs)."""

from plexichat.core.utils.fallbacks import (
    ScheduledTask,
    TaskScheduler,
    TaskStatus,
    TaskType,
    cancel_task,
    get_fallback_instance,
    get_module_version,
    get_task_status,
    schedule_once,
    schedule_recurring,
)

task_scheduler = get_fallback_instance("TaskScheduler")

__version__ = get_module_version()

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
