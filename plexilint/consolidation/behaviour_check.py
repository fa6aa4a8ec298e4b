"""The static behaviour-preservation check every `plexilint fix` runs on the trees before and
after its change (parsed with `ast`; the analysed code is never imported):

- every name a module bound is still bound, in the same order, with the same kind (class,
  function, async function, variable, module, or what an import resolves to) and on the same
  conditions (a `try` body, an `except ImportError`, an `if` branch);
- an import a user wrote that now names another module still reaches an equivalent
  definition: an import of a real definition, or of a name bound differently in a `try` and
  its `except`, is never retargeted to a fallback;
- every definition the fix removes is equivalent to the central one that replaces it (same
  kind, async or not, bases and metaclass, members, signature and body);
- no created package or module shadows an existing one, or is shadowed by one;
- the central module imports nothing from the project at import time.

A failure names the stub, the import or the file it concerns, so the fix can leave that part
alone and keep the rest.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

from plexilint.consolidation.bindings import (
    ASYNC_FUNCTION, CLASS, FUNCTION, IMPORT, VARIABLE, Binding, ModuleBindings, module_bindings)
from plexilint.consolidation.equivalence import Definition, difference
from plexilint.consolidation.layout import shadowing_problem

_DEFINITIONS = (CLASS, FUNCTION, ASYNC_FUNCTION)
_HELPERS = ("get_fallback_class", "get_fallback_instance")


@dataclass(frozen=True)
class Failure:
    path: str  # relative to the project root; "" for the whole fix
    reason: str
    name: str | None = None  # a moved stub to leave in place
    import_line: int | None = None  # an import of `path` not to retarget


@dataclass
class FileVerification:
    path: str
    names: int = 0  # names bound as before
    conditional: int = 0  # of which bound in a branch
    equivalent: list[str] = field(default_factory=list)  # removed definitions, equivalent to the central ones
    retargeted: list[str] = field(default_factory=list)  # imports now naming the central module, same definition
    added: list[str] = field(default_factory=list)  # names bound only after (helpers, fallbacks)
    dropped: list[str] = field(default_factory=list)  # imports only the removed code used, imported by no one

    def summary(self) -> str:
        parts = [f"{self.names} name(s) bound as before, same kind and conditions"
                 + (f" ({self.conditional} in a branch)" if self.conditional else "")]
        if self.equivalent:
            parts.append(f"{len(self.equivalent)} removed definition(s) equivalent to the central ones")
        if self.retargeted:
            parts.append(f"{len(self.retargeted)} import(s) retargeted to the same definition")
        if self.added:
            parts.append(f"added: {', '.join(sorted(self.added))}")
        if self.dropped:
            parts.append(f"unused imports dropped (not exported, imported from here by no module): "
                         f"{', '.join(sorted(self.dropped))}")
        return "; ".join(parts)


@dataclass
class BehaviourReport:
    files: dict[str, FileVerification] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)
    central: list[str] = field(default_factory=list)  # what was verified about the central module

    @property
    def passed(self) -> bool:
        return not self.failures


@dataclass(frozen=True)
class _Resolved:
    kind: str  # class, function, async function, variable, module, conditional, unbound, or "import of x.y"
    node: Definition | None = None
    where: str = ""  # module.name of the definition


class _State:
    """The project's modules before or after the fix."""

    def __init__(self, check: BehaviourCheck, after: bool) -> None:
        self.check = check
        self.after = after
        self.trees: dict[str, ast.Module | None] = {}
        self.models: dict[str, ModuleBindings | None] = {}

    def source(self, module: str) -> bytes | None:
        path = self.check.paths.get(module)
        if path is None:
            return None
        if path in self.check.changes:
            before, after = self.check.changes[path]
            return after if self.after else before
        try:
            return path.read_bytes()
        except OSError:
            return None

    def model(self, module: str) -> ModuleBindings | None:
        if module not in self.models:
            self.models[module] = None  # a cycle of imports resolves to "unbound"
            data = self.source(module)
            if data is not None:
                try:
                    tree = ast.parse(data)
                except SyntaxError:
                    tree = None
                if tree is not None:
                    central = self.check.central if module != self.check.central else None
                    self.models[module] = module_bindings(tree, module, self.check.is_package(module), central,
                                                          self.central_binds)
        return self.models[module]

    def central_binds(self, names: list[str]) -> bool:
        model = self.model(self.check.central)
        if model is None:
            return False
        unconditional = {b.name for b in model.bindings if not b.conditional}
        return all(name in unconditional for name in names)

    def resolve(self, module: str, name: str, depth: int = 0) -> _Resolved:
        if not name:
            return _Resolved("module", where=module)
        model = self.model(module)
        if model is None:
            submodule = f"{module}.{name}"
            if self.source(submodule) is not None:
                return _Resolved("module", where=submodule)
            return _Resolved(f"import of {module}.{name}")
        bindings = model.of(name)
        if not bindings:
            if self.source(f"{module}.{name}") is not None:
                return _Resolved("module", where=f"{module}.{name}")
            return _Resolved("unbound", where=f"{module}.{name}")
        if any(b.conditional for b in bindings):
            return _Resolved("conditional", where=f"{module}.{name}")
        return self.kind_of(bindings[-1], module, depth)

    def kind_of(self, binding: Binding, module: str, depth: int = 0) -> _Resolved:
        if binding.kind in _DEFINITIONS:
            return _Resolved(binding.kind, binding.node, module)
        if binding.kind != IMPORT or binding.origin is None:
            return _Resolved(binding.kind)
        module, name = binding.origin
        if depth > 20 or name == "*":
            return _Resolved(f"import of {module}.{name}")
        return self.resolve(module, name, depth + 1)


