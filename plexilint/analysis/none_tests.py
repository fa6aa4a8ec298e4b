"""Where a file tests a name against None or for truth: `x is None`, `x != None`, `None is x`,
`if x`, `while x`, `assert x`, `a if x else b`, `[a for a in b if x]`, `not x`, `x or default`,
`x and y`, `bool(x)`, `if (x := f())`, `match x: case None`. An attribute counts by its own
name (`self.x is None` tests `x`), whatever it belongs to.

The fix reads this to leave a placeholder (`x = None`) alone wherever code tests it: a fallback
object in its place would take the other branch. Read from the syntax tree, so a name that is
only mentioned in a comment or a string is no test.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass


@dataclass(frozen=True)
class NoneTest:
    name: str  # the tested name, or attribute name (`x` of `self.x`)
    line: int  # where the tested name is written


_IDENTITY_OR_EQUALITY = (ast.Is, ast.IsNot, ast.Eq, ast.NotEq)


def extract_none_tests(tree: ast.Module) -> tuple[NoneTest, ...]:
    """Every (name, line) tested against None or for truth in ``tree``, in line order, once each."""
    found: set[NoneTest] = set()
    for node in ast.walk(tree):
        for tested in _tested_expressions(node):
            name = _tested_name(tested)
            if name is not None:
                found.add(NoneTest(name, tested.lineno))
    return tuple(sorted(found, key=lambda t: (t.line, t.name)))


def _tested_expressions(node: ast.AST) -> list[ast.expr]:
    """The expressions ``node`` itself tests against None or for truth (its children are
    visited on their own: `not (x or y)` tests `x or y`, whose operands are tested in turn)."""
    if isinstance(node, (ast.If, ast.While, ast.IfExp, ast.Assert)):
        return [node.test]
    if isinstance(node, ast.comprehension):
        return list(node.ifs)
    if isinstance(node, ast.BoolOp):
        return list(node.values)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return [node.operand]
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "bool" \
            and len(node.args) == 1 and not node.keywords:
        return [node.args[0]]
    if isinstance(node, ast.Compare):
        return _compared_with_none(node)
    if isinstance(node, ast.Match) and any(_matches_none(case.pattern) for case in node.cases):
        return [node.subject]
    return []


def _compared_with_none(node: ast.Compare) -> list[ast.expr]:
    """`x is None`, `x is not None`, `x == None`, `x != None`, either side, in a chain too."""
    operands = [node.left, *node.comparators]
    tested = []
    for left, operator, right in zip(operands, node.ops, operands[1:]):
        if isinstance(operator, _IDENTITY_OR_EQUALITY):
            if _is_none(right):
                tested.append(left)
            elif _is_none(left):
                tested.append(right)
    return tested


def _is_none(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value is None


def _matches_none(pattern: ast.pattern) -> bool:
    """A `case` that matches None: `case None`, also inside `case None | ...` or `case x if ...`."""
    if isinstance(pattern, ast.MatchSingleton):
        return pattern.value is None
    if isinstance(pattern, ast.MatchOr):
        return any(_matches_none(p) for p in pattern.patterns)
    if isinstance(pattern, ast.MatchAs) and pattern.pattern is not None:
        return _matches_none(pattern.pattern)
    return False


def _tested_name(node: ast.expr) -> str | None:
    """The name a tested expression stands for: `x`, `self.x` (as `x`), `(x := f())` (as `x`)."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.NamedExpr):
        return node.target.id
    return None
