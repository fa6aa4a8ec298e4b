"""Diagnostics of the open documents, kept current: each change re-analyses the document's
project (debounced while typing, off the event loop) and publishes what changed."""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import Executor
from pathlib import Path

from lsprotocol import types

from plexilint.adapters.lsp.diagnostics import diagnostic_for
from plexilint.adapters.lsp.documents import OpenDocument, ProjectDocuments, document_path, is_python
from plexilint.adapters.lsp.engine_calls import findings_for_buffers
from plexilint.adapters.lsp.scheduler import Scheduler
from plexilint.adapters.lsp.text import buffer_bytes, text_lines
from plexilint.config.loader import PROJECT_MARKER
from plexilint.engine.discovery import PYTHON_SUFFIXES
from plexilint.model import Finding

logger = logging.getLogger(__name__)


class LiveDiagnostics:
    def __init__(self, documents: ProjectDocuments, executor: Executor, debounce: float) -> None:
        self.documents = documents
        self.server = documents.server
        self.executor = executor  # one thread: the engine's memo of facts is shared
        self.scheduler = Scheduler(self._analyse, debounce)
        self.published: dict[str, tuple[int | None, list[types.Diagnostic]]] = {}

    def opened(self, uri: str) -> None:
        self._request(uri, now=True)

    def changed(self, uri: str) -> None:
        self._request(uri, now=False)  # debounced: typing does not queue analyses

    def saved(self, uri: str) -> None:
        path = document_path(uri)
        if path is not None and path.name == PROJECT_MARKER:
            self.configuration_changed()
            return
        self.documents.saved_files_changed()
        self._request(uri, now=True)

    def closed(self, uri: str) -> None:
        if self.published.pop(uri, None) is not None:
            self._send(uri, None, [])
        path = document_path(uri)
        if path is not None and path.suffix in PYTHON_SUFFIXES:
            # The saved file stands in for the buffer now: its twins' findings may change.
            self.scheduler.request(self.documents.root_of(path), now=True)

    def files_changed(self, changes: list[types.FileEvent]) -> None:
        """Files changed outside the editor (a `git checkout`, a formatter, pyproject.toml)."""
        paths = [p for p in (document_path(change.uri) for change in changes) if p is not None]
        if any(path.name == PROJECT_MARKER for path in paths):
            self.configuration_changed()
        elif any(path.suffix in PYTHON_SUFFIXES for path in paths):
            self.documents.saved_files_changed()
            for root in self.documents.open_roots():
                self.scheduler.request(root, now=True)

    def configuration_changed(self) -> None:
        self.documents.configuration_changed()
        for root in self.documents.open_roots():
            self.scheduler.request(root, now=True)

    def _request(self, uri: str, now: bool) -> None:
        path = document_path(uri)
        document = self.server.workspace.text_documents.get(uri)
        if path is not None and document is not None and is_python(document):
            self.scheduler.request(self.documents.root_of(path), now)

    async def _analyse(self, root: Path) -> None:
        project = self.documents.project(root)
        documents = self.documents.open_documents(root)
        if not documents:
            return
        findings: dict[Path, list[Finding]] = {path: [] for path in documents}  # an invalid configuration
        if project.config is not None:
            buffers = {path: buffer_bytes(document.text) for path, document in documents.items()}
            try:
                findings = await asyncio.get_running_loop().run_in_executor(
                    self.executor, findings_for_buffers, root, project.config, buffers)
            except Exception as error:  # one failed analysis must not stop the server
                logger.exception("plexilint: analysing %s failed", root)
                self.documents.show_error(f"plexilint: analysing {root} failed: {error!r}")
                return
        if self.scheduler.is_pending(root):
            return  # a newer change is due: these results are stale already
        still_open = self.server.workspace.text_documents
        for path, document in documents.items():
            if document.uri in still_open:
                self._publish(document, root, findings[path])

    def _publish(self, document: OpenDocument, root: Path, findings: list[Finding]) -> None:
        """Sends the document's diagnostics when its version or its diagnostics changed."""
        lines = text_lines(document.text)
        codec = self.server.workspace.position_codec
        diagnostics = [diagnostic_for(finding, root, lines, codec) for finding in findings]
        if self.published.get(document.uri) == (document.version, diagnostics):
            return
        self.published[document.uri] = (document.version, diagnostics)
        self._send(document.uri, document.version, diagnostics)

    def _send(self, uri: str, version: int | None, diagnostics: list[types.Diagnostic]) -> None:
        self.server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, diagnostics=diagnostics, version=version))
