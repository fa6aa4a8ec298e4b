"""Running one command as a child process and measuring it: wall time and peak memory.

Peak memory comes from ``os.wait4``, which returns the rusage of that one child (its
``ru_maxrss`` covers the child and the grandchildren it waited for). ``getrusage(
RUSAGE_CHILDREN)`` would not do: its ``ru_maxrss`` is the maximum over every child so far,
so a small tool measured after a big one would inherit the big one's peak.
"""

from __future__ import annotations

import os
import signal
import statistics
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_rss_mb: float
    returncode: int | None  # None: killed at the timeout
    stderr_tail: str

    @property
    def timed_out(self) -> bool:
        return self.returncode is None


@dataclass
class Measurement:
    """Every run of one command."""

    runs: list[Run] = field(default_factory=list)
    timeout: float = 0.0

    @property
    def timed_out(self) -> bool:
        return any(run.timed_out for run in self.runs)

    @property
    def median(self) -> float:
        return statistics.median(run.seconds for run in self.runs)

    @property
    def minimum(self) -> float:
        return min(run.seconds for run in self.runs)

    @property
    def peak_rss_mb(self) -> float:
        return max(run.peak_rss_mb for run in self.runs)

    @property
    def failed_run(self) -> Run | None:
        """A run whose exit status says the tool failed (not merely that it found something)."""
        return next((run for run in self.runs if run.returncode not in (0, None)), None)


def run_once(command: list[str], cwd: Path, timeout: float, logs: Path,
             env: dict[str, str] | None = None) -> Run:
    """Run ``command`` once; its output goes to ``logs``/stdout and ``logs``/stderr (kept for
    the caller to inspect: the console output of a linter is part of its cost)."""
    logs.mkdir(parents=True, exist_ok=True)
    with open(logs / "stdout", "wb") as stdout, open(logs / "stderr", "wb") as stderr:
        start = time.perf_counter()
        # Its own session, so the timeout can kill the tool and anything it started.
        process = subprocess.Popen(command, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=stdout,
                                   stderr=stderr, start_new_session=True)
        killed = threading.Event()
        timer = threading.Timer(timeout, _kill_group, (process.pid, killed))
        timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        except BaseException:  # interrupted (Ctrl-C, SIGTERM): leave no tool running
            _kill_group(process.pid, killed)
            os.wait4(process.pid, 0)
            raise
        finally:
            timer.cancel()
        seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, so Popen must not wait
    returncode = None if killed.is_set() else process.returncode
    # Linux reports ru_maxrss in KiB.
    return Run(seconds, usage.ru_maxrss / 1024, returncode, _tail(logs / "stderr"))


def _kill_group(pid: int, killed: threading.Event) -> None:
    killed.set()
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass  # it finished just as the timer fired


def _tail(path: Path, lines: int = 5) -> str:
    text = path.read_text(encoding="utf-8", errors="replace").strip()
    return "\n".join(text.splitlines()[-lines:])
