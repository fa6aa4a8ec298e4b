"""Where values come from: the module's names (``ModuleContext``) and, inside one function,
the origins of its local names (``Scope``), as ``"sym:<dotted name>"`` strings."""

from __future__ import annotations

import ast
import sys
from collections.abc import Callable
from typing import Any

from plexilint.analysis.database.facts import Access
from plexilint.analysis.modules import resolve_import
from plexilint.analysis.scope_nodes import ScopeNodes
from plexilint.analysis.nodes import dotted_name, last_part, span_of, walk
from plexilint.analysis.source import SourceLines

# Calls into the standard library are never database access, except these modules.
_STDLIB = frozenset(getattr(sys, "stdlib_module_names", ())) - {"sqlite3", "dbm", "shelve"}
_BUILTINS = frozenset(dir(__import__("builtins")))
# Methods whose result is itself a database handle (a connection, a cursor, a collection...).
HANDLE_METHODS = frozenset({
    "connect", "cursor", "begin", "session", "get_session", "acquire", "pipeline", "transaction",
    "collection", "get_collection", "get_or_create_collection", "database", "get_database",
    "get_default_database", "Index", "index", "table", "bucket", "execution_options", "__aenter__",
})
_DEPENDENCY_MARKERS = frozenset({"Depends", "Security", "Annotated"})  # declare, do not build
# Calls that return (a wrapper around) their first argument.
_WRAPPERS = frozenset({"contextlib.asynccontextmanager", "contextlib.contextmanager", "functools.partial",
                       "functools.lru_cache", "functools.cache", "functools.wraps"})

Function = ast.FunctionDef | ast.AsyncFunctionDef


def worth_recording(dotted: str) -> bool:
    """Neither the standard library (the database modules aside) nor a builtin."""
    top = dotted.split(".", 1)[0]
    return top not in _STDLIB and top not in _BUILTINS


def imported_names(stmt: ast.Import | ast.ImportFrom, module: str, is_package: bool) -> list[tuple[str, str]]:
    """(local name, dotted origin) of each name an import binds."""
    if isinstance(stmt, ast.Import):
        return [((a.asname or a.name.split(".")[0]), a.name if a.asname else a.name.split(".")[0])
                for a in stmt.names]
    origin = resolve_import(module, is_package, stmt.module, stmt.level)
    if origin is None:
        return []
    return [((a.asname or a.name), f"{origin}.{a.name}") for a in stmt.names if a.name != "*"]


class ModuleContext:
    """The module-level names every function's analysis resolves against, and each
    function's nodes, computed once: every fact reads these lists instead of walking again."""

    def __init__(self, tree: ast.Module, source: str, module: str, is_package: bool,
                 functions: dict[int, ScopeNodes] | None = None) -> None:
        self.text = SourceLines(source)
        self.module = module
        self.is_package = is_package
        self.aliases: dict[str, str] = {}  # module-level local name -> dotted origin
        self.module_values: dict[str, set[str]] = {}  # module-level variable -> origins
        self.from_imported: set[str] = set()  # names bound by `from x import name`
        self.local_functions = {s.name for s in tree.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))}
        self._own: dict[int, ScopeNodes] = functions if functions is not None else {}  # by node id

    def resolve(self, name: str, local_aliases: dict[str, str]) -> str | None:
        head, _, rest = name.partition(".")
        origin = local_aliases.get(head) or self.aliases.get(head)
        if origin is None:
            return None
        return f"{origin}.{rest}" if rest else origin

    def own(self, function: Function) -> ScopeNodes:
        """A function's nodes, nested definitions excluded, walked once."""
        nodes = self._own.get(id(function))
        if nodes is None:
            nodes = self._own[id(function)] = ScopeNodes(function.body)
        return nodes


