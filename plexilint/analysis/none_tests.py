"""Where a file tests a name against None or for truth: `x is None`, `x != None`, `None is x`,
`if x`, `while x`, `assert x`, `a if x else b`, `[a for a in b if x]`, `not x`, `x or default`,
`x and y`, `bool(x)`, `if (x := f())`, `match x: case None`. An attribute counts by its own
name (`self.x is None` tests `x`), whatever it belongs to.

The fix reads this to leave a placeholder (`x = None`) alone wherever code tests it: a fallback
object in its place would take the other branch. So it errs on the safe side: a name compared
to anything (`new is not DEFAULT`, `x in registry`, `n < x`) counts too, as a comparison with a
value that was None changes when it no longer is, and so does a name that an operator feeds
into a test (`if mask & x`, `assert a + x <= b`). Read from the syntax tree: a name that is
only mentioned in a comment or a string is no test.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from plexilint.analysis.nodes import LEAF_TYPES, walk


@dataclass(frozen=True, slots=True)
class NoneTest:
    name: str  # the tested name, or attribute name (`x` of `self.x`)
    line: int  # where the tested name is written


_IDENTITY_OR_EQUALITY = (ast.Is, ast.IsNot, ast.Eq, ast.NotEq)


def extract_none_tests(tree: ast.Module) -> tuple[NoneTest, ...]:
    """Every (name, line) tested against None or for truth in ``tree``, in line order, once each."""
    found: set[NoneTest] = set()
    for node in walk(tree, LEAF_TYPES):  # a name or a constant tests nothing by itself
        for tested in _tested_expressions(node):
            found.update(_operand_names(tested))
    return tuple(sorted(found, key=lambda t: (t.line, t.name)))


def _tested_expressions(node: ast.AST) -> list[ast.expr]:
    """The expressions ``node`` itself tests for truth or compares (its children are visited on
    their own: `not (x or y)` tests `x or y`, whose operands are tested in turn)."""
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
    if isinstance(node, ast.Compare):  # `x is None`, either side, in a chain; `x == other` too
        return [node.left, *node.comparators]
    if isinstance(node, ast.Match) and any(_matches_none(case.pattern) for case in node.cases):
        return [node.subject]
    return []


def _matches_none(pattern: ast.pattern) -> bool:
    """A `case` that matches None: `case None`, also inside `case None | ...` or `case x if ...`."""
    if isinstance(pattern, ast.MatchSingleton):
        return pattern.value is None
    if isinstance(pattern, ast.MatchOr):
        return any(_matches_none(p) for p in pattern.patterns)
    if isinstance(pattern, ast.MatchAs) and pattern.pattern is not None:
        return _matches_none(pattern.pattern)
    return False


def _operand_names(node: ast.expr) -> list[NoneTest]:
    """The names whose values a tested expression is computed from by operators alone: `x`,
    `self.x` (as `x`), `(x := f())` (as `x`), both sides of `a & x` or `a < x`; not what a call,
    a subscript or an attribute's owner computes (`x.ready()`, `x[0]`, `x.y`). A BoolOp's
    operands are tested on their own (`_tested_expressions`). Iterative: a chain of thousands
    of `+` nests that deep."""
    names = []
    pending = [node]
    while pending:
        current = pending.pop()
        if isinstance(current, ast.Name):
            names.append(NoneTest(current.id, current.lineno))
        elif isinstance(current, ast.Attribute):
            names.append(NoneTest(current.attr, current.end_lineno or current.lineno))
        elif isinstance(current, ast.NamedExpr):
            names.append(NoneTest(current.target.id, current.target.lineno))
        elif isinstance(current, ast.BinOp):
            pending += (current.left, current.right)
        elif isinstance(current, ast.UnaryOp):
            pending.append(current.operand)
        elif isinstance(current, ast.Compare):
            pending += (current.left, *current.comparators)
    return names
