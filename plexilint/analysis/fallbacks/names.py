"""What a module's top-level code binds, imports and exports, read statement by statement."""

from __future__ import annotations

import ast
from collections.abc import Sequence

from plexilint.analysis.fallbacks.facts import ModuleImport, VersionLookup
from plexilint.analysis.modules import resolve_import
from plexilint.analysis.nodes import dotted_name, span_of
from plexilint.analysis.source import SourceLines


def _strings(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, (ast.List, ast.Tuple)):
        return [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
    return []


def _assigned_names(targets: Sequence[ast.expr]) -> list[str]:
    """``a = ...`` and ``a, b = ...`` (plain names, not attributes or subscripts)."""
    names = [t.id for t in targets if isinstance(t, ast.Name)]
    for target in targets:
        if isinstance(target, (ast.Tuple, ast.List)):
            names.extend(e.id for e in target.elts if isinstance(e, ast.Name))
    return names


class ModuleNames:
    def __init__(self, source: str, module: str, is_package: bool) -> None:
        self.source = source
        self.text = SourceLines(source)
        self.module = module
        self.is_package = is_package
        self.imports: dict[str, str] = {}  # local name -> dotted origin
        self.module_imports: list[ModuleImport] = []
        self.imported: list[str] = []  # "a.b" for `import a.b`, "x.n" for `from x import n`
        self.defined: dict[str, int] = {}  # name -> number of module-level bindings
        self.exports: list[str] = []
        self.export_lines: dict[str, list[int]] = {}
        self.star_imports = False
        self.module_bindings: set[str] = set()  # names bound by `import x` (modules)
        self.version_lookups: list[VersionLookup] = []
        self.placeholder_candidates: list[tuple[ast.Assign | ast.AnnAssign, str]] = []  # `name = None`
        # `if name is None: name = ...`: the module replaces its own None (not a placeholder).
        self.replaced_when_none: set[str] = set()

    def bind(self, name: str) -> None:
        self.defined[name] = self.defined.get(name, 0) + 1

    # -- imports ---------------------------------------------------------------------------

    def add_import(self, stmt: ast.Import | ast.ImportFrom) -> None:
        if isinstance(stmt, ast.Import):
            self._import_modules(stmt)
        else:
            self._import_from(stmt)

    def _import_modules(self, stmt: ast.Import) -> None:
        for alias in stmt.names:
            local = alias.asname or alias.name.split(".")[0]
            self.imports[local] = alias.name if alias.asname else local
            self.module_bindings.add(local)
            self.bind(local)
            self.module_imports.append(ModuleImport(alias.name, span_of(stmt)))
            self.imported.append(alias.name)

    def _import_from(self, stmt: ast.ImportFrom) -> None:
        origin = resolve_import(self.module, self.is_package, stmt.module, stmt.level)
        if origin is None:
            return
        self.module_imports.append(ModuleImport(origin, span_of(stmt)))
        for alias in stmt.names:
            self.imported.append(f"{origin}.{alias.name}")
            if alias.name == "*":
                self.star_imports = True
                continue
            local = alias.asname or alias.name
            self.imports[local] = f"{origin}.{alias.name}"
            self.bind(local)

    def provided_by(self, body: list[ast.stmt]) -> dict[str, str]:
        """Names a block imports with ``from X import ...`` (``*`` stands for every name)."""
        provided: dict[str, str] = {}
        for stmt in body:
            if isinstance(stmt, ast.ImportFrom):
                origin = resolve_import(self.module, self.is_package, stmt.module, stmt.level)
                if origin:
                    for alias in stmt.names:
                        provided[alias.asname or alias.name] = origin
        return provided

    # -- assignments and exports -----------------------------------------------------------

    def assignment(self, stmt: ast.Assign | ast.AnnAssign | ast.AugAssign) -> None:
        targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
        names = _assigned_names(targets)
        if isinstance(stmt, ast.AugAssign):
            if names == ["__all__"]:
                self._export(_strings(stmt.value), stmt)
            return
        for name in names:
            self.bind(name)
        value = stmt.value
        if names == ["__all__"] and value is not None:
            self._export(_strings(value), stmt)
        elif names == ["__version__"] and isinstance(value, ast.Call):
            self._version_lookup(stmt, value)
        elif len(names) == 1 and len(targets) == 1 and isinstance(value, ast.Constant) and value.value is None:
            self.placeholder_candidates.append((stmt, names[0]))

    def _version_lookup(self, stmt: ast.Assign | ast.AnnAssign, call: ast.Call) -> None:
        callee = dotted_name(call.func)
        if callee:
            head, _, rest = callee.partition(".")
            resolved = self.imports.get(head, head) + (f".{rest}" if rest else "")
            self.version_lookups.append(VersionLookup(
                resolved, span_of(stmt), self.text.segment(stmt)))

    def all_mutation(self, value: ast.expr) -> None:
        """``__all__.extend([...])``, ``__all__.append("name")``."""
        if isinstance(value, ast.Call) and dotted_name(value.func) in ("__all__.extend", "__all__.append"):
            for arg in value.args:
                self._export(_strings(arg), value)

    def _export(self, names: list[str], node: ast.stmt | ast.expr) -> None:
        self.exports.extend(names)
        for name in names:
            self.export_lines.setdefault(name, []).append(node.lineno)

    def none_test(self, stmt: ast.If) -> None:
        """Records ``if name is None:`` whose body binds ``name``."""
        test = stmt.test
        if isinstance(test, ast.Compare) and isinstance(test.left, ast.Name) and len(test.ops) == 1 \
                and isinstance(test.ops[0], ast.Is) and isinstance(test.comparators[0], ast.Constant) \
                and test.comparators[0].value is None:
            name = test.left.id
            for inner in stmt.body:
                targets = inner.targets if isinstance(inner, ast.Assign) else []
                if any(isinstance(t, ast.Name) and t.id == name for t in targets) or \
                        getattr(inner, "name", None) == name:
                    self.replaced_when_none.add(name)
