"""Diagnostics sent to the editor: a document's are sent when its version or its diagnostics
changed."""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from plexilint.adapters.lsp.diagnostics import diagnostic_for
from plexilint.adapters.lsp.documents import OpenDocument, open_text_document
from plexilint.adapters.lsp.text import text_lines
from plexilint.model import Finding


class Publisher:
    def __init__(self, server: LanguageServer) -> None:
        self.server = server
        self.published: dict[str, tuple[int | None, list[types.Diagnostic]]] = {}

    def publish_all(self, root: Path, documents: dict[Path, OpenDocument],
                    findings: dict[Path, list[Finding]]) -> None:
        """Each document's findings, if it is still open."""
        for path, document in documents.items():
            if open_text_document(self.server, document.uri) is not None:
                self.publish(document, root, findings[path])

    def clear(self, uri: str) -> None:
        """A closed document's diagnostics do not linger."""
        if self.published.pop(uri, None) is not None:
            self._send(uri, None, [])

    def publish(self, document: OpenDocument, root: Path, findings: list[Finding]) -> None:
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


