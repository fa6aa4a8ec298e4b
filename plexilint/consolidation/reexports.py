"""Moved names a module no longer uses itself are kept only so that importers still find them
there: written as explicit re-exports, `from <central> import X as X  # noqa: F401`, which
type checkers read as a re-export and flake8 does not report as an unused import. Adding the
name to `__all__` instead would change what `from module import *` binds, so it is not done.
"""

from __future__ import annotations

import ast
from collections.abc import Callable

import libcst as cst

from plexilint.consolidation.rewrite_support import dotted

_NOQA = "# noqa: F401"


def used_names(source: str) -> set[str]:
    """Names the module reads anywhere, and the strings of its `__all__`."""
    tree = ast.parse(source)
    used = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)}
    for node in ast.walk(tree):
        if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets) and node.value is not None:
                used |= {n.value for n in ast.walk(node.value)
                         if isinstance(n, ast.Constant) and isinstance(n.value, str)}
    return used


def mark_reexports(code: str, moved: set[str], central: str,
                   whole: Callable[[str], str] = lambda code: code) -> str:
    """`from <central> import ...` lines: moved names the module does not use become explicit
    re-exports, one per line. `whole(code)` is the complete module when `code` stands in for
    some of it."""
    unused = moved - used_names(whole(code))
    if not unused:
        return code
    return cst.parse_module(code).visit(_Reexports(unused, central)).code


class _Reexports(cst.CSTTransformer):
    def __init__(self, names: set[str], central: str) -> None:
        self.names = names
        self.central = central

    def leave_SimpleStatementLine(self, original: cst.SimpleStatementLine, updated: cst.SimpleStatementLine
                                  ) -> cst.SimpleStatementLine | cst.FlattenSentinel[cst.SimpleStatementLine]:
        if len(updated.body) != 1 or not isinstance(updated.body[0], cst.ImportFrom):
            return updated
        node = updated.body[0]
        if node.relative or dotted(node.module) != self.central or isinstance(node.names, cst.ImportStar):
            return updated
        exported = [a for a in node.names if a.asname is None and a.name.value in self.names]
        if not exported:
            return updated
        kept = [a for a in node.names if a not in exported]
        statements: list[cst.SimpleStatementLine] = []
        if kept:
            kept[-1] = kept[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
            statements.append(updated.with_changes(body=[node.with_changes(names=kept, lpar=None, rpar=None)
                                                         if len(kept) == 1 else node.with_changes(names=kept)]))
        for alias in exported:
            name = alias.evaluated_name
            statements.append(cst.SimpleStatementLine(
                body=[_reexport(self.central, name)],
                trailing_whitespace=cst.TrailingWhitespace(whitespace=cst.SimpleWhitespace("  "),
                                                           comment=cst.Comment(_NOQA))))
        statements[0] = statements[0].with_changes(leading_lines=updated.leading_lines)
        return cst.FlattenSentinel(statements)


def _reexport(central: str, name: str) -> cst.BaseSmallStatement:
    """`from <central> import name as name`."""
    line = cst.parse_statement(f"from {central} import {name} as {name}\n")
    assert isinstance(line, cst.SimpleStatementLine)  # an import is a simple statement
    return line.body[0]
