"""The walk over one module that records its database facts: imports, module-level values,
then every function and class, then the module body itself."""

from __future__ import annotations

import ast

from plexilint.analysis.database.annotation_only import annotation_only_names
from plexilint.analysis.database.classes import attribute_origins, class_bases, client_attributes, method_shape
from plexilint.analysis.database.facts import (
    Access,
    ClassShape,
    DatabaseFacts,
    ImportBinding,
    Symbol,
    TryBlock,
    UnavailableBranch,
)
from plexilint.analysis.database.failure_paths import failure_paths
from plexilint.analysis.scope_nodes import ScopeIndex, ScopeNodes
from plexilint.analysis.database.origins import (
    ModuleContext,
    Scope,
    imported_names,
    parameter_origins,
    record_calls,
    worth_recording,
)
from plexilint.analysis.nodes import TRY_TYPES, dotted_name, last_part, span_of

Function = ast.FunctionDef | ast.AsyncFunctionDef


_BRANCHING = (ast.If, *TRY_TYPES)


def _nested_blocks(stmt: ast.If | ast.Try) -> list[list[ast.stmt]]:
    """The blocks of an ``if`` or a ``try`` (``try``/``except*`` too)."""
    if isinstance(stmt, ast.If):
        return [stmt.body, stmt.orelse]
    return [stmt.body, *(h.body for h in stmt.handlers), stmt.orelse, stmt.finalbody]


