"""Running one command as a child process and measuring it: wall time, CPU time, peak memory
and the machine's load when it started.

``os.wait4`` gives the rusage of that one child: CPU time of the child and every descendant it
waited for, and a peak RSS that is the largest of them. Python tools run through
``bench/run_module.py``, which also reports its own peak apart from its children's (a tool's
main process and its workers). ``getrusage(RUSAGE_CHILDREN)`` in the benchmark itself would not
do: its ``ru_maxrss`` is the maximum over every child so far.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass(frozen=True)
class Run:
    seconds: float
    cpu_seconds: float  # user + system, the process and the descendants it waited for
    peak_rss_mb: float  # the largest process of the tree
    returncode: int | None  # None: killed at the timeout
    load: float  # 1-minute load average when the run started
    main_rss_mb: float | None = None  # the tool's own process (bench/run_module.py), when known
    children_rss_mb: float | None = None  # its largest child (workers), when known
    stderr_tail: str = ""

    @property
    def timed_out(self) -> bool:
        return self.returncode is None

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> Run:
        return cls(**data)


def run_once(command: list[str], cwd: Path, timeout: float, logs: Path,
             env: dict[str, str] | None = None) -> Run:
    """Run ``command`` once; its output goes to ``logs``/stdout and ``logs``/stderr (kept for
    the caller to inspect: the console output of a linter is part of its cost)."""
    logs.mkdir(parents=True, exist_ok=True)
    rusage_file = logs / "rusage.json"
    rusage_file.unlink(missing_ok=True)
    env = dict(env if env is not None else os.environ)
    env["BENCH_RUSAGE"] = str(rusage_file)
    load = os.getloadavg()[0]
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
    main_rss = children_rss = None
    try:
        split = json.loads(rusage_file.read_text(encoding="utf-8"))
        main_rss, children_rss = split["main_rss_kib"] / 1024, split["children_rss_kib"] / 1024
    except (OSError, ValueError, KeyError):
        pass  # not a Python tool, or it died before exiting normally
    # Linux reports ru_maxrss in KiB.
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, returncode, load,
               main_rss, children_rss, _tail(logs / "stderr"))


def _kill_group(pid: int, killed: threading.Event) -> None:
    killed.set()
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass  # it finished just as the timer fired


def _tail(path: Path, lines: int = 5) -> str:
    text = path.read_text(encoding="utf-8", errors="replace").strip()
    return "\n".join(text.splitlines()[-lines:])
