"""When two definitions may share one central copy: they are equivalent, that is the same
kind (class, function, async function), the same decorators, bases and metaclass (so an
`IntEnum` is never a plain class), the same members and the same signature and bodies.
Docstrings, function annotations and layout do not change what a definition does and are
ignored; everything else counts.
"""

from __future__ import annotations

import ast

from plexilint.analysis.shapes import strip_docstring

Definition = ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef
_POSITIONS = {"lineno", "col_offset", "end_lineno", "end_col_offset", "ctx", "type_comment"}


def _render(node: object) -> str:
    if isinstance(node, list):
        return "[" + ",".join(_render(item) for item in node) + "]"
    if not isinstance(node, ast.AST):
        return repr(node)
    parts = []
    for name, value in ast.iter_fields(node):
        if name in _POSITIONS:
            continue
        if name in ("returns", "annotation") and isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.arg)):
            continue  # function annotations do not change what it does
        if name == "body" and isinstance(value, list):
            value = strip_docstring(value)
        parts.append(f"{name}={_render(value)}")
    return f"{type(node).__name__}({','.join(parts)})"


def _kind(node: Definition) -> str:
    return {"ClassDef": "class", "FunctionDef": "function", "AsyncFunctionDef": "async function"}[type(node).__name__]


def _a(kind: str) -> str:
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


def _signature(node: ast.FunctionDef | ast.AsyncFunctionDef) -> str:
    return _render(node.args)


def _members(node: ast.ClassDef) -> list[str]:
    names = []
    for statement in strip_docstring(node.body):
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.append(statement.name)
        elif isinstance(statement, ast.Assign):
            names += [t.id for t in statement.targets if isinstance(t, ast.Name)]
        elif isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
            names.append(statement.target.id)
    return names


def difference(local: Definition, central: Definition) -> str | None:
    """Why `local` cannot be replaced by `central`; None when they are equivalent."""
    if _kind(local) != _kind(central):
        return f"it is {_a(_kind(local))}, the central `{central.name}` is {_a(_kind(central))}"
    if local.name != central.name:
        return f"`{local.name}` and `{central.name}` are different names"
    if _render(local.decorator_list) != _render(central.decorator_list):
        return "their decorators differ"
    if isinstance(local, ast.ClassDef) and isinstance(central, ast.ClassDef):
        why = _class_difference(local, central)
        if why:
            return why
    elif _signature(local) != _signature(central):  # type: ignore[arg-type]
        return "its signature differs from the central one's"
    if _render(local) != _render(central):
        return "its body differs from the central one's"
    return None


def _class_difference(local: ast.ClassDef, central: ast.ClassDef) -> str | None:
    if _render(local.bases) != _render(central.bases):
        shown = ", ".join(ast.unparse(b) for b in local.bases) or "no base"
        other = ", ".join(ast.unparse(b) for b in central.bases) or "no base"
        return f"its bases ({shown}) differ from the central one's ({other})"
    if _render(local.keywords) != _render(central.keywords):
        return "its metaclass or class keywords differ from the central one's"
    if _members(local) != _members(central):
        return f"its members ({', '.join(_members(local)) or 'none'}) differ from the central one's " \
               f"({', '.join(_members(central)) or 'none'})"
    return None


def equivalent(local: Definition, central: Definition) -> bool:
    return difference(local, central) is None


def parse_definition(source: str) -> Definition | None:
    """The one definition of a (dedented) stub source."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    node = tree.body[0] if len(tree.body) == 1 else None
    return node if isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) else None
