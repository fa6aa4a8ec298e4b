"""radon's cyclomatic complexity and Halstead volume in one walk of the engine's tree.

radon's visitors (`ComplexityVisitor`, `HalsteadVisitor`) are `ast.NodeVisitor`s that start a
new visitor for every function body; on the standard library they cost several times the
parse. This walk applies the same rules, node for node, with a dispatch table, and gives the
same numbers: `tests/test_complexity.py` compares them with radon on snippets, and
`bench/verify_radon.py` on every file of a corpus.

Rules (radon 6): a function starts at 1 and adds its body's decision points: `if` and
conditional expressions +1, `for`/`while` +1 (+1 with an `else`), `try` +handlers (+1 with an
`else`; `try`/`except*` too, which radon 6 forgets: the one deliberate difference), boolean operators +operands-1, comprehensions +1+ifs, `assert` +1, `match` +cases
(a final `case _` not counted). Decorators, defaults and annotations are not visited; nested
functions and classes count on their own. Halstead counts the operators and operands of binary,
unary, boolean and augmented operations and comparisons; operands are distinct per enclosing
function name.
"""

from __future__ import annotations

import ast
import math
from dataclasses import dataclass, field

from plexilint.analysis.nodes import child_nodes

_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
_OPERAND_KEYS = {ast.Name: "id", ast.Attribute: "attr", ast.Constant: "value"}


@dataclass
class RadonMetrics:
    """Cyclomatic complexity per function, keyed by (line of `def`, name), radon's total for
    the module, and the module's Halstead volume."""
    functions: dict[tuple[int, str], int] = field(default_factory=dict)
    total_complexity: int = 0
    halstead_volume: float = 0.0


class _Halstead:
    __slots__ = ("operators", "operands", "operators_seen", "operands_seen")

    def __init__(self) -> None:
        self.operators = self.operands = 0
        self.operators_seen: set[str] = set()
        self.operands_seen: set[tuple] = set()

    def add(self, operators: int, operands: int, names, values, context) -> None:
        self.operators += operators
        self.operands += operands
        self.operators_seen.update(names)
        for value in values:
            key = _OPERAND_KEYS.get(type(value))
            self.operands_seen.add((context, getattr(value, key) if key else value))

    @property
    def volume(self) -> float:
        vocabulary = len(self.operators_seen) + len(self.operands_seen)
        length = self.operators + self.operands
        return length * math.log2(vocabulary) if vocabulary else 0.0


def radon_metrics(tree: ast.Module) -> RadonMetrics:
    metrics = RadonMetrics()
    halstead = _Halstead()
    block = _block(tree.body, metrics, halstead, None)
    # radon: the module's own points + 1, plus the points inside its functions and classes.
    metrics.total_complexity = 1 + block.points + block.function_points + block.class_points
    metrics.halstead_volume = halstead.volume
    return metrics


@dataclass
class _Block:
    points: int = 0  # decision points outside nested definitions
    function_points: int = 0  # sum of (complexity - 1) of the functions defined in it
    functions: int = 0
    class_points: int = 0  # sum of (real complexity - 1) of the classes defined in it


def _block(body, metrics: RadonMetrics, halstead: _Halstead, context) -> _Block:
    block = _Block()
    stack = list(reversed(body))
    while stack:
        node = stack.pop()
        kind = type(node)
        if kind in _FUNCTIONS:
            block.function_points += _function(node, metrics, halstead) - 1
            block.functions += 1
            continue
        if kind is ast.ClassDef:
            block.class_points += _class(node, metrics, halstead, context) - 1
            continue
        if kind is ast.Assert:  # radon counts it and does not look inside for decisions
            block.points += 1
            _operators_within(node, halstead, context)
            continue
        block.points += _points(node, kind)
        _operators(node, kind, halstead, context)
        stack.extend(reversed(child_nodes(node)))
    return block


def _function(node, metrics: RadonMetrics, halstead: _Halstead) -> int:
    complexity = 1 + _block(node.body, metrics, halstead, node.name).points
    metrics.functions[(node.lineno, node.name)] = complexity
    return complexity


def _class(node: ast.ClassDef, metrics: RadonMetrics, halstead: _Halstead, context) -> int:
    """radon's class "real complexity": 1 plus its body's points plus the complexity of the
    functions defined in it (inner classes are counted apart)."""
    for part in (*node.decorator_list, *node.bases, *node.keywords):
        _operators_within(part, halstead, context)  # Halstead looks there, cyclomatic does not
    block = _block(node.body, metrics, halstead, context)
    return 1 + block.points + block.function_points + block.functions


def _operators_within(node: ast.AST, halstead: _Halstead, context) -> None:
    """Halstead counts of a subtree whose decision points radon does not count; functions
    inside it (lambdas aside) keep their own context."""
    for child in ast.walk(node):
        _operators(child, type(child), halstead, context)


def _points(node: ast.AST, kind: type) -> int:
    if kind is ast.If or kind is ast.IfExp:
        return 1
    if kind is ast.BoolOp:
        return len(node.values) - 1
    if kind is ast.For or kind is ast.While or kind is ast.AsyncFor:
        return 1 + bool(node.orelse)
    if kind is ast.Try or kind is getattr(ast, "TryStar", None):
        return len(node.handlers) + bool(node.orelse)
    if kind is ast.comprehension:
        return 1 + len(node.ifs)
    if kind is ast.Assert:
        return 1
    if kind is ast.Match:
        wildcard = any(getattr(case.pattern, "pattern", False) is None for case in node.cases)
        return max(0, len(node.cases) - wildcard)
    return 0


def _operators(node: ast.AST, kind: type, halstead: _Halstead, context) -> None:
    if kind is ast.BinOp:
        halstead.add(1, 2, (type(node.op).__name__,), (node.left, node.right), context)
    elif kind is ast.UnaryOp:
        halstead.add(1, 1, (type(node.op).__name__,), (node.operand,), context)
    elif kind is ast.BoolOp:
        halstead.add(1, len(node.values), (type(node.op).__name__,), node.values, context)
    elif kind is ast.AugAssign:
        halstead.add(1, 2, (type(node.op).__name__,), (node.target, node.value), context)
    elif kind is ast.Compare:
        halstead.add(len(node.ops), len(node.comparators) + 1, [type(op).__name__ for op in node.ops],
                     [*node.comparators, node.left], context)
