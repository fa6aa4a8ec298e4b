"""Where and with what the benchmark ran: the machine and the tool versions."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from importlib import metadata
from pathlib import Path

# Distributions whose versions explain the numbers (the hosts, and what they run).
DISTRIBUTIONS = ("plexilint", "flake8", "pycodestyle", "pyflakes", "mccabe", "pylint", "astroid", "radon")


def machine() -> dict[str, str]:
    return {
        "CPU": f"{_cpu_model()}, {os.cpu_count()} logical CPUs",
        "RAM": _memory_total(),
        "OS": platform.platform(),
        "Python": f"{platform.python_implementation()} {platform.python_version()} ({sys.executable})",
    }


def versions(repository: Path) -> dict[str, str]:
    found = {}
    for name in DISTRIBUTIONS:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "not installed"
    if found["plexilint"] != "not installed":
        found["plexilint"] += _revision(repository)
    return found


def _revision(repository: Path) -> str:
    """The commit measured (the package version does not change between commits), and whether
    the engine had uncommitted changes. Read-only git commands."""
    def git(*arguments: str) -> str:
        return subprocess.run(["git", "-C", str(repository), *arguments], capture_output=True,
                              text=True, check=True).stdout.strip()
    try:
        commit = git("log", "-1", "--format=%h %cs")
        dirty = git("status", "--porcelain", "--", "plexilint")
    except (OSError, subprocess.CalledProcessError):
        return ""
    return f" (commit {commit}{', plus uncommitted changes to plexilint/' if dirty else ''})"


def _cpu_model() -> str:
    for line in _read("/proc/cpuinfo").splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown CPU"


def _memory_total() -> str:
    for line in _read("/proc/meminfo").splitlines():
        if line.startswith("MemTotal:"):
            return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    return "unknown"


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError:
        return ""
