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
from pathlib import Path

from plexilint.consolidation.behaviour_report import BehaviourReport, Failure, FileVerification
from plexilint.consolidation.bindings import IMPORT, VARIABLE, Binding
from plexilint.consolidation.equivalence import difference
from plexilint.consolidation.resolution import DEFINITIONS, ProjectState, Resolved
from plexilint.engine.index import ProjectIndex
from plexilint.policy.layout import shadowing_problem

__all__ = ["BehaviourReport", "Failure", "FileVerification", "check_behaviour"]

_HELPERS = ("get_fallback_class", "get_fallback_instance")


class _Project:
    """Module names and paths of the project, the fix's own new files included."""

    def __init__(self, root: Path, index: ProjectIndex, central: str, changes: dict[Path, tuple[bytes | None, bytes]],
                 central_path: Path | None) -> None:
        self.root, self.index, self.central, self.changes = root, index, central, changes
        self.paths: dict[str, Path] = {f.module: Path(f.path) for f in index.files}
        self.packages = {f.module for f in index.files if f.is_package}
        if central_path is not None:
            self.paths.setdefault(central, Path(central_path))
        for path, (before, _) in changes.items():
            module = _created_module_name(root, path, self.paths) if before is None and path.suffix == ".py" else None
            if module:
                self.paths.setdefault(module, path)
                if path.name == "__init__.py":
                    self.packages.add(module)
        self.by_path = {path: module for module, path in self.paths.items()}
        self.changed_modules = {self.by_path[p] for p in changes if p in self.by_path}

    def relpath(self, module: str) -> str:
        path = self.paths.get(module)
        return _rel(path, self.root) if path is not None else module

    def affected(self, module: str) -> bool:
        """The central module, or a module (or package of one) the fix rewrites."""
        if module == self.central or module.startswith(self.central + "."):
            return True
        return any(changed == module or changed.startswith(module + ".") for changed in self.changed_modules)

    def private_import(self, module: str, name: str) -> bool:
        """Not exported (`__all__`) and imported from this module by no module of the project."""
        file = self.index.by_module.get(module)
        if file is None or name in file.fallbacks.exports:
            return False
        return not any(i.module == module and i.name == name for f in self.index.files for i in f.name_imports)

    def modules_to_compare(self) -> set[str]:
        """Changed modules, and modules importing the central one (its creation can change
        which branch of their `try` runs)."""
        modules = {self.by_path[p] for p, (before, _) in self.changes.items()
                   if before is not None and p in self.by_path}
        for file in self.index.files:
            if any(i.module == self.central or i.module.startswith(self.central + ".") for i in file.fallbacks.imports):
                modules.add(file.module)
        return modules - {self.central}