class BehaviourCheck:
    def __init__(self, root: Path, index, central: str, changes: dict[Path, tuple[bytes | None, bytes]],
                 declared: dict[str, str] | None = None, central_path: Path | None = None) -> None:
        self.root = root
        # "old.module:Name" -> "new.module:Name" the user declared (`[tool.plexilint.moved]`) or
        # an earlier fix recorded: trusted, as PLX501 trusts them.
        self.declared = declared or {}
        self.index = index
        self.central = central
        self.changes = {Path(p): c for p, c in changes.items()}
        self.paths: dict[str, Path] = {f.module: Path(f.path) for f in index.files}
        self.packages = {f.module for f in index.files if f.is_package}
        if central_path is not None:
            self.paths.setdefault(central, Path(central_path))
        for path, (before, _) in self.changes.items():
            if before is None and path.suffix == ".py":
                module = _created_module_name(root, path, self.paths)
                if module:
                    self.paths.setdefault(module, path)
                    if path.name == "__init__.py":
                        self.packages.add(module)
        by_path = {path: module for module, path in self.paths.items()}
        self.changed_modules = {by_path[p] for p in self.changes if p in by_path}
        self.before = _State(self, after=False)
        self.after = _State(self, after=True)
        self.report = BehaviourReport()

    def is_package(self, module: str) -> bool:
        return module in self.packages

    def run(self) -> BehaviourReport:
        self._created_files()
        self._central_imports_nothing_from_the_project()
        for module in sorted(self._modules_to_compare()):
            if module != self.central:
                self._compare_module(module)
        return self.report

    # -- what to compare ----------------------------------------------------------------------

    def _modules_to_compare(self) -> set[str]:
        """Changed modules, and modules importing the central one (its creation can change
        which branch of their `try` runs)."""
        by_path = {path: module for module, path in self.paths.items()}
        modules = {by_path[p] for p, (before, _) in self.changes.items() if before is not None and p in by_path}
        for file in self.index.files:
            if any(i.module == self.central or i.module.startswith(self.central + ".")
                   for i in file.fallbacks.imports):
                modules.add(file.module)
        return modules

    def _relpath(self, module: str) -> str:
        path = self.paths.get(module)
        try:
            return path.relative_to(self.root).as_posix() if path else module
        except ValueError:
            return path.as_posix()

    # -- one module ----------------------------------------------------------------------------

    def _compare_module(self, module: str) -> None:
        before, after = self.before.model(module), self.after.model(module)
        relpath = self._relpath(module)
        if before is None or after is None:
            if before is not None:
                self.report.failures.append(Failure(relpath, "the module would no longer parse"))
            return
        verified = FileVerification(relpath)
        failures = len(self.report.failures)
        for name in sorted(before.names() | after.names()):
            self._compare_name(module, relpath, name, before.of(name), after.of(name), verified)
        if len(self.report.failures) == failures:
            self.report.files[relpath] = verified

    def _compare_name(self, module: str, relpath: str, name: str, old: list[Binding], new: list[Binding],
                      verified: FileVerification) -> None:
        if not old:
            verified.added.append(name)
            return
        if not new and all(b.kind == IMPORT for b in old) and self._private_import(module, name):
            verified.dropped.append(name)  # an import only the removed code used
            return
        old_places = {b.condition for b in old}
        # A fallback bound where a failed import left the name unbound (or a helper call
        # where `x = None` stood is the same variable): new bindings in new branches are allowed.
        new = [b for b in new if b.condition in old_places or not _calls_helper(b)]
        if [b.condition for b in old] != [b.condition for b in new]:
            self._fail_binding(module, relpath, name, old, new)
            return
        for before, after in zip(old, new):
            if not self._same_binding(module, relpath, name, before, after, verified):
                return
        verified.names += 1
        verified.conditional += any(b.conditional for b in old)

    def _affected(self, module: str) -> bool:
        """The central module, or a module (or package of one) this fix rewrites."""
        if module == self.central or module.startswith(self.central + "."):
            return True
        return any(changed == module or changed.startswith(module + ".") for changed in self.changed_modules)

    def _private_import(self, module: str, name: str) -> bool:
        """Not exported (`__all__`) and imported from this module by no module of the project."""
        file = self.index.by_module.get(module)
        if file is None or name in file.fallbacks.exports:
            return False
        return not any(i.module == module and i.name == name for f in self.index.files for i in f.name_imports)

    def _fail_binding(self, module: str, relpath: str, name: str, old: list[Binding], new: list[Binding]) -> None:
        def places(bindings: list[Binding]) -> str:
            shown = [" / ".join(b.condition) or "module level" for b in bindings]
            return ", ".join(f"`{p}`" for p in shown) or "nowhere"

        reason = f"`{name}` would be bound at {places(new)} instead of {places(old)}"
        self.report.failures.append(self._attributed(module, relpath, name, reason, old))

    def _same_binding(self, module: str, relpath: str, name: str, before: Binding, after: Binding,
                      verified: FileVerification) -> bool:
        if before.kind == IMPORT and after.kind == IMPORT and before.origin != after.origin \
                and self.declared.get(":".join(before.origin)) == ":".join(after.origin):
            verified.retargeted.append(name)
            return True
        if before.kind == IMPORT and after.kind == IMPORT and before.origin == after.origin \
                and not self._affected(before.origin[0]):
            return True  # the same import of a module the fix leaves alone
        old, new = self.before.kind_of(before, module), self.after.kind_of(after, module)
        if before.kind == IMPORT and after.kind == IMPORT and before.origin == after.origin:
            if before.origin[0] == self.central and (old.kind == "unbound" or old.kind.startswith("import of")):
                return True  # an import of a central name that did not exist yet: it failed, now it works
            if old.kind != new.kind:
                return self._fail(module, relpath, name, before,
                                  f"`{name}` imported from `{before.origin[0]}` would be a {new.kind}, was a {old.kind}")
            return True
        if old.kind == "conditional" and before.kind == IMPORT:
            return self._fail(module, relpath, name, before,
                              f"`{old.where}` is bound differently in a `try` and its `except`: the import of "
                              f"`{name}` stays on it, never on the fallback")
        if old.kind != new.kind:
            return self._fail(module, relpath, name, before,
                              f"`{name}` would become a {new.kind}, it is a {old.kind} "
                              f"({_describe(before)} -> {_describe(after)})")
        if before.kind in _DEFINITIONS and after.kind in _DEFINITIONS:
            return True  # the definition itself stays
        if old.node is not None and new.node is not None and old.node is not new.node:
            why = difference(old.node, new.node)
            if why is not None:
                return self._fail(module, relpath, name, before, f"`{name}` cannot be replaced by `{new.where}.{name}`: {why}")
            if before.kind in _DEFINITIONS:
                verified.equivalent.append(name)
            elif before.kind == IMPORT and before.origin != after.origin:
                verified.retargeted.append(name)
        elif before.kind == IMPORT and after.kind == IMPORT and before.origin != after.origin and old.node is None:
            if old.kind not in (VARIABLE, "module") or old.where != new.where:
                return self._fail(module, relpath, name, before,
                                  f"the import of `{name}` would name `{after.origin[0]}` instead of "
                                  f"`{before.origin[0]}`, and plexilint cannot tell they hold the same object")
            verified.retargeted.append(name)
        return True

    def _fail(self, module: str, relpath: str, name: str, binding: Binding, reason: str) -> bool:
        self.report.failures.append(self._attributed(module, relpath, name, reason, [binding]))
        return False

    def _attributed(self, module: str, relpath: str, name: str, reason: str, old: list[Binding]) -> Failure:
        """A removed definition is left in place; a changed import is left as written."""
        if any(b.kind in _DEFINITIONS for b in old):
            return Failure(relpath, reason, name=name)
        imports = [b for b in old if b.kind == IMPORT]
        if imports and imports[0].origin and imports[0].origin[0] == self.central:
            return Failure(relpath, reason, name=name)  # a retained copy's import: leave the name alone
        if imports:
            return Failure(relpath, reason, import_line=imports[0].line, name=None)
        return Failure(relpath, reason)

    # -- whole fix -----------------------------------------------------------------------------

    def _created_files(self) -> None:
        for path, (before, _) in sorted(self.changes.items()):
            if before is not None:
                continue
            problem = shadowing_problem(self.root, path)
            if problem:
                self.report.failures.append(Failure("", problem))
            else:
                self.report.central.append(f"`{_rel(path, self.root)}` shadows no module and is shadowed by none")

    def _central_imports_nothing_from_the_project(self) -> None:
        model = self.after.model(self.central)
        if model is None:
            return
        top = self.central.split(".")[0]
        in_package = "." in self.central
        by_path = {path: module for module, path in self.paths.items()}
        importers = {by_path.get(p) for p in self.changes} - {None, self.central}
        for binding in model.bindings:
            if binding.kind != IMPORT or binding.origin is None or binding.origin[0] == "__future__":
                continue
            origin = binding.origin[0]
            # Its own package (which imports it), or a module this fix makes import it.
            if (in_package and origin.split(".")[0] == top) or origin in importers:
                self.report.failures.append(Failure(
                    "", f"`{self.central}` would import `{origin}` at import time (line {binding.line}): "
                        "the package imports it, so that closes an import cycle"))
                return
        what = f"`{top}`" if in_package else "the modules that import it"
        self.report.central.append(f"`{self.central}` imports nothing from {what} at import time")


def _created_module_name(root: Path, path: Path, known: dict[str, Path]) -> str | None:
    """The dotted name of a file the fix creates, from its known parent package."""
    by_path = {p.parent: m for m, p in known.items() if p.name == "__init__.py"}
    leaf = [] if path.name == "__init__.py" else [path.stem]
    directory = path.parent
    parts: list[str] = []
    while directory not in by_path:
        parts.append(directory.name)
        if directory == root or directory.parent == directory:
            return None
        directory = directory.parent
    return ".".join([by_path[directory], *reversed(parts), *leaf])


def _calls_helper(binding: Binding) -> bool:
    node = binding.node
    value = getattr(node, "value", None) if binding.kind == VARIABLE else None
    return isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id in _HELPERS


def _describe(binding: Binding) -> str:
    if binding.kind == IMPORT and binding.origin:
        return f"import from `{binding.origin[0]}`"
    return binding.kind


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def check_behaviour(root: Path, index, central: str, changes: dict[Path, tuple[bytes | None, bytes]],
                    declared: dict[str, str] | None = None, central_path: Path | None = None) -> BehaviourReport:
    return BehaviourCheck(root, index, central, changes, declared, central_path).run()
