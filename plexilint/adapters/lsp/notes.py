"""The notes of a project's analysis (a rule family that stays silent, and why) as editor
messages: each shown once per project in a session, not at every change; again only when the
project's notes change (a manager declared, then removed)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from plexilint.model import Note


class NoteMessages:
    def __init__(self, server: LanguageServer) -> None:
        self.server = server
        self._shown: dict[Path, tuple[Note, ...]] = {}  # by project root: the notes last shown

    def show(self, root: Path, notes: Iterable[Note]) -> None:
        """After a complete analysis of the project at ``root``: its notes not shown last time
        (``detail`` notes are for `--statistics`, never popped up)."""
        current = tuple(note for note in notes if not note.detail)
        before = self._shown.get(root, ())
        self._shown[root] = current
        for note in current:
            if note not in before:
                self.server.window_show_message(types.ShowMessageParams(
                    type=types.MessageType.Info, message=f"plexilint ({root.name}): {note.message}"))
