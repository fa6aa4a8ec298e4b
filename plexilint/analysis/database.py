"""Facts for the database family (PLX2xx): where code reaches for a database, symbolically.

Whether a name *is* a database handle depends on configuration and on other modules (a
project factory, the fallback manager), so extraction records symbolic origins instead:
``"sym:<dotted name>"`` for every callee, type or FastAPI dependency a value comes from. The
rules resolve them against the built-in driver list, the configuration and the project index.
"""

from __future__ import annotations

import ast
import re
import sys
from dataclasses import dataclass

from plexilint.analysis.fallbacks import dotted_name, span_of
from plexilint.analysis.modules import resolve_import
from plexilint.analysis.source import SourceLines
from plexilint.model import Span

# Calls into the standard library are never database access, except these modules.
_STDLIB = frozenset(getattr(sys, "stdlib_module_names", ())) - {"sqlite3", "dbm", "shelve"}
_BUILTINS = frozenset(dir(__import__("builtins")))
# Methods whose result is itself a database handle (a connection, a cursor, a collection...).
HANDLE_METHODS = frozenset({
    "connect", "cursor", "begin", "session", "get_session", "acquire", "pipeline", "transaction",
    "collection", "get_collection", "get_or_create_collection", "database", "get_database",
    "get_default_database", "Index", "index", "table", "bucket", "execution_options", "__aenter__",
})
_FABRICATED_WORDS = re.compile(r"mock|fake|dummy|stub|sample_data|placeholder", re.IGNORECASE)
_UNAVAILABLE_TEST = re.compile(r"unavailable|available|healthy|connected|is_up|is_down|offline|online|down",
                               re.IGNORECASE)
_DATABASE_WORDS = re.compile(r"db|database|sql|postgres|mysql|mongo|redis|vector|qdrant|chroma|store|storage|"
                             r"client|connection|engine|session|pool", re.IGNORECASE)
_DEPENDENCY_MARKERS = frozenset({"Depends", "Security", "Annotated"})  # declare, do not build
_NOT_DATA_SUFFIXES = ("Response", "Exception", "Error")  # an error response is not made-up data
_STATUS_ATTRIBUTE = re.compile(r"HTTP_(\d{3})")
# Calls that return (a wrapper around) their first argument.
_WRAPPERS = frozenset({"contextlib.asynccontextmanager", "contextlib.contextmanager", "functools.partial",
                       "functools.lru_cache", "functools.cache", "functools.wraps"})

Origins = frozenset  # of "sym:<dotted>" strings


@dataclass(frozen=True)
class Access:
    """A call that may reach a database: ``kind`` is ``call`` (the callee is ``sources``),
    ``method`` (a method called on a value that came from ``sources``) or ``construct``
    (a class built from such a value, e.g. a repository given a raw session)."""

    span: Span
    kind: str
    sources: tuple[str, ...]
    text: str
    method: str = ""
    function: str = ""


@dataclass(frozen=True)
class ImportBinding:
    name: str
    origin: str
    span: Span
    type_checking: bool
    annotation_only: bool
    module_import: bool = False  # `import x.y as z`: the origin is certainly a module


@dataclass(frozen=True)
class Symbol:
    """A module-level function, class or variable and where its value comes from: a function's
    return annotation and returned values, a class's stored attributes, a variable's value."""

    name: str
    kind: str
    origins: tuple[str, ...]


@dataclass(frozen=True)
class Handler:
    span: Span
    end_line: int
    types: tuple[str, ...]  # resolved dotted names; () for a bare except
    reraises: bool  # `raise` or `raise <caught name>`
    raises: bool  # any raise statement
    status_codes: tuple[int, ...]  # HTTP statuses it raises or returns
    calls: tuple[str, ...]  # callee texts, for fallback hints
    fabricated: tuple[tuple[int, str], ...]  # (line, why) of returns of made-up data


@dataclass(frozen=True)
class TryBlock:
    span: Span
    body_end_line: int
    handlers: tuple[Handler, ...]
    function: str


