"""SonarSource's cognitive complexity of a function (PLX409's number)."""

from __future__ import annotations

import ast

from plexilint.analysis.nodes import child_nodes


def cognitive_complexity(function: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    """SonarSource's cognitive complexity: +1 per break in linear flow (if, elif, else, loops,
    except, match, ternaries, each sequence of boolean operators, recursion), plus the nesting
    level for the structures that nest. Nested functions are measured on their own."""
    counter = _CognitiveCounter(function.name)
    counter.visit_block(function.body, 0)
    return counter.total


class _CognitiveCounter:
    def __init__(self, function_name: str) -> None:
        self.function_name = function_name  # a call to it is recursion
        self.total = 0

    def visit(self, node: ast.AST, nesting: int) -> None:
        visit_structure = self._STRUCTURES.get(type(node))
        if visit_structure is not None:
            visit_structure(self, node, nesting)
        elif isinstance(node, ast.Lambda):
            self.visit(node.body, nesting + 1)
        else:
            self.total += self._increment(node, nesting)
            for child in child_nodes(node):
                self.visit(child, nesting)

    def visit_block(self, statements: list[ast.stmt], nesting: int) -> None:
        for statement in statements:
            self.visit(statement, nesting)

    def _increment(self, node: ast.AST, nesting: int) -> int:
        """What an expression adds; its children are visited at the same nesting."""
        if isinstance(node, ast.IfExp):
            return 1 + nesting
        if isinstance(node, ast.BoolOp):
            return 1  # a sequence of like operators; ast nests unlike ones
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == self.function_name:
            return 1
        return 0

    def _visit_if(self, node: ast.If, nesting: int) -> None:
        self.total += 1 + nesting
        self.visit(node.test, nesting)
        self.visit_block(node.body, nesting + 1)
        self._visit_else(node.orelse, nesting)

    def _visit_else(self, orelse: list[ast.stmt], nesting: int) -> None:
        if not orelse:
            return
        if len(orelse) == 1 and isinstance(orelse[0], ast.If):  # elif: no nesting increment
            elif_node = orelse[0]
            self.total += 1
            self.visit(elif_node.test, nesting)
            self.visit_block(elif_node.body, nesting + 1)
            self._visit_else(elif_node.orelse, nesting)
            return
        self.total += 1  # else
        self.visit_block(orelse, nesting + 1)

    def _visit_loop(self, node: ast.For | ast.AsyncFor | ast.While, nesting: int) -> None:
        self.total += 1 + nesting
        for child in child_nodes(node):
            self.visit(child, nesting + 1 if child in node.body or child in node.orelse else nesting)

    def _visit_handler(self, node: ast.ExceptHandler, nesting: int) -> None:
        self.total += 1 + nesting
        self.visit_block(node.body, nesting + 1)

    def _visit_match(self, node: ast.Match, nesting: int) -> None:
        self.total += 1 + nesting
        for case in node.cases:
            self.visit_block(case.body, nesting + 1)

    def _skip(self, node: ast.AST, nesting: int) -> None:
        """Nested functions and classes are measured on their own."""

    _STRUCTURES = {ast.FunctionDef: _skip, ast.AsyncFunctionDef: _skip, ast.ClassDef: _skip, ast.If: _visit_if,
                   ast.For: _visit_loop, ast.AsyncFor: _visit_loop, ast.While: _visit_loop,
                   ast.ExceptHandler: _visit_handler, ast.Match: _visit_match}