class _ModuleComparison:
    """One module's bindings before and after, name by name."""

    def __init__(self, check: BehaviourCheck, module: str) -> None:
        self.check = check
        self.project = check.project
        self.module = module
        self.relpath = check.project.relpath(module)
        self.verified = FileVerification(self.relpath)

    def compare(self, name: str, old: list[Binding], new: list[Binding]) -> None:
        if self._added_or_dropped(name, old, new):
            return
        places = {b.condition for b in old}
        # A fallback bound where a failed import left the name unbound (or a helper call where
        # `x = None` stood: the same variable) is allowed in a new branch.
        new = [b for b in new if b.condition in places or not _calls_helper(b)]
        if [b.condition for b in old] != [b.condition for b in new]:
            self.fail(name, f"`{name}` would be bound at {_places(new)} instead of {_places(old)}", old)
            return
        if all(self.same(name, before, after) for before, after in zip(old, new)):
            self.verified.names += 1
            self.verified.conditional += any(b.conditional for b in old)

    def _added_or_dropped(self, name: str, old: list[Binding], new: list[Binding]) -> bool:
        """A name bound only after (a helper), or an import only the removed code used."""
        if not old:
            self.verified.added.append(name)
            return True
        if not new and all(b.kind == IMPORT for b in old) and self.project.private_import(self.module, name):
            self.verified.dropped.append(name)
            return True
        return False

    def same(self, name: str, before: Binding, after: Binding) -> bool:
        both_imports = before.kind == IMPORT and after.kind == IMPORT
        if both_imports and before.origin != after.origin and self.check.is_declared(before, after):
            self.verified.retargeted.append(name)
            return True
        if both_imports and before.origin == after.origin:
            return self._same_import(name, before, after)
        old, new = self.check.before.kind_of(before, self.module), self.check.after.kind_of(after, self.module)
        why = _kind_change(name, before, after, old, new)
        if why:
            return self.fail(name, why, [before])
        if before.kind in DEFINITIONS and after.kind in DEFINITIONS:
            return True  # the definition itself stays
        return self._same_target(name, before, after, old, new)

    def _same_import(self, name: str, before: Binding, after: Binding) -> bool:
        """The same import statement: it binds the same kind of object as before."""
        assert before.origin is not None  # an import's binding
        if not self.project.affected(before.origin[0]):
            return True  # an import of a module the fix leaves alone
        old, new = self.check.before.kind_of(before, self.module), self.check.after.kind_of(after, self.module)
        if before.origin[0] == self.project.central and (old.kind == "unbound" or old.kind.startswith("import of")):
            return True  # an import of a central name that did not exist yet: it failed, now it works
        if old.kind != new.kind:
            return self.fail(name, f"`{name}` imported from `{before.origin[0]}` would be: {new.kind}, "
                                   f"was: {old.kind}", [before])
        return True

    def _same_target(self, name: str, before: Binding, after: Binding, old: Resolved, new: Resolved) -> bool:
        """A definition replaced by an import, or an import that now names another module."""
        retargeted = before.kind == IMPORT and before.origin != after.origin
        if old.node is not None and new.node is not None and old.node is not new.node:
            why = difference(old.node, new.node)
            if why is not None:
                return self.fail(name, f"`{name}` cannot be replaced by `{new.where}.{name}`: {why}", [before])
            (self.verified.retargeted if retargeted else self.verified.equivalent).append(name)
            return True
        if retargeted and (old.kind not in (VARIABLE, "module") or old.where != new.where):
            return self.fail(name, _retargeting(name, before, after, self.module) + ", and plexilint cannot tell "
                                   "they hold the same object", [before])
        if retargeted:
            self.verified.retargeted.append(name)
        return True

    def fail(self, name: str, reason: str, old: list[Binding]) -> bool:
        self.check.report.failures.append(self._attributed(name, reason, old))
        return False

    def _attributed(self, name: str, reason: str, old: list[Binding]) -> Failure:
        """A removed definition is left in place; a changed import is left as written."""
        if any(b.kind in DEFINITIONS for b in old):
            return Failure(self.relpath, reason, name=name)
        imports = [b for b in old if b.kind == IMPORT]
        if imports and imports[0].origin and imports[0].origin[0] == self.project.central:
            return Failure(self.relpath, reason, name=name)  # a retained copy's import: leave the name alone
        if imports:
            return Failure(self.relpath, reason, import_line=imports[0].line)
        return Failure(self.relpath, reason)


class BehaviourCheck:
    def __init__(self, root: Path, index: ProjectIndex, central: str, changes: dict[Path, tuple[bytes | None, bytes]],
                 declared: dict[str, str] | None = None, central_path: Path | None = None) -> None:
        changes = {Path(p): c for p, c in changes.items()}
        self.project = _Project(root, index, central, changes, central_path)
        # "old.module:Name" -> "new.module:Name" the user declared (`[tool.plexilint.moved]`):
        # trusted, as PLX501 trusts them.
        self.declared = declared or {}
        packages = self.project.packages.__contains__
        self.before = ProjectState(self.project.paths, changes, central, packages, after=False)
        self.after = ProjectState(self.project.paths, changes, central, packages, after=True)
        self.report = BehaviourReport()

    def is_declared(self, before: Binding, after: Binding) -> bool:
        """Whether the user declared that the name `before` imports moved where `after` imports it."""
        if before.origin is None or after.origin is None:
            return False
        return self.declared.get(":".join(before.origin)) == ":".join(after.origin)

    def run(self) -> BehaviourReport:
        self.report.failures += _created_files(self.project, self.report.central)
        self.report.failures += _central_imports(self.project, self.after, self.report.central)
        for module in sorted(self.project.modules_to_compare()):
            self._compare_module(module)
        return self.report

    def _compare_module(self, module: str) -> None:
        before, after = self.before.model(module), self.after.model(module)
        if before is None or after is None:
            if before is not None:
                self.report.failures.append(Failure(self.project.relpath(module), "the module would no longer parse"))
            return
        comparison = _ModuleComparison(self, module)
        failures = len(self.report.failures)
        for name in sorted(before.names() | after.names()):
            comparison.compare(name, before.of(name), after.of(name))
        if len(self.report.failures) == failures:
            self.report.files[comparison.relpath] = comparison.verified