@dataclass(frozen=True)
class UnavailableBranch:
    """``if not db_available: return {...}``: the failure path of a health check."""

    span: Span
    end_line: int
    fabricated: tuple[tuple[int, str], ...]
    function: str


@dataclass(frozen=True)
class MethodShape:
    name: str
    span: Span
    client_calls: tuple[str, ...]  # self attributes whose methods it calls
    has_loop: bool
    switches_on_error: bool  # a try whose handler calls another client
    self_calls: tuple[str, ...]  # other methods of the class it calls


@dataclass(frozen=True)
class ClassShape:
    name: str
    span: Span
    methods: tuple[MethodShape, ...]


@dataclass(frozen=True)
class DatabaseFacts:
    accesses: tuple[Access, ...] = ()
    imports: tuple[ImportBinding, ...] = ()
    symbols: tuple[Symbol, ...] = ()
    aliases: tuple[tuple[str, str], ...] = ()  # module-level imported name -> origin
    tries: tuple[TryBlock, ...] = ()
    unavailable_branches: tuple[UnavailableBranch, ...] = ()
    classes: tuple[ClassShape, ...] = ()


def _is_literal_value(node: ast.AST | None) -> bool:
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return all(_is_literal_value(e) for e in node.elts)
    if isinstance(node, ast.Dict):
        return all(k is not None and _is_literal_value(k) for k in node.keys) and all(
            _is_literal_value(v) for v in node.values)
    if isinstance(node, ast.UnaryOp):
        return _is_literal_value(node.operand)
    return False


def _made_up(node: ast.AST) -> bool:
    """Built in the code from constants, f-strings and plain names: nothing was fetched."""
    if isinstance(node, (ast.Constant, ast.JoinedStr, ast.Name)):
        return True
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return all(_made_up(e) for e in node.elts)
    if isinstance(node, ast.Dict):
        return all(k is not None and _made_up(k) for k in node.keys) and all(_made_up(v) for v in node.values)
    if isinstance(node, ast.UnaryOp):
        return _made_up(node.operand)
    return False


def _has_constant_value(node: ast.AST) -> bool:
    """A constant among the values (dict keys alone do not make data up)."""
    if isinstance(node, (ast.Constant, ast.JoinedStr)):
        return True
    if isinstance(node, ast.Dict):
        return any(_has_constant_value(v) for v in node.values)
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return any(_has_constant_value(e) for e in node.elts)
    if isinstance(node, ast.UnaryOp):
        return _has_constant_value(node.operand)
    return False


def fabricated_reason(value: ast.AST | None) -> str | None:
    """Why a returned value is made-up data, or None. Empty containers are not."""
    if value is None:
        return None
    if isinstance(value, ast.Await):
        value = value.value
    if isinstance(value, (ast.Dict, ast.List, ast.Tuple, ast.Set)):
        elements = value.keys if isinstance(value, ast.Dict) else value.elts
        if elements and _made_up(value) and _has_constant_value(value):
            return "a literal built in the code"
    name = dotted_name(value.func if isinstance(value, ast.Call) else value) or ""
    if name and _FABRICATED_WORDS.search(name.rsplit(".", 1)[-1]):
        return f"`{name}`"
    if isinstance(value, ast.Call) and name.rsplit(".", 1)[-1][:1].isupper() \
            and not name.endswith(_NOT_DATA_SUFFIXES):
        arguments = [*value.args, *(k.value for k in value.keywords)]
        if arguments and all(_made_up(a) for a in arguments) and any(map(_has_constant_value, arguments)):
            return f"a `{name}` built from literals"
    return None


def _status_codes(node: ast.AST) -> list[int]:
    codes = []
    for inner in ast.walk(node):
        if isinstance(inner, ast.Call):
            callee = (dotted_name(inner.func) or "").rsplit(".", 1)[-1]
            candidates = [k.value for k in inner.keywords if k.arg in ("status_code", "status")]
            if callee in ("HTTPException", "JSONResponse", "Response", "abort") and inner.args:
                candidates.append(inner.args[0])
            for candidate in candidates:
                if isinstance(candidate, ast.Constant) and isinstance(candidate.value, int):
                    codes.append(candidate.value)
                else:
                    match = _STATUS_ATTRIBUTE.search(dotted_name(candidate) or "")
                    if match:
                        codes.append(int(match.group(1)))
    return codes


