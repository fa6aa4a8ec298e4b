"""The project's modules before or after a fix, and what a name of one of them is once its
imports are followed: a class, a function, a variable, a module, a name bound differently in a
`try` and its `except` ("conditional"), or unbound."""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from plexilint.consolidation.bindings import ASYNC_FUNCTION, CLASS, FUNCTION, IMPORT, Binding, ModuleBindings, \
    module_bindings
from plexilint.consolidation.equivalence import Definition

DEFINITIONS = (CLASS, FUNCTION, ASYNC_FUNCTION)
_MAX_DEPTH = 20  # re-exports of re-exports; a longer chain is a cycle


@dataclass(frozen=True)
class Resolved:
    kind: str  # class, function, async function, variable, module, conditional, unbound, or "import of x.y"
    node: Definition | None = None
    where: str = ""  # the module of the definition


class ProjectState:
    """Module sources before (`after=False`) or after the fix; parsed and modelled on demand."""

    def __init__(self, paths: dict[str, Path], changes: dict[Path, tuple[bytes | None, bytes]], central: str,
                 is_package: Callable[[str], bool], after: bool) -> None:
        self.paths = paths
        self.changes = changes
        self.central = central
        self.is_package = is_package
        self.after = after
        self.models: dict[str, ModuleBindings | None] = {}

    def source(self, module: str) -> bytes | None:
        path = self.paths.get(module)
        if path is None:
            return None
        if path in self.changes:
            before, after = self.changes[path]
            return after if self.after else before
        try:
            return path.read_bytes()
        except OSError:
            return None

    def model(self, module: str) -> ModuleBindings | None:
        if module not in self.models:
            self.models[module] = None  # a cycle of imports resolves to "unbound"
            self.models[module] = self._build(module)
        return self.models[module]

    def _build(self, module: str) -> ModuleBindings | None:
        data = self.source(module)
        if data is None:
            return None
        try:
            tree = ast.parse(data)
        except SyntaxError:
            return None
        central = self.central if module != self.central else None
        return module_bindings(tree, module, self.is_package(module), central, self.central_binds)

    def central_binds(self, names: list[str]) -> bool:
        """Whether `from <central> import names` succeeds in this state."""
        model = self.model(self.central)
        if model is None:
            return False
        unconditional = {b.name for b in model.bindings if not b.conditional}
        return all(name in unconditional for name in names)

    def resolve(self, module: str, name: str, depth: int = 0) -> Resolved:
        if not name:
            return Resolved("module", where=module)
        model = self.model(module)
        bindings = model.of(name) if model is not None else []
        if not bindings:
            if self.source(f"{module}.{name}") is not None:
                return Resolved("module", where=f"{module}.{name}")
            return Resolved("unbound" if model is not None else f"import of {module}.{name}", where=module)
        if any(b.conditional for b in bindings):
            return Resolved("conditional", where=module)
        return self.kind_of(bindings[-1], module, depth)

    def kind_of(self, binding: Binding, module: str, depth: int = 0) -> Resolved:
        if binding.kind in DEFINITIONS:
            assert isinstance(binding.node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))  # what the kind says
            return Resolved(binding.kind, binding.node, module)
        if binding.kind != IMPORT or binding.origin is None:
            return Resolved(binding.kind, where=module)
        source, name = binding.origin
        if depth > _MAX_DEPTH or name == "*":
            return Resolved(f"import of {source}.{name}")
        return self.resolve(source, name, depth + 1)
