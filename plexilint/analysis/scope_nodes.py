"""The nodes of one scope (a function's body, or a module's top level without its functions),
walked once and sorted by the kind of statement or expression each fact reads: every later
question asks a short list instead of scanning the whole body again.

The database family reads them. When the complexity facts are extracted too, their walk (which
visits every node anyway) sorts the nodes as it meets them (`ScopeIndex`), and the database
family does not walk the tree a second time: that walk was a third of its time."""

from __future__ import annotations

import ast
from collections.abc import Sequence

from plexilint.analysis.nodes import LEAF_TYPES, TRY_TYPES, TryNode, child_nodes

_NESTED_SCOPE_TYPES = frozenset({ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda})
_NOT_GROUPED = _NESTED_SCOPE_TYPES | LEAF_TYPES  # never walked into, or in no group
# The kinds of node a ScopeNodes keeps, and under which group.
GROUP_OF: dict[type, str] = {
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

    def __init__(self, body: Sequence[ast.stmt] = ()) -> None:
        self.calls: list[ast.Call] = []
        self.bindings: list[ast.AST] = []  # imports, assignments, walruses, `with ... as`
        self.assignments: list[ast.Assign | ast.AnnAssign] = []  # with a value
        self.tries: list[TryNode] = []
        self.ifs: list[ast.If] = []
        self.loops: list[ast.For | ast.AsyncFor | ast.While] = []
        self.returns: list[ast.Return | ast.Yield | ast.YieldFrom] = []
        self.raises: list[ast.Raise] = []
        group_of = GROUP_OF
        for node in own_nodes(body, _NOT_GROUPED):
            group = group_of.get(type(node))
            if group is not None:
                self.add(node, group)

    def add(self, node: ast.AST, group: str) -> None:
        """Files ``node`` (met in source order) under ``group``, its entry in `GROUP_OF`."""
        if group == "assignments":
            self.bindings.append(node)
            if isinstance(node, ast.AnnAssign) and node.value is None:  # `x: int`
                return
        getattr(self, group).append(node)



class ScopeIndex:
    """The ScopeNodes of a module's top level and of each of its functions (by the id of the
    function's node), filled in by a walk that visits them in source order."""

    __slots__ = ("module", "functions")

    def __init__(self) -> None:
        self.module = ScopeNodes()
        self.functions: dict[int, ScopeNodes] = {}

    def function(self, node: ast.AST) -> ScopeNodes:
        nodes = self.functions[id(node)] = ScopeNodes()
        return nodes


def own_nodes(body: Sequence[ast.stmt], skipped: frozenset[type] = _NESTED_SCOPE_TYPES) -> list[ast.AST]:
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
