"""How far a long analysis is, for a front-end that shows it (the CLI's progress bar).

The engine says how many files it will extract facts for and each time some are done; nothing
happens unless a front-end listens (`listening`). Plain callbacks, no threads: the listener
decides how often it draws.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol


class ProgressListener(Protocol):
    def started(self, total: int) -> None: ...

    def advanced(self, done: int) -> None: ...

    def finished(self) -> None: ...


_listeners: list[ProgressListener] = []


@contextmanager
def listening(listener: ProgressListener) -> Iterator[None]:
    _listeners.append(listener)
    try:
        yield
    finally:
        _listeners.remove(listener)
        listener.finished()


def started(total: int) -> None:
    """``total`` files are about to be analysed (each project of a run says so once)."""
    for listener in _listeners:
        listener.started(total)


def advanced(done: int = 1) -> None:
    for listener in _listeners:
        listener.advanced(done)
