"""Task scheduling.  Both entry points below are placeholders until a scheduler
backend is installed: the same stub twice in one module is still a duplicate."""

__all__ = ["cancel_task", "schedule_task"]


def schedule_task(*args, **kwargs):  # [duplicated-fallback-stub]
    return None


def cancel_task(*args, **kwargs):  # [duplicated-fallback-stub]
    """Nothing to cancel."""
    return None


class TaskContext:  # [duplicated-fallback-stub]
    """`self` positional-only: still a bag of keyword arguments."""

    def __init__(self, /, **kwargs):
        self.__dict__.update(kwargs)
