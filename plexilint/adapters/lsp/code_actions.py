"""The quick fixes offered on a plexilint diagnostic: suppress it, open its rule's page, and
the consolidation fix."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from lsprotocol import types
from pygls.workspace import PositionCodec

from plexilint.adapters.lsp.documents import OpenDocument
from plexilint.adapters.lsp.fix_edit import Changes, unsaved_files, workspace_edit
from plexilint.adapters.lsp.noqa_comment import comment_fits, with_noqa

OPEN_RULE_DOCUMENTATION = "plexilint.openRuleDocumentation"
FIX_TITLE = "Consolidate the fallbacks (plexilint fix)"


def suppress_action(uri: str, text: str, lines: Sequence[str], diagnostic: types.Diagnostic,
                    codec: PositionCodec) -> types.CodeAction | None:
    """Appends ``# noqa: CODE`` to the diagnostic's first line, or adds the code to its noqa."""
    code = str(diagnostic.code)
    line = diagnostic.range.start.line
    if line >= len(lines) or not comment_fits(text, line + 1):
        return None
    replaced = with_noqa(lines[line], code)
    if replaced is None:
        return None
    end = codec.position_to_client_units(lines, types.Position(line, len(lines[line])))
    edit = types.TextEdit(range=types.Range(types.Position(line, 0), end), new_text=replaced)
    return types.CodeAction(
        title=f"Suppress {code} on this line with `# noqa: {code}`",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        edit=types.WorkspaceEdit(changes={uri: [edit]}),
    )


def documentation_action(diagnostic: types.Diagnostic) -> types.CodeAction:
    code = str(diagnostic.code)
    return types.CodeAction(
        title=f"Open the documentation of {code}",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        command=types.Command(title=f"Open the documentation of {code}", command=OPEN_RULE_DOCUMENTATION,
                              arguments=[code]),
    )


def fix_action(root: Path, changes: Changes, diagnostics: list[types.Diagnostic],
               open_document: Callable[[Path], OpenDocument | None], codec: PositionCodec,
               can_create_files: bool) -> types.CodeAction:
    """`plexilint fix` for the whole project (moving a stub rewrites every module that has a
    copy); disabled, with the reason, when a file it rewrites has unsaved changes."""
    created = [path for path, (before, _) in changes.items() if before is None]
    title = f"{FIX_TITLE}: rewrite {len(changes) - len(created)} file(s)"
    if created:
        title += f", create {', '.join(_relative(root, path) for path in created)}"
    unsaved = unsaved_files(changes, open_document)
    reason = None
    if unsaved:
        names = ", ".join(_relative(root, path) for path in unsaved)
        reason = f"save {names} first: the fix is computed from the saved files"
    elif created and not can_create_files:
        reason = "this editor cannot create files through a code action: run `plexilint fix --apply`"
    return types.CodeAction(
        title=title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=diagnostics,
        edit=None if reason else workspace_edit(changes, open_document, codec),
        disabled=types.CodeActionDisabled(reason=reason) if reason else None,
    )


def being_computed_action(diagnostics: list[types.Diagnostic]) -> types.CodeAction:
    """The fix while it is computed in the background (the first time it is asked for)."""
    return types.CodeAction(
        title=f"{FIX_TITLE}: being computed",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=diagnostics,
        disabled=types.CodeActionDisabled(reason="plexilint is computing the project's fix: ask again in a moment"),
    )


def _relative(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
