"""Which reported stub definitions become the central module's canonical ones.

One body per name: a name defined with different bodies, or already bound differently in the
central module, is blocked. A canonical stub's needs decide the rest: stdlib and third-party
imports come along, other stubs of its module come along too (a base class, say), anything
else of the package blocks it, and what it blocks blocks its dependants in turn.
"""

from __future__ import annotations

import ast

from plexilint.analysis.fallbacks import StubDefinition
from plexilint.consolidation.dependencies import free_names, import_table
from plexilint.consolidation.equivalence import difference, parse_definition
from plexilint.consolidation.file_plan import FilePlan
from plexilint.engine.facts import FileFacts
from plexilint.engine.index import ProjectIndex


class CanonicalChoice:
    """`canonical`: name -> (file it is taken from, definition); `blocked`: name -> why it
    stays; `by_name`: the reported copies of each name; `imports`: the lines the canonical
    definitions need in the central module."""

    def __init__(self, plans: list[FilePlan], trees: dict[str, ast.Module], existing: list[FileFacts],
                 index: ProjectIndex) -> None:
        self.plans = plans
        self.trees = trees
        self.index = index
        self.central_defined = {s.name: s for f in existing for s in f.fallbacks.stubs}
        self.central_names = {name for f in existing for name in f.fallbacks.defined_names}
        self.by_name: dict[str, list[tuple[FilePlan, StubDefinition]]] = {}
        for plan in plans:
            for stub in plan.moved:
                self.by_name.setdefault(stub.name, []).append((plan, stub))
        self.canonical: dict[str, tuple[FileFacts, StubDefinition]] = {}
        self.blocked: dict[str, str] = {}
        self.imports: set[str] = set()
        self.refused: dict[str, str] = {}
        # (path, line) of single copies that stay while the other copies of their name go.
        self.blocked_copies: dict[tuple[str, int], str] = {}
        self.changed = False

    def pick_one_body_per_name(self, central: str, refused: dict[str, str]) -> None:
        """The same name with different bodies is a human's decision."""
        for name, members in sorted(self.by_name.items()):
            reason = refused.get(name) or self._body_conflict(name, members, central)
            if reason is None:
                plan, stub = members[0]
                self.canonical[name] = (plan.file, stub)
            elif reason:
                self.blocked[name] = reason
            # "": the central module already has this body, the local copies just go.

    def _body_conflict(self, name: str, members: list[tuple[FilePlan, StubDefinition]], central: str) -> str | None:
        if name in self.central_defined:
            # A copy kept "in case the central import fails" is merged only when it is
            # equivalent too: which body runs must not depend on the fix.
            # Each copy on its own: the equivalent ones go, the others stay as conflicts.
            central_node = parse_definition(self.central_defined[name].source)
            differing = {}
            for plan, stub in members:
                local = parse_definition(stub.source)
                why = difference(local, central_node) if local and central_node else "it could not be compared"
                if why:
                    differing[(plan.file.path, stub.span.line)] = f"`{central}` defines `{name}` differently: {why}"
            if len(differing) == len(members):
                return next(iter(differing.values()))
            self.blocked_copies.update(differing)
            return ""
        if name in self.central_names:
            return f"`{central}` already binds `{name}` to something that is not this stub"
        bodies = {stub.exact for _, stub in members}
        if len(bodies) > 1:
            first = parse_definition(members[0][1].source)
            for _, stub in members[1:]:
                other = parse_definition(stub.source)
                why = difference(other, first) if other and first else None
                if why:
                    return f"{len(bodies)} different bodies share this name ({why.replace('the central', 'another')})"
            return f"{len(bodies)} different bodies share this name"
        return None

    def settle_dependencies(self) -> None:
        """Until nothing changes: a stub pulled along has needs of its own, a blocked one
        blocks the stubs that use it."""
        self.changed = True
        while self.changed:
            self.changed = False
            for name, (file, stub) in list(self.canonical.items()):
                self._check_needs(name, file, stub)

    def _check_needs(self, name: str, file: FileFacts, stub: StubDefinition) -> None:
        tree = self.trees.get(file.path)
        table = import_table(tree, file.module, file.is_package) if tree is not None else {}
        local_stubs = {s.name: s for s in file.fallbacks.stubs}
        for needed in sorted(free_names(stub.source)):
            reason = self._unmet_need(needed, file, table, local_stubs)
            if reason:
                self.blocked[name] = reason
                del self.canonical[name]
                self.changed = True
                return

    def _unmet_need(self, needed: str, file: FileFacts, table: dict, local_stubs: dict[str, StubDefinition]) -> str:
        """Why `needed` keeps a stub from moving; "" when it moves too, is imported, or is
        already available in the central module."""
        if (needed in self.canonical and needed not in self.blocked) or needed in self.central_names:
            return ""
        if needed in self.blocked:
            return f"it uses `{needed}`, which cannot move ({self.blocked[needed]})"
        if needed in table and not _is_project_module(table[needed].module, self.index):
            self.imports.add(table[needed].statement())
            return ""
        if needed in self.refused:
            return f"it uses `{needed}`, which cannot move ({self.refused[needed]})"
        if needed in local_stubs and needed not in self.central_names and needed not in self.by_name:
            self._pull_along(needed, file, local_stubs[needed])
            return ""
        return f"it uses `{needed}`, defined in `{file.module}` and not a stub that can move"

    def _pull_along(self, name: str, file: FileFacts, stub: StubDefinition) -> None:
        """A stub of the same module that a canonical one needs moves with its dependant."""
        self.canonical[name] = (file, stub)
        self.by_name[name] = []
        for plan in self.plans:
            if plan.file.path == file.path:
                plan.moved.append(stub)
        self.changed = True


def choose_canonical(plans: list[FilePlan], trees: dict[str, ast.Module], existing: list[FileFacts],
                     index: ProjectIndex, central: str, refused: dict[str, str] | None = None) -> CanonicalChoice:
    choice = CanonicalChoice(plans, trees, existing, index)
    choice.refused = refused or {}
    choice.pick_one_body_per_name(central, choice.refused)
    choice.settle_dependencies()
    return choice


def _is_project_module(module: str, index: ProjectIndex) -> bool:
    top = module.split(".")[0]
    return any(f.module == top or f.module.startswith(top + ".") for f in index.files)
