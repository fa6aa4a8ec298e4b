"""Code actions on plexilint's diagnostics, and the command that opens a rule's page."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from lsprotocol import types

from plexilint.adapters.lsp.code_actions import (being_computed_action, documentation_action, fix_action,
                                                 suppress_action)
from plexilint.adapters.lsp.diagnostics import SOURCE
from plexilint.adapters.lsp.documents import ProjectDocuments, document_path
from plexilint.adapters.lsp.fix_edit import FIXED_CODES, Changes
from plexilint.adapters.lsp.fix_process import FixFailed, compute_fix
from plexilint.config import Config
from plexilint.adapters.lsp.rule_links import rule_doc_uri
from plexilint.adapters.lsp.text import text_lines

logger = logging.getLogger(__name__)


class QuickFixes:
    def __init__(self, documents: ProjectDocuments) -> None:
        self.documents = documents
        self.server = documents.server
        self._fix: tuple[tuple, asyncio.Future[Changes | None]] | None = None  # the last fix asked for, by key

    async def code_actions(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        only = params.context.only
        if only and types.CodeActionKind.QuickFix not in only:
            return []
        ours = [d for d in params.context.diagnostics if d.source == SOURCE and d.code]
        if not ours:
            return []
        document = self.server.workspace.get_text_document(params.text_document.uri)
        text = document.source
        lines = text_lines(text)
        codec = self.server.workspace.position_codec
        actions = []
        for diagnostic in ours:
            suppress = suppress_action(document.uri, text, lines, diagnostic, codec)
            actions += [suppress] if suppress is not None else []
            actions.append(documentation_action(diagnostic))
        fixable = [d for d in ours if d.code in FIXED_CODES]
        fix = await self._fix_action(document.uri, fixable) if fixable else None
        return actions + ([fix] if fix is not None else [])

    async def _fix_action(self, uri: str, diagnostics: list[types.Diagnostic]) -> types.CodeAction | None:
        path = document_path(uri)
        if path is None:
            return None
        root = self.documents.root_of(path)
        project = self.documents.project(root)
        if project.config is None:
            return None
        plan = self._plan(root, project.config)
        if not plan.done():
            return being_computed_action(diagnostics)  # never makes the editor wait for it
        changes = None if plan.cancelled() else plan.result()
        if changes is None or path not in changes:
            return None  # the fix leaves this file alone (a conflict, or nothing to move)
        return fix_action(root, changes, diagnostics, self.documents.open_documents(root).get,
                          self.server.workspace.position_codec, self._can_create_files())

    def _plan(self, root: Path, config: Config) -> asyncio.Future[Changes | None]:
        """The project's fix, computed once per configuration and state of the saved files,
        in a process of its own (started when first asked for): the analyses of the open
        documents go on meanwhile."""
        key = (root, config.digest, self.documents.generation)
        if self._fix is not None and self._fix[0] == key:
            plan = self._fix[1]
            if not plan.done() or (not plan.cancelled()
                                   and ((changes := plan.result()) is None or _still_on_disk(changes))):
                return plan
        plan = asyncio.ensure_future(self._compute_plan(root, config))
        self._fix = (key, plan)
        return plan

    async def _compute_plan(self, root: Path, config: Config) -> Changes | None:
        try:
            return await compute_fix(root, config)
        except FixFailed as error:  # no fix offered rather than a failed request
            logger.error("plexilint: computing the fix of %s failed: %s", root, error)
            return None
        except OSError as error:  # the process could not be started
            logger.error("plexilint: cannot start the fix process for %s: %s", root, error)
            return None

    def shutdown(self) -> None:
        if self._fix is not None:
            self._fix[1].cancel()  # ends the fix process if it is still running

    def _can_create_files(self) -> bool:
        workspace = self.server.client_capabilities.workspace
        edits = workspace.workspace_edit if workspace is not None else None
        if edits is None or not edits.document_changes:
            return False
        return types.ResourceOperationKind.Create in (edits.resource_operations or [])

    async def open_rule_documentation(self, code: str) -> None:
        """Shows the rule's page in the editor; a message with its location if it cannot."""
        uri = rule_doc_uri(code)
        if uri is None:
            self.documents.show_error(f"plexilint: no documentation for {code!r}")
            return
        window = self.server.client_capabilities.window
        if window is not None and window.show_document is not None and window.show_document.support:
            result = await self.server.window_show_document_async(types.ShowDocumentParams(uri=uri, take_focus=True))
            if result is not None and result.success:
                return
        self.server.window_show_message(types.ShowMessageParams(type=types.MessageType.Info, message=f"{code}: {uri}"))


def _still_on_disk(changes: Changes) -> bool:
    """Whether every file the fix rewrites still holds what the fix was computed from."""
    for path, (before, _) in changes.items():
        try:
            current = path.read_bytes()
        except OSError:
            current = None
        if current != before:
            return False
    return True
