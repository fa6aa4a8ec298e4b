"""The nodes of one scope (a function's body, or a module's top level without its functions),
walked once and sorted by the kind of statement or expression each fact reads: every later
question asks a short list instead of scanning the whole body again."""

from __future__ import annotations

import ast

from plexilint.analysis.nodes import LEAF_TYPES, TRY_TYPES, TryNode, child_nodes

_NESTED_SCOPE_TYPES = frozenset({ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda})
_NOT_GROUPED = _NESTED_SCOPE_TYPES | LEAF_TYPES  # never walked into, or in no group
_GROUP_OF: dict[type, str] = {
    ast.Call: "calls",
    **{t: "bindings" for t in (ast.Import, ast.ImportFrom, ast.NamedExpr, ast.With, ast.AsyncWith)},
    ast.Assign: "assignments", ast.AnnAssign: "assignments",  # bindings too
    **{t: "tries" for t in TRY_TYPES},
    ast.If: "ifs",
    **{t: "loops" for t in (ast.For, ast.AsyncFor, ast.While)},
    **{t: "returns" for t in (ast.Return, ast.Yield, ast.YieldFrom)},
    ast.Raise: "raises",
}


class ScopeNodes:
    """A scope's nodes (nested functions, classes and lambdas excluded) grouped by kind,
    each group in source order."""

    __slots__ = ("calls", "bindings", "assignments", "tries", "ifs", "loops", "returns", "raises")

    def __init__(self, body: list[ast.stmt]) -> None:
        self.calls: list[ast.Call] = []
        self.bindings: list[ast.AST] = []  # imports, assignments, walruses, `with ... as`
        self.assignments: list[ast.Assign | ast.AnnAssign] = []  # with a value
        self.tries: list[TryNode] = []
        self.ifs: list[ast.If] = []
        self.loops: list[ast.For | ast.AsyncFor | ast.While] = []
        self.returns: list[ast.Return | ast.Yield | ast.YieldFrom] = []
        self.raises: list[ast.Raise] = []
        group_of = _GROUP_OF
        for node in own_nodes(body, _NOT_GROUPED):
            group = group_of.get(type(node))
            if group is None:
                continue
            if group == "assignments":
                self.bindings.append(node)
                if isinstance(node, ast.AnnAssign) and node.value is None:  # `x: int`
                    continue
            getattr(self, group).append(node)


def own_nodes(body: list[ast.stmt], skipped: frozenset[type] = _NESTED_SCOPE_TYPES) -> list[ast.AST]:
    """Every node of a body in source order (depth first), not descending into nested
    functions, classes or lambdas (and without the other ``skipped`` types)."""
    found: list[ast.AST] = []
    append = found.append
    stack: list[ast.AST] = [node for node in reversed(body) if type(node) not in skipped]
    pop, extend = stack.pop, stack.extend
    while stack:
        node = pop()
        append(node)
        if isinstance(node, ast.Attribute):  # a quarter of the nodes: its one child, without child_nodes
            if type(node.value) not in skipped:
                stack.append(node.value)
            continue
        children = child_nodes(node)
        if children:
            extend([child for child in reversed(children) if type(child) not in skipped])
    return found
