"""The notes of a run (a rule family that stays silent, and why) where flake8 and pylint show
them: on stderr, each once per run, as ``plexilint: note: ...``. Their stdout stays the
findings alone, so tools that parse it are not disturbed.

Once per run also with ``-j N``: only the main process writes. flake8's is given the notes of
the projects it was asked to check before its workers start (`announce_flake8_notes`);
pylint's workers hand theirs to the main process through pylint's map/reduce of checker data
(`PylintNotes`)."""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TextIO

from plexilint.config import ConfigError, find_project_root
from plexilint.config.loader import PROJECT_MARKER
from plexilint.engine.baseline_file import BaselineError
from plexilint.adapters.flake8_selection import codes_flake8_reports
from plexilint.runner.project import ProjectAnalysis
from plexilint.runner.session import ConfigAdjustment, Session
from plexilint.model import Note

PREFIX = "plexilint: note: "


def announce_notes(analyses: Iterable[ProjectAnalysis], written: set[Note], stream: TextIO | None = None,
                   relevant: Callable[[Note], bool] = lambda note: True) -> list[Note]:
    """Writes each note of ``analyses`` that is ``relevant`` and not ``written`` before in this
    run (``detail`` notes are for `plexilint check --statistics` only). In a worker process
    nothing is written: the notes are returned, for the main process to write."""
    notes = [note for analysis in analyses for note in analysis.notes if not note.detail and relevant(note)]
    if _in_worker_process():
        return notes
    write_notes(notes, written, stream)
    return []


def write_notes(notes: Iterable[Note], written: set[Note], stream: TextIO | None = None) -> None:
    """Writes each note not in ``written`` (the notes this run has written, whatever project
    gave them), and adds it there."""
    stream = stream or sys.stderr
    for note in notes:
        if note not in written:
            written.add(note)
            stream.write(f"{PREFIX}{note.message}\n")
    stream.flush()


def _in_worker_process() -> bool:
    """A process that flake8's or pylint's ``-j N`` started (their own main process has no
    multiprocessing parent)."""
    return multiprocessing.parent_process() is not None


def announce_flake8_notes(options: Any, session: Session, stream: TextIO | None = None,
                          adjust: ConfigAdjustment | None = None) -> None:
    """From flake8's main process, before its workers start: the notes of each declared project
    (a directory with a pyproject.toml) holding a path flake8 was given, about the rules its
    selection reports (`flake8 --select E,W,F` hears nothing about plexilint's). Analysing the
    project now costs nothing more: its files are then answered from the same analysis."""
    if _in_worker_process():
        return
    names = [name for name in getattr(options, "filenames", None) or ["."] if name != "-"]
    roots = {find_project_root(Path(name)) for name in names if Path(name).exists()}
    analyses = []
    for root in sorted(roots):
        if not (root / PROJECT_MARKER).is_file():
            continue
        try:
            analyses.append(session.project_analysis_for(root, adjust=adjust))
        except (ConfigError, BaselineError, OSError):
            continue  # the files that meet the problem report it, as flake8 expects
    announce_notes(analyses, set(), stream, _selected_by_flake8(options))  # the run's only announcement


def _selected_by_flake8(options: Any) -> Callable[[Note], bool]:
    """Whether flake8's --select/--ignore report any rule a note is about."""
    reported = codes_flake8_reports(options)
    if reported is None:  # options without flake8's selection (a caller of its own)
        return lambda note: True
    return lambda note: any(code.startswith(note.source) for code in reported)


class PylintNotes:
    """Mixed into plexilint's pylint checkers (one per rule family, each announcing its
    family's notes): `announce_notes` after a module's project is analysed. With ``-j N`` the
    workers' notes reach pylint's main process as map/reduce data and are written there."""

    family = ""
    written_notes: set[Note]  # of the pylint run, shared by its family checkers
    _held_notes: list[Note]  # a worker's notes not handed over yet

    def announce_notes(self, analysis: ProjectAnalysis) -> None:
        held = announce_notes([analysis], self.written_notes,
                              relevant=lambda note: note.source.startswith(self.family))
        self._held_notes = [*getattr(self, "_held_notes", ()), *held]

    def get_map_data(self) -> list[Note] | None:
        held = getattr(self, "_held_notes", None)
        self._held_notes = []
        return held or None

    def reduce_map_data(self, linter: Any, data: list[list[Note]]) -> None:
        write_notes((note for held in data for note in held), self.written_notes)
