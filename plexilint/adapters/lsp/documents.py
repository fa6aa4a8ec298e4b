"""The open documents, grouped by the project each belongs to."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path
from pygls.workspace import TextDocument

from plexilint.adapters.lsp.projects import Project, Projects
from plexilint.engine.discovery import PYTHON_SUFFIXES


@dataclass(frozen=True)
class OpenDocument:
    """An open document as it was when an analysis or a fix started."""

    uri: str
    version: int | None
    text: str


def document_path(uri: str) -> Path | None:
    """The file a ``file:`` URI names; None for other schemes and for what cannot be a path
    (a NUL byte, an unresolvable name): such a document is left alone, the others analysed."""
    try:
        path = to_fs_path(uri)
        if not path or "\0" in path:
            return None
        return Path(path).resolve()
    except (ValueError, OSError, RuntimeError):
        return None


def open_text_document(server: LanguageServer, uri: str) -> TextDocument | None:
    """The open document of ``uri`` (pygls keeps them under the unquoted URI), None if the
    editor has not opened it."""
    return server.workspace.text_documents.get(unquote(uri))


def uri_of(path: Path) -> str:
    return from_fs_path(str(path)) or path.as_uri()


def is_python(document: TextDocument) -> bool:
    return document.language_id == "python" or Path(document.path).suffix in PYTHON_SUFFIXES


class ProjectDocuments:
    """Which project each open Python document belongs to. ``generation`` counts changes of
    the saved files and of configurations, after which anything computed from them is stale."""

    def __init__(self, server: LanguageServer) -> None:
        self.server = server
        self.projects = Projects()
        self.generation = 0

    def root_of(self, path: Path) -> Path:
        """The project root of a file; a newly loaded invalid configuration is shown as an error."""
        root = self.projects.root_of(path)
        project, loaded = self.projects.project(root)
        if loaded and project.error is not None:
            self.show_error(f"plexilint: configuration error, no diagnostics until it is fixed:\n{project.error}")
        return root

    def project(self, root: Path) -> Project:
        return self.projects.project(root)[0]

    def python_documents(self) -> list[tuple[Path, TextDocument]]:
        found = []
        for document in list(self.server.workspace.text_documents.values()):
            path = document_path(document.uri)
            if path is not None and is_python(document):
                found.append((path, document))
        return found

    def open_documents(self, root: Path) -> dict[Path, OpenDocument]:
        """The project's open Python documents as they are now (a snapshot)."""
        return {path: OpenDocument(document.uri, document.version, document.source)
                for path, document in self.python_documents() if self.root_of(path) == root}

    def open_roots(self) -> set[Path]:
        return {self.root_of(path) for path, _ in self.python_documents()}

    def saved_files_changed(self) -> None:
        self.generation += 1

    def configuration_changed(self) -> None:
        """Roots may move and configurations change: both are looked up again."""
        self.projects.forget()
        self.generation += 1

    def show_error(self, message: str) -> None:
        self.server.window_show_message(types.ShowMessageParams(type=types.MessageType.Error, message=message))
