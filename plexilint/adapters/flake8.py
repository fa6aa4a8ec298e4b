"""flake8 plugin: ``flake8 --select PLX``. flake8 hands over one file at a time; the
project index (built once per process) answers the cross-module questions."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from plexilint import __version__
from plexilint.config import ConfigError
from plexilint.engine.facts import decode_source
from plexilint.engine.project import findings_for_source


class PlexilintChecker:
    name = "plexilint"
    version = __version__

    def __init__(self, tree: ast.AST, filename: str, lines: list[str]) -> None:
        self.filename = filename
        self.lines = lines

    def run(self) -> Iterator[tuple[int, int, str, type]]:
        if self.filename in ("stdin", "-", None):
            return  # no path: no project to place the file in
        source = self._source_bytes(Path(self.filename))
        try:
            # flake8 applies `# noqa` itself, exactly as the CLI does.
            findings = findings_for_source(Path(self.filename), source, apply_noqa=False)
        except ConfigError as error:
            raise SystemExit(f"plexilint: configuration error\n{error}") from None
        for finding in findings:
            yield finding.line, finding.column, f"{finding.code} {finding.message}", type(self)

    def _source_bytes(self, path: Path) -> bytes:
        """The file's bytes when flake8's lines are what is on disk (so an undecodable file is
        PLX001 as in the CLI), else the lines flake8 was given (stdin, an editor buffer)."""
        given = "".join(self.lines)
        try:
            data = path.read_bytes()
        except OSError:
            return given.encode("utf-8")
        try:
            on_disk = decode_source(data)
        except (UnicodeDecodeError, LookupError, SyntaxError):
            on_disk = data.decode("latin-1")  # what flake8 itself falls back to
        normalise = lambda text: text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")  # noqa: E731
        return data if normalise(on_disk) == normalise(given) else given.encode("utf-8")