class _Extractor:
    def __init__(self, tree: ast.Module, source: str, module: str, is_package: bool) -> None:
        self.tree = tree
        self.source = source
        self.text = SourceLines(source)
        self.module = module
        self.is_package = is_package
        self.aliases: dict[str, str] = {}  # module-level local name -> dotted origin
        self.module_values: dict[str, set[str]] = {}  # module-level variable -> origins
        self.accesses: list[Access] = []
        self.imports: list[ImportBinding] = []
        self.symbols: list[Symbol] = []
        self.tries: list[TryBlock] = []
        self.branches: list[UnavailableBranch] = []
        self.classes: list[ClassShape] = []
        self.local_functions = {s.name for s in tree.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))}
        self._own: dict[int, list[ast.AST]] = {}
        self._bindings: dict[int, list[ast.AST]] = {}
        self.from_imported: set[str] = set()  # names bound by `from x import name`

    def bindings_in(self, nodes: list[ast.AST]) -> list[ast.AST]:
        found = self._bindings.get(id(nodes))
        if found is None:
            found = self._bindings[id(nodes)] = [n for n in nodes if isinstance(n, _BINDING_NODES)]
        return found

    def own(self, function: ast.FunctionDef | ast.AsyncFunctionDef) -> list[ast.AST]:
        """A function's nodes, nested definitions excluded, computed once: every fact below
        reads this list instead of walking the tree again."""
        nodes = self._own.get(id(function))
        if nodes is None:
            nodes = self._own[id(function)] = list(_Env.own_nodes(function.body))
        return nodes

    # -- names -----------------------------------------------------------------------------

    def _resolve(self, name: str, local_aliases: dict[str, str]) -> str | None:
        head, _, rest = name.partition(".")
        origin = local_aliases.get(head) or self.aliases.get(head)
        if origin is None:
            return None
        return f"{origin}.{rest}" if rest else origin

    def _worth_recording(self, dotted: str) -> bool:
        top = dotted.split(".", 1)[0]
        return top not in _STDLIB and top not in _BUILTINS

    def _imports_of(self, stmt: ast.Import | ast.ImportFrom) -> list[tuple[str, str]]:
        if isinstance(stmt, ast.Import):
            return [((a.asname or a.name.split(".")[0]), a.name if a.asname else a.name.split(".")[0])
                    for a in stmt.names]
        origin = resolve_import(self.module, self.is_package, stmt.module, stmt.level)
        if origin is None:
            return []
        return [((a.asname or a.name), f"{origin}.{a.name}") for a in stmt.names if a.name != "*"]

    # -- the module ------------------------------------------------------------------------

    def run(self) -> DatabaseFacts:
        self._module_bindings(self.tree.body, type_checking=False)
        if self.imports:  # only then does it matter where names are read
            annotation_names, all_names = self._name_usage()
            self.imports = [
                ImportBinding(b.name, b.origin, b.span, b.type_checking,
                              0 < annotation_names.get(b.name, 0) >= all_names.get(b.name, 0), b.module_import)
                for b in self.imports
            ]
        # Module-level values: `engine = create_engine(...)`, `Session = sessionmaker(engine)`.
        env = _Env(self, {}, {})
        for _ in range(2):  # chains like `engine = ...; SessionLocal = sessionmaker(engine)`
            for stmt in self.tree.body:
                if isinstance(stmt, (ast.Assign, ast.AnnAssign)) and stmt.value is not None:
                    origins = env.origins(stmt.value)
                    if isinstance(stmt.value, ast.Subscript):  # SessionDep = Annotated[AsyncSession, ...]
                        origins |= env.annotation_origins(stmt.value)
                    if isinstance(stmt, ast.AnnAssign):
                        origins |= env.annotation_origins(stmt.annotation)
                    for target in (stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]):
                        if isinstance(target, ast.Name) and origins:
                            self.module_values.setdefault(target.id, set()).update(origins)
        for name, origins in sorted(self.module_values.items()):
            self.symbols.append(Symbol(name, "variable", tuple(sorted(origins))))
            self.aliases.setdefault(name, f"{self.module}.{name}")
        self._walk_definitions(self.tree.body, prefix="", class_attrs=None)
        module_env = _Env(self, {}, {})
        module_nodes = list(_Env.own_nodes(self.tree.body))
        module_env.record_calls(module_nodes, "")
        self._control_flow(module_nodes, module_env, "")
        return DatabaseFacts(
            accesses=tuple(self.accesses),
            imports=tuple(self.imports),
            symbols=tuple(self.symbols),
            aliases=tuple(sorted(self.aliases.items())),
            tries=tuple(self.tries),
            unavailable_branches=tuple(self.branches),
            classes=tuple(self.classes),
        )

    def _name_usage(self) -> tuple[dict[str, int], dict[str, int]]:
        """How often each name is read inside annotations, and in total."""
        in_annotations: dict[str, int] = {}
        total: dict[str, int] = {}
        annotations: list[ast.AST] = []
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
                total[node.id] = total.get(node.id, 0) + 1
            if isinstance(node, ast.arg) and node.annotation is not None:
                annotations.append(node.annotation)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.returns is not None:
                annotations.append(node.returns)
            elif isinstance(node, ast.AnnAssign):
                annotations.append(node.annotation)
        for stmt in self.tree.body:  # `SessionDep = Annotated[AsyncSession, ...]` is a type alias
            if isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Subscript):
                annotations.append(stmt.value)
        for annotation in annotations:
            for node in ast.walk(annotation):
                if isinstance(node, ast.Name):
                    in_annotations[node.id] = in_annotations.get(node.id, 0) + 1
        return in_annotations, total

    def _module_bindings(self, body: list[ast.stmt], type_checking: bool) -> None:
        for stmt in body:
            if isinstance(stmt, (ast.Import, ast.ImportFrom)):
                for local, origin in self._imports_of(stmt):
                    self.aliases[local] = origin
                    if isinstance(stmt, ast.ImportFrom):
                        self.from_imported.add(local)
                    if self._worth_recording(origin):
                        self.imports.append(ImportBinding(local, origin, span_of(stmt), type_checking, False,
                                                          isinstance(stmt, ast.Import)))
            elif isinstance(stmt, ast.If):
                guarded = (dotted_name(stmt.test) or "").rsplit(".", 1)[-1] == "TYPE_CHECKING"
                self._module_bindings(stmt.body, type_checking or guarded)
                self._module_bindings(stmt.orelse, type_checking)
            elif isinstance(stmt, ast.Try):
                for block in (stmt.body, *(h.body for h in stmt.handlers), stmt.orelse, stmt.finalbody):
                    self._module_bindings(block, type_checking)
            elif isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                self.aliases.setdefault(stmt.name, f"{self.module}.{stmt.name}")

    # -- functions and classes -------------------------------------------------------------

    def _walk_definitions(self, body: list[ast.stmt], prefix: str, class_attrs: dict[str, set[str]] | None) -> None:
        for stmt in body:
            if isinstance(stmt, (ast.If, ast.Try)):
                blocks = [stmt.body, stmt.orelse] if isinstance(stmt, ast.If) else \
                    [stmt.body, *(h.body for h in stmt.handlers), stmt.orelse, stmt.finalbody]
                for block in blocks:
                    self._walk_definitions(block, prefix, class_attrs)
            elif isinstance(stmt, ast.ClassDef):
                self._class(stmt, prefix)
            elif isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self._function(stmt, prefix, class_attrs)

    def _class(self, node: ast.ClassDef, prefix: str) -> None:
        qualname = f"{prefix}{node.name}"
        attrs: dict[str, set[str]] = {}
        env = _Env(self, {}, {})
        for stmt in node.body:  # class-level annotations: `client: QdrantClient`
            if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
                attrs.setdefault(stmt.target.id, set()).update(env.annotation_origins(stmt.annotation))
        methods = [s for s in node.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))]
        envs: dict[int, _Env] = {}
        for _ in range(2):  # attributes assigned from other attributes
            for method in methods:
                method_env = envs[id(method)] = _Env(self, self._parameter_origins(method, env), attrs)
                method_env.settle(self.own(method))
                for inner in self.own(method):
                    if isinstance(inner, (ast.Assign, ast.AnnAssign)) and inner.value is not None:
                        targets = inner.targets if isinstance(inner, ast.Assign) else [inner.target]
                        for target in targets:
                            if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) \
                                    and target.value.id == "self":
                                origins = method_env.origins(inner.value)
                                if isinstance(inner, ast.AnnAssign):
                                    origins |= method_env.annotation_origins(inner.annotation)
                                if origins:
                                    attrs.setdefault(target.attr, set()).update(origins)
        stored = sorted({o for origins in attrs.values() for o in origins})
        if not prefix:
            self.symbols.append(Symbol(node.name, "class", tuple(stored)))
        clients = self._client_attributes(methods)
        for method in methods:
            self._function(method, f"{qualname}.", attrs, envs.get(id(method)))
        if clients:  # only a class that delegates to clients can be a fallback manager
            shapes = tuple(self._method_shape(method, clients) for method in methods)
            self.classes.append(ClassShape(qualname, span_of(node), shapes))
        for stmt in node.body:
            if isinstance(stmt, ast.ClassDef):
                self._class(stmt, f"{qualname}.")

    def _parameter_origins(self, function: ast.FunctionDef | ast.AsyncFunctionDef, env: _Env) -> dict[str, set[str]]:
        args = function.args
        params = [*args.posonlyargs, *args.args, *args.kwonlyargs]
        defaults = [None] * (len(args.posonlyargs) + len(args.args) - len(args.defaults)) + list(args.defaults)
        defaults += list(args.kw_defaults)
        origins: dict[str, set[str]] = {}
        for param, default in zip(params, defaults, strict=True):
            found = set()
            if param.annotation is not None:
                found |= env.annotation_origins(param.annotation)
            if isinstance(default, ast.Call) and (dotted_name(default.func) or "").rsplit(".", 1)[-1] == "Depends":
                for argument in default.args:
                    found |= env.symbol_origins(argument)
            if found:
                origins[param.arg] = found
        return origins

    def _function(self, node: ast.FunctionDef | ast.AsyncFunctionDef, prefix: str,
                  class_attrs: dict[str, set[str]] | None, env: _Env | None = None) -> None:
        qualname = f"{prefix}{node.name}"
        nodes = self.own(node)
        if env is None:
            outer = _Env(self, {}, class_attrs or {})
            env = _Env(self, self._parameter_origins(node, outer), class_attrs or {})
            env.settle(nodes)
        env.record_calls(nodes, qualname)
        self._control_flow(nodes, env, qualname)
        if not prefix:
            returned = set(env.annotation_origins(node.returns)) if node.returns is not None else set()
            for inner in nodes:
                if isinstance(inner, (ast.Return, ast.Yield, ast.YieldFrom)) and inner.value is not None:
                    returned |= env.origins(inner.value)
            self.symbols.append(Symbol(node.name, "function", tuple(sorted(returned))))
        self._walk_definitions(node.body, f"{qualname}.", None)

    def _client_attributes(self, methods: list[ast.FunctionDef | ast.AsyncFunctionDef]) -> set[str]:
        """Attributes a class delegates to (clients, adapters, sessions): set on `self` from a
        parameter or from a non-standard-library constructor, or containers filled with
        parameters (`self.clients["sql"] = sql_client`). Bookkeeping (counters, dicts of
        timestamps, locks) is not a client."""
        clients = set()
        for method in methods:
            params = {a.arg for a in (*method.args.posonlyargs, *method.args.args, *method.args.kwonlyargs)}
            for inner in self.own(method):
                if not isinstance(inner, (ast.Assign, ast.AnnAssign)) or inner.value is None:
                    continue
                value = inner.value
                from_parameter = isinstance(value, ast.Name) and value.id in params
                if isinstance(value, (ast.Dict, ast.List, ast.Tuple)):  # a container of clients
                    elements = value.values if isinstance(value, ast.Dict) else value.elts
                    from_parameter = any(isinstance(e, ast.Name) and e.id in params for e in elements) \
                        or any(self._builds_client(e) for e in elements)
                for target in inner.targets if isinstance(inner, ast.Assign) else [inner.target]:
                    if isinstance(target, ast.Subscript):
                        if not from_parameter:
                            continue
                        target = target.value
                    elif not (from_parameter or self._builds_client(value)):
                        continue
                    if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) \
                            and target.value.id == "self":
                        clients.add(target.attr)
        return clients

    def _builds_client(self, value: ast.AST) -> bool:
        if isinstance(value, ast.Await):
            value = value.value
        if not isinstance(value, ast.Call):
            return False
        name = dotted_name(value.func)
        dotted = self._resolve(name, {}) if name else None
        return bool(dotted) and self._worth_recording(dotted)

    def _method_shape(self, method: ast.FunctionDef | ast.AsyncFunctionDef, attrs: set[str]) -> MethodShape:
        client_calls, self_calls = set(), set()
        has_loop = switches = False
        for inner in self.own(method):
            if isinstance(inner, (ast.For, ast.AsyncFor, ast.While)):
                # A fallback loop walks the clients, or retries under a try; `for row in rows`
                # with one client inside is not a fallback.
                head = inner.test if isinstance(inner, ast.While) else inner.iter
                over_clients = any(_client_name(n, attrs) for n in ast.walk(head))
                retries = any(isinstance(n, ast.Try) for stmt in inner.body for n in ast.walk(stmt))
                has_loop = has_loop or over_clients or retries
            elif isinstance(inner, ast.Call) and isinstance(inner.func, ast.Attribute):
                receiver = inner.func.value
                client = _client_name(receiver, attrs)
                if client:
                    client_calls.add(client)
                elif isinstance(receiver, ast.Name) and receiver.id == "self":
                    self_calls.add(inner.func.attr)
            elif isinstance(inner, ast.Try):
                in_body = self._self_attrs_called(inner.body)
                in_handlers = self._self_attrs_called([s for h in inner.handlers for s in h.body])
                if in_handlers - in_body:
                    switches = True
        return MethodShape(method.name, span_of(method), tuple(sorted(client_calls)), has_loop, switches,
                           tuple(sorted(self_calls)))

    @staticmethod
    def _self_attrs_called(body: list[ast.stmt]) -> set[str]:
        called = set()
        for stmt in body:
            for inner in ast.walk(stmt):
                if isinstance(inner, ast.Call) and isinstance(inner.func, ast.Attribute):
                    receiver = inner.func.value
                    if isinstance(receiver, ast.Attribute) and isinstance(receiver.value, ast.Name) \
                            and receiver.value.id == "self":
                        called.add(receiver.attr)
        return called

    # -- try/except and failure branches ---------------------------------------------------

    def _control_flow(self, nodes: list[ast.AST], env: _Env, function: str) -> None:
        for node in nodes:
            if isinstance(node, ast.Try) or type(node).__name__ == "TryStar":
                handlers = tuple(self._handler(h, env) for h in node.handlers)
                body_end = max((s.end_lineno or s.lineno) for s in node.body)
                self.tries.append(TryBlock(span_of(node), body_end, handlers, function))
            elif isinstance(node, ast.If) and self._tests_availability(node.test, env):
                fabricated = self._fabricated_returns(node.body, env)
                end = max((s.end_lineno or s.lineno) for s in node.body)
                self.branches.append(UnavailableBranch(span_of(node), end, fabricated, function))

    def _tests_availability(self, test: ast.expr, env: _Env) -> bool:
        text = self.text.segment(test)
        if _UNAVAILABLE_TEST.search(text):  # ...about a database, not `product.available`
            return bool(_DATABASE_WORDS.search(text)) or any(
                env.origins(n) for n in ast.walk(test) if isinstance(n, (ast.Name, ast.Attribute)))
        # `if self.client is None:` on a database handle
        if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.Is):
            right = test.comparators[0]
            return isinstance(right, ast.Constant) and right.value is None and bool(env.origins(test.left))
        return False

    def _fabricated_returns(self, body: list[ast.stmt], env: _Env) -> tuple[tuple[int, str], ...]:
        found = []
        for node in env.own_nodes(body):
            if isinstance(node, ast.Return):
                reason = fabricated_reason(node.value)
                if reason:
                    found.append((node.lineno, reason))
        return tuple(found)

    def _handler(self, handler: ast.ExceptHandler, env: _Env) -> Handler:
        types = handler.type.elts if isinstance(handler.type, ast.Tuple) else (
            [handler.type] if handler.type is not None else [])
        resolved = tuple(self._resolve(dotted_name(t) or "", {}) or dotted_name(t) or "?" for t in types)
        reraises = raises = False
        calls = []
        for node in env.own_nodes(handler.body):
            if isinstance(node, ast.Raise):
                raises = True
                if node.exc is None or (isinstance(node.exc, ast.Name) and node.exc.id == handler.name):
                    reraises = True
            elif isinstance(node, ast.Call):
                calls.append(dotted_name(node.func) or "")
        codes = sorted({code for stmt in handler.body for code in _status_codes(stmt)})
        return Handler(span_of(handler), handler.end_lineno or handler.lineno, resolved, reraises, raises,
                       tuple(codes), tuple(c for c in calls if c), self._fabricated_returns(handler.body, env))