def _created_files(project: _Project, verified: list[str]) -> list[Failure]:
    failures = []
    for path, (before, _) in sorted(project.changes.items()):
        if before is not None:
            continue
        problem = shadowing_problem(project.root, path)
        if problem:
            failures.append(Failure("", problem))
        else:
            verified.append(f"`{_rel(path, project.root)}` shadows no module and is shadowed by none")
    return failures


def _central_imports(project: _Project, after: ProjectState, verified: list[str]) -> list[Failure]:
    """The central module imports neither its own package nor a module that will import it."""
    model = after.model(project.central)
    if model is None:
        return []
    top = project.central.split(".")[0]
    in_package = "." in project.central
    importers = project.changed_modules - {project.central}
    for binding in model.bindings:
        if binding.kind != IMPORT or binding.origin is None or binding.origin[0] == "__future__":
            continue
        origin = binding.origin[0]
        if (in_package and origin.split(".")[0] == top) or origin in importers:
            return [Failure("", f"`{project.central}` would import `{origin}` at import time (line {binding.line}): "
                                "the package imports it, so that closes an import cycle")]
    what = f"`{top}`" if in_package else "the modules that import it"
    verified.append(f"`{project.central}` imports nothing from {what} at import time")
    return []


def _kind_change(name: str, before: Binding, after: Binding, old: Resolved, new: Resolved) -> str | None:
    if old.kind == "conditional" and before.kind == IMPORT:
        return (f"`{old.where}.{name}` is bound differently in a `try` and its `except`: the import of "
                f"`{name}` stays on it, never on the fallback")
    if old.kind != new.kind:
        return f"`{name}` would become: {new.kind}; it is: {old.kind} ({_describe(before)} -> {_describe(after)})"
    return None


def _retargeting(name: str, before: Binding, after: Binding, module: str) -> str:
    """What an import becomes: an import from elsewhere, or a name the module binds itself."""
    assert before.origin is not None  # an import's binding
    if after.origin is None:
        return f"`{name}` would be bound in `{module}` itself instead of imported from `{before.origin[0]}`"
    return f"the import of `{name}` would name `{after.origin[0]}` instead of `{before.origin[0]}`"


def _places(bindings: list[Binding]) -> str:
    shown = [" / ".join(b.condition) or "module level" for b in bindings]
    return ", ".join(f"`{p}`" for p in shown) or "nowhere"


def _created_module_name(root: Path, path: Path, known: dict[str, Path]) -> str | None:
    """The dotted name of a file the fix creates, from its known parent package."""
    by_directory = {p.parent: m for m, p in known.items() if p.name == "__init__.py"}
    leaf = [] if path.name == "__init__.py" else [path.stem]
    directory = path.parent
    parts: list[str] = []
    while directory not in by_directory:
        parts.append(directory.name)
        if directory == root or directory.parent == directory:
            return None
        directory = directory.parent
    return ".".join([by_directory[directory], *reversed(parts), *leaf])


def _calls_helper(binding: Binding) -> bool:
    value = getattr(binding.node, "value", None) if binding.kind == VARIABLE else None
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


def check_behaviour(root: Path, index: ProjectIndex, central: str, changes: dict[Path, tuple[bytes | None, bytes]],
                    declared: dict[str, str] | None = None, central_path: Path | None = None) -> BehaviourReport:
    return BehaviourCheck(root, index, central, changes, declared, central_path).run()
