"""Every `from x import y` of a module, wherever it sits (for PLX501, imports through moved paths)."""

from __future__ import annotations

import ast
from dataclasses import dataclass

from plexilint.analysis.modules import resolve_import
from plexilint.model import Span
from plexilint.analysis.nodes import statements


@dataclass(frozen=True, slots=True)
class NameImport:
    module: str  # absolute, relative imports resolved
    name: str
    span: Span  # the whole import statement


def extract_name_imports(tree: ast.Module, module: str, is_package: bool) -> tuple[NameImport, ...]:
    found = []
    for node in statements(tree):
        if not isinstance(node, ast.ImportFrom):
            continue
        source = resolve_import(module, is_package, node.module, node.level)
        if source is None:
            continue
        span = Span(node.lineno, node.col_offset, node.end_lineno, node.end_col_offset)
        found += [NameImport(source, alias.name, span) for alias in node.names if alias.name != "*"]
    return tuple(sorted(found, key=lambda i: (i.span.line, i.span.column, i.name)))
