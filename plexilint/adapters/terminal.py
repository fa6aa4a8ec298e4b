"""What the command line does differently on a terminal: colour (`--color`, `NO_COLOR`), the
width to wrap at, and a progress bar on standard error while a long analysis runs."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Mapping
from typing import TextIO

COLOR_CHOICES = ("auto", "always", "never")
# A run shorter than this shows no bar at all: a flash of a bar is noise.
PROGRESS_DELAY_SECONDS = 0.5
_REDRAW_SECONDS = 0.1


def is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # closed or replaced streams
        return False


def use_colour(choice: str, stream: TextIO, environ: Mapping[str, str] = os.environ) -> bool:
    """`always` and `never` decide; `auto`: colour on a terminal, unless NO_COLOR is set to
    anything non-empty (no-color.org) or TERM is `dumb`."""
    if choice == "always":
        return True
    if choice == "never":
        return False
    return is_terminal(stream) and not environ.get("NO_COLOR") and environ.get("TERM") != "dumb"


def terminal_width(stream: TextIO) -> int | None:
    """The width to wrap long lines at; None when the output is not a terminal (a file or a
    pipe keeps one finding per line, for the tools that parse it)."""
    if not is_terminal(stream):
        return None
    return shutil.get_terminal_size((100, 24)).columns


class ProgressBar:
    """``Analysing  [#########-----------]  412/1790 files`` on one line of standard error,
    redrawn in place; cleared when done. Shown only on a terminal and once the work has taken
    longer than PROGRESS_DELAY_SECONDS."""

    def __init__(self, stream: TextIO, delay: float | None = None) -> None:
        self.stream = stream
        self.delay = PROGRESS_DELAY_SECONDS if delay is None else delay
        self.total = 0
        self.done = 0
        self.began = time.monotonic()
        self.drawn_at: float | None = None

    def started(self, total: int) -> None:
        self.total += total

    def advanced(self, done: int) -> None:
        self.done = min(self.done + done, self.total)
        now = time.monotonic()
        if now - self.began < self.delay:
            return
        if self.drawn_at is not None and now - self.drawn_at < _REDRAW_SECONDS and self.done < self.total:
            return
        self.drawn_at = now
        self._draw()

    def finished(self) -> None:
        if self.drawn_at is not None:
            self.stream.write("\r\033[2K")  # erase the bar: the report starts on a clean line
            self.stream.flush()
            self.drawn_at = None

    def _draw(self) -> None:
        width = shutil.get_terminal_size((80, 24)).columns
        # Padded to the total's width: the bar keeps its length as the count gains digits.
        counter = f"{self.done:>{len(str(self.total))}}/{self.total} files"
        room = max(width - len("Analysing  []  ") - len(counter) - 1, 10)
        filled = room * self.done // self.total if self.total else room
        self.stream.write(f"\rAnalysing  [{'#' * filled}{'-' * (room - filled)}]  {counter}")
        self.stream.flush()
