"""The walk over one module's top-level code that collects its fallback facts."""

from __future__ import annotations

import ast
import textwrap
from collections.abc import Callable
from typing import Any

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
from plexilint.analysis.fallbacks.definitions import import_copies, only_serves_stubs, summarise
from plexilint.analysis.fallbacks.markers import ModuleMarkers
from plexilint.analysis.fallbacks.names import ModuleNames
from plexilint.analysis.fallbacks.stub_shapes import (
    class_stub_kind,
    function_stub_kind,
    is_exception_class,
    is_literal_exception_body,
)
from plexilint.analysis.fallbacks.stub_keys import is_weak_function_shape, returned_global, stub_shape
from plexilint.analysis.nodes import LOG_METHODS, dotted_name, last_part, name_span
from plexilint.analysis.shapes import digest_of, exact_digest
from plexilint.analysis.source import SourceLines

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
                self.import_copies.extend(import_copies(stmt, handler, self.names))
            else:
                self._walk(handler.body, retained, fallback)
        self._walk(stmt.orelse, retained, fallback)
        self._walk(stmt.finalbody, retained, fallback)
        if any(_catches_import_error(h) for h in stmt.handlers):
            self.guarded_tries.append(stmt)

    def _in_fallback_context(self, node: Definition, fallback: bool) -> bool:
        """In a fallback branch, a module that says it holds fallbacks, or marked as a
        redefinition (`# type: ignore[no-redef]`) on its own line."""
        return fallback or self.marked or node.lineno in self.markers.ignored_redefinitions

    def _block(self, stmt: ast.With | ast.AsyncWith | ast.For | ast.AsyncFor | ast.While, retained: dict[str, str],
               fallback: bool) -> None:
        self._walk(stmt.body, retained, fallback)
        self._walk(getattr(stmt, "orelse", []), retained, fallback)

    # -- definitions -----------------------------------------------------------------------

    def _class(self, node: ast.ClassDef, retained: dict[str, str], fallback: bool) -> None:
        self.names.bind(node.name)
        self.definitions.append(summarise(node, fallback, self.markers.ignored_redefinitions, self.names.is_package))
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
        self.definitions.append(summarise(node, fallback, self.markers.ignored_redefinitions, self.names.is_package))
        fallback = self._in_fallback_context(node, fallback)
        kind = function_stub_kind(node, fallback)
        if kind is None and returned_global(node) in self.stub_instances:
            kind = STUB_ACCESSOR
        if kind is None and fallback and only_serves_stubs(node, {s.name for s in self.stubs} | self.stub_instances):
            kind = STUB_HELPER
        if kind is not None:
            self.stubs.append(_stub_definition(node, kind, retained, self.text, self.names))

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
# Each handler takes the statement type of its key, which a dict's type cannot say: `Any`.
_STATEMENT_HANDLERS: dict[type[ast.stmt], Callable[[_Extractor, Any, dict[str, str], bool], None]] = {
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
