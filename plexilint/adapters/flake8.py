"""flake8 plugin: ``flake8 --select PLX``. flake8 hands over one file at a time; the
project index (built once per process) answers the cross-module questions."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from flake8.exceptions import ExecutionError

from plexilint import __version__
from plexilint.adapters.notes import announce_flake8_notes
from plexilint.adapters.startup import check_configuration_or_exit
from plexilint.config import ConfigError
from plexilint.engine.facts import decode_source
from plexilint.engine.baseline_file import BaselineError
from plexilint.engine.baseline_run import without_baselined
from plexilint.engine.project import findings_for_source, project_analysis_for
from plexilint.engine.suppressions import NoqaMode


class PlexilintChecker:
    name = "plexilint"
    version = __version__
    disable_noqa = False  # flake8's --disable-noqa, read in parse_options

    @classmethod
    def parse_options(cls, options: object) -> None:
        """Runs once, in flake8's main process: a bad configuration stops the run before any
        worker starts, with the message naming the key (exit status 2)."""
        cls.disable_noqa = bool(getattr(options, "disable_noqa", False))
        check_configuration_or_exit(Path.cwd())
        announce_flake8_notes(options)

    def __init__(self, tree: ast.AST, filename: str, lines: list[str]) -> None:
        self.filename = filename
        self.lines = lines

    def run(self) -> Iterator[tuple[int, int, str, type]]:
        if self.filename in ("stdin", "-", None):
            return  # no path: no project to place the file in
        source = self._source_bytes(Path(self.filename))
        # flake8 applies `# noqa` on the reported line itself, exactly as the CLI does; a noqa
        # above a block is plexilint's to apply.
        noqa = NoqaMode.NONE if self.disable_noqa else NoqaMode.BLOCK_LINES
        try:
            findings = findings_for_source(Path(self.filename), source, noqa=noqa)
            analysis = project_analysis_for(Path(self.filename))
            buffer = {Path(self.filename).resolve().as_posix(): source}
            findings = without_baselined(analysis.root, analysis.config, findings, buffer)
        except BaselineError as error:
            raise ExecutionError(f"plexilint: baseline error\n{error}") from None
        except ConfigError as error:
            # A project other than the current directory's has a bad configuration: flake8
            # stops with the message (ExecutionError is what it reports without a traceback,
            # also from a worker process); never SystemExit, which would leave flake8's worker
            # pool waiting forever.
            raise ExecutionError(f"plexilint: configuration error\n{error}") from None
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
