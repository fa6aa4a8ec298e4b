"""A `None` the module itself replaces: not a placeholder."""

__all__ = ["SimpleQueue"]

try:
    from _queue import SimpleQueue
except ImportError:
    SimpleQueue = None


class _PySimpleQueue:
    def put(self, item):
        self.item = item


if SimpleQueue is None:
    SimpleQueue = _PySimpleQueue
