"""Normalised AST shapes: two definitions that differ only in names and literal values
have the same shape; the exact digest tells identical copies from merely similar ones."""

from __future__ import annotations

import ast
import hashlib

_SKIPPED_FIELDS = {"ctx", "type_comment", "kind", "lineno", "col_offset", "end_lineno", "end_col_offset"}
_NAME_FIELDS = {("Name", "id"), ("arg", "arg"), ("FunctionDef", "name"), ("AsyncFunctionDef", "name"),
                ("ClassDef", "name"), ("alias", "asname"), ("keyword", "arg")}


def strip_docstring(body: list[ast.stmt]) -> list[ast.stmt]:
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
            and isinstance(body[0].value.value, str):
        return body[1:]
    return body


def _does_nothing(body: list[ast.stmt]) -> bool:
    return all(
        isinstance(stmt, ast.Pass)
        or (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant) and stmt.value.value is Ellipsis)
        for stmt in body
    )


def _normalised(kind: str, field_name: str, value: object, names: dict[str, str] | None) -> object:
    """The field's value as rendered: without docstrings; with ``names``, identifiers numbered
    in order of appearance and constants reduced to their type."""
    if field_name == "body" and isinstance(value, list):
        value = strip_docstring(value)
        if names is not None and _does_nothing(value):
            value = [ast.Pass()]  # `pass`, `...` and a bare docstring are the same no-op
    if names is None:
        return value
    if (kind, field_name) in _NAME_FIELDS and isinstance(value, str):
        return names.setdefault(value, f"n{len(names)}")
    if kind == "Constant" and field_name == "value":
        return type(value).__name__
    return value


def _render_value(value: object, names: dict[str, str] | None, out: list[str]) -> None:
    if isinstance(value, ast.AST):
        _render(value, names, out)
    elif isinstance(value, list):
        out.append("[")
        for item in value:
            if isinstance(item, ast.AST):
                _render(item, names, out)
            else:
                out.append(repr(item))
            out.append(",")
        out.append("]")
    else:
        out.append(repr(value))


def _render(node: ast.AST, names: dict[str, str] | None, out: list[str]) -> None:
    kind = type(node).__name__
    out.append(kind)
    out.append("(")
    for field_name, value in ast.iter_fields(node):
        if field_name in _SKIPPED_FIELDS:
            continue
        if names is not None and field_name in ("annotation", "returns"):
            continue  # annotations do not change what a stub does
        out.append(field_name)
        out.append("=")
        _render_value(_normalised(kind, field_name, value, names), names, out)
        out.append(",")
    out.append(")")


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def digest_of(*parts: str) -> str:
    """One digest of several strings (a shape and what else must agree)."""
    return _digest("\x00".join(parts))


def shape_digest(node: ast.AST) -> str:
    """Same for definitions that differ only in identifiers and literal values."""
    out: list[str] = []
    _render(node, {}, out)
    return _digest("".join(out))


def exact_digest(node: ast.AST, ignore_name: bool = False) -> str:
    """Same only for definitions that are identical but for docstrings and formatting."""
    out: list[str] = []
    _render(node, None, out)
    text = "".join(out)
    if ignore_name and isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
        text = text.replace(f"name={node.name!r}", "name=?", 1)
    return _digest(text)
