"""Facts for the duplicated-fallback family (PLX1xx), read from one module's AST.

Only module-level code is looked at (including the branches of module-level ``if`` and
``try`` statements, where fallbacks usually live); ``if TYPE_CHECKING:`` bodies are skipped.
"""

from __future__ import annotations

import ast
import re
import textwrap
from dataclasses import dataclass, field

from plexilint.analysis.modules import resolve_import
from plexilint.analysis.shapes import exact_digest, shape_digest, strip_docstring
from plexilint.model import Span

# Stub kinds, as named in messages and reports.
EMPTY_CLASS = "empty class"
KWARGS_BAG_CLASS = "kwargs-bag class"
CONSTANT_HOLDER = "constant-holder class"
NO_OP_FUNCTION = "no-op function"
IDENTITY_DECORATOR = "identity decorator"
EXCEPTION_FAMILY = "exception class differing only in literals"
LITERAL_HANDLER = "handler returning a literal dict"

_INTENTIONAL_BASES = {"Protocol", "ABC", "Generic", "NamedTuple", "TypedDict"}
_ENUM_BASES = {"Enum", "IntEnum", "StrEnum", "Flag", "IntFlag", "str", "int", "object"}
_INTENTIONAL_DECORATORS = {"abstractmethod", "overload", "abstractproperty"}
_TRIVIAL_METHOD_DECORATORS = {"staticmethod", "classmethod"}
_IMPORT_ERRORS = {"ImportError", "ModuleNotFoundError", "Exception", "BaseException"}
LOG_METHODS = {"debug", "info", "warning", "warn", "error", "exception", "critical", "log"}
_GLOBAL_STATEMENT = re.compile(r"^[ \t]*global[ \t]+([\w, \t]+)", re.MULTILINE)
_BUILTIN_EXCEPTIONS = {name for name in dir(__builtins__ if isinstance(__builtins__, dict) else __builtins__)}


@dataclass(frozen=True)
class StubDefinition:
    name: str
    kind: str
    shape: str  # equal for definitions that differ only in names and literal values
    exact: str  # equal only for identical definitions (docstrings and layout aside)
    span: Span
    source: str  # dedented source, the candidate body for the central module
    # Module imported in a sibling branch (try/except ImportError, if/else) that provides
    # this same name: the definition is a retained local copy of it.
    retained_from: str | None = None


@dataclass(frozen=True)
class VersionLookup:
    callee: str  # dotted, resolved through the module's imports
    span: Span
    source: str


@dataclass(frozen=True)
class PlaceholderInstance:
    name: str
    span: Span
    exported: bool
    class_hint: str | None  # the class this placeholder stands for, when the module names one


@dataclass(frozen=True)
class UndefinedOnImportFailure:
    name: str
    module: str
    span: Span
    used_line: int | None
    exported: bool


@dataclass(frozen=True)
class ModuleImport:
    module: str
    span: Span


@dataclass(frozen=True)
class FallbackFacts:
    stubs: tuple[StubDefinition, ...] = ()
    version_lookups: tuple[VersionLookup, ...] = ()
    placeholders: tuple[PlaceholderInstance, ...] = ()
    undefined_on_failure: tuple[UndefinedOnImportFailure, ...] = ()
    imports: tuple[ModuleImport, ...] = ()
    defined_names: tuple[str, ...] = ()
    exports: tuple[str, ...] = field(default=())


def span_of(node: ast.AST) -> Span:
    return Span(node.lineno, node.col_offset, node.end_lineno, node.end_col_offset)


def name_span(node: ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) -> Span:
    """The span of the defined name on its ``class``/``def`` line (where editors underline)."""
    keyword = {"ClassDef": "class ", "FunctionDef": "def ", "AsyncFunctionDef": "async def "}
    column = node.col_offset + len(keyword[type(node).__name__])
    return Span(node.lineno, column, node.lineno, column + len(node.name))


def dotted_name(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = dotted_name(node.value)
        return f"{base}.{node.attr}" if base else None
    return None


def snake_case(name: str) -> str:
    name = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    return re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name).lower()


def camel_case(name: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in name.strip("_").split("_") if part)


def _last(name: str | None) -> str:
    return (name or "").rsplit(".", 1)[-1]


def _is_type_checking(test: ast.expr) -> bool:
    return _last(dotted_name(test)) == "TYPE_CHECKING"


