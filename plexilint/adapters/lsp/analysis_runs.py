"""The analyses of each project, run one at a time off the event loop: each project stays in
memory (LiveProject); a change re-extracts the changed buffer's facts only and re-runs the
rules, and what changed is published. A project not indexed yet is indexed in the background,
in steps; until it is, a big project's open documents get the findings of the rules that read
one file, then the complete ones."""

from __future__ import annotations

import asyncio
import gc
import logging
import time
import uuid
from concurrent.futures import Executor
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from plexilint.adapters.lsp.documents import OpenDocument, ProjectDocuments
from plexilint.adapters.lsp.engine_calls import live_findings, live_project
from plexilint.adapters.lsp.notes import NoteMessages
from plexilint.adapters.lsp.publisher import Publisher
from plexilint.adapters.lsp.scheduler import Scheduler
from plexilint.adapters.lsp.text import buffer_bytes
from plexilint.runner.live_project import INDEXING_CHUNK, LiveProject
from plexilint.runner.session import Session

logger = logging.getLogger(__name__)
# After this long without an analysis, the saved files are read again in the background:
# editors that cannot watch files for the server do not report changes made outside them.
IDLE_REFRESH = 5.0


class AnalysisRuns:
    def __init__(self, documents: ProjectDocuments, executor: Executor, debounce: float,
                 publisher: Publisher) -> None:
        self.documents = documents
        self.server = documents.server
        self.executor = executor  # one thread: the session's memo of facts is shared
        self.session = Session()  # the server's, for as long as it serves
        self.publisher = publisher
        self.notes = NoteMessages(self.server)
        self.scheduler = Scheduler(self._analyse, debounce)  # debounced, coalesced, per project root
        self.live: dict[Path, LiveProject] = {}  # by root, for the current configurations
        self._idle_refresh: dict[Path, asyncio.TimerHandle] = {}

    def saved_files_changed(self) -> None:
        for project in self.live.values():
            project.saved_files_changed()

    def configuration_changed(self) -> None:
        self.live.clear()

    def _live(self, root: Path) -> LiveProject | None:
        config = self.documents.project(root).config
        if config is None:
            return None
        project = self.live.get(root)
        if project is None or project.config is not config:
            project = self.live[root] = live_project(self.session, root, config)
        return project

    async def _analyse(self, root: Path) -> None:
        project = self._live(root)
        documents = self.documents.open_documents(root)
        if project is None:  # an invalid configuration: no diagnostics until it is fixed
            self.publisher.publish_all(root, documents, {path: [] for path in documents})
            return
        if not project.indexed:
            # A project indexed in one step needs no findings ahead of the complete ones.
            count = await asyncio.get_running_loop().run_in_executor(self.executor, project.saved_file_count)
            if documents and count > INDEXING_CHUNK:
                await self._analyse_documents(project, documents, local_only=True)  # what it can say at once
            await self._index(project, show_partial=count > INDEXING_CHUNK)
            documents = self.documents.open_documents(root)
        if documents:
            await self._analyse_documents(project, documents)
        self._refresh_when_idle(root)

    async def _index(self, project: LiveProject, show_partial: bool) -> None:
        """Indexes the project a step at a time; a document opened or changed meanwhile gets
        the findings of the rules that read one file, without waiting for the index."""
        loop = asyncio.get_running_loop()
        steps = project.index_steps()
        shown: dict[Path, int | None] = {}
        progress = IndexingProgress(self.server, project.root) if show_partial else None
        try:
            while (left := await loop.run_in_executor(self.executor, next, steps, None)) is not None:
                if progress is not None:
                    progress.left(left)
                documents = self.documents.open_documents(project.root)
                versions = {path: document.version for path, document in documents.items()}
                if show_partial and documents and versions != shown and self.scheduler.is_pending(project.root):
                    shown = versions
                    await self._analyse_documents(project, documents, local_only=True, even_if_pending=True)
        finally:
            if progress is not None:
                progress.end()
        if project.indexed:
            # The facts now kept live as long as the project: the cyclic collector need not
            # rescan them at every change (they hold no cycles; freed facts are still freed).
            gc.freeze()

    async def _analyse_documents(self, project: LiveProject, documents: dict[Path, OpenDocument],
                                 local_only: bool = False, even_if_pending: bool = False) -> None:
        buffers = {path: buffer_bytes(document.text) for path, document in documents.items()}
        try:
            findings = await asyncio.get_running_loop().run_in_executor(
                self.executor, live_findings, project, buffers, list(buffers), local_only)
        except Exception as error:  # one failed analysis must not stop the server
            logger.exception("plexilint: analysing %s failed", project.root)
            self.documents.show_error(f"plexilint: analysing {project.root} failed: {error!r}")
            return
        if self.scheduler.is_pending(project.root) and not even_if_pending:
            return  # a newer change is due: these results are stale already
        self.publisher.publish_all(project.root, documents, findings)
        if not local_only:
            self.notes.show(project.root, project.notes)

    def _refresh_when_idle(self, root: Path) -> None:
        """Reads the saved files again once the editor has been idle a while, and analyses
        again if they changed (never on the way of a change being analysed)."""
        timer = self._idle_refresh.pop(root, None)
        if timer is not None:
            timer.cancel()
        loop = asyncio.get_running_loop()
        self._idle_refresh[root] = loop.call_later(IDLE_REFRESH, lambda: loop.create_task(self._refresh(root)))

    async def _refresh(self, root: Path) -> None:
        self._idle_refresh.pop(root, None)
        project = self.live.get(root)
        if project is None or self.scheduler.is_pending(root):
            return
        started = time.perf_counter()
        changed = await asyncio.get_running_loop().run_in_executor(self.executor, project.refresh)
        logger.debug("plexilint: %s read again in %.0f ms", root, (time.perf_counter() - started) * 1000)
        if changed:
            self.documents.saved_files_changed()
            self.saved_files_changed()
            self.scheduler.request(root, now=True)

    def cancel_all(self) -> None:
        self.scheduler.cancel_all()
        for timer in self._idle_refresh.values():
            timer.cancel()
        self._idle_refresh.clear()


class IndexingProgress:
    """The indexing of a big project as work-done progress in the editor (when it shows
    progress): its findings are partial until it ends."""

    def __init__(self, server: LanguageServer, root: Path) -> None:
        self.server = server
        self.token = f"plexilint-indexing-{uuid.uuid4()}"
        self.total: int | None = None
        window = server.client_capabilities.window
        self.shown = bool(window is not None and window.work_done_progress)
        if self.shown:
            server.work_done_progress.create(self.token)
            server.work_done_progress.begin(self.token, types.WorkDoneProgressBegin(
                title="plexilint: indexing", message=root.name, percentage=0))

    def left(self, count: int) -> None:
        if self.total is None:
            self.total = count + INDEXING_CHUNK
        if self.shown:
            done = self.total - count
            self.server.work_done_progress.report(self.token, types.WorkDoneProgressReport(
                message=f"{done}/{self.total} files", percentage=int(100 * done / max(self.total, 1))))

    def end(self) -> None:
        if self.shown:
            self.server.work_done_progress.end(self.token, types.WorkDoneProgressEnd(message="indexed"))
