"""Task scheduling, when the optional scheduler extra is installed."""

__all__ = ["TaskScheduler", "task_scheduler", "task_executor"]

try:
    from .scheduler import TaskScheduler, task_scheduler
except ImportError:
    TaskScheduler = None  # [placeholder-instance]
    task_scheduler = None  # [placeholder-instance]

# Exported and named like a service: callers will use it as one.
task_executor = None  # [placeholder-instance]
