"""What the rewrites of one module share: their context, and LibCST helpers for import
statements."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TypeAlias

import libcst as cst
from libcst.metadata import CodeRange

# What a module's body holds (`cst.parse_statement` returns one too).
ModuleStatement: TypeAlias = cst.SimpleStatementLine | cst.BaseCompoundStatement


class RewriteContext:
    """The central module, the original tree's positions, and the first line any rewrite
    changed (the helper import goes above it)."""

    def __init__(self, central: str, positions: Mapping[cst.CSTNode, CodeRange]) -> None:
        self.central = central
        self.positions = positions
        self.first_changed_line: int | None = None

    def note_change(self, line: int) -> None:
        self.first_changed_line = line if self.first_changed_line is None else min(self.first_changed_line, line)


def import_line(module: str, names: Iterable[str], indent: str, width: int = 88) -> str:
    """`from module import a, b`, wrapped one name per line when it would pass `width` at
    `indent` (LibCST adds the block's indentation to the wrapped lines itself)."""
    ordered = sorted(set(names))
    line = f"from {module} import {', '.join(ordered)}"
    if len(indent) + len(line) <= width:
        return line + "\n"
    return f"from {module} import (\n" + "".join(f"    {name},\n" for name in ordered) + ")\n"


def imports_central(statement: cst.CSTNode, central: str) -> bool:
    """A line of absolute `from <central> import ...` statements only."""
    return isinstance(statement, cst.SimpleStatementLine) and all(
        isinstance(s, cst.ImportFrom) and dotted(s.module) == central and not s.relative
        for s in statement.body)


def only_central_imports(statements: Sequence[cst.CSTNode], central: str) -> bool:
    """Nothing but imports from the central module (and `pass`)."""
    return all(imports_central(s, central) or is_pass(s) for s in statements)


def is_pass(statement: cst.CSTNode) -> bool:
    return isinstance(statement, cst.SimpleStatementLine) and all(isinstance(x, cst.Pass) for x in statement.body)


def dotted(node: cst.CSTNode | None) -> str:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return f"{dotted(node.value)}.{node.attr.value}"
    return ""
