"""Small helpers over ``ast`` nodes that every analysis family uses: spans and dotted names."""

from __future__ import annotations

import ast
import sys
from typing import Protocol, TypeAlias, TypeGuard

from plexilint.model import Span

# `try` statements: `except*` (Python 3.11+) is its own node type, with the same fields.
if sys.version_info >= (3, 11):
    TryNode: TypeAlias = ast.Try | ast.TryStar
    TRY_TYPES = (ast.Try, ast.TryStar)
else:
    TryNode: TypeAlias = ast.Try
    TRY_TYPES = (ast.Try,)

# Method names of logging calls (`logger.warning(...)`): a handler that only logs swallows.
LOG_METHODS = {"debug", "info", "warning", "warn", "error", "exception", "critical", "log"}

_DEFINITION_KEYWORDS = {"ClassDef": "class ", "FunctionDef": "def ", "AsyncFunctionDef": "async def "}


class Located(Protocol):
    """A node with a position in the source (statements, expressions, handlers, arguments...)."""

    lineno: int
    col_offset: int
    end_lineno: int | None
    end_col_offset: int | None


def span_of(node: Located) -> Span:
    return Span(node.lineno, node.col_offset, node.end_lineno, node.end_col_offset)


def name_span(node: ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) -> Span:
    """The span of the defined name on its ``class``/``def`` line (where editors underline)."""
    column = node.col_offset + len(_DEFINITION_KEYWORDS[type(node).__name__])
    return Span(node.lineno, column, node.lineno, column + len(node.name.encode("utf-8")))  # byte columns, as ast


def dotted_name(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = dotted_name(node.value)
        return f"{base}.{node.attr}" if base else None
    return None


def last_part(name: str | None) -> str:
    """``"a.b.c"`` -> ``"c"``; ``None`` -> ``""``."""
    return (name or "").rsplit(".", 1)[-1]


def is_self_attribute(node: ast.AST) -> TypeGuard[ast.Attribute]:
    """``self.<attr>``."""
    return isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "self"


# Fields that never hold a node worth visiting: expression contexts (Load/Store), operator
# tokens (their type is read where needed) and plain values.
_SKIPPED_FIELDS = {"ctx", "op", "ops", "type_comment", "kind", "name", "id", "attr", "arg", "module",
                   "level", "value_type", "is_async", "simple", "conversion", "lineno"}
# List fields that hold strings (skipped) or may hold ``None`` (filtered); every other list
# field holds nodes only, so it is copied without a check per item.
_STRING_LISTS = {("Global", "names"), ("Nonlocal", "names"), ("MatchClass", "kwd_attrs")}
_OPTIONAL_LISTS = {("Dict", "keys"), ("arguments", "kw_defaults")}
_PLAIN, _OPTIONAL = 0, 1
_FIELD_PLANS: dict[type, tuple[tuple[str, int], ...]] = {}


def _field_plan(node_type: type[ast.AST]) -> tuple[tuple[str, int], ...]:
    name = node_type.__name__
    plan = tuple((field_name, _OPTIONAL if (name, field_name) in _OPTIONAL_LISTS else _PLAIN)
                 for field_name in node_type._fields
                 if field_name not in _SKIPPED_FIELDS and (name, field_name) not in _STRING_LISTS)
    _FIELD_PLANS[node_type] = plan
    return plan


def child_nodes(node: ast.AST) -> list[ast.AST]:
    """`ast.iter_child_nodes` without the context and operator nodes, as a list: the walks of
    every family visit every node of the standard library, and the generator, the Load/Store
    children and a type check per list item were most of their time."""
    plan = _FIELD_PLANS.get(type(node))
    if plan is None:  # (a name's plan is empty, not missing)
        plan = _field_plan(type(node))
    children: list[ast.AST] = []
    for field_name, kind in plan:
        value = getattr(node, field_name, None)
        if value is None:
            continue
        if type(value) is list:
            children.extend([item for item in value if item is not None] if kind else value)
        elif isinstance(value, ast.AST):
            children.append(value)
    return children


# Nodes without children worth visiting; names and constants are almost half of all nodes.
LEAF_TYPES = frozenset({ast.Name, ast.Constant})


def walk(node: ast.AST, skipped: frozenset[type] = frozenset()) -> list[ast.AST]:
    """``ast.walk``'s nodes in its order (breadth first), without context and operator nodes,
    at a fraction of its cost (it re-reads every field through generators). ``skipped``: leaf
    types left out where no fact reads them (the other nodes keep their order)."""
    nodes = [node]
    extend = nodes.extend
    if not skipped:
        for current in nodes:  # the list grows while it is read: breadth first
            extend(child_nodes(current))
        return nodes
    for current in nodes:
        children = child_nodes(current)
        if children:
            extend([child for child in children if type(child) not in skipped])
    return nodes


_BLOCK_FIELDS = ("body", "orelse", "finalbody", "handlers", "cases")


_BLOCKS_OF: dict[type, tuple[str, ...]] = {}  # per node type, its fields among _BLOCK_FIELDS


def statements(tree: ast.Module) -> list[ast.stmt]:
    """Every statement of a module, nested blocks and definitions included (imports and other
    statements never sit inside expressions, so their walk can skip the expressions)."""
    return block_statements(tree.body)


def block_statements(body: list[ast.stmt]) -> list[ast.stmt]:
    """Every statement of ``body`` and of the blocks nested in it, definitions included."""
    found: list[ast.AST] = list(body)
    blocks_of = _BLOCKS_OF
    for current in found:  # the list grows while it is read
        kind = type(current)
        fields = blocks_of.get(kind)
        if fields is None:
            fields = blocks_of[kind] = tuple(name for name in _BLOCK_FIELDS if name in kind._fields)
        for field_name in fields:  # most statements have none: no lookup at all
            found.extend(getattr(current, field_name))
    # `handlers` and `cases` hold except-handlers and match-cases, whose bodies are the statements.
    return [node for node in found if isinstance(node, ast.stmt)]
