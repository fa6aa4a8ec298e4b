"""`try` blocks in a rewritten module: names a failed import left unbound get a fallback in
the `except`, and a `try` that imports only from the central module and whose `except` held
nothing but the removed copies becomes a plain import.
"""

from __future__ import annotations

import libcst as cst

from plexilint.consolidation.file_plan import GapBinding
from plexilint.consolidation.rewrite_support import (
    RewriteContext, dotted, imports_central, is_pass, only_central_imports)

_IMPORT_ERRORS = {"ImportError", "ModuleNotFoundError"}


class GapBindings:
    def __init__(self, gaps: list[GapBinding]) -> None:
        self.gaps = list(gaps)

    def bind(self, original: cst.Try, updated: cst.Try, context: RewriteContext) -> cst.Try:
        """Names the `try` imports and the `except` leaves unbound get a fallback there."""
        position = context.positions[original.body]
        gaps = [g for g in self.gaps if position.start.line <= g.fact.span.line <= position.end.line]
        if not gaps:
            return updated
        context.note_change(context.positions[original].start.line)
        handlers = [_with_bindings(handler, gaps) if _catches_import_error(handler, broad=True) else handler
                    for handler in updated.handlers]
        return updated.with_changes(handlers=handlers)


def _with_bindings(handler: cst.ExceptHandler, gaps: list[GapBinding]) -> cst.ExceptHandler:
    """The handler's statements, its `pass` lines dropped, then a fallback for each gap."""
    kept = [s for s in handler.body.body if not is_pass(s)]
    bindings = [cst.parse_statement(f"{g.fix.replacement}\n") for g in sorted(gaps, key=lambda g: g.fact.name)]
    return handler.with_changes(body=handler.body.with_changes(body=[*kept, *bindings]))


def flatten_central_try(updated: cst.Try, central: str) -> cst.Try | cst.FlattenSentinel:
    """`try: from <central> import X` / `except ImportError: <the copies>` -> the import."""
    if not updated.body.body or not all(imports_central(s, central) for s in updated.body.body):
        return updated
    if not updated.handlers or not all(_catches_import_error(h) for h in updated.handlers):
        return updated
    if updated.orelse is not None or updated.finalbody is not None:
        return updated
    # Each handler is left with the central import (and `pass`) after the rewrite.
    if not all(only_central_imports(h.body.body, central) for h in updated.handlers):
        return updated
    statements = list(updated.body.body)
    statements[0] = statements[0].with_changes(leading_lines=updated.leading_lines)
    return cst.FlattenSentinel(statements)


def _catches_import_error(handler: cst.ExceptHandler, broad: bool = False) -> bool:
    """An `except ImportError` (or, when `broad`, anything that also catches it)."""
    kind = handler.type
    if kind is None:
        return broad
    names = [kind] if not isinstance(kind, cst.Tuple) else [e.value for e in kind.elements]
    caught = {dotted(n).rsplit(".", 1)[-1] for n in names}
    accepted = _IMPORT_ERRORS | ({"Exception", "BaseException"} if broad else set())
    return bool(caught & accepted) if broad else caught <= _IMPORT_ERRORS


