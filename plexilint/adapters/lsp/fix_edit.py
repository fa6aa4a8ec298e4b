"""The consolidation fix (`plexilint fix`) as an LSP workspace edit."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from pathlib import Path

from lsprotocol import types
from pygls.workspace import PositionCodec

from plexilint.adapters.lsp.documents import OpenDocument, uri_of
from plexilint.adapters.lsp.text import decode_source, lines_with_ends

# The codes whose findings `plexilint fix` resolves (consolidation/plan.py): duplicated stubs,
# placeholders, version lookups, names a failed import leaves unbound, imports of moved names.
FIXED_CODES = frozenset({"PLX101", "PLX102", "PLX103", "PLX104", "PLX105", "PLX501"})
Changes = dict[Path, tuple[bytes | None, bytes]]  # path -> (bytes before, or None for a new file; after)


def line_edits(before: str, after: str, codec: PositionCodec) -> list[types.TextEdit]:
    """Edits turning ``before`` into ``after``, one per changed run of lines (the rest of
    the buffer, its markers and folds, stays as it is)."""
    old, new = lines_with_ends(before), lines_with_ends(after)
    plain = [line.rstrip("\r\n") for line in old]
    edits = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, first, last, new_first, new_last in matcher.get_opcodes():
        if tag != "equal":
            place = types.Range(_line_start(plain, old, first, codec), _line_start(plain, old, last, codec))
            edits.append(types.TextEdit(range=place, new_text="".join(new[new_first:new_last])))
    return edits


def _line_start(plain: Sequence[str], old: Sequence[str], index: int, codec: PositionCodec) -> types.Position:
    """Where line ``index`` starts; past a last line without a line break, that line's end."""
    if index < len(old) or not old or old[-1] != plain[-1]:
        return types.Position(index, 0)
    return codec.position_to_client_units(plain, types.Position(len(old) - 1, len(plain[-1])))


def unsaved_files(changes: Changes, open_document: Callable[[Path], OpenDocument | None]) -> list[Path]:
    """Files the fix rewrites whose editor buffer differs from what the fix was computed from."""
    stale = []
    for path, (before, _) in changes.items():
        document = open_document(path)
        if document is not None and before is not None and document.text != decode_source(before):
            stale.append(path)
    return sorted(stale)


def workspace_edit(changes: Changes, open_document: Callable[[Path], OpenDocument | None],
                   codec: PositionCodec) -> types.WorkspaceEdit:
    """Files created (the central module) first, then one versioned edit per rewritten file."""
    operations: list = []
    for path, (before, after) in sorted(changes.items(), key=lambda item: item[1][0] is not None):
        document = open_document(path)
        uri = document.uri if document is not None else uri_of(path)
        identifier = types.OptionalVersionedTextDocumentIdentifier(
            uri=uri, version=document.version if document else None)
        if before is None:
            operations.append(types.CreateFile(uri=uri, options=types.CreateFileOptions(overwrite=False)))
            start = types.Position(0, 0)
            edits = [types.TextEdit(range=types.Range(start, start), new_text=decode_source(after))]
        else:
            edits = line_edits(decode_source(before), decode_source(after), codec)
        operations.append(types.TextDocumentEdit(text_document=identifier, edits=edits))
    return types.WorkspaceEdit(document_changes=operations)
