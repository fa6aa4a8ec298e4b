"""`plexilint fix --shims`: old import paths keep working, with a DeprecationWarning (a
compatibility layer), for names that moved away from a module.

A module that no longer exists gets a shim module re-exporting its moved names; a module that
still exists but no longer binds a moved name gets a module-level `__getattr__` for it. Names
the old module still binds need nothing: they import as before.
"""

from __future__ import annotations

import ast
from pathlib import Path

import libcst as cst

from plexilint.consolidation.plan import ConsolidationPlan, all_moves

_TABLE = "_PLEXILINT_MOVED"


def shim_changes(plan: ConsolidationPlan, pending: dict[Path, tuple[bytes | None, bytes]]) -> dict:
    """Changes that add the shims, given the fix's other `pending` changes (a module the fix
    rewrites is judged on its new content)."""
    index = plan.analysis.index
    moves = all_moves(plan)
    by_module: dict[str, dict[str, tuple[str, str]]] = {}
    for old, new in sorted(moves.items()):
        old_module, _, old_name = old.partition(":")
        new_module, _, new_name = new.partition(":")
        by_module.setdefault(old_module, {})[old_name] = (new_module, new_name)
    changes: dict[Path, tuple[bytes | None, bytes]] = {}
    for module, names in sorted(by_module.items()):
        file = index.by_module.get(module)
        if file is None:
            path = _new_module_path(plan, module)
            if path is not None and not path.exists():
                changes[path] = (None, _shim_module(module, names).encode("utf-8"))
            continue
        path = Path(file.path)
        before, current = pending.get(path, (path.read_bytes(), path.read_bytes()))
        text = current.decode("utf-8")
        missing = {n: target for n, target in names.items() if n not in _bound_names(text)}
        if missing and _TABLE not in text and "def __getattr__" not in text:
            changes[path] = (before, _with_getattr(text, missing).encode("utf-8"))
    return changes


def _new_module_path(plan: ConsolidationPlan, module: str) -> Path | None:
    parent, _, leaf = module.rpartition(".")
    package = plan.analysis.index.by_module.get(parent)
    if package is None or not package.is_package:
        return None
    return Path(package.path).parent / f"{leaf}.py"


def _shim_module(module: str, names: dict[str, tuple[str, str]]) -> str:
    imports: dict[str, list[str]] = {}
    for name, (new_module, new_name) in sorted(names.items()):
        imports.setdefault(new_module, []).append(new_name if new_name == name else f"{new_name} as {name}")
    lines = [f'"""Compatibility shim written by `plexilint fix --shims`: `{module}` moved.',
             "",
             "Import these names from where they live now; delete this module once nothing imports it",
             "(`plexilint check` reports every import through it as PLX501).",
             '"""', "", "import warnings", ""]
    lines += [f"from {new_module} import {', '.join(sorted(items))}" for new_module, items in sorted(imports.items())]
    where = "; ".join(f"{', '.join(sorted(items))} from {new_module}" for new_module, items in sorted(imports.items()))
    lines += ["", "warnings.warn(", f'    "`{module}` is deprecated: import {where}",',
              "    DeprecationWarning,", "    stacklevel=2,", ")", "",
              "__all__ = [" + ", ".join(f'"{name}"' for name in sorted(names)) + "]", ""]
    return "\n".join(lines)


def _bound_names(source: str) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names |= {alias.asname or alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
    return names


def _with_getattr(source: str, names: dict[str, tuple[str, str]]) -> str:
    table = ", ".join(f'"{name}": ("{module}", "{attribute}")' for name, (module, attribute) in sorted(names.items()))
    block = f'''

{_TABLE} = {{{table}}}


def __getattr__(name):
    """Names that moved away from this module: still importable, with a DeprecationWarning."""
    if name not in {_TABLE}:
        raise AttributeError(f"module {{__name__!r}} has no attribute {{name!r}}")
    import importlib
    import warnings

    module, attribute = {_TABLE}[name]
    warnings.warn(f"{{__name__}}.{{name}} moved to {{module}}.{{attribute}}", DeprecationWarning, stacklevel=2)
    return getattr(importlib.import_module(module), attribute)
'''
    module = cst.parse_module(source)
    added = cst.parse_module(block.lstrip("\n")).body
    first = added[0].with_changes(leading_lines=[cst.EmptyLine(), cst.EmptyLine()]) if module.body else added[0]
    return module.with_changes(body=[*module.body, first, *added[1:]]).code
