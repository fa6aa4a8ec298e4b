"""Where `plexilint check` reads code from: standard input standing for a file (`-` with
`--stdin-filename`, as editors and formatter runners pass a buffer), and the lines that
`--show-source` prints (the analysed text, standard input's included)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from plexilint.adapters.check_narrowing import UsageError
from plexilint.engine.facts import decode_source
from plexilint.engine.sources import read_file_bytes

STDIN = Path("-")


def read_standard_input(args: argparse.Namespace) -> dict[Path, bytes] | None:
    """With PATH `-`: {the --stdin-filename file: standard input's bytes}, and that file becomes
    the path checked. None otherwise. Raises UsageError for a half-given pair."""
    if STDIN not in args.paths:
        if args.stdin_filename is not None:
            raise UsageError("--stdin-filename names the file standard input stands for: give `-` as the PATH")
        return None
    if args.paths != [STDIN]:
        raise UsageError("`-` (standard input) cannot be combined with other paths")
    if args.stdin_filename is None:
        raise UsageError("`-` needs --stdin-filename PATH: the file standard input stands for, so that it "
                         "is analysed inside its project")
    if args.stdin_filename.is_dir():
        raise UsageError(f"--stdin-filename {args.stdin_filename}: a directory, not a file")
    args.paths = [args.stdin_filename]
    return {args.stdin_filename.resolve(): sys.stdin.buffer.read()}


class SourceLines:
    """The lines of each reported file, read once, as the analysis saw them."""

    def __init__(self, overrides: dict[Path, bytes] | None = None) -> None:
        self._overrides = {path.as_posix(): data for path, data in (overrides or {}).items()}
        self._lines: dict[str, list[str] | None] = {}

    def __call__(self, path: str) -> list[str] | None:
        if path not in self._lines:
            self._lines[path] = self._read(path)
        return self._lines[path]

    def _read(self, path: str) -> list[str] | None:
        try:
            data = self._overrides[path] if path in self._overrides else read_file_bytes(Path(path))
            source = decode_source(data)
        except (OSError, UnicodeDecodeError, SyntaxError, LookupError):
            return None
        # Only the line breaks Python itself knows (str.splitlines also splits on \f, \x1c...).
        return source.replace("\r\n", "\n").replace("\r", "\n").split("\n")