def _client_name(receiver: ast.AST, clients: set[str]) -> str | None:
    """`self.sql_client` -> "sql_client"; `self.clients["sql"]` -> "clients['sql']"."""
    if isinstance(receiver, ast.Subscript) and isinstance(receiver.slice, ast.Constant):
        inner = _client_name(receiver.value, clients)
        return f"{inner}[{receiver.slice.value!r}]" if inner else None
    if isinstance(receiver, ast.Attribute) and isinstance(receiver.value, ast.Name) \
            and receiver.value.id == "self" and receiver.attr in clients:
        return receiver.attr
    return None


_BINDING_NODES = (ast.Import, ast.ImportFrom, ast.Assign, ast.AnnAssign, ast.NamedExpr, ast.With, ast.AsyncWith)


class _Env:
    """Origins of the names visible in one function (flow-insensitive)."""

    def __init__(self, extractor: _Extractor, names: dict[str, set[str]], attrs: dict[str, set[str]]) -> None:
        self.x = extractor
        self.names = {k: set(v) for k, v in names.items()}
        self.attrs = attrs
        self.local_aliases: dict[str, str] = {}

    @staticmethod
    def own_nodes(body: list[ast.stmt]):
        """Every node of a body, not descending into nested functions, classes or lambdas."""
        nested = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)
        stack = [node for node in reversed(body) if not isinstance(node, nested)]
        while stack:
            node = stack.pop()
            yield node
            for child in reversed(list(ast.iter_child_nodes(node))):
                if not isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
                    stack.append(child)

    def symbol_origins(self, node: ast.AST) -> set[str]:
        name = dotted_name(node)
        if not name:
            return set()
        dotted = self.x._resolve(name, self.local_aliases)
        if dotted and self.x._worth_recording(dotted):
            return {f"sym:{dotted}"}
        return set()

    def annotation_origins(self, annotation: ast.AST | None) -> set[str]:
        found: set[str] = set()
        if annotation is None:
            return found
        for node in ast.walk(annotation):
            if isinstance(node, (ast.Name, ast.Attribute)):
                found |= self.symbol_origins(node)
        return found

    def origins(self, node: ast.AST | None) -> set[str]:
        if node is None:
            return set()
        if isinstance(node, ast.Await):
            return self.origins(node.value)
        if isinstance(node, ast.Name):
            if node.id in self.names:
                return set(self.names[node.id])
            if node.id in self.x.module_values:
                return set(self.x.module_values[node.id])
            if node.id in self.x.local_functions:  # a factory passed around: `wrap(get_session)`
                return {f"sym:{self.x.module}.{node.id}"}
            if node.id in self.x.from_imported and node.id not in self.local_aliases:
                return self.symbol_origins(node)  # `from app.db import engine`: judged by the rules
            return set()
        if isinstance(node, ast.Attribute):
            if isinstance(node.value, ast.Name) and node.value.id == "self":
                return set(self.attrs.get(node.attr, ()))
            return self.origins(node.value)
        if isinstance(node, ast.Subscript):  # client["db"]["collection"]
            return self.origins(node.value)
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute):
                receiver = self.origins(func.value)
                if receiver and func.attr in HANDLE_METHODS:
                    return receiver
                if receiver:  # `Redis.from_url(...)`: judged by the full name, if it has one
                    return self.symbol_origins(func)
            if isinstance(func, ast.Name) and func.id in self.names:  # a factory held in a variable
                return set(self.names[func.id])
            if isinstance(func, ast.Name) and func.id in self.x.module_values:  # SessionLocal()
                return set(self.x.module_values[func.id])
            wrapped = self.symbol_origins(func)
            if not wrapped and node.args and self._is_wrapper(func):
                return self.origins(node.args[0])  # asynccontextmanager(get_session), partial(...)
            return wrapped
        if isinstance(node, (ast.BoolOp, ast.IfExp)):
            parts = node.values if isinstance(node, ast.BoolOp) else [node.body, node.orelse]
            return set().union(*(self.origins(p) for p in parts))
        return set()

    def _is_wrapper(self, func: ast.AST) -> bool:
        name = dotted_name(func) or ""
        dotted = self.x._resolve(name, self.local_aliases) or name
        return dotted in _WRAPPERS

    def settle(self, nodes: list[ast.AST]) -> None:
        """Fills in local names: imports, assignments, `with ... as`, repeated to a fixpoint."""
        relevant = self.x.bindings_in(nodes)
        for _ in range(3):
            changed = False
            for node in relevant:
                pairs: list[tuple[ast.AST, set[str]]] = []
                if isinstance(node, (ast.Import, ast.ImportFrom)):
                    for local, origin in self.x._imports_of(node):
                        self.local_aliases[local] = origin
                elif isinstance(node, ast.Assign):
                    origins = self.origins(node.value)
                    pairs = [(t, origins) for t in node.targets]
                elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                    pairs = [(node.target, self.origins(node.value) | self.annotation_origins(node.annotation))]
                elif isinstance(node, ast.NamedExpr):
                    pairs = [(node.target, self.origins(node.value))]
                elif isinstance(node, (ast.With, ast.AsyncWith)):
                    pairs = [(item.optional_vars, self.origins(item.context_expr))
                             for item in node.items if item.optional_vars is not None]
                for target, origins in pairs:
                    if isinstance(target, ast.Name) and origins and not origins <= self.names.get(target.id, set()):
                        self.names.setdefault(target.id, set()).update(origins)
                        changed = True
            if not changed:
                break

    def record_calls(self, nodes: list[ast.AST], function: str) -> None:
        for node in nodes:
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            text = self._text(node)
            if isinstance(func, ast.Attribute):
                receiver = self.origins(func.value)
                if receiver:
                    self.x.accesses.append(Access(span_of(node), "method", tuple(sorted(receiver)), text,
                                                  func.attr, function))
                    continue
            callee = self.symbol_origins(func)
            if callee:
                self.x.accesses.append(Access(span_of(node), "call", tuple(sorted(callee)), text, "", function))
            name = (dotted_name(func) or "").rsplit(".", 1)[-1]
            if name[:1].isupper() and name not in _DEPENDENCY_MARKERS:
                passed = set().union(*(self.origins(a) for a in [*node.args, *(k.value for k in node.keywords)]))
                if passed:
                    self.x.accesses.append(Access(span_of(node), "construct", tuple(sorted(passed)), text,
                                                  name, function))

    def _text(self, node: ast.Call) -> str:
        callee = self.x.text.segment(node.func) or "?"
        callee = " ".join(callee.split())
        return f"{callee[:60]}(...)"


def extract_database_facts(tree: ast.Module, source: str, module: str, is_package: bool) -> DatabaseFacts:
    return _Extractor(tree, source, module, is_package).run()
