"""Diagnostics of the open documents, kept current: what the editor reports (opened, changed,
saved, closed, files changed outside it) becomes a run of its project's analysis
(analysis_runs.py), now or debounced while typing."""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import Executor
from pathlib import Path

from lsprotocol import types

from plexilint.adapters.lsp.analysis_runs import AnalysisRuns
from plexilint.adapters.lsp.documents import ProjectDocuments, document_path, is_python, open_text_document
from plexilint.adapters.lsp.publisher import Publisher
from plexilint.config.loader import PROJECT_MARKER
from plexilint.engine.discovery import PYTHON_SUFFIXES


class LiveDiagnostics:
    def __init__(self, documents: ProjectDocuments, executor: Executor, debounce: float) -> None:
        self.documents = documents
        self.server = documents.server
        self.publisher = Publisher(self.server)
        self.runs = AnalysisRuns(documents, executor, debounce, self.publisher)
        self.scheduler = self.runs.scheduler

    def index_folder(self, folder: Path) -> None:
        """Indexes a workspace folder's project in the background, if the folder declares one
        (a pyproject.toml): the first document opened there then gets its diagnostics sooner."""
        if (folder / PROJECT_MARKER).is_file():
            self.scheduler.request(self.documents.root_of(folder), now=True)

    def opened(self, uri: str) -> None:
        self._request(uri, now=True)

    def changed(self, uri: str) -> None:
        self._request(uri, now=False)  # debounced: typing does not queue analyses

    def saved(self, uri: str) -> None:
        path = document_path(uri)
        if path is not None and path.name == PROJECT_MARKER:
            self.configuration_changed()
            return
        self.saved_files_changed()
        self._request(uri, now=True)

    def closed(self, uri: str) -> None:
        self.publisher.clear(uri)
        path = document_path(uri)
        if path is not None and path.suffix in PYTHON_SUFFIXES:
            # The saved file stands in for the buffer now: its twins' findings may change.
            self.scheduler.request(self.documents.root_of(path), now=True)

    def files_changed(self, changes: Sequence[types.FileEvent]) -> None:
        """Files changed outside the editor (a `git checkout`, a formatter, pyproject.toml)."""
        paths = [p for p in (document_path(change.uri) for change in changes) if p is not None]
        if any(path.name == PROJECT_MARKER for path in paths):
            self.configuration_changed()
        elif any(path.suffix in PYTHON_SUFFIXES for path in paths):
            self.saved_files_changed()
            for root in self.documents.open_roots():
                self.scheduler.request(root, now=True)

    def saved_files_changed(self) -> None:
        self.documents.saved_files_changed()
        self.runs.saved_files_changed()

    def configuration_changed(self) -> None:
        self.documents.configuration_changed()
        self.runs.configuration_changed()
        for root in self.documents.open_roots():
            self.scheduler.request(root, now=True)

    def _request(self, uri: str, now: bool) -> None:
        path = document_path(uri)
        document = open_text_document(self.server, uri)
        if path is not None and document is not None and is_python(document):
            self.scheduler.request(self.documents.root_of(path), now)

    def cancel_all(self) -> None:
        self.runs.cancel_all()
