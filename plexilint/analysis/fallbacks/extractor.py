"""The walk over one module's top-level code that collects its fallback facts."""

from __future__ import annotations

import ast
import builtins
import textwrap
from collections.abc import Callable

from plexilint.analysis.fallbacks.derived import placeholders, undefined_on_failure
from plexilint.analysis.fallbacks.facts import (
    EXCEPTION_FAMILY,
    STUB_ACCESSOR,
    STUB_HELPER,
    DefinitionSummary,
    FallbackFacts,
    ImportFallbackCopy,
    StubDefinition,
)
from plexilint.analysis.fallbacks.markers import ModuleMarkers, module_level_definitions
from plexilint.analysis.fallbacks.names import ModuleNames
from plexilint.analysis.fallbacks.stub_shapes import (
    class_stub_kind,
    function_stub_kind,
    is_exception_class,
    is_literal_exception_body,
    is_weak_function_shape,
    returned_global,
    stub_shape,
)
from plexilint.analysis.modules import resolve_import
from plexilint.analysis.nodes import LOG_METHODS, dotted_name, last_part, name_span
from plexilint.analysis.shapes import digest_of, exact_digest
from plexilint.analysis.source import SourceLines

_BUILTINS = frozenset(dir(builtins))
_IMPORT_ERRORS = {"ImportError", "ModuleNotFoundError", "Exception", "BaseException"}

Definition = ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef


def _is_type_checking(test: ast.expr) -> bool:
    return last_part(dotted_name(test)) == "TYPE_CHECKING"


def _imports_something(body: list[ast.stmt]) -> bool:
    return any(isinstance(stmt, (ast.Import, ast.ImportFrom)) for stmt in body)


def _catches_import_error(handler: ast.ExceptHandler) -> bool:
    if handler.type is None:
        return True
    types = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return any(last_part(dotted_name(t)) in _IMPORT_ERRORS for t in types)


def _stub_definition(node: Definition, kind: str, retained: dict[str, str], text: SourceLines,
                     names: ModuleNames) -> StubDefinition:
    segment = text.segment(node, padded=True)
    shape = stub_shape(node, kind)
    if is_weak_function_shape(node, kind):
        # What it stands in for: the imported name (`_` for `gettext.gettext`), else its own.
        shape = digest_of(shape, names.imports.get(node.name, node.name))
    return StubDefinition(
        name=node.name,
        kind=kind,
        shape=shape,
        exact=exact_digest(node),
        span=name_span(node),
        source=textwrap.dedent(segment),
        retained_from=retained.get(node.name) or retained.get("*"),
    )


# Wrappers are short; longer functions are never looked into (it would cost a walk of each).
_WRAPPER_LINES = 15


