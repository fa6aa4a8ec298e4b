"""The pygls language server: LSP messages in, calls to the diagnostics and the quick fixes out."""

from __future__ import annotations

import asyncio
import logging
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any, BinaryIO

from lsprotocol import types
from pygls.io_ import StdoutWriter
from pygls.lsp.server import LanguageServer

from plexilint import __version__
from plexilint.adapters.lsp.code_actions import OPEN_RULE_DOCUMENTATION
from plexilint.adapters.lsp.documents import ProjectDocuments, document_path
from plexilint.adapters.lsp.live_diagnostics import LiveDiagnostics
from plexilint.adapters.lsp.quick_fixes import QuickFixes
from plexilint.adapters.lsp.fast_start import EarlyStart
from plexilint.adapters.lsp.transport import WithoutReplyTo, serve_messages

logger = logging.getLogger(__name__)

WATCHED_FILES = ("**/pyproject.toml", "**/*.py", "**/*.pyi")


class PlexilintServer(LanguageServer):
    def __init__(self, debounce: float) -> None:
        # Whole documents on each change: pygls applies incremental changes by str.splitlines,
        # which also breaks lines at form feeds and would corrupt such buffers.
        super().__init__("plexilint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full)
        # One analysis at a time, off the event loop: requests are answered while it runs.
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="plexilint-analysis")
        documents = ProjectDocuments(self)
        self.diagnostics = LiveDiagnostics(documents, self.executor, debounce)
        self.quick_fixes = QuickFixes(documents)
        self.shutdown_requested = False

    def stop_analysing(self) -> None:
        self.diagnostics.cancel_all()
        self.quick_fixes.shutdown()
        self.executor.shutdown(wait=False, cancel_futures=True)

    def start_io(self, stdin: BinaryIO | None = None, stdout: BinaryIO | None = None,
                 early: EarlyStart | None = None) -> None:
        """pygls's stdio server with plexilint's reader (transport.py): a malformed message
        is skipped, never the end of the session."""
        self._stop_event = threading.Event()
        writer = StdoutWriter(stdout or sys.stdout.buffer)
        answered = early.answered if early is not None else None
        self.protocol.set_writer(writer if answered is None else WithoutReplyTo(writer, answered))
        try:
            asyncio.run(serve_messages(self.protocol, stdin or sys.stdin.buffer, self._stop_event, early))
        except BrokenPipeError:
            logger.error("plexilint: the editor closed the connection")
        except (KeyboardInterrupt, SystemExit):
            pass
        finally:
            self.shutdown()

    def report_server_error(self, error: Exception, source: Any) -> None:
        """Logged (editors show the server's stderr in their LSP log), never popped up: a
        notification the server could not handle, e.g. a change to a document never opened,
        is no reason to interrupt the user."""
        logger.warning("plexilint: %s: %s", getattr(source, "__name__", source), error)


def build_server(debounce: float) -> PlexilintServer:
    server = PlexilintServer(debounce)

    @server.feature(types.INITIALIZED)
    def initialized(ls: PlexilintServer, params: types.InitializedParams) -> None:
        _watch_files(ls)
        uris = [folder.uri for folder in ls.workspace.folders.values()] or [ls.workspace.root_uri]
        for uri in uris:  # indexed in the background
            path = document_path(uri) if uri else None
            if path is not None:
                ls.diagnostics.index_folder(path)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: PlexilintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.diagnostics.opened(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: PlexilintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.diagnostics.changed(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
    def did_save(ls: PlexilintServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.diagnostics.saved(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: PlexilintServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.diagnostics.closed(params.text_document.uri)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(ls: PlexilintServer, params: types.DidChangeWatchedFilesParams) -> None:
        ls.diagnostics.files_changed(params.changes)

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
    async def code_action(ls: PlexilintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return await ls.quick_fixes.code_actions(params)

    @server.command(OPEN_RULE_DOCUMENTATION)
    async def open_rule_documentation(ls: PlexilintServer, code: str) -> None:
        await ls.quick_fixes.open_rule_documentation(code)

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: PlexilintServer, params: None) -> None:
        ls.shutdown_requested = True
        ls.stop_analysing()

    return server


def _watch_files(server: PlexilintServer) -> None:
    """Asks the client to report pyproject.toml and Python files changed outside the editor
    (a `git checkout`, a formatter), when it can watch files for the server."""
    workspace = server.client_capabilities.workspace
    watched = workspace.did_change_watched_files if workspace is not None else None
    if watched is None or not watched.dynamic_registration:
        return
    options = types.DidChangeWatchedFilesRegistrationOptions(
        watchers=[types.FileSystemWatcher(glob_pattern=pattern) for pattern in WATCHED_FILES])
    registration = types.Registration(id="plexilint-watched-files", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                                      register_options=options)
    server.client_register_capability(types.RegistrationParams(registrations=[registration]))


def serve(debounce: float, early: EarlyStart | None = None) -> int:
    """Serves one client over stdin/stdout; the exit status LSP asks for (0 after `shutdown`).
    ``early``: what was read, and answered, before the server was built (fast_start.py)."""
    server = build_server(debounce)
    server.start_io(early=early)
    return 0 if server.shutdown_requested else 1