class _Extractor:
    def __init__(self, tree: ast.Module, source: str, module: str, is_package: bool,
                 scopes: ScopeIndex | None) -> None:
        self.tree = tree
        self.source = source
        self.scopes = scopes
        self.context = ModuleContext(tree, source, module, is_package, scopes.functions if scopes else None)
        self.accesses: list[Access] = []
        self.imports: list[ImportBinding] = []
        self.symbols: list[Symbol] = []
        self.tries: list[TryBlock] = []
        self.branches: list[UnavailableBranch] = []
        self.classes: list[ClassShape] = []

    def run(self) -> DatabaseFacts:
        self._module_bindings(self.tree.body, type_checking=False)
        if self.imports:  # only then does it matter where names are read
            self._mark_annotation_only_imports()
        self._module_values()
        self._walk_definitions(self.tree.body, prefix="", class_attrs=None)
        module_scope = Scope(self.context, {}, {})
        module_nodes = self.scopes.module if self.scopes is not None else ScopeNodes(self.tree.body)
        record_calls(module_scope, module_nodes, "", self.accesses)
        failure_paths(module_nodes, module_scope, "", self.tries, self.branches)
        return DatabaseFacts(
            accesses=tuple(self.accesses),
            imports=tuple(self.imports),
            symbols=tuple(self.symbols),
            aliases=tuple(sorted(self.context.aliases.items())),
            tries=tuple(self.tries),
            unavailable_branches=tuple(self.branches),
            classes=tuple(self.classes),
        )

    # -- the module ------------------------------------------------------------------------

    def _module_bindings(self, body: list[ast.stmt], type_checking: bool) -> None:
        for stmt in body:
            if isinstance(stmt, (ast.Import, ast.ImportFrom)):
                self._import_bindings(stmt, type_checking)
            elif isinstance(stmt, ast.If):
                guarded = last_part(dotted_name(stmt.test)) == "TYPE_CHECKING"
                self._module_bindings(stmt.body, type_checking or guarded)
                self._module_bindings(stmt.orelse, type_checking)
            elif isinstance(stmt, _BRANCHING):  # a `try`
                for block in _nested_blocks(stmt):
                    self._module_bindings(block, type_checking)
            elif isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                self.context.aliases.setdefault(stmt.name, f"{self.context.module}.{stmt.name}")

    def _import_bindings(self, stmt: ast.Import | ast.ImportFrom, type_checking: bool) -> None:
        context = self.context
        # One alias per name `imported_names` gives, in order: each finding underlines its own name.
        aliases = [alias for alias in stmt.names if alias.name != "*"]
        for (local, origin), alias in zip(imported_names(stmt, context.module, context.is_package), aliases):
            context.aliases[local] = origin
            if isinstance(stmt, ast.ImportFrom):
                context.from_imported.add(local)
            if worth_recording(origin):
                self.imports.append(ImportBinding(local, origin, span_of(alias), type_checking, False,
                                                  isinstance(stmt, ast.Import), stmt.lineno))

    def _mark_annotation_only_imports(self) -> None:
        only_annotations = annotation_only_names(self.tree, self.source, {b.name for b in self.imports})
        if not only_annotations:
            return
        self.imports = [
            ImportBinding(b.name, b.origin, b.span, b.type_checking, b.name in only_annotations, b.module_import,
                          b.statement_line)
            for b in self.imports
        ]

    def _module_values(self) -> None:
        """Module-level values: `engine = create_engine(...)`, `Session = sessionmaker(engine)`."""
        context = self.context
        scope = Scope(context, {}, {})
        assignments = [s for s in self.tree.body if isinstance(s, (ast.Assign, ast.AnnAssign)) and s.value is not None]
        for _ in range(2):  # chains like `engine = ...; SessionLocal = sessionmaker(engine)`
            for stmt in assignments:
                origins = scope.origins(stmt.value)
                if isinstance(stmt.value, ast.Subscript):  # SessionDep = Annotated[AsyncSession, ...]
                    origins |= scope.annotation_origins(stmt.value)
                if isinstance(stmt, ast.AnnAssign):
                    origins |= scope.annotation_origins(stmt.annotation)
                for target in (stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]):
                    if isinstance(target, ast.Name) and origins:
                        context.module_values.setdefault(target.id, set()).update(origins)
        for name, origins in sorted(context.module_values.items()):
            self.symbols.append(Symbol(name, "variable", tuple(sorted(origins))))
            context.aliases.setdefault(name, f"{context.module}.{name}")

    # -- functions and classes -------------------------------------------------------------

    def _walk_definitions(self, body: list[ast.stmt], prefix: str, class_attrs: dict[str, set[str]] | None) -> None:
        for stmt in body:
            if isinstance(stmt, _BRANCHING):
                for block in _nested_blocks(stmt):
                    self._walk_definitions(block, prefix, class_attrs)
            elif isinstance(stmt, ast.ClassDef):
                self._class(stmt, prefix)
            elif isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self._function(stmt, prefix, class_attrs)

    def _class(self, node: ast.ClassDef, prefix: str) -> None:
        qualname = f"{prefix}{node.name}"
        methods = [s for s in node.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))]
        attrs, scopes = attribute_origins(self.context, node, methods)
        if not prefix:
            self._class_symbol(node, attrs)
        for method in methods:
            self._function(method, f"{qualname}.", attrs, scopes.get(id(method)))
            if not prefix and _is_static_or_class_method(method):  # `Factory.create_vector_db()`
                scope = scopes.get(id(method)) or Scope(self.context, {}, attrs)
                returned = self._returned_origins(method, self.context.own(method), scope)
                self.symbols.append(Symbol(f"{node.name}.{method.name}", "function", tuple(sorted(returned))))
        self._class_shape(node, qualname, methods, scopes)
        for stmt in node.body:
            if isinstance(stmt, ast.ClassDef):
                self._class(stmt, f"{qualname}.")

    def _class_symbol(self, node: ast.ClassDef, attrs: dict[str, set[str]]) -> None:
        """What the class keeps (all of it, and per attribute) and its bases."""
        stored = sorted({o for origins in attrs.values() for o in origins})
        attributes = tuple((name, tuple(sorted(origins))) for name, origins in sorted(attrs.items()) if origins)
        self.symbols.append(Symbol(node.name, "class", tuple(stored), class_bases(self.context, node), attributes))

    def _class_shape(self, node: ast.ClassDef, qualname: str, methods: list[Function],
                     scopes: dict[int, Scope]) -> None:
        """Only a class that delegates to clients can be a fallback manager: its shape."""
        clients = client_attributes(self.context, methods, scopes)
        if not clients:
            return
        containers = {name: client.container for name, client in clients.items()}
        shapes = tuple(method_shape(self.context, method, containers) for method in methods)
        raised = {last_part(dotted_name(r.exc.func if isinstance(r.exc, ast.Call) else r.exc))
                  for method in methods for r in self.context.own(method).raises if r.exc is not None}
        self.classes.append(ClassShape(qualname, span_of(node), shapes, tuple(clients.values()),
                                       tuple(sorted(raised - {""}))))

    def _function(self, node: Function, prefix: str, class_attrs: dict[str, set[str]] | None,
                  scope: Scope | None = None) -> None:
        qualname = f"{prefix}{node.name}"
        nodes = self.context.own(node)
        if scope is None:
            outer = Scope(self.context, {}, class_attrs or {})
            scope = Scope(self.context, parameter_origins(node, outer), class_attrs or {})
            scope.settle(node)
        record_calls(scope, nodes, qualname, self.accesses)
        failure_paths(nodes, scope, qualname, self.tries, self.branches)
        if not prefix:
            returned = self._returned_origins(node, nodes, scope)
            self.symbols.append(Symbol(node.name, "function", tuple(sorted(returned))))
        self._walk_definitions(node.body, f"{qualname}.", None)

    @staticmethod
    def _returned_origins(node: Function, nodes: ScopeNodes, scope: Scope) -> set[str]:
        """Where a function's result comes from: its return annotation and returned values."""
        returned = set(scope.annotation_origins(node.returns)) if node.returns is not None else set()
        for inner in nodes.returns:
            if inner.value is not None:
                returned |= scope.origins(inner.value)
        return returned


def _is_static_or_class_method(method: Function) -> bool:
    return any(last_part(dotted_name(d)) in ("staticmethod", "classmethod") for d in method.decorator_list)


def extract_database_facts(tree: ast.Module, source: str, module: str, is_package: bool,
                           scopes: ScopeIndex | None = None) -> DatabaseFacts:
    """``scopes``: the nodes of each scope, when the complexity facts' walk has already
    sorted them (see `ScopeIndex`); otherwise this walks the tree itself."""
    return _Extractor(tree, source, module, is_package, scopes).run()
