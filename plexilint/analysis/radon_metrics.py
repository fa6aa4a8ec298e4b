"""radon's rules for cyclomatic complexity and Halstead volume, node by node.

radon's visitors (`ComplexityVisitor`, `HalsteadVisitor`) are `ast.NodeVisitor`s that start a
new visitor for every function body; on the standard library they cost several times the
parse. `metrics_walk` applies these rules during its one walk of the engine's tree and gives the
same numbers: `tests/test_complexity.py` compares them with radon on snippets, and
`bench/verify_radon.py` on every file of a corpus.

Rules (radon 6): a function starts at 1 and adds its body's decision points: `if` and
conditional expressions +1, `for`/`while` +1 (+1 with an `else`), `try` +handlers (+1 with an
`else`; `try`/`except*` too, which radon 6 forgets: the one deliberate difference), boolean
operators +operands-1, comprehensions +1+ifs, `assert` +1, `match` +cases (a final `case _`
not counted). Decorators, defaults and annotations are not visited; nested
functions and classes count on their own. Halstead counts the operators and operands of binary,
unary, boolean and augmented operations and comparisons; operands are distinct per enclosing
function name.
"""

from __future__ import annotations

import ast
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from plexilint.analysis.nodes import TRY_TYPES

_OPERAND_KEYS = {ast.Name: "id", ast.Attribute: "attr", ast.Constant: "value"}


@dataclass
class RadonMetrics:
    """Cyclomatic complexity per function, keyed by (line of `def`, name), radon's total for
    the module, and the module's Halstead volume."""
    functions: dict[tuple[int, str], int] = field(default_factory=dict)
    total_complexity: int = 0
    halstead_volume: float = 0.0


class Halstead:
    __slots__ = ("operators", "operands", "operators_seen", "operands_seen")

    def __init__(self) -> None:
        self.operators = self.operands = 0
        self.operators_seen: set[str] = set()
        self.operands_seen: set[tuple[object, object]] = set()

    def add(self, operator: ast.AST, values: Sequence[ast.expr], context: object) -> None:
        """One operator (``operator``: its token node) applied to ``values``."""
        self.operators += 1
        self.operators_seen.add(type(operator).__name__)
        self.add_operands(values, context)

    def add_operands(self, values: Sequence[ast.expr], context: object) -> None:
        self.operands += len(values)
        seen = self.operands_seen
        for value in values:
            key = _OPERAND_KEYS.get(type(value))
            seen.add((context, getattr(value, key) if key else value))

    @property
    def volume(self) -> float:
        vocabulary = len(self.operators_seen) + len(self.operands_seen)
        length = self.operators + self.operands
        return length * math.log2(vocabulary) if vocabulary else 0.0


def decision_points(node: ast.AST) -> int:
    if isinstance(node, (ast.If, ast.IfExp)):
        return 1
    if isinstance(node, ast.BoolOp):
        return len(node.values) - 1
    if isinstance(node, (ast.For, ast.While, ast.AsyncFor)):
        return 1 + bool(node.orelse)
    if isinstance(node, TRY_TYPES):
        return len(node.handlers) + bool(node.orelse)
    if isinstance(node, ast.comprehension):
        return 1 + len(node.ifs)
    if isinstance(node, ast.Assert):
        return 1
    if isinstance(node, ast.Match):
        wildcard = any(getattr(case.pattern, "pattern", False) is None for case in node.cases)
        return max(0, len(node.cases) - wildcard)
    return 0


def operators(node: ast.AST, halstead: Halstead, context: object) -> None:
    if isinstance(node, ast.BinOp):
        halstead.add(node.op, (node.left, node.right), context)
    elif isinstance(node, ast.UnaryOp):
        halstead.add(node.op, (node.operand,), context)
    elif isinstance(node, ast.BoolOp):
        halstead.add(node.op, node.values, context)
    elif isinstance(node, ast.AugAssign):
        halstead.add(node.op, (node.target, node.value), context)
    elif isinstance(node, ast.Compare):
        halstead.operators += len(node.ops)
        halstead.operators_seen.update([type(op).__name__ for op in node.ops])
        halstead.add_operands([*node.comparators, node.left], context)