def _calls_own_name(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
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


class _Extractor:
    """Walks the module's top-level statements, into the branches of ``if`` and ``try`` (where
    fallbacks live). ``retained`` maps the names a sibling branch imports to their module;
    ``fallback`` is true inside an ``except ImportError`` branch, or an ``if``/``else`` branch
    whose sibling imports: where definitions stand in for unavailable ones."""

    def __init__(self, tree: ast.Module, source: str, module: str, is_package: bool) -> None:
        self.tree = tree
        self.source = source
        self.text = SourceLines(source)
        self.names = ModuleNames(source, module, is_package)
        self.exception_classes: set[str] = set()
        self.stubs: list[StubDefinition] = []
        self.guarded_tries: list[ast.Try] = []
        self.markers = ModuleMarkers(tree, source, LOG_METHODS)
        # A module that says it holds fallbacks is a fallback context as a whole.
        self.marked = bool(self.markers.lines)
        self.definitions: list[DefinitionSummary] = []
        self.import_copies: list[ImportFallbackCopy] = []
        self.stub_classes: set[str] = set()
        self.local_classes: set[str] = set()
        self.stub_instances: set[str] = set()  # module-level instances of stub classes, `x = None`

    def run(self) -> FallbackFacts:
        self._walk(self.tree.body, {})
        names = self.names
        return FallbackFacts(
            stubs=tuple(self.stubs),
            version_lookups=tuple(names.version_lookups),
            placeholders=placeholders(names),
            undefined_on_failure=undefined_on_failure(self.tree, self.guarded_tries, names),
            imports=tuple(names.module_imports),
            defined_names=tuple(sorted(names.defined)),
            exports=tuple(names.exports),
            markers=tuple(self.markers.lines),
            definitions=tuple(self.definitions),
            import_copies=tuple(self.import_copies),
            imported=tuple(names.imported),
        )

    def _walk(self, body: list[ast.stmt], retained: dict[str, str], fallback: bool = False) -> None:
        for stmt in body:
            handler = _STATEMENT_HANDLERS.get(type(stmt))
            if handler is not None:
                handler(self, stmt, retained, fallback)

    # -- control flow ----------------------------------------------------------------------

    def _if(self, stmt: ast.If, retained: dict[str, str], fallback: bool) -> None:
        if _is_type_checking(stmt.test):
            self._walk(stmt.orelse, retained, fallback)
            return
        self.names.none_test(stmt)
        self._walk(stmt.body, {**retained, **self.names.provided_by(stmt.orelse)},
                   fallback or _imports_something(stmt.orelse))
        self._walk(stmt.orelse, {**retained, **self.names.provided_by(stmt.body)},
                   fallback or _imports_something(stmt.body))

    def _try(self, stmt: ast.Try, retained: dict[str, str], fallback: bool) -> None:
        self._walk(stmt.body, retained, fallback)
        provided = self.names.provided_by(stmt.body)
        for handler in stmt.handlers:
            if _catches_import_error(handler):
                self._walk(handler.body, {**retained, **provided}, True)
                self._import_copies(stmt, handler)
            else:
                self._walk(handler.body, retained, fallback)
        self._walk(stmt.orelse, retained, fallback)
        self._walk(stmt.finalbody, retained, fallback)
        if any(_catches_import_error(h) for h in stmt.handlers):
            self.guarded_tries.append(stmt)

    def _import_copies(self, stmt: ast.Try, handler: ast.ExceptHandler) -> None:
        """Definitions in the handler of names the ``try`` imported with ``from X import``."""
        imported: dict[str, str] = {}
        for node in stmt.body:
            if isinstance(node, ast.ImportFrom):
                origin = resolve_import(self.names.module, self.names.is_package, node.module, node.level)
                if origin:
                    for alias in node.names:
                        imported[alias.asname or alias.name] = origin
        for node in module_level_definitions(handler.body):
            if node.name in imported:
                self.import_copies.append(ImportFallbackCopy(node.name, imported[node.name], name_span(node)))

    def _summarise(self, node: Definition, fallback: bool) -> None:
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
        marked = node.lineno in self.markers.ignored_redefinitions
        # Only a package's copies are compared with their originals (PLX107): only they need it.
        delegates = self.names.is_package and kind != "class" and size <= _WRAPPER_LINES and _calls_own_name(node)
        self.definitions.append(DefinitionSummary(node.name, kind, bases, members, size, name_span(node), fallback,
                                                  marked, delegates))

    def _in_fallback_context(self, node: Definition, fallback: bool) -> bool:
        """In a fallback branch, a module that says it holds fallbacks, or marked as a
        redefinition (`# type: ignore[no-redef]`) on its own line."""
        return fallback or self.marked or node.lineno in self.markers.ignored_redefinitions

    def _block(self, stmt: ast.With | ast.For | ast.While, retained: dict[str, str], fallback: bool) -> None:
        self._walk(stmt.body, retained, fallback)
        self._walk(getattr(stmt, "orelse", []), retained, fallback)

    # -- definitions -----------------------------------------------------------------------

    def _class(self, node: ast.ClassDef, retained: dict[str, str], fallback: bool) -> None:
        self.names.bind(node.name)
        self._summarise(node, fallback)
        self.local_classes.add(node.name)
        fallback = self._in_fallback_context(node, fallback)
        bases = [last_part(dotted_name(base)) for base in node.bases]
        if is_exception_class(bases, self.exception_classes):
            self.exception_classes.add(node.name)
            # Hierarchies differing in literals are ordinary code; stand-ins for imports are not.
            if fallback and not node.decorator_list and not node.keywords and is_literal_exception_body(node.body):
                self.stubs.append(_stub_definition(node, EXCEPTION_FAMILY, retained, self.text, self.names))
            return
        kind = class_stub_kind(node, bases, fallback)
        if kind is not None:
            self.stub_classes.add(node.name)
            self.stubs.append(_stub_definition(node, kind, retained, self.text, self.names))

    def _function(self, node: ast.FunctionDef | ast.AsyncFunctionDef, retained: dict[str, str],
                  fallback: bool) -> None:
        self.names.bind(node.name)
        self._summarise(node, fallback)
        fallback = self._in_fallback_context(node, fallback)
        kind = function_stub_kind(node, fallback)
        if kind is None and returned_global(node) in self.stub_instances:
            kind = STUB_ACCESSOR
        if kind is None and fallback and self._only_serves_stubs(node):
            kind = STUB_HELPER
        if kind is not None:
            self.stubs.append(_stub_definition(node, kind, retained, self.text, self.names))

    def _only_serves_stubs(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
        """Every module-level name the function reads is a stub of this module (or a builtin):
        ``def get_error_code(error): return ErrorCode.UNKNOWN`` beside a stub ``ErrorCode``."""
        stubs = {stub.name for stub in self.stubs} | self.stub_instances
        if node.decorator_list or not stubs:
            return False
        own = {a.arg for a in (*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs,
                               *(a for a in (node.args.vararg, node.args.kwarg) if a is not None))}
        read = set()
        for inner in ast.walk(node):
            if isinstance(inner, ast.Name):
                if isinstance(inner.ctx, ast.Store):
                    own.add(inner.id)
                else:
                    read.add(inner.id)
            elif isinstance(inner, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)) \
                    and inner is not node:
                return False  # nested scopes: not a small helper
        globals_read = read - own - _BUILTINS
        return bool(globals_read) and globals_read <= stubs

    # -- names -----------------------------------------------------------------------------

    def _import(self, stmt: ast.Import | ast.ImportFrom, _retained: dict[str, str], _fallback: bool) -> None:
        self.names.add_import(stmt)

    def _assignment(self, stmt: ast.Assign | ast.AnnAssign | ast.AugAssign, _retained: dict[str, str],
                    fallback: bool) -> None:
        self.names.assignment(stmt)
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
            # `_manager = StubManager()`, or (where fallbacks live) an instance of a local class.
            value = stmt.value
            instance_of = value.func.id if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) else None
            if instance_of in self.stub_classes or ((fallback or self.marked) and instance_of in self.local_classes):
                self.stub_instances.add(stmt.targets[0].id)

    def _expression(self, stmt: ast.Expr, _retained: dict[str, str], _fallback: bool) -> None:
        self.names.all_mutation(stmt.value)


# The statement kinds that can bind, define or import at module level; others are skipped.
_STATEMENT_HANDLERS: dict[type, Callable[[_Extractor, ast.stmt, dict[str, str], bool], None]] = {
    ast.If: _Extractor._if,
    ast.Try: _Extractor._try,
    ast.Import: _Extractor._import,
    ast.ImportFrom: _Extractor._import,
    ast.ClassDef: _Extractor._class,
    ast.FunctionDef: _Extractor._function,
    ast.AsyncFunctionDef: _Extractor._function,
    ast.Assign: _Extractor._assignment,
    ast.AnnAssign: _Extractor._assignment,
    ast.AugAssign: _Extractor._assignment,
    ast.Expr: _Extractor._expression,
    ast.With: _Extractor._block,
    ast.AsyncWith: _Extractor._block,
    ast.For: _Extractor._block,
    ast.AsyncFor: _Extractor._block,
    ast.While: _Extractor._block,
}
if hasattr(ast, "TryStar"):  # Python 3.11+: `except*`
    _STATEMENT_HANDLERS[ast.TryStar] = _Extractor._try


def extract_fallback_facts(tree: ast.Module, source: str, module: str, is_package: bool) -> FallbackFacts:
    return _Extractor(tree, source, module, is_package).run()
