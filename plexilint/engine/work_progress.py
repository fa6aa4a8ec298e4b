"""How far a long analysis is, for a front-end that shows it (the CLI's progress bar).

The engine says how many files it will extract facts for and each time some are done; nothing
happens unless a front-end listens (`PROGRESS.listening`). Plain callbacks, no threads: the
listener decides how often it draws.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol


class ProgressListener(Protocol):
    def started(self, total: int) -> None: ...

    def advanced(self, done: int) -> None: ...

    def finished(self) -> None: ...


class WorkProgress:
    """The listeners of this process's analyses."""

    def __init__(self) -> None:
        self._listeners: list[ProgressListener] = []

    @contextmanager
    def listening(self, listener: ProgressListener) -> Iterator[None]:
        self._listeners.append(listener)
        try:
            yield
        finally:
            self._listeners.remove(listener)
            listener.finished()

    def started(self, total: int) -> None:
        """``total`` files are about to be analysed (each project of a run says so once)."""
        for listener in self._listeners:
            listener.started(total)

    def advanced(self, done: int = 1) -> None:
        for listener in self._listeners:
            listener.advanced(done)


PROGRESS = WorkProgress()
