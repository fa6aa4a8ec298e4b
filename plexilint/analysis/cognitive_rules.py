"""The expression-level rules of cognitive complexity (SonarSource's definition) that the
complexity family's walk applies: sequences of boolean operators and direct recursion."""

from __future__ import annotations

import ast

def boolean_sequences(node: ast.BoolOp, inner: set[int]) -> int:
    """Sequences of like operators in ``a or b and c or d`` (three): ast nests an `and` inside
    an `or` (and a parenthesised group), so the operators are read in source order across the
    nested nodes and each change of operator starts a sequence. A `not` or a call ends it."""
    operators: list[type] = []
    pending: list[ast.expr | type] = [node]  # operands still to read and operators, last first
    while pending:
        item = pending.pop()
        if type(item) is not ast.BoolOp:
            if type(item) is type:
                operators.append(item)
            continue
        if item is not node:
            inner.add(id(item))
        operator = type(item.op)
        for position, value in enumerate(reversed(item.values)):
            pending.append(value)
            if position < len(item.values) - 1:
                pending.append(operator)
    return 1 + sum(1 for before, after in zip(operators, operators[1:]) if before is not after)


def calls_itself(func: ast.expr, name: str, method_receiver: str | None) -> bool:
    """``f(...)`` in function ``f``; ``self.m(...)`` in method ``m`` (``method_receiver``: its
    first parameter, "" for a static method, None for a function), never a global ``m``."""
    if method_receiver is not None:
        return (bool(method_receiver) and type(func) is ast.Attribute and func.attr == name
                and type(func.value) is ast.Name and func.value.id == method_receiver)
    return type(func) is ast.Name and func.id == name


def receiver(node: ast.FunctionDef | ast.AsyncFunctionDef) -> str:
    """A method's first parameter, or "" for a static method (its calls are plain calls)."""
    if any(is_named(d, "staticmethod") for d in node.decorator_list):
        return ""
    positional = [*node.args.posonlyargs, *node.args.args]
    return positional[0].arg if positional else ""


def is_named(node: ast.expr, name: str) -> bool:  # `name` or `anything.name`
    return (type(node) is ast.Name and node.id == name) or (type(node) is ast.Attribute and node.attr == name)
