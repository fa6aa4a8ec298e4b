"""What the fallback family keeps of each module-level definition: a summary to compare it
with a same-named one elsewhere, the copies an ``except ImportError:`` makes of imported names,
and whether a function only serves the module's stubs."""

from __future__ import annotations

import ast
import builtins

from plexilint.analysis.fallbacks.facts import DefinitionSummary, ImportFallbackCopy
from plexilint.analysis.fallbacks.markers import module_level_definitions
from plexilint.analysis.fallbacks.names import ModuleNames
from plexilint.analysis.modules import resolve_import
from plexilint.analysis.nodes import dotted_name, last_part, name_span

Definition = ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef
Function = ast.FunctionDef | ast.AsyncFunctionDef

_BUILTINS = frozenset(dir(builtins))
# Wrappers are short; longer functions are never looked into (it would cost a walk of each).
_WRAPPER_LINES = 15


def _calls_own_name(node: Function) -> bool:
    """``def gettext(m): return _trans.gettext(m)``: a wrapper around another implementation."""
    for inner in ast.walk(node):
        if isinstance(inner, ast.Call):
            func = inner.func
            called = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
            if called is not None and called.lstrip("_") == node.name.lstrip("_"):
                return True
    return False


def _class_members(node: ast.ClassDef) -> list[str]:
    members = []
    for stmt in node.body:
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            members.append(stmt.name)
        elif isinstance(stmt, ast.Assign):
            members.extend(t.id for t in stmt.targets if isinstance(t, ast.Name))
        elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
            members.append(stmt.target.id)
    return members


def summarise(node: Definition, guarded: bool, ignored_redefinitions: set[int], is_package: bool) -> DefinitionSummary:
    if isinstance(node, ast.ClassDef):
        kind = "class"
        bases = tuple(last_part(dotted_name(base)) for base in node.bases)
        members = tuple(_class_members(node))
    else:
        kind = "async function" if isinstance(node, ast.AsyncFunctionDef) else "function"
        bases = ()
        args = node.args
        members = tuple(a.arg for a in (*args.posonlyargs, *args.args, *args.kwonlyargs))
    size = (node.end_lineno or node.lineno) - node.lineno + 1
    # Only a package's copies are compared with their originals (PLX107): only they need it.
    delegates = is_package and not isinstance(node, ast.ClassDef) and size <= _WRAPPER_LINES and _calls_own_name(node)
    return DefinitionSummary(node.name, kind, bases, members, size, name_span(node), guarded,
                             node.lineno in ignored_redefinitions, delegates)


def import_copies(stmt: ast.Try, handler: ast.ExceptHandler, names: ModuleNames) -> list[ImportFallbackCopy]:
    """Definitions in the handler of names the ``try`` imported with ``from X import``."""
    imported: dict[str, str] = {}
    for node in stmt.body:
        if isinstance(node, ast.ImportFrom):
            origin = resolve_import(names.module, names.is_package, node.module, node.level)
            if origin:
                for alias in node.names:
                    imported[alias.asname or alias.name] = origin
    return [ImportFallbackCopy(node.name, imported[node.name], name_span(node))
            for node in module_level_definitions(handler.body)
            if node.name in imported and not _fails_loudly(node)]


def _fails_loudly(node: ast.stmt) -> bool:
    """A function whose body ends by raising or exiting (httpx's `main` that says which extra
    to install, then `sys.exit(1)`): a notice that the feature is missing, not a second
    implementation that hides the failure."""
    if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) or not node.body:
        return False
    last = node.body[-1]
    if isinstance(last, ast.Raise):
        return True
    call = last.value if isinstance(last, ast.Expr) else None
    if not isinstance(call, ast.Call):
        return False
    target = call.func
    name = target.attr if isinstance(target, ast.Attribute) else target.id if isinstance(target, ast.Name) else ""
    return name in ("exit", "_exit", "abort")


def only_serves_stubs(node: Function, stubs: set[str]) -> bool:
    """Every module-level name the function reads is one of ``stubs`` (or a builtin):
    ``def get_error_code(error): return ErrorCode.UNKNOWN`` beside a stub ``ErrorCode``."""
    if node.decorator_list or not stubs:
        return False
    args = node.args
    own = {a.arg for a in (*args.posonlyargs, *args.args, *args.kwonlyargs,
                           *(a for a in (args.vararg, args.kwarg) if a is not None))}
    read: set[str] = set()
    for inner in ast.walk(node):
        if isinstance(inner, ast.Name):
            (own if isinstance(inner.ctx, ast.Store) else read).add(inner.id)
        elif isinstance(inner, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)) and inner is not node:
            return False  # nested scopes: not a small helper
    globals_read = read - own - _BUILTINS
    return bool(globals_read) and globals_read <= stubs
