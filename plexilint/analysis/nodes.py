"""Small helpers over ``ast`` nodes that every analysis family uses: spans and dotted names."""

from __future__ import annotations

import ast

from plexilint.model import Span

# Method names of logging calls (`logger.warning(...)`): a handler that only logs swallows.
LOG_METHODS = {"debug", "info", "warning", "warn", "error", "exception", "critical", "log"}

_DEFINITION_KEYWORDS = {"ClassDef": "class ", "FunctionDef": "def ", "AsyncFunctionDef": "async def "}


def span_of(node: ast.AST) -> Span:
    return Span(node.lineno, node.col_offset, node.end_lineno, node.end_col_offset)


def name_span(node: ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) -> Span:
    """The span of the defined name on its ``class``/``def`` line (where editors underline)."""
    column = node.col_offset + len(_DEFINITION_KEYWORDS[type(node).__name__])
    return Span(node.lineno, column, node.lineno, column + len(node.name))


def dotted_name(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = dotted_name(node.value)
        return f"{base}.{node.attr}" if base else None
    return None


def last_part(name: str | None) -> str:
    """``"a.b.c"`` -> ``"c"``; ``None`` -> ``""``."""
    return (name or "").rsplit(".", 1)[-1]


def is_self_attribute(node: ast.AST) -> bool:
    """``self.<attr>``."""
    return isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "self"
