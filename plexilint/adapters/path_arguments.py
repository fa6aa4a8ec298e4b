"""Paths named on the command line that no command can use: a symbolic link loop resolves to
nothing (Python raises RuntimeError or OSError deep inside pathlib); said once, up front."""

from __future__ import annotations

import argparse
import errno
import os
from pathlib import Path

from plexilint.adapters.check_narrowing import UsageError


class UnusablePath(UsageError):
    """A path argument that cannot be resolved; the message names it."""


def _loops(path: Path) -> bool:
    try:
        os.stat(path)
    except OSError as error:
        if error.errno == errno.ELOOP:
            return True
    try:
        path.resolve()
    except RuntimeError:  # Python before 3.13 reports a loop this way
        return True
    except OSError as error:
        return error.errno == errno.ELOOP
    return False


def check_path_arguments(args: argparse.Namespace) -> None:
    """Raises UnusablePath for the first path argument that is a symbolic link loop."""
    for value in vars(args).values():
        candidates = value if isinstance(value, list) else [value]
        for candidate in candidates:
            if isinstance(candidate, Path) and _loops(candidate):
                raise UnusablePath(f"{candidate}: a symbolic link loop (it points, through other links, back "
                                   "to itself); name the file or folder it was meant to point to")
