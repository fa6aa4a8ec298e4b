"""The notes of a run (here: the database rules are off in a project without a fallback manager)
in the front-ends besides the CLI: flake8 and pylint write each once per run to stderr (also
with -j 2), the language server shows each once per project in a session."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lsprotocol import types

from conftest import SAMPLES
from frontends import SYMBOL_TO_CODE
from lsp_client import LspClient
from plexilint.adapters import notes as adapter_notes
from plexilint.adapters.lsp.notes import NoteMessages
from plexilint.model import Note
from plexilint.rules.database.advice import NO_MANAGER_NOTE
from test_language_server import TIMEOUT, Editor

NO_MANAGER = SAMPLES / "fastapi_no_manager"
NOTE_LINE = f"plexilint: note: {NO_MANAGER_NOTE.message}"
MADE_UP_ANSWER = ("src/shop/services/catalog.py", 25, "PLX204")


def _run(command: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"}, timeout=TIMEOUT)


def _note_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("plexilint: note: ")]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_flake8_writes_the_note_once_to_stderr_and_only_findings_to_stdout(jobs):
    result = _run([sys.executable, "-m", "flake8", "--isolated", "--select", "PLX", "--jobs", jobs, "."], NO_MANAGER)
    assert result.returncode == 1, result.stderr
    found = [line.split(" ", 2)[:2] for line in result.stdout.splitlines()]
    path, line, code = MADE_UP_ANSWER
    assert found == [[f"./{path}:{line}:20:", code]], result.stdout
    assert _note_lines(result.stderr) == [NOTE_LINE], result.stderr


def test_flake8_selecting_other_codes_hears_no_plexilint_note():
    result = _run([sys.executable, "-m", "flake8", "--isolated", "--select", "E9", "--jobs", "2", "."], NO_MANAGER)
    assert result.returncode == 0, result.stderr
    assert _note_lines(result.stderr) == []


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_pylint_writes_the_note_once_to_stderr_and_only_findings_to_stdout(jobs):
    result = _run([sys.executable, "-m", "pylint", "--load-plugins=plexilint.pylint", "--disable=all",
                   f"--enable={','.join(SYMBOL_TO_CODE)}", "--output-format=parseable", "--score=n",
                   "--recursive=y", f"--jobs={jobs}", "--persistent=n", "."], NO_MANAGER)
    assert "Traceback" not in result.stderr, result.stderr
    messages = [line for line in result.stdout.splitlines() if not line.startswith("*" * 13)]
    path, line, _ = MADE_UP_ANSWER
    assert len(messages) == 1 and messages[0].startswith(f"{path}:{line}: ") and "(mock-response-on-failure)" in messages[0], \
        result.stdout
    assert _note_lines(result.stderr) == [NOTE_LINE], result.stderr


def test_announced_notes_are_written_once_per_run_and_detail_notes_never(monkeypatch):
    detail = Note("PLX2", "the manager found", detail=True)
    other = Note("PLX3", "something about contracts")

    class Analysis:
        notes = (NO_MANAGER_NOTE, detail, other)

    stream = io.StringIO()
    written: set[Note] = set()  # the run's
    assert adapter_notes.announce_notes([Analysis(), Analysis()], written, stream) == []
    adapter_notes.announce_notes([Analysis()], written, stream, relevant=lambda note: note.source == "PLX2")
    assert stream.getvalue().splitlines() == [NOTE_LINE, "plexilint: note: something about contracts"]


def test_a_worker_process_hands_its_notes_over_instead_of_writing_them(monkeypatch):
    monkeypatch.setattr(adapter_notes, "_in_worker_process", lambda: True)

    class Analysis:
        notes = (NO_MANAGER_NOTE,)

    class Checker(adapter_notes.PylintNotes):
        family = "PLX2"

    checker = Checker()
    checker.written_notes = set()  # the pylint run's
    checker.announce_notes(Analysis())
    data = checker.get_map_data()
    assert data == [NO_MANAGER_NOTE] and checker.get_map_data() is None
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    checker.reduce_map_data(None, [data, data])  # what two workers sent: written once
    assert sys.stderr.getvalue().splitlines() == [NOTE_LINE]


def test_the_editor_is_told_a_project_note_once_and_again_only_when_it_changes():
    shown = []

    class Server:
        def window_show_message(self, params):
            shown.append(params)

    messages = NoteMessages(Server())
    root = Path("/projects/shop")
    changed = Note("PLX2", "another reason")
    for notes in [(NO_MANAGER_NOTE,), (NO_MANAGER_NOTE,), (), (NO_MANAGER_NOTE, changed), (changed,)]:
        messages.show(root, notes)
    messages.show(Path("/projects/other"), (NO_MANAGER_NOTE, Note("PLX2", "the manager found", detail=True)))
    assert [(p.type, p.message) for p in shown] == [
        (types.MessageType.Info, f"plexilint (shop): {NO_MANAGER_NOTE.message}"),
        (types.MessageType.Info, f"plexilint (shop): {NO_MANAGER_NOTE.message}"),  # shown again: it had gone
        (types.MessageType.Info, "plexilint (shop): another reason"),
        (types.MessageType.Info, f"plexilint (other): {NO_MANAGER_NOTE.message}"),
    ]


def test_the_language_server_shows_the_note_once_not_at_every_edit(tmp_path):
    root = shutil.copytree(NO_MANAGER, tmp_path / "shop")
    client = LspClient([sys.executable, "-m", "plexilint", "server"], root, dict(os.environ))
    try:
        editor = Editor(root, client)
        editor.start()
        relative = MADE_UP_ANSWER[0]
        assert [d["code"] for d in editor.open(relative)["diagnostics"]] == ["PLX204"]
        shown = client.wait_for(lambda m: m.get("method") == "window/showMessage", TIMEOUT, "the note")["params"]
        assert shown == {"type": types.MessageType.Info, "message": f"plexilint (shop): {NO_MANAGER_NOTE.message}"}

        text = (root / relative).read_text(encoding="utf-8")
        assert [d["code"] for d in editor.change(relative, 2, text + "\n\nLIMIT = 10\n")["diagnostics"]] == ["PLX204"]
        assert [d["code"] for d in editor.change(relative, 3, text)["diagnostics"]] == ["PLX204"]
        assert editor.stop() == 0  # every message the analyses sent came before the reply to shutdown
        assert [m for m in client.received if m.get("method") == "window/showMessage"] == [
            {"jsonrpc": "2.0", "method": "window/showMessage", "params": shown}]
    finally:
        client.close()
