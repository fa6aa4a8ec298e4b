"""Facts known only once the whole module is read: placeholder instances (``client = None``)
and names left undefined when a guarded import fails."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from plexilint.analysis.fallbacks.markers import walk_statements

from plexilint.analysis.fallbacks.facts import ImportFailureGap, NonePlaceholder
from plexilint.analysis.fallbacks.names import ModuleNames
from plexilint.analysis.fallbacks.scopes import module_global_uses
from plexilint.analysis.modules import resolve_import
from plexilint.analysis.nodes import LOG_METHODS, dotted_name, last_part, span_of, statements

_GLOBAL_STATEMENT = re.compile(r"^[ \t]*global[ \t]+([\w, \t]+)", re.MULTILINE)

# (local name, dotted origin, the import statement, the try block guarding it)
_GuardedImport = tuple[str, str, ast.stmt, ast.Try]


def snake_case(name: str) -> str:
    name = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    return re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name).lower()


def camel_case(name: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in name.strip("_").split("_") if part)


def _globals_rebound_in_functions(source: str) -> set[str]:
    # A text scan, not a tree walk: `global` statements are rare and this runs per file.
    return {name.strip() for names in _GLOBAL_STATEMENT.findall(source)
            for name in names.split(",") if name.strip()}


def placeholders(names: ModuleNames) -> tuple[NonePlaceholder, ...]:
    if not names.placeholder_candidates:
        return ()
    rebound = _globals_rebound_in_functions(names.source)
    exports = set(names.exports)
    classes = {snake_case(name): name for name in (*names.defined, *names.imports) if name[:1].isupper()}
    result = []
    for stmt, name in names.placeholder_candidates:
        if name.startswith("__") or name in rebound or name.isupper() or name in names.module_bindings \
                or name in names.replaced_when_none:
            continue
        result.append(NonePlaceholder(name, span_of(stmt), name in exports, classes.get(name)))
    return tuple(result)


def _guarded_imports(try_node: ast.Try, names: ModuleNames) -> Iterator[_GuardedImport]:
    for stmt in try_node.body:
        if isinstance(stmt, ast.ImportFrom):
            origin = resolve_import(names.module, names.is_package, stmt.module, stmt.level) or ""
            for alias in stmt.names:
                if alias.name != "*":
                    yield alias.asname or alias.name, origin, stmt, try_node
        elif isinstance(stmt, ast.Import):
            for alias in stmt.names:
                yield alias.asname or alias.name.split(".")[0], alias.name, stmt, try_node


def _lines_run_on_success(try_node: ast.Try) -> range:
    """The try body and its else branch: they only run when the import succeeded."""
    last = try_node.orelse[-1] if try_node.orelse else try_node.body[-1]
    return range(try_node.lineno, (last.end_lineno or try_node.lineno) + 1)


def _gives_up(body: list[ast.stmt]) -> bool:
    """The handler re-raises (or raises another error): the import failure is not swallowed."""
    return any(isinstance(node, ast.Raise) for node in walk_statements(body))


def _bound_in(body: list[ast.stmt]) -> set[str]:
    """Names a handler binds in the module's scope (nested functions' own names aside)."""
    bound: set[str] = set()
    for node in walk_statements(body):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            bound.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            bound.add(node.id)
    return bound


def _is_private_compiled_module(origin: str, stmt: ast.stmt) -> bool:
    """``from _collections import deque``: a private top-level module is a compiled part of the
    interpreter or of a package, built with it, not an optional dependency."""
    return not getattr(stmt, "level", 0) and origin.startswith("_")


def _only_logs(body: list[ast.stmt]) -> bool:
    for stmt in body:
        if isinstance(stmt, ast.Pass):
            continue
        if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
            continue
        if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
            callee = dotted_name(stmt.value.func) or ""
            if callee in ("print", "warnings.warn", "warn") or last_part(callee) in LOG_METHODS and "." in callee:
                continue
        return False
    return True


def _sets_flag(body: list[ast.stmt]) -> bool:
    """``HAS_SSL = False``: the module tells the two cases apart and guards its uses."""
    return any(isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Constant)
               and isinstance(stmt.value.value, bool) for stmt in body)


def _is_first_party(origin: str, stmt: ast.stmt, names: ModuleNames) -> bool:
    """Imported from the module's own package (relatively, or under its top-level name)."""
    if getattr(stmt, "level", 0):
        return True
    in_package = names.is_package or "." in names.module
    return in_package and origin.split(".")[0] == names.module.split(".")[0]


def _candidates(guarded_tries: list[ast.Try], names: ModuleNames) -> list[_GuardedImport]:
    """Imports whose failure is swallowed by handlers that leave the name unbound, of names
    bound nowhere else in the module: handlers that only log, or (for the package's own
    modules) that bind other names, such as a logger."""
    result = []
    for try_node in guarded_tries:
        handlers = try_node.handlers
        if any(_gives_up(h.body) or _sets_flag(h.body) for h in handlers):
            continue
        only_logs = all(_only_logs(h.body) for h in handlers)
        bound_by_every_handler = set.intersection(*(_bound_in(h.body) for h in handlers))
        for candidate in _guarded_imports(try_node, names):
            name, origin, stmt, _ = candidate
            if name in bound_by_every_handler or names.defined.get(name, 0) > 1:
                continue
            if _is_private_compiled_module(origin, stmt):
                continue
            if only_logs or _is_first_party(origin, stmt, names):
                result.append(candidate)
    return result


def undefined_on_failure(tree: ast.Module, guarded_tries: list[ast.Try],
                         names: ModuleNames) -> tuple[ImportFailureGap, ...]:
    if names.star_imports:  # `from x import *` may bind any name: cannot tell
        return ()
    candidates = _candidates(guarded_tries, names)
    if not candidates:
        return ()
    uses = module_global_uses(tree, {name for name, *_ in candidates})
    checked = _lines_under_version_checks(tree)
    result = []
    for name, origin, stmt, try_node in candidates:
        inside = checked.union(_lines_run_on_success(try_node))
        outside = sorted(line for line in uses.get(name, []) if line not in inside)
        exported = any(line not in inside for line in names.export_lines.get(name, []))
        if outside or exported:
            result.append(ImportFailureGap(
                name, origin, span_of(stmt), outside[0] if outside else None, exported))
    return tuple(result)


def _lines_under_version_checks(tree: ast.Module) -> set[int]:
    """Lines of `if` statements that test the interpreter (`sys.version_info`, `sys.platform`)
    or `TYPE_CHECKING`: a name imported from the standard library only where it exists is
    used there on purpose (`if sys.version_info >= (3, 8): ... cached_property ...`)."""
    lines: set[int] = set()
    for node in statements(tree):  # an `if` is a statement: expressions need no visit
        if isinstance(node, ast.If) and _tests_the_interpreter(node.test):
            lines.update(range(node.lineno, (node.end_lineno or node.lineno) + 1))
    return lines


def _tests_the_interpreter(test: ast.expr) -> bool:
    for node in ast.walk(test):
        if isinstance(node, ast.Attribute) and node.attr in ("version_info", "platform", "TYPE_CHECKING"):
            return True
        if isinstance(node, ast.Name) and node.id == "TYPE_CHECKING":
            return True
    return False
