"""What a module binds at import time, in order, and on which conditions: the model the
behaviour check compares before and after a fix.

Only module-level code is walked (into `if`, `try`, `with`, `for`, `while` and `match`
branches, never into a function or class body). Each binding records its condition: the chain
of branches it sits in (`try` body, `except ImportError`, `if <test>`, ...). A `try` whose body
only imports from the central fallbacks module is decided statically, because that module is
part of the project: when it exists and binds every imported name, the `try` body runs and its
handlers never do; otherwise the `except ImportError` handler runs.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from plexilint.analysis.modules import resolve_import
from plexilint.analysis.nodes import TRY_TYPES

CLASS, FUNCTION, ASYNC_FUNCTION, VARIABLE, IMPORT = "class", "function", "async function", "variable", "import"
_IMPORT_ERRORS = {"ImportError", "ModuleNotFoundError"}

Definition = ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef


@dataclass(frozen=True)
class Binding:
    name: str
    kind: str  # CLASS, FUNCTION, ASYNC_FUNCTION, VARIABLE or IMPORT
    condition: tuple[str, ...]  # () at module level
    line: int
    node: ast.AST  # the definition, the import alias's statement or the assignment
    origin: tuple[str, str] | None = None  # (module, name) an import binds; name "" for a module

    @property
    def conditional(self) -> bool:
        return bool(self.condition)


def _label(node: ast.AST | None) -> str:
    # ast.unparse only names a branch for messages and comparisons; it never writes code.
    return ast.unparse(node) if node is not None else ""


def catches_import_error(handler: ast.ExceptHandler) -> bool:
    kind = handler.type
    if kind is None:
        return True
    names = kind.elts if isinstance(kind, ast.Tuple) else [kind]
    return any(_label(n).rsplit(".", 1)[-1] in _IMPORT_ERRORS | {"Exception", "BaseException"} for n in names)


class ModuleBindings:
    """Every module-level binding of one module, in source order."""

    def __init__(self, tree: ast.Module, module: str, is_package: bool,
                 central_import_succeeds: Callable[[list[str]], bool] | None = None) -> None:
        self.module = module
        self.is_package = is_package
        # Given the names a `try` imports from the central module: does that import succeed?
        self.central_import_succeeds = central_import_succeeds
        self.central: str | None = None
        self.bindings: list[Binding] = []
        self.tree = tree

    def run(self, central: str | None) -> ModuleBindings:
        self.central = central
        self.walk(self.tree.body, ())
        return self

    def of(self, name: str) -> list[Binding]:
        return [b for b in self.bindings if b.name == name]

    def names(self) -> set[str]:
        return {b.name for b in self.bindings}

    # -- the walk ---------------------------------------------------------------------------

    def walk(self, body: list[ast.stmt], condition: tuple[str, ...]) -> None:
        for statement in body:
            self._statement(statement, condition)

    def _statement(self, node: ast.stmt, condition: tuple[str, ...]) -> None:
        handler = _HANDLERS.get(type(node).__name__)
        if handler is not None:
            handler(self, node, condition)

    def _try(self, node: ast.Try, condition: tuple[str, ...]) -> None:
        decided = self._central_try_outcome(node)
        if decided is True:
            self.walk(node.body, condition)
            self.walk(node.orelse, condition)
        elif decided is False:
            for handler in node.handlers:
                if catches_import_error(handler):
                    self.walk(handler.body, condition)
                    break
        else:
            self.walk(node.body, (*condition, "try"))
            for handler in node.handlers:
                self.walk(handler.body, (*condition, f"except {_label(handler.type)}".rstrip()))
            self.walk(node.orelse, (*condition, "else of try"))
        self.walk(node.finalbody, condition)

    def _central_try_outcome(self, node: ast.Try) -> bool | None:
        """True/False when the `try` body only imports from the central module (it succeeds
        or fails, known statically), None for any other `try`."""
        if self.central is None or self.central_import_succeeds is None:
            return None
        names: list[str] = []
        for statement in node.body:
            if isinstance(statement, ast.Pass):
                continue
            if not isinstance(statement, ast.ImportFrom) or self._resolve(statement) != self.central:
                return None
            names += [alias.name for alias in statement.names]
        if not names or not any(catches_import_error(h) for h in node.handlers):
            return None
        return self.central_import_succeeds(names)

    def _resolve(self, node: ast.ImportFrom) -> str | None:
        return resolve_import(self.module, self.is_package, node.module, node.level)

    def _import(self, node: ast.Import | ast.ImportFrom, condition: tuple[str, ...]) -> None:
        if isinstance(node, ast.Import):
            for alias in node.names:
                local = alias.asname or alias.name.split(".")[0]
                target = alias.name if alias.asname else alias.name.split(".")[0]
                self.add(local, IMPORT, condition, node, (target, ""))
            return
        source = self._resolve(node) or ""
        for alias in node.names:
            if alias.name == "*":
                self.add("*", IMPORT, condition, node, (source, "*"))
            else:
                self.add(alias.asname or alias.name, IMPORT, condition, node, (source, alias.name))

    def add(self, name: str, kind: str, condition: tuple[str, ...], node: ast.AST,
            origin: tuple[str, str] | None = None) -> None:
        self.bindings.append(Binding(name, kind, condition, getattr(node, "lineno", 0), node, origin))


# -- what each kind of module-level statement binds ---------------------------------------------


def _bind_definition(walker: ModuleBindings, node: Definition, condition: tuple[str, ...]) -> None:
    kind = {ast.ClassDef: CLASS, ast.AsyncFunctionDef: ASYNC_FUNCTION}.get(type(node), FUNCTION)
    walker.add(node.name, kind, condition, node)


def _bind_assignment(walker: ModuleBindings, node: ast.Assign | ast.AnnAssign | ast.AugAssign,
                     condition: tuple[str, ...]) -> None:
    if isinstance(node, ast.AnnAssign) and node.value is None:
        return  # an annotation alone binds nothing
    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
    for name in _target_names(targets):
        walker.add(name, VARIABLE, condition, node)


def _bind_if(walker: ModuleBindings, node: ast.If, condition: tuple[str, ...]) -> None:
    test = _label(node.test)
    if test.rsplit(".", 1)[-1] == "TYPE_CHECKING":
        walker.walk(node.orelse, condition)  # the body never runs
        return
    walker.walk(node.body, (*condition, f"if {test}"))
    walker.walk(node.orelse, (*condition, f"else of if {test}"))


def _bind_with(walker: ModuleBindings, node: ast.With | ast.AsyncWith, condition: tuple[str, ...]) -> None:
    for item in node.items:
        if item.optional_vars is not None:
            for name in _target_names([item.optional_vars]):
                walker.add(name, VARIABLE, condition, node)
    walker.walk(node.body, (*condition, f"with {', '.join(_label(i.context_expr) for i in node.items)}"))


def _bind_loop(walker: ModuleBindings, node: ast.For | ast.AsyncFor | ast.While,
               condition: tuple[str, ...]) -> None:
    if isinstance(node, ast.While):
        head = f"while {_label(node.test)}"
    else:
        head = f"for {_label(node.target)} in {_label(node.iter)}"
        for name in _target_names([node.target]):
            walker.add(name, VARIABLE, (*condition, head), node)
    walker.walk(node.body, (*condition, head))
    walker.walk(node.orelse, (*condition, f"else of {head}"))


def _bind_match(walker: ModuleBindings, node: ast.Match, condition: tuple[str, ...]) -> None:
    for case in node.cases:
        walker.walk(case.body, (*condition, f"case {_label(case.pattern)}"))


# What each kind of module-level statement binds (by class name: `TryStar` is Python 3.11+).
# Each handler takes the statement type its key names, which a dict's type cannot say: `Any`.
_HANDLERS: dict[str, Callable[[ModuleBindings, Any, tuple[str, ...]], None]] = {
    "ClassDef": _bind_definition, "FunctionDef": _bind_definition,
    "AsyncFunctionDef": _bind_definition,
    "Import": ModuleBindings._import, "ImportFrom": ModuleBindings._import,
    "Assign": _bind_assignment, "AnnAssign": _bind_assignment,
    "AugAssign": _bind_assignment,
    "If": _bind_if, "Try": ModuleBindings._try, "TryStar": ModuleBindings._try,
    "With": _bind_with, "AsyncWith": _bind_with,
    "For": _bind_loop, "AsyncFor": _bind_loop, "While": _bind_loop,
    "Match": _bind_match,
}


def _target_names(targets: Sequence[ast.expr]) -> Iterator[str]:
    for target in targets:
        if isinstance(target, ast.Name):
            yield target.id
        elif isinstance(target, (ast.Tuple, ast.List)):
            yield from _target_names(list(target.elts))
        elif isinstance(target, ast.Starred):
            yield from _target_names([target.value])


def module_bindings(tree: ast.Module, module: str, is_package: bool, central: str | None = None,
                    central_import_succeeds: Callable[[list[str]], bool] | None = None) -> ModuleBindings:
    return ModuleBindings(tree, module, is_package, central_import_succeeds).run(central)


def definitions_by_place(tree: ast.Module) -> dict[tuple[str, int], tuple[Definition, tuple[str, ...], bool]]:
    """Each module-level definition (name, line of its `def`/`class`) with its condition and
    whether it stands in for an import (inside `except ImportError`, or an `if`/`else` branch
    whose sibling imports)."""
    found: dict[tuple[str, int], tuple[Definition, tuple[str, ...], bool]] = {}

    def walk(body: list[ast.stmt], condition: tuple[str, ...], stands_in: bool) -> None:
        for node in body:
            if isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
                found[(node.name, node.lineno)] = (node, condition, stands_in)
            elif isinstance(node, ast.If):
                test = _label(node.test)
                walk(node.body, (*condition, f"if {test}"), stands_in or _imports(node.orelse))
                walk(node.orelse, (*condition, f"else of if {test}"), stands_in or _imports(node.body))
            elif isinstance(node, TRY_TYPES):
                walk(node.body, (*condition, "try"), stands_in)
                for handler in node.handlers:
                    walk(handler.body, (*condition, f"except {_label(handler.type)}".rstrip()),
                         stands_in or (catches_import_error(handler) and _imports(node.body)))
                walk(node.orelse, (*condition, "else of try"), stands_in)
                walk(node.finalbody, condition, stands_in)
            elif isinstance(node, (ast.With, ast.AsyncWith, ast.For, ast.AsyncFor, ast.While)):
                walk(node.body, (*condition, type(node).__name__.lower()), stands_in)
                walk(getattr(node, "orelse", []), (*condition, "else"), stands_in)

    walk(tree.body, (), False)
    return found


def _imports(body: list[ast.stmt]) -> bool:
    return any(isinstance(s, (ast.Import, ast.ImportFrom)) for s in body)
