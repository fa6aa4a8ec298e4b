"""Where names are read as module globals, telling them from a function's own variables."""

from __future__ import annotations

import ast
from plexilint.analysis.nodes import child_nodes

_NESTED_DEFINITIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)


def _parameter_names(args: ast.arguments) -> set[str]:
    bound = {a.arg for a in (*args.posonlyargs, *args.args, *args.kwonlyargs)}
    bound |= {a.arg for a in (args.vararg, args.kwarg) if a is not None}
    return bound


def _names_bound_by(node: ast.AST) -> list[str]:
    """What one node binds in the function it runs in: an assignment target, an import, an
    ``except ... as name``."""
    if isinstance(node, ast.Name):
        return [node.id] if isinstance(node.ctx, ast.Store) else []
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        return [(a.asname or a.name).split(".")[0] for a in node.names]
    if isinstance(node, ast.ExceptHandler) and node.name:
        return [node.name]
    return []


def _locally_bound(function: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) -> set[str]:
    """Names a function binds itself (parameters, assignments, imports), minus `global`s."""
    bound = _parameter_names(function.args)
    if isinstance(function, ast.Lambda):
        return bound
    declared_global: set[str] = set()
    stack: list[ast.AST] = list(function.body)
    while stack:
        node = stack.pop()
        if isinstance(node, _NESTED_DEFINITIONS):
            bound.add(node.name)
            continue  # its own scope
        if isinstance(node, ast.Lambda):
            continue
        if isinstance(node, ast.Global):
            declared_global.update(node.names)
        else:
            bound.update(_names_bound_by(node))
        stack.extend(child_nodes(node))
    return bound - declared_global


def module_global_uses(tree: ast.Module, wanted: set[str]) -> dict[str, list[int]]:
    """Lines where ``wanted`` names are read *as module globals*: a function's parameter or
    local variable of the same name is a different variable."""
    uses: dict[str, list[int]] = {}
    stack: list[tuple[ast.AST, frozenset[str]]] = [(tree, frozenset())]
    while stack:
        node, shadowed = stack.pop()
        if isinstance(node, ast.Name):
            if isinstance(node.ctx, ast.Load) and node.id in wanted and node.id not in shadowed:
                uses.setdefault(node.id, []).append(node.lineno)
            continue
        inner = shadowed
        if isinstance(node, _FUNCTIONS):
            inner = shadowed | (_locally_bound(node) & wanted)
            # Decorators and defaults are evaluated in the enclosing scope.
            outer = [*getattr(node, "decorator_list", []), *node.args.defaults,
                     *(d for d in node.args.kw_defaults if d is not None)]
            stack.extend((child, shadowed) for child in outer)
            if isinstance(node.body, list):
                stack.extend((child, inner) for child in node.body)
            else:  # a lambda's body: one expression
                stack.append((node.body, inner))
            continue
        stack.extend((child, inner) for child in child_nodes(node))
    return uses
