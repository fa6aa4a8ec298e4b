"""The real scheduler: a class named like a central stub, but with behaviour."""

import heapq


class TaskScheduler:
    def __init__(self):
        self._queue = []

    def schedule(self, when, task):
        heapq.heappush(self._queue, (when, task))

    def shutdown(self):
        self._queue.clear()


class TaskQueue:
    def __init__(self):
        self.items = []
