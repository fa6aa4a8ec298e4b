"""`plexilint server` driven as an editor drives it: a real LSP client over stdio (JSON-RPC,
Content-Length framing) talking to the server in a subprocess; and its text helpers."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from lsprotocol import types
from pygls.workspace import PositionCodec

from conftest import spy_on, write_project
from lsp_client import LspClient
from plexilint.adapters.lsp import rule_links
from plexilint.adapters.lsp.code_actions import FIX_TITLE
from plexilint.adapters.lsp.engine_calls import findings_for_buffers
from plexilint.adapters.lsp.fix_edit import line_edits
from plexilint.adapters.lsp.noqa_comment import comment_fits, with_noqa
from plexilint.adapters.lsp.projects import read_project_config
from plexilint.adapters.lsp.text import character_column, text_lines
from plexilint.engine import extraction
from plexilint.reporting.rule_docs import rule_markdown
from plexilint.rules import rule_for
from plexilint.runner.session import Session
from stub_projects import DUPLICATED_STUBS

REPOSITORY = Path(__file__).resolve().parent.parent
TIMEOUT = 120  # seconds for any one answer: a shared, slow machine
STUBS = DUPLICATED_STUBS
NOT_A_STUB = 'class EventManager:\n    def __init__(self):\n        self.handlers = {"start": print}\n'
CAPABILITIES = {
    "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True},
                  "workspaceEdit": {"documentChanges": True, "resourceOperations": ["create"]}},
    "window": {"showDocument": {"support": True}},
    "textDocument": {"publishDiagnostics": {"relatedInformation": True, "versionSupport": True}},
}


class Editor:
    """The client side of one session: open, change and ask, as an editor would."""

    def __init__(self, root: Path, client: LspClient) -> None:
        self.root = root
        self.client = client

    def uri(self, relative: str) -> str:
        return (self.root / relative).as_uri()

    def start(self) -> dict:
        result = self.client.request("initialize", {"processId": os.getpid(), "rootUri": self.root.as_uri(),
                                                    "capabilities": CAPABILITIES}, TIMEOUT)
        self.client.notify("initialized", {})
        return result

    def open(self, relative: str) -> dict:
        text = (self.root / relative).read_text(encoding="utf-8")
        self.client.notify("textDocument/didOpen", {"textDocument": {
            "uri": self.uri(relative), "languageId": "python", "version": 1, "text": text}})
        return self.client.diagnostics_for(self.uri(relative), TIMEOUT, version=1)

    def change(self, relative: str, version: int, text: str) -> dict:
        self.client.notify("textDocument/didChange", {"textDocument": {"uri": self.uri(relative), "version": version},
                                                      "contentChanges": [{"text": text}]})
        return self.client.diagnostics_for(self.uri(relative), TIMEOUT, version=version)

    def code_actions(self, relative: str, diagnostic: dict) -> list[dict]:
        return self.client.request("textDocument/codeAction", {
            "textDocument": {"uri": self.uri(relative)}, "range": diagnostic["range"],
            "context": {"diagnostics": [diagnostic]}}, TIMEOUT)

    def code_actions_once_fix_computed(self, relative: str, diagnostic: dict) -> list[dict]:
        """The code actions, asked again while the project's fix is computed in the background
        (it is never waited for: the first answer says it is being computed)."""
        deadline = time.monotonic() + TIMEOUT
        while True:
            actions = self.code_actions(relative, diagnostic)
            if not any(action["title"] == f"{FIX_TITLE}: being computed" for action in actions):
                return actions
            assert time.monotonic() < deadline, "the fix was never computed"
            time.sleep(0.1)

    def stop(self) -> int:
        assert self.client.request("shutdown", None, TIMEOUT) is None
        self.client.notify("exit")
        return self.client.process.wait(timeout=TIMEOUT)


@contextlib.contextmanager
def editor_session(tmp_path: Path) -> Iterator[Editor]:
    """A server on a project with a duplicated stub, stopped (killed if need be) at the end."""
    root = write_project(tmp_path / "proj", STUBS, config="")
    environment = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    client = LspClient([sys.executable, "-m", "plexilint", "server"], root, environment)
    try:
        yield Editor(root, client)
    finally:
        client.close()


@pytest.fixture
def editor(tmp_path: Path):
    with editor_session(tmp_path) as session:
        yield session


def assert_capabilities(editor: Editor) -> None:
    capabilities = editor.start()["capabilities"]
    assert capabilities["textDocumentSync"]["change"] == types.TextDocumentSyncKind.Full
    assert capabilities["codeActionProvider"]["codeActionKinds"] == ["quickfix"]
    registration = editor.client.wait_for(lambda m: m.get("method") == "client/registerCapability", TIMEOUT)
    watchers = registration["params"]["registrations"][0]["registerOptions"]["watchers"]
    assert {"globPattern": "**/pyproject.toml"} in watchers


def assert_duplicate_stub(editor: Editor, diagnostic: dict) -> None:
    assert diagnostic["code"] == "PLX101"
    assert diagnostic["source"] == "plexilint"
    assert diagnostic["severity"] == types.DiagnosticSeverity.Information  # PLX101 is a refactor message
    assert diagnostic["range"] == {"start": {"line": 0, "character": 6}, "end": {"line": 0, "character": 18}}
    assert "`EventManager`" in diagnostic["message"]
    href = diagnostic["codeDescription"]["href"]
    assert href.endswith("/PLX101.md") and Path(href.removeprefix("file://")).is_file()
    [related] = diagnostic["relatedInformation"]
    assert related["location"]["uri"] == editor.uri("pkg/files/__init__.py")
    assert related["location"]["range"]["start"] == {"line": 0, "character": 0}


def test_diagnostics_follow_unsaved_buffers_across_modules(editor):
    assert_capabilities(editor)
    [diagnostic] = editor.open("pkg/events/__init__.py")["diagnostics"]
    assert_duplicate_stub(editor, diagnostic)
    twin = editor.open("pkg/files/__init__.py")
    assert [d["code"] for d in twin["diagnostics"]] == ["PLX101"]

    # Unsaved: the file on disk still holds the stub, the buffer no longer does; the twin,
    # open too, loses its finding with it.
    files = editor.uri("pkg/files/__init__.py")
    assert editor.change("pkg/events/__init__.py", 2, NOT_A_STUB)["diagnostics"] == []
    assert editor.client.diagnostics_for(files, TIMEOUT)["diagnostics"] == []
    stub_again = (editor.root / "pkg/events/__init__.py").read_text(encoding="utf-8")
    assert len(editor.change("pkg/events/__init__.py", 3, stub_again)["diagnostics"]) == 1
    assert len(editor.client.diagnostics_for(files, TIMEOUT)["diagnostics"]) == 1

    # A closed document's diagnostics do not linger.
    editor.client.notify("textDocument/didClose", {"textDocument": {"uri": files}})
    assert editor.client.diagnostics_for(files, TIMEOUT) == {"uri": files, "diagnostics": []}
    assert editor.stop() == 0


def assert_documentation_opens(editor: Editor, action: dict) -> None:
    command = {key: action["command"][key] for key in ("command", "arguments")}
    editor.client.request("workspace/executeCommand", command, TIMEOUT)
    shown = editor.client.wait_for(lambda m: m.get("method") == "window/showDocument", TIMEOUT)
    assert shown["params"]["uri"].endswith("/PLX101.md")


def assert_consolidation(editor: Editor, action: dict) -> None:
    changes = action["edit"]["documentChanges"]
    assert changes[0] == {"kind": "create", "uri": editor.uri("pkg/fallbacks.py"), "options": {"overwrite": False}}
    edited = {change["textDocument"]["uri"]: change for change in changes[1:]}
    assert "class EventManager" in edited[editor.uri("pkg/fallbacks.py")]["edits"][0]["newText"]
    events = edited[editor.uri("pkg/events/__init__.py")]
    assert events["textDocument"]["version"] == 1
    # Nothing in the module uses it: an explicit re-export (flake8 does not count it unused).
    assert [e["newText"] for e in events["edits"]] == [
        "from pkg.fallbacks import EventManager as EventManager  # noqa: F401\n"]


def test_code_actions_suppress_document_and_fix(editor):
    editor.start()
    [diagnostic] = editor.open("pkg/events/__init__.py")["diagnostics"]
    first = editor.code_actions("pkg/events/__init__.py", diagnostic)
    assert first[-1]["disabled"]["reason"] == "plexilint is computing the project's fix: ask again in a moment"
    offered = editor.code_actions_once_fix_computed("pkg/events/__init__.py", diagnostic)
    actions = {action["title"].split(" ")[0]: action for action in offered}
    assert set(actions) == {"Suppress", "Open", "Consolidate"}
    [edit] = actions["Suppress"]["edit"]["changes"][editor.uri("pkg/events/__init__.py")]
    assert edit == {"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 19}},
                    "newText": "class EventManager:  # noqa: PLX101"}
    assert_documentation_opens(editor, actions["Open"])
    assert_consolidation(editor, actions["Consolidate"])

    # The suppression, applied to the buffer, silences the finding; the fix, computed from the
    # saved file, is then disabled.
    source = (editor.root / "pkg/events/__init__.py").read_text(encoding="utf-8")
    suppressed = source.replace("class EventManager:", edit["newText"], 1)
    assert editor.change("pkg/events/__init__.py", 2, suppressed)["diagnostics"] == []
    unsaved = editor.code_actions_once_fix_computed("pkg/events/__init__.py", diagnostic)
    [fix] = [action for action in unsaved if action["title"].startswith("Consolidate")]
    assert fix["disabled"]["reason"].startswith("save pkg/events/__init__.py first")
    assert "edit" not in fix
    assert editor.stop() == 0


def test_configuration_reloads_and_errors_are_shown_not_fatal(editor):
    editor.start()
    assert [d["code"] for d in editor.open("pkg/events/__init__.py")["diagnostics"]] == ["PLX101"]
    pyproject = editor.root / "pyproject.toml"
    events = editor.uri("pkg/events/__init__.py")

    # Saved in the editor: an invalid value is an error message naming the key, and pauses
    # the project's diagnostics.
    pyproject.write_text('[tool.plexilint.complexity]\nmax-cyclomatic = "high"\n', encoding="utf-8")
    editor.client.notify("textDocument/didSave", {"textDocument": {"uri": pyproject.as_uri()}})
    error = editor.client.wait_for(lambda m: m.get("method") == "window/showMessage", TIMEOUT)["params"]
    assert error["type"] == types.MessageType.Error
    assert "invalid value for 'complexity.max-cyclomatic'" in error["message"]
    assert str(pyproject) in error["message"]
    assert editor.client.diagnostics_for(events, TIMEOUT)["diagnostics"] == []

    pyproject.write_text("[tool.plexilint]\n", encoding="utf-8")
    editor.client.notify("textDocument/didSave", {"textDocument": {"uri": pyproject.as_uri()}})
    assert [d["code"] for d in editor.client.diagnostics_for(events, TIMEOUT)["diagnostics"]] == ["PLX101"]

    # Changed outside the editor: the watched-files notification reloads it.
    pyproject.write_text('[tool.plexilint]\nignore = ["PLX101"]\n', encoding="utf-8")
    editor.client.notify("workspace/didChangeWatchedFiles", {"changes": [
        {"uri": pyproject.as_uri(), "type": types.FileChangeType.Changed}]})
    assert editor.client.diagnostics_for(events, TIMEOUT)["diagnostics"] == []
    assert editor.stop() == 0


def test_other_commands_do_not_load_pygls():
    code = ("import sys; from plexilint.adapters.cli import main; main(['rules']); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pygls', 'lsprotocol')), file=sys.stderr)")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=TIMEOUT)
    assert run.returncode == 0 and run.stderr.strip() == "[]"


@pytest.mark.parametrize(("line", "expected"), [
    ("class A:", "class A:  # noqa: PLX101"),
    ("class A:  # a comment", "class A:  # a comment  # noqa: PLX101"),
    ("class A:  # noqa: E501", "class A:  # noqa: E501, PLX101"),
    ("class A:  # noqa:E501,W291  # why", "class A:  # noqa:E501,W291, PLX101  # why"),
    ("class A:  # noqa: PLX1", None),  # a prefix already covers the code
    ("class A:  # noqa", None),
])
def test_noqa_comment_is_appended_or_merged(line, expected):
    assert with_noqa(line, "PLX101") == expected


def test_no_comment_inside_a_multiline_string_or_after_a_backslash():
    text = 'x = """one\ntwo"""\ny = 1 + \\\n    2\nz = 3\n'
    assert [comment_fits(text, n) for n in range(1, 6)] == [False, True, False, True, True]


def test_columns_are_converted_from_utf8_bytes():
    line = 'name = "héllo"; other = 1'
    assert character_column(line, line.encode("utf-8").index(b"other")) == line.index("other")
    assert text_lines("a\fb\r\nc\rd") == ["a\fb", "c", "d"]  # a form feed is no line break


def test_fix_edits_touch_only_the_changed_lines():
    codec = PositionCodec(types.PositionEncodingKind.Utf16)
    before = "import os\n\nclass A:\n    pass\n\nprint(os)"
    after = "import os\nfrom pkg.fallbacks import A\n\nprint(os)"
    edits = line_edits(before, after, codec)
    assert [(e.range.start.line, e.range.end.line, e.new_text) for e in edits] == [
        (1, 4, "from pkg.fallbacks import A\n")]
    assert line_edits("a\nb", "a\nc", codec)[0].range.end == types.Position(1, 1)  # no final line break


def test_an_installed_package_writes_the_rule_page_it_links_to(tmp_path, monkeypatch):
    monkeypatch.setattr(rule_links, "CHECKOUT_DOCS", tmp_path / "no-checkout")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    rule_links.rule_doc_uri.cache_clear()
    try:
        uri = rule_links.rule_doc_uri("PLX101")
        assert rule_links.rule_doc_uri("PLX999") is None
    finally:
        rule_links.rule_doc_uri.cache_clear()
    page = Path(uri.removeprefix("file://"))
    assert page.parent.parent == tmp_path / "cache" / "plexilint"
    assert page.read_text(encoding="utf-8") == rule_markdown(rule_for("PLX101"))


def test_a_changed_buffer_is_the_only_file_extracted_again_and_its_old_facts_are_dropped(project, monkeypatch):
    root = project(STUBS)
    events = root / "pkg" / "events" / "__init__.py"
    config = read_project_config(root)
    extracted = spy_on(monkeypatch, extraction, "extract_facts")
    session = Session()  # the server's
    findings_for_buffers(root, config, {events: events.read_bytes()}, session)
    assert len(extracted) == 3
    memoised = len(session.facts)
    for typed in ("x", "xy", "xyz"):
        findings_for_buffers(root, config, {events: events.read_bytes() + f"{typed} = 1\n".encode()}, session)
    assert extracted[3:] == [events.resolve()] * 3
    assert len(session.facts) == memoised  # each buffer version replaces the one before


def test_the_live_project_finds_what_a_fresh_analysis_finds_edit_after_edit(tmp_path):
    """Edits that change what project-wide rules read, and edits that do not (whose rules'
    findings are reused), shifted lines and a file left alone again: after each, the live
    project's findings are those of analysing the project afresh with the same buffers."""
    import shutil

    from plexilint.adapters.lsp.engine_calls import live_findings, live_project
    from plexilint.runner.project import analyse_project

    root = tmp_path / "legacy"
    shutil.copytree(REPOSITORY / "sample_projects" / "plexichat_legacy", root)
    config = read_project_config(root)
    files = sorted(root.rglob("*.py"))
    edited = [path for path in files if "class " in path.read_text(encoding="utf-8")][:3]
    project = live_project(Session(), root, config)
    for _ in project.index_steps():
        pass
    originals = {path: path.read_bytes() for path in edited}
    edits = [
        {edited[0]: originals[edited[0]] + b"\n# a comment\n"},
        {edited[0]: b"\n\n" + originals[edited[0]]},  # every line moves
        {edited[0]: originals[edited[0]], edited[1]: originals[edited[1]].replace(b"class ", b"class Renamed", 1)},
        {edited[1]: b"class Broken(:\n"},
        {edited[2]: originals[edited[2]] + b"\nclass EventManager:\n    pass\n"},
        {},
    ]
    for buffers in edits:
        live = live_findings(project, buffers, files)
        fresh = analyse_project(root, config, overrides=buffers)
        for path in files:
            assert live[path] == fresh.findings_for(path), path
