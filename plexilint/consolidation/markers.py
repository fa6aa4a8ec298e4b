"""Moved definitions in a rewritten module. Each becomes a marker statement first; then each
block's markers become one `from <central> import ...` at the place of the first of them, so a
stub inside `except ImportError:` stays conditional. Module-level ones are imported with the
helpers at the top instead.
"""

from __future__ import annotations

from collections.abc import Sequence

import libcst as cst

from plexilint.analysis.fallbacks import StubDefinition
from plexilint.consolidation.rewrite_support import ModuleStatement, RewriteContext, import_line, imports_central

_MARK = "__plexilint_moved__"  # stands for a removed definition until its block is rebuilt


class StubMarkers:
    def __init__(self, moved: list[StubDefinition], helpers: list[str]) -> None:
        self.moved = {(stub.name, stub.span.line) for stub in moved}
        self.helpers = helpers

    def mark_if_moved(self, original: cst.ClassDef | cst.FunctionDef, updated: cst.ClassDef | cst.FunctionDef,
                      context: RewriteContext) -> cst.ClassDef | cst.FunctionDef | cst.SimpleStatementLine:
        position = context.positions[original]
        lines = range(position.start.line, position.end.line + 1)
        if not any(name == original.name.value and line in lines for name, line in self.moved):
            return updated
        context.note_change(position.start.line)
        marker = cst.Expr(cst.Name(_MARK + original.name.value))
        return cst.SimpleStatementLine(body=[marker], leading_lines=updated.leading_lines)

    def hoist(self, original: cst.Module, updated: cst.Module, context: RewriteContext) -> cst.Module:
        """Module-level definitions are imported with the helpers at the top (an import in the
        middle of a module is E402 for flake8); they bind the same names, only earlier."""
        hoisted = [_marked_name(s) for s in updated.body if _marked_name(s)]
        body = [s for s in updated.body if not _marked_name(s)]
        if self.helpers or hoisted:
            body = _with_helper_import(original, body, set(self.helpers) | set(hoisted), context)
        return updated.with_changes(body=body)


def imports_instead_of_markers(statements: Sequence[cst.BaseStatement], indent: str,
                               central: str) -> list[cst.BaseStatement]:
    names = [_marked_name(s) for s in statements if _marked_name(s)]
    if not names:
        return list(statements)
    body: list[cst.BaseStatement] = []
    for statement in statements:
        if not _marked_name(statement):
            body.append(statement)
        elif names:  # the first removed definition: the import takes its place
            assert isinstance(statement, cst.SimpleStatementLine)  # as every marker is
            line = import_line(central, names, indent)
            body.append(cst.parse_statement(line).with_changes(leading_lines=statement.leading_lines))
            names = []
    return body


def _with_helper_import(original: cst.Module, body: list[ModuleStatement], wanted: set[str],
                        context: RewriteContext) -> list[ModuleStatement]:
    """`from <central> import get_fallback_instance, ...` before the first statement that
    changed: an existing module-level import from the central module there is extended,
    else the import goes after the docstring and the imports that open the module."""
    first = context.first_changed_line or 10**9
    leading = 0  # statements before the first change are the same in original and body
    for index, statement in enumerate(original.body):
        if context.positions[statement].end.line >= first or not _is_import_or_docstring(statement, index):
            break
        leading = index + 1
    for index, statement in enumerate(body[:leading]):
        if isinstance(statement, cst.SimpleStatementLine) and imports_central(statement, context.central) \
                and len(statement.body) == 1 and isinstance(node := statement.body[0], cst.ImportFrom) \
                and not isinstance(node.names, cst.ImportStar):
            present = {a.evaluated_name for a in node.names}
            line = import_line(context.central, present | wanted, "")
            body[index] = cst.parse_statement(line).with_changes(leading_lines=statement.leading_lines)
            return body
    return [*body[:leading], cst.parse_statement(import_line(context.central, wanted, "")), *body[leading:]]


def _marked_name(statement: cst.CSTNode) -> str:
    if isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1 \
            and isinstance(statement.body[0], cst.Expr) and isinstance(statement.body[0].value, cst.Name) \
            and statement.body[0].value.value.startswith(_MARK):
        return statement.body[0].value.value[len(_MARK):]
    return ""


def _is_import_or_docstring(statement: cst.CSTNode, index: int) -> bool:
    if not isinstance(statement, cst.SimpleStatementLine):
        return False
    first = statement.body[0]
    if isinstance(first, (cst.Import, cst.ImportFrom)):
        return True
    return index == 0 and isinstance(first, cst.Expr) and isinstance(first.value, cst.SimpleString)