def _is_literal(node: ast.AST | None) -> bool:
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return all(_is_literal(item) for item in node.elts)
    if isinstance(node, ast.Dict):
        return all(k is not None and _is_literal(k) for k in node.keys) and all(map(_is_literal, node.values))
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return isinstance(node.operand, ast.Constant)
    return False


def _is_empty_value(node: ast.AST | None) -> bool:
    """``None``, ``[]``, ``{}``, ``()``, ``False``, ``0``, ``""``: what a no-op returns."""
    if node is None:
        return True
    if isinstance(node, ast.Constant):
        return node.value in (None, False, 0, "") and not isinstance(node.value, float)
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return not node.elts
    if isinstance(node, ast.Dict):
        return not node.keys
    return False


def _is_trivial_body(body: list[ast.stmt]) -> bool:
    body = strip_docstring(body)
    if not body:
        return True
    if len(body) != 1:
        return False
    stmt = body[0]
    if isinstance(stmt, ast.Pass):
        return True
    if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant) and stmt.value.value is Ellipsis:
        return True
    return isinstance(stmt, ast.Return) and _is_empty_value(stmt.value)


def _imports_something(body: list[ast.stmt]) -> bool:
    return any(isinstance(stmt, (ast.Import, ast.ImportFrom)) for stmt in body)


def _has_parameters(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    args = node.args
    return bool(args.posonlyargs or args.args or args.vararg or args.kwonlyargs or args.kwarg)


def _decorator_names(node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> set[str]:
    names = set()
    for decorator in node.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        names.add(_last(dotted_name(target)))
    return names


def _is_kwargs_bag_init(node: ast.stmt) -> bool:
    if not isinstance(node, ast.FunctionDef) or node.name != "__init__" or node.decorator_list:
        return False
    args = node.args
    if not args.kwarg or args.vararg or len(args.args) != 1 or args.kwonlyargs:
        return False
    kwargs = args.kwarg.arg
    body = strip_docstring(node.body)
    if len(body) != 1:
        return False
    stmt = body[0]
    # self.__dict__.update(kwargs)
    if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
        call = stmt.value
        return (
            dotted_name(call.func) == f"{args.args[0].arg}.__dict__.update"
            and len(call.args) == 1
            and isinstance(call.args[0], ast.Name)
            and call.args[0].id == kwargs
        )
    # for key, value in kwargs.items(): setattr(self, key, value)
    if isinstance(stmt, ast.For) and isinstance(stmt.iter, ast.Call) and len(stmt.body) == 1:
        inner = stmt.body[0]
        return (
            dotted_name(stmt.iter.func) == f"{kwargs}.items"
            and isinstance(inner, ast.Expr)
            and isinstance(inner.value, ast.Call)
            and dotted_name(inner.value.func) == "setattr"
        )
    return False


def _is_trivial_method(node: ast.stmt) -> bool:
    if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return False
    if _decorator_names(node) - _TRIVIAL_METHOD_DECORATORS:
        return False
    return _is_trivial_body(node.body)


def _is_constant_assignment(node: ast.stmt) -> bool:
    if isinstance(node, ast.Assign):
        return (
            len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, (str, int))
            and not isinstance(node.value.value, bool)
        )
    if isinstance(node, ast.AnnAssign):
        return (
            isinstance(node.target, ast.Name)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, (str, int))
            and not isinstance(node.value.value, bool)
        )
    return False


def _is_literal_exception_body(body: list[ast.stmt]) -> bool:
    """Class attributes of literals and/or an ``__init__`` with literal defaults that only
    forwards to ``super().__init__``: an exception differing from its siblings in literals."""
    body = strip_docstring(body)
    has_literal = False
    for stmt in body:
        if isinstance(stmt, (ast.Assign, ast.AnnAssign)):
            targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
            if not all(isinstance(t, ast.Name) for t in targets) or not _is_literal(stmt.value):
                return False
            has_literal = True
        elif isinstance(stmt, ast.FunctionDef) and stmt.name == "__init__" and not stmt.decorator_list:
            defaults = [*stmt.args.defaults, *(d for d in stmt.args.kw_defaults if d is not None)]
            if not defaults or not all(_is_literal(d) for d in defaults):
                return False
            for inner in strip_docstring(stmt.body):
                is_super_call = (  # super().__init__(...), Base.__init__(self, ...)
                    isinstance(inner, ast.Expr)
                    and isinstance(inner.value, ast.Call)
                    and isinstance(inner.value.func, ast.Attribute)
                    and inner.value.func.attr == "__init__"
                )
                is_attribute_copy = isinstance(inner, ast.Assign) and all(
                    isinstance(t, ast.Attribute) for t in inner.targets
                ) and (isinstance(inner.value, ast.Name) or _is_literal(inner.value))
                if not (is_super_call or is_attribute_copy or isinstance(inner, ast.Pass)):
                    return False
            has_literal = True
        elif not isinstance(stmt, ast.Pass):
            return False
    return has_literal


