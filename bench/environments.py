"""What the benchmark installs, once, into a cache directory it creates and reuses between runs:

- the **host environment**: a virtual environment with flake8 and pylint at the versions
  installed here (and their dependencies at the versions installed here) but *without*
  plexilint. flake8 runs every installed plugin whatever ``--select`` says, so a baseline run in
  plexilint's own environment would still run the plugin: the plain flake8 and pylint rows run
  there instead.
- the **real-packages corpus**: popular packages with their tests, from the package index with
  pinned versions, about 1.2M lines (``REAL_PACKAGES``).

Both are keyed by what they contain (versions), so a change makes a new one.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

HOSTS = ("flake8", "pylint")
# Pinned so that every run measures the same code. Django's wheel has no tests; SQLAlchemy's
# and sympy's ship theirs (sympy/*/tests, sqlalchemy/testing).
REAL_PACKAGES = ("django==5.2.19", "sqlalchemy==2.1.9", "sympy==1.14.0")
REAL_TOP_LEVEL = ("django", "sqlalchemy", "sympy")


class SetupError(Exception):
    """Something the benchmark needs could not be installed; the rows needing it are skipped."""


def default_cache_directory() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "plexilint-bench"


def host_pins() -> list[str]:
    """``name==version`` of flake8, pylint and everything they require, as installed here."""
    pins: dict[str, str] = {}
    pending = list(HOSTS)
    while pending:
        name = _canonical(pending.pop())
        if name in pins:
            continue
        try:
            distribution = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # required only on other platforms or Pythons
        pins[name] = distribution.version
        for requirement in distribution.requires or []:
            if "extra ==" in requirement:
                continue
            pending.append(re.split(r"[\s;<>=!~\[(]", requirement, maxsplit=1)[0])
    return [f"{name}=={version}" for name, version in sorted(pins.items())]


def host_environment(cache: Path) -> Path:
    """The python of the host environment, built if needed."""
    pins = host_pins()
    directory = cache / f"hosts-py{sys.version_info[0]}{sys.version_info[1]}-{_digest(pins)}"
    python = directory / "bin" / "python"
    if not (directory / "complete").is_file():
        shutil.rmtree(directory, ignore_errors=True)
        _run([sys.executable, "-m", "venv", str(directory)], "create the host environment")
        _run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *pins],
             "install " + " ".join(pins))
        (directory / "complete").write_text("\n".join(pins) + "\n", encoding="utf-8")
    # -I: the current directory (a plexilint checkout) must not make plexilint importable.
    script = "import importlib.util as u; print(u.find_spec('plexilint') is None)"
    probe = subprocess.run([str(python), "-I", "-c", script], capture_output=True, text=True)
    if probe.stdout.strip() != "True":
        raise SetupError(f"the host environment {directory} has plexilint installed")
    return python


def host_versions(python: Path) -> dict[str, str]:
    """The versions in the host environment, to print beside plexilint's."""
    script = ("import importlib.metadata as m\n"
              "for n in ('flake8','pycodestyle','pyflakes','mccabe','pylint','astroid'):\n"
              "    print(n, m.version(n))")
    done = subprocess.run([str(python), "-c", script], capture_output=True, text=True)
    return dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)


def real_packages(cache: Path) -> Path:
    """A directory holding the pinned packages' sources (built if needed)."""
    directory = cache / f"real-packages-{_digest(list(REAL_PACKAGES))}"
    if not (directory / "complete").is_file():
        shutil.rmtree(directory, ignore_errors=True)
        _run([sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-deps",
              "--no-compile", "--target", str(directory), *REAL_PACKAGES], "install " + " ".join(REAL_PACKAGES))
        (directory / "complete").write_text("\n".join(REAL_PACKAGES) + "\n", encoding="utf-8")
    return directory


def _run(command: list[str], what: str) -> None:
    print(f"setup: {what} ...", file=sys.stderr, flush=True)
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        tail = "\n".join(done.stderr.strip().splitlines()[-5:])
        raise SetupError(f"could not {what}: {tail}")


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _digest(parts: list[str]) -> str:
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:12]
