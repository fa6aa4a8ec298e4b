"""Small helpers over ``ast`` nodes that every analysis family uses: spans and dotted names."""

from __future__ import annotations

import ast

from plexilint.model import Span

# Method names of logging calls (`logger.warning(...)`): a handler that only logs swallows.
LOG_METHODS = {"debug", "info", "warning", "warn", "error", "exception", "critical", "log"}

_DEFINITION_KEYWORDS = {"ClassDef": "class ", "FunctionDef": "def ", "AsyncFunctionDef": "async def "}


def span_of(node: ast.AST) -> Span:
    return Span(node.lineno, node.col_offset, node.end_lineno, node.end_col_offset)


def name_span(node: ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) -> Span:
    """The span of the defined name on its ``class``/``def`` line (where editors underline)."""
    column = node.col_offset + len(_DEFINITION_KEYWORDS[type(node).__name__])
    return Span(node.lineno, column, node.lineno, column + len(node.name))


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


def is_self_attribute(node: ast.AST) -> bool:
    """``self.<attr>``."""
    return isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "self"


# Fields that never hold a node worth visiting: expression contexts (Load/Store), operator
# tokens (their type is read where needed) and plain values.
_SKIPPED_FIELDS = {"ctx", "op", "ops", "type_comment", "kind", "name", "id", "attr", "arg", "module",
                   "level", "value_type", "is_async", "simple", "conversion", "lineno"}
_NODE_FIELDS: dict[type, tuple[str, ...]] = {}


def child_nodes(node: ast.AST) -> list[ast.AST]:
    """`ast.iter_child_nodes` without the context and operator nodes, as a list: the walks of
    the complexity family visit every node of the standard library several times, and the
    generator and the Load/Store children were a third of their time."""
    fields = _NODE_FIELDS.get(type(node))
    if fields is None:
        fields = _NODE_FIELDS[type(node)] = tuple(f for f in node._fields if f not in _SKIPPED_FIELDS)
    children: list[ast.AST] = []
    for field_name in fields:
        value = getattr(node, field_name, None)
        if type(value) is list:
            children.extend(item for item in value if isinstance(item, ast.AST))
        elif isinstance(value, ast.AST):
            children.append(value)
    return children


def walk(node: ast.AST) -> list[ast.AST]:
    """``ast.walk``'s nodes in its order (breadth first), without context and operator nodes,
    at a fraction of its cost (it re-reads every field through generators)."""
    nodes = [node]
    for current in nodes:  # the list grows while it is read: breadth first
        nodes.extend(child_nodes(current))
    return nodes


_BLOCK_FIELDS = ("body", "orelse", "finalbody", "handlers", "cases")


def statements(tree: ast.Module) -> list[ast.stmt]:
    """Every statement of a module, nested blocks and definitions included (imports and other
    statements never sit inside expressions, so their walk can skip the expressions)."""
    found: list[ast.AST] = list(tree.body)
    for current in found:  # the list grows while it is read
        for field_name in _BLOCK_FIELDS:
            block = getattr(current, field_name, None)
            if block:
                found.extend(block)
    # `handlers` and `cases` hold except-handlers and match-cases, whose bodies are the statements.
    return [node for node in found if isinstance(node, ast.stmt)]