class Scope:
    """Origins of the names visible in one function (flow-insensitive). ``attrs`` (the
    class's ``self`` attributes) is shared, not copied: methods see each other's findings."""

    def __init__(self, context: ModuleContext, names: dict[str, set[str]], attrs: dict[str, set[str]],
                 inherited: tuple[tuple[str, ...], frozenset[str]] | None = None) -> None:
        self.context = context
        self.names = {k: set(v) for k, v in names.items()}
        self.attrs = attrs
        self.local_aliases: dict[str, str] = {}
        # (the class's project bases, the attributes it sets itself): any other `self.x`
        # may be a client a base class set.
        self.inherited = inherited

    def symbol_origins(self, node: ast.AST) -> set[str]:
        return self.dotted_origins(dotted_name(node))

    def dotted_origins(self, name: str | None) -> set[str]:
        """`symbol_origins` of a node whose dotted name is ``name``."""
        if not name:
            return set()
        dotted = self.context.resolve(name, self.local_aliases)
        if dotted and worth_recording(dotted):
            return {f"sym:{dotted}"}
        return set()

    def annotation_origins(self, annotation: ast.AST | None) -> set[str]:
        found: set[str] = set()
        if annotation is None:
            return found
        for node in walk(annotation):
            if isinstance(node, (ast.Name, ast.Attribute)):
                found |= self.symbol_origins(node)
        return found

    def origins(self, node: ast.AST | None) -> set[str]:
        handler = _ORIGINS_BY_TYPE.get(type(node))
        return handler(self, node) if handler is not None else set()

    def settle(self, function: Function) -> None:
        """Fills in local names: imports, assignments, `with ... as`, repeated to a fixpoint."""
        relevant = self.context.own(function).bindings
        for _ in range(3):
            changed = False
            for node in relevant:
                for target, origins in _BOUND_BY_TYPE[type(node)](self, node):
                    if isinstance(target, ast.Name) and origins and not origins <= self.names.get(target.id, set()):
                        self.names.setdefault(target.id, set()).update(origins)
                        changed = True
            if not changed:
                break


# -- the origins of each kind of expression -------------------------------------------------

def _inner_origins(scope: Scope, node: ast.Await | ast.Subscript) -> set[str]:
    """``await x`` and ``client["db"]["collection"]`` come from ``x`` and ``client``."""
    return scope.origins(node.value)


def _alternatives_origins(scope: Scope, node: ast.BoolOp | ast.IfExp) -> set[str]:
    parts = node.values if isinstance(node, ast.BoolOp) else [node.body, node.orelse]
    return set().union(*(scope.origins(p) for p in parts))


def _attribute_origins(scope: Scope, node: ast.Attribute) -> set[str]:
    if isinstance(node.value, ast.Name) and node.value.id == "self":
        if node.attr in scope.attrs:
            return set(scope.attrs[node.attr])
        if scope.inherited is not None and node.attr not in scope.inherited[1]:
            return {f"attr:{base}:{node.attr}" for base in scope.inherited[0]}
        return set()
    return scope.origins(node.value)


def _name_origins(scope: Scope, node: ast.Name) -> set[str]:
    context = scope.context
    if node.id in scope.names:
        return set(scope.names[node.id])
    if node.id in context.module_values:
        return set(context.module_values[node.id])
    if node.id in context.local_functions:  # a factory passed around: `wrap(get_session)`
        return {f"sym:{context.module}.{node.id}"}
    if node.id in context.from_imported and node.id not in scope.local_aliases:
        return scope.symbol_origins(node)  # `from app.db import engine`: judged by the rules
    return set()


def _is_wrapper(scope: Scope, func: ast.AST) -> bool:
    name = dotted_name(func) or ""
    dotted = scope.context.resolve(name, scope.local_aliases) or name
    return dotted in _WRAPPERS


def _call_origins(scope: Scope, node: ast.Call) -> set[str]:
    func = node.func
    if isinstance(func, ast.Attribute):
        receiver = scope.origins(func.value)
        if receiver:  # `Redis.from_url(...)`: judged by the full name, if it has one
            return receiver if func.attr in HANDLE_METHODS else scope.symbol_origins(func)
    elif isinstance(func, ast.Name):
        if func.id in scope.names:  # a factory held in a variable
            return set(scope.names[func.id])
        if func.id in scope.context.module_values:  # SessionLocal()
            return set(scope.context.module_values[func.id])
    wrapped = scope.symbol_origins(func)
    if not wrapped and node.args and _is_wrapper(scope, func):
        return scope.origins(node.args[0])  # asynccontextmanager(get_session), partial(...)
    return wrapped


_ORIGINS_BY_TYPE: dict[type, Callable[[Scope, Any], set[str]]] = {
    ast.Await: _inner_origins,
    ast.Subscript: _inner_origins,
    ast.Name: _name_origins,
    ast.Attribute: _attribute_origins,
    ast.Call: _call_origins,
    ast.BoolOp: _alternatives_origins,
    ast.IfExp: _alternatives_origins,
}


