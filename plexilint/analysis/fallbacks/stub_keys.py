"""What copies of one stub must share besides their shape, so that two stubs of one shape
that stand for different things are not taken for copies."""

from __future__ import annotations

import ast

from plexilint.analysis.fallbacks.facts import CONSTANT_HOLDER, EMPTY_CLASS, IDENTITY_DECORATOR, LITERAL_HANDLER, NO_OP_FUNCTION
from plexilint.analysis.fallbacks.stub_shapes import ENUM_BASES, Function, returns_its_argument
from plexilint.analysis.nodes import dotted_name, last_part
from plexilint.analysis.shapes import digest_of, shape_digest, strip_docstring


def _methods(node: ast.ClassDef) -> list[str]:
    return sorted(s.name for s in node.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef)))


def _constant_members(node: ast.ClassDef) -> list[tuple[str, str]]:
    members = []
    for stmt in strip_docstring(node.body):
        target = stmt.targets[0] if isinstance(stmt, ast.Assign) else getattr(stmt, "target", None)
        value = getattr(stmt, "value", None)
        if isinstance(target, ast.Name) and isinstance(value, ast.Constant):
            members.append((target.id, type(value.value).__name__))
    return sorted(members)


def stub_shape(node: ast.ClassDef | Function, kind: str) -> str:
    """What copies of one stub share: the shape (names and literals aside), and what tells
    different stubs of that shape apart. Null objects agree on their method names; constant
    holders on their members' names and value kinds (an `Enum` also on its own name: only a
    copy of the same enum is a duplicate); literal handlers on the dict they return."""
    shape = shape_digest(node)
    if kind == EMPTY_CLASS and isinstance(node, ast.ClassDef):
        return digest_of(shape, *_methods(node))
    if kind == CONSTANT_HOLDER and isinstance(node, ast.ClassDef):
        bases = {last_part(dotted_name(base)) for base in node.bases}
        own_name = node.name if bases & (ENUM_BASES - {"object", "str", "int"}) else ""
        return digest_of(CONSTANT_HOLDER, own_name, *(f"{n}:{v}" for n, v in _constant_members(node)))
    if kind == LITERAL_HANDLER and not isinstance(node, ast.ClassDef):
        statement = strip_docstring(node.body)[0]
        assert isinstance(statement, ast.Return) and isinstance(statement.value, ast.Dict)  # what the kind means
        returned = statement.value
        keys = sorted(repr(key.value) for key in returned.keys if isinstance(key, ast.Constant))
        return digest_of(shape, *keys)
    return shape


def is_weak_function_shape(node: ast.ClassDef | Function, kind: str) -> bool:
    """A no-op with a precise signature or a plain identity function: a stub only where it
    stands in for an import, and then a copy only of a stand-in for the same thing (two event
    handlers that do nothing yet are not one stub)."""
    if isinstance(node, ast.ClassDef):
        return False
    accepts_anything = node.args.vararg is not None and node.args.kwarg is not None
    if kind == NO_OP_FUNCTION:
        return not accepts_anything
    return kind == IDENTITY_DECORATOR and returns_its_argument(node)


def returned_global(node: Function) -> str | None:
    """``def get_manager(): return _manager`` (a ``global`` statement allowed): the name."""
    body = [s for s in strip_docstring(node.body) if not isinstance(s, ast.Global)]
    if node.decorator_list or len(body) != 1 or not isinstance(body[0], ast.Return):
        return None
    value = body[0].value
    return value.id if isinstance(value, ast.Name) else None