class _Extractor:
    def __init__(self, tree: ast.Module, source: str, module: str, is_package: bool) -> None:
        self.tree = tree
        self.source = source
        self.module = module
        self.is_package = is_package
        self.imports: dict[str, str] = {}  # local name -> dotted origin
        self.exception_classes: set[str] = set()
        self.stubs: list[StubDefinition] = []
        self.version_lookups: list[VersionLookup] = []
        self.placeholder_candidates: list[tuple[ast.AST, str]] = []
        self.guarded_tries: list[ast.Try] = []
        self.module_imports: list[ModuleImport] = []
        self.defined: dict[str, int] = {}  # name -> number of module-level bindings
        self.exports: list[str] = []
        self.export_lines: dict[str, list[int]] = {}
        self.star_imports = False
        self.module_bindings: set[str] = set()  # names bound by `import x` (modules)

    # -- walking -------------------------------------------------------------------------

    def run(self) -> FallbackFacts:
        self._walk(self.tree.body, {})
        return FallbackFacts(
            stubs=tuple(self.stubs),
            version_lookups=tuple(self.version_lookups),
            placeholders=self._placeholders(),
            undefined_on_failure=self._undefined_on_failure(),
            imports=tuple(self.module_imports),
            defined_names=tuple(sorted(self.defined)),
            exports=tuple(self.exports),
        )

    def _walk(self, body: list[ast.stmt], retained: dict[str, str], fallback: bool = False) -> None:
        for stmt in body:
            self._statement(stmt, retained, fallback)

    def _statement(self, stmt: ast.stmt, retained: dict[str, str], fallback: bool) -> None:
        """``fallback`` is true inside an ``except ImportError`` branch, or an ``if``/``else``
        branch whose sibling imports: where definitions stand in for unavailable ones."""
        if isinstance(stmt, ast.If):
            if _is_type_checking(stmt.test):
                self._walk(stmt.orelse, retained, fallback)
                return
            self._walk(stmt.body, {**retained, **self._provided_names(stmt.orelse)},
                       fallback or _imports_something(stmt.orelse))
            self._walk(stmt.orelse, {**retained, **self._provided_names(stmt.body)},
                       fallback or _imports_something(stmt.body))
        elif isinstance(stmt, ast.Try) or type(stmt).__name__ == "TryStar":
            self._walk(stmt.body, retained, fallback)
            provided = self._provided_names(stmt.body)
            for handler in stmt.handlers:
                if self._catches_import_error(handler):
                    self._walk(handler.body, {**retained, **provided}, True)
                else:
                    self._walk(handler.body, retained, fallback)
            self._walk(stmt.orelse, retained, fallback)
            self._walk(stmt.finalbody, retained, fallback)
            if any(self._catches_import_error(h) for h in stmt.handlers):
                self.guarded_tries.append(stmt)
        elif isinstance(stmt, (ast.Import, ast.ImportFrom)):
            self._import(stmt)
        elif isinstance(stmt, ast.ClassDef):
            self._bind(stmt.name)
            self._class(stmt, retained, fallback)
        elif isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
            self._bind(stmt.name)
            self._function(stmt, retained, fallback)
        elif isinstance(stmt, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            self._assignment(stmt)
        elif isinstance(stmt, ast.Expr):
            self._all_mutation(stmt.value)
        elif isinstance(stmt, (ast.With, ast.AsyncWith, ast.For, ast.AsyncFor, ast.While)):
            self._walk(stmt.body, retained, fallback)
            self._walk(getattr(stmt, "orelse", []), retained, fallback)

    def _bind(self, name: str) -> None:
        self.defined[name] = self.defined.get(name, 0) + 1

    # -- imports -------------------------------------------------------------------------

    def _import(self, stmt: ast.Import | ast.ImportFrom) -> None:
        if isinstance(stmt, ast.Import):
            for alias in stmt.names:
                local = alias.asname or alias.name.split(".")[0]
                self.imports[local] = alias.name if alias.asname else local
                self.module_bindings.add(local)
                self._bind(local)
                self.module_imports.append(ModuleImport(alias.name, span_of(stmt)))
            return
        origin = resolve_import(self.module, self.is_package, stmt.module, stmt.level)
        if origin is None:
            return
        self.module_imports.append(ModuleImport(origin, span_of(stmt)))
        for alias in stmt.names:
            if alias.name == "*":
                self.star_imports = True
                continue
            local = alias.asname or alias.name
            self.imports[local] = f"{origin}.{alias.name}"
            self._bind(local)

    def _provided_names(self, body: list[ast.stmt]) -> dict[str, str]:
        """Names a block imports with ``from X import ...`` (``*`` stands for every name)."""
        provided: dict[str, str] = {}
        for stmt in body:
            if isinstance(stmt, ast.ImportFrom):
                origin = resolve_import(self.module, self.is_package, stmt.module, stmt.level)
                if origin:
                    for alias in stmt.names:
                        provided[alias.asname or alias.name] = origin
        return provided

    @staticmethod
    def _catches_import_error(handler: ast.ExceptHandler) -> bool:
        if handler.type is None:
            return True
        types = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
        return any(_last(dotted_name(t)) in _IMPORT_ERRORS for t in types)

    # -- definitions ---------------------------------------------------------------------

    def _record(self, node: ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef, kind: str,
                retained: dict[str, str]) -> None:
        segment = ast.get_source_segment(self.source, node, padded=True) or ""
        retained_from = retained.get(node.name) or retained.get("*")
        self.stubs.append(StubDefinition(
            name=node.name,
            kind=kind,
            shape=shape_digest(node),
            exact=exact_digest(node),
            span=name_span(node),
            source=textwrap.dedent(segment),
            retained_from=retained_from,
        ))

    def _base_names(self, node: ast.ClassDef) -> list[str]:
        return [_last(dotted_name(base)) for base in node.bases]

    def _is_exception_class(self, bases: list[str]) -> bool:
        return any(
            base in self.exception_classes
            or base.endswith(("Error", "Exception", "Warning"))
            or (base in _BUILTIN_EXCEPTIONS and base.endswith(("Error", "Exception", "Exit", "Interrupt")))
            for base in bases
        )

    def _class(self, node: ast.ClassDef, retained: dict[str, str], fallback: bool) -> None:
        bases = self._base_names(node)
        if self._is_exception_class(bases):
            self.exception_classes.add(node.name)
            # Hierarchies differing in literals are ordinary code; stand-ins for imports are not.
            if fallback and not node.decorator_list and not node.keywords \
                    and _is_literal_exception_body(node.body):
                self._record(node, EXCEPTION_FAMILY, retained)
            return
        if node.decorator_list or node.keywords or set(bases) & _INTENTIONAL_BASES:
            return
        body = strip_docstring(node.body)
        if any(_decorator_names(s) & _INTENTIONAL_DECORATORS for s in body
               if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))):
            return
        plain = not bases or bases == ["object"]
        if plain and all(isinstance(s, ast.Pass) or _is_trivial_method(s) or self._is_ellipsis(s) for s in body):
            # A bare `class X: pass` is as often a sentinel or namespace as a placeholder.
            if fallback or any(_is_trivial_method(s) for s in body):
                self._record(node, EMPTY_CLASS, retained)
        elif plain and any(_is_kwargs_bag_init(s) for s in body) and all(
                _is_kwargs_bag_init(s) or _is_trivial_method(s) or isinstance(s, ast.Pass) for s in body):
            self._record(node, KWARGS_BAG_CLASS, retained)
        elif set(bases) <= _ENUM_BASES and len(body) >= 2 and all(map(_is_constant_assignment, body)):
            # Real Enum classes are only stubs when they stand in for an unavailable import.
            if plain or fallback:
                self._record(node, CONSTANT_HOLDER, retained)

    @staticmethod
    def _is_ellipsis(stmt: ast.stmt) -> bool:
        return isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant) and stmt.value.value is Ellipsis

    def _function(self, node: ast.FunctionDef | ast.AsyncFunctionDef, retained: dict[str, str],
                  fallback: bool) -> None:
        if node.decorator_list:
            return
        body = strip_docstring(node.body)
        # Accepting anything and ignoring it is the hallmark of a placeholder; a no-op with a
        # precise signature is usually a deliberate hook, unless it stands in for an import.
        accepts_anything = node.args.vararg is not None and node.args.kwarg is not None
        if _is_trivial_body(node.body):
            if accepts_anything or fallback:
                self._record(node, NO_OP_FUNCTION, retained)
        elif self._is_identity_decorator(node, body, allow_plain=accepts_anything or fallback):
            self._record(node, IDENTITY_DECORATOR, retained)
        elif len(body) == 1 and isinstance(body[0], ast.Return) and isinstance(body[0].value, ast.Dict) \
                and body[0].value.keys and _is_literal(body[0].value) and _has_parameters(node):
            self._record(node, LITERAL_HANDLER, retained)

    @staticmethod
    def _is_identity_decorator(node: ast.FunctionDef | ast.AsyncFunctionDef, body: list[ast.stmt],
                               allow_plain: bool) -> bool:
        if isinstance(node, ast.AsyncFunctionDef):
            return False

        def returns_its_argument(func: ast.stmt) -> bool:
            inner = strip_docstring(func.body) if isinstance(func, ast.FunctionDef) else []
            return (
                isinstance(func, ast.FunctionDef)
                and not func.decorator_list
                and len(func.args.args) == 1
                and len(inner) == 1
                and isinstance(inner[0], ast.Return)
                and isinstance(inner[0].value, ast.Name)
                and inner[0].value.id == func.args.args[0].arg
            )

        if returns_its_argument(node):  # def decorator(func): return func
            return allow_plain
        # def factory(*args, **kwargs): def decorator(func): return func; return decorator
        return (
            len(body) == 2
            and returns_its_argument(body[0])
            and isinstance(body[1], ast.Return)
            and isinstance(body[1].value, ast.Name)
            and body[1].value.id == body[0].name
        )

    # -- assignments ---------------------------------------------------------------------

    def _assignment(self, stmt: ast.Assign | ast.AnnAssign | ast.AugAssign) -> None:
        targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
        names = [t.id for t in targets if isinstance(t, ast.Name)]
        for target in targets:
            if isinstance(target, (ast.Tuple, ast.List)):
                names.extend(e.id for e in target.elts if isinstance(e, ast.Name))
        if isinstance(stmt, ast.AugAssign):
            if names == ["__all__"]:
                self._export(self._strings(stmt.value), stmt)
            return
        for name in names:
            self._bind(name)
        value = stmt.value
        if names == ["__all__"] and value is not None:
            self._export(self._strings(value), stmt)
        elif names == ["__version__"] and isinstance(value, ast.Call):
            callee = dotted_name(value.func)
            if callee:
                head, _, rest = callee.partition(".")
                resolved = self.imports.get(head, head) + (f".{rest}" if rest else "")
                self.version_lookups.append(VersionLookup(
                    resolved, span_of(stmt), ast.get_source_segment(self.source, stmt) or ""))
        elif len(names) == 1 and len(targets) == 1 and isinstance(value, ast.Constant) and value.value is None:
            self.placeholder_candidates.append((stmt, names[0]))

    def _all_mutation(self, value: ast.expr) -> None:
        if isinstance(value, ast.Call) and dotted_name(value.func) in ("__all__.extend", "__all__.append"):
            for arg in value.args:
                self._export(self._strings(arg), value)

    def _export(self, names: list[str], node: ast.AST) -> None:
        self.exports.extend(names)
        for name in names:
            self.export_lines.setdefault(name, []).append(node.lineno)

    @staticmethod
    def _strings(node: ast.AST) -> list[str]:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return [node.value]
        if isinstance(node, (ast.List, ast.Tuple)):
            return [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
        return []

    # -- derived facts -------------------------------------------------------------------

    def _globals_rebound_in_functions(self) -> set[str]:
        # A text scan, not a tree walk: `global` statements are rare and this runs per file.
        return {name.strip() for names in _GLOBAL_STATEMENT.findall(self.source)
                for name in names.split(",") if name.strip()}

    def _placeholders(self) -> tuple[PlaceholderInstance, ...]:
        if not self.placeholder_candidates:
            return ()
        rebound = self._globals_rebound_in_functions()
        exports = set(self.exports)
        classes = {snake_case(name): name for name in (*self.defined, *self.imports) if name[:1].isupper()}
        result = []
        for stmt, name in self.placeholder_candidates:
            if name.startswith("__") or name in rebound or name.isupper() or name in self.module_bindings:
                continue
            result.append(PlaceholderInstance(name, span_of(stmt), name in exports, classes.get(name)))
        return tuple(result)

    def _undefined_on_failure(self) -> tuple[UndefinedOnImportFailure, ...]:
        candidates: list[tuple[str, str, ast.stmt, ast.Try]] = []
        for try_node in self.guarded_tries:
            if not all(self._only_logs(handler.body) for handler in try_node.handlers):
                continue
            for stmt in try_node.body:
                if isinstance(stmt, ast.ImportFrom):
                    origin = resolve_import(self.module, self.is_package, stmt.module, stmt.level) or ""
                    for alias in stmt.names:
                        if alias.name != "*":
                            candidates.append((alias.asname or alias.name, origin, stmt, try_node))
                elif isinstance(stmt, ast.Import):
                    for alias in stmt.names:
                        candidates.append((alias.asname or alias.name.split(".")[0], alias.name, stmt, try_node))
        if self.star_imports:  # `from x import *` may bind any name: cannot tell
            return ()
        candidates = [c for c in candidates if self.defined.get(c[0], 0) <= 1]
        if not candidates:
            return ()
        uses = module_global_uses(self.tree, {name for name, *_ in candidates})
        result = []
        for name, origin, stmt, try_node in candidates:
            # Uses in the try body and its else branch only run when the import succeeded.
            last = try_node.orelse[-1] if try_node.orelse else try_node.body[-1]
            inside = range(try_node.lineno, (last.end_lineno or try_node.lineno) + 1)
            outside = sorted(line for line in uses.get(name, []) if line not in inside)
            exported = any(line not in inside for line in self.export_lines.get(name, []))
            if outside or exported:
                result.append(UndefinedOnImportFailure(
                    name, origin, span_of(stmt), outside[0] if outside else None, exported))
        return tuple(result)

    @staticmethod
    def _only_logs(body: list[ast.stmt]) -> bool:
        for stmt in body:
            if isinstance(stmt, ast.Pass):
                continue
            if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
                continue
            if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
                callee = dotted_name(stmt.value.func) or ""
                if callee in ("print", "warnings.warn", "warn") or _last(callee) in LOG_METHODS and "." in callee:
                    continue
            return False
        return True


def _locally_bound(function: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) -> set[str]:
    """Names a function binds itself (parameters, assignments, imports), minus `global`s."""
    args = function.args
    bound = {a.arg for a in (*args.posonlyargs, *args.args, *args.kwonlyargs)}
    bound |= {a.arg for a in (args.vararg, args.kwarg) if a is not None}
    if isinstance(function, ast.Lambda):
        return bound
    declared_global: set[str] = set()
    stack: list[ast.AST] = list(function.body)
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.add(node.name)
            continue  # its own scope
        if isinstance(node, ast.Lambda):
            continue
        if isinstance(node, ast.Global):
            declared_global.update(node.names)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            bound.add(node.id)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            bound.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            bound.add(node.name)
        stack.extend(ast.iter_child_nodes(node))
    return bound - declared_global


def module_global_uses(tree: ast.Module, wanted: set[str]) -> dict[str, list[int]]:
    """Lines where ``wanted`` names are read *as module globals*: a function's parameter or
    local variable of the same name is a different variable."""
    uses: dict[str, list[int]] = {}
    stack: list[tuple[ast.AST, frozenset[str]]] = [(tree, frozenset())]
    while stack:
        node, shadowed = stack.pop()
        if isinstance(node, ast.Name):
            if isinstance(node.ctx, ast.Load) and node.id in wanted and node.id not in shadowed:
                uses.setdefault(node.id, []).append(node.lineno)
            continue
        inner = shadowed
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            inner = shadowed | (_locally_bound(node) & wanted)
            # Decorators and defaults are evaluated in the enclosing scope.
            outer = [*getattr(node, "decorator_list", []), *node.args.defaults,
                     *(d for d in node.args.kw_defaults if d is not None)]
            stack.extend((child, shadowed) for child in outer)
            body = node.body if isinstance(node.body, list) else [node.body]
            stack.extend((child, inner) for child in body)
            continue
        stack.extend((child, inner) for child in ast.iter_child_nodes(node))
    return uses


def extract_fallback_facts(tree: ast.Module, source: str, module: str, is_package: bool) -> FallbackFacts:
    return _Extractor(tree, source, module, is_package).run()
