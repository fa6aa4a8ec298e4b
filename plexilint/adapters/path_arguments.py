"""Paths named on the command line that no command can use: a file or folder to analyse that
does not exist, or a symbolic link loop, which resolves to nothing (Python raises RuntimeError or
OSError deep inside pathlib); said once, up front, for every command alike."""

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


# The positional arguments naming what to analyse (`check PATH ...`, `fix [PATH]`, ...); `-` is
# standard input. Options such as `-o FILE` or `baseline create --baseline FILE` may name a file
# still to be written.
ANALYSED_PATHS = ("paths", "path")
STANDARD_INPUT = Path("-")


def check_path_arguments(args: argparse.Namespace) -> None:
    """Raises UnusablePath for the first path argument that is a symbolic link loop, and
    FileNotFoundError for the first file or folder to analyse that does not exist."""
    for name in ANALYSED_PATHS:
        value = getattr(args, name, None)
        for candidate in value if isinstance(value, list) else [value]:
            if (isinstance(candidate, Path) and candidate != STANDARD_INPUT
                    and not os.path.lexists(candidate)):
                raise FileNotFoundError(str(candidate))
    for value in vars(args).values():
        candidates = value if isinstance(value, list) else [value]
        for candidate in candidates:
            if isinstance(candidate, Path) and _loops(candidate):
                raise UnusablePath(f"{candidate}: a symbolic link loop (it points, through other links, back "
                                   "to itself); name the file or folder it was meant to point to")