# -- what each kind of statement binds: (target, origins) pairs ------------------------------

Bound = list[tuple[ast.AST, set[str]]]


def _import_bound(scope: Scope, node: ast.Import | ast.ImportFrom) -> Bound:
    for local, origin in imported_names(node, scope.context.module, scope.context.is_package):
        scope.local_aliases[local] = origin
    return []  # a local import is an alias, not a value


def _assign_bound(scope: Scope, node: ast.Assign) -> Bound:
    origins = scope.origins(node.value)
    return [(t, origins) for t in node.targets]


def _annotated_bound(scope: Scope, node: ast.AnnAssign) -> Bound:
    if not isinstance(node.target, ast.Name):
        return []
    return [(node.target, scope.origins(node.value) | scope.annotation_origins(node.annotation))]


def _walrus_bound(scope: Scope, node: ast.NamedExpr) -> Bound:
    return [(node.target, scope.origins(node.value))]


def _with_bound(scope: Scope, node: ast.With | ast.AsyncWith) -> Bound:
    return [(item.optional_vars, scope.origins(item.context_expr))
            for item in node.items if item.optional_vars is not None]


_BOUND_BY_TYPE: dict[type, Callable[[Scope, Any], Bound]] = {
    ast.Import: _import_bound,
    ast.ImportFrom: _import_bound,
    ast.Assign: _assign_bound,
    ast.AnnAssign: _annotated_bound,
    ast.NamedExpr: _walrus_bound,
    ast.With: _with_bound,
    ast.AsyncWith: _with_bound,
}


# -- parameters and calls -------------------------------------------------------------------

def parameter_origins(function: Function, scope: Scope) -> dict[str, set[str]]:
    """Origins of a function's parameters, from their annotations and FastAPI dependencies
    (``session = Depends(get_session)``), resolved in the enclosing ``scope``."""
    args = function.args
    params = [*args.posonlyargs, *args.args, *args.kwonlyargs]
    defaults = [None] * (len(args.posonlyargs) + len(args.args) - len(args.defaults)) + list(args.defaults)
    defaults += list(args.kw_defaults)
    origins: dict[str, set[str]] = {}
    for param, default in zip(params, defaults, strict=True):
        found = set()
        if param.annotation is not None:
            found |= scope.annotation_origins(param.annotation)
        if isinstance(default, ast.Call) and last_part(dotted_name(default.func)) == "Depends":
            for argument in default.args:
                found |= scope.symbol_origins(argument)
        if found:
            origins[param.arg] = found
    return origins


def _call_text(scope: Scope, node: ast.Call) -> str:
    callee = scope.context.text.segment(node.func) or "?"
    callee = " ".join(callee.split())
    return f"{callee[:60]}(...)"


def _record_call(scope: Scope, node: ast.Call, function: str, into: list[Access]) -> None:
    """The ways one call may reach a database: a method on a handle, a call of a recorded
    symbol, a class built from a handle. (Runs for every call of the project: no generator,
    and the callee's dotted name is read once.)"""
    func = node.func
    if isinstance(func, ast.Attribute):
        receiver = scope.origins(func.value)
        if receiver:
            if isinstance(func.value, ast.Name) and func.value.id not in scope.names:
                receiver |= scope.symbol_origins(func)  # `Factory.create_vector_db()`: a static method
            into.append(Access(span_of(node), "method", tuple(sorted(receiver)), _call_text(scope, node), func.attr,
                               function))
            return
    dotted = dotted_name(func)
    callee = scope.dotted_origins(dotted)
    if callee:
        into.append(Access(span_of(node), "call", tuple(sorted(callee)), _call_text(scope, node), "", function))
    name = last_part(dotted)
    if name[:1].isupper() and name not in _DEPENDENCY_MARKERS:
        passed = set().union(*(scope.origins(a) for a in [*node.args, *(k.value for k in node.keywords)]))
        if passed:
            into.append(Access(span_of(node), "construct", tuple(sorted(passed)), _call_text(scope, node), name,
                               function))


def record_calls(scope: Scope, nodes: ScopeNodes, function: str, into: list[Access]) -> None:
    for node in nodes.calls:
        _record_call(scope, node, function, into)
