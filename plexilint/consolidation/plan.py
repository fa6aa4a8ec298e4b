"""The consolidation plan: from a project's findings to what moves where.

The plan follows the findings after `# noqa` and selection (a suppressed finding is never
"fixed"), and the facts for the details. One canonical definition per stub name goes to the
central module; a name defined with different bodies, or whose body needs something that cannot
move with it, stays where it is and is listed as a conflict for a human.
"""

from __future__ import annotations

import ast
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from plexilint.analysis.fallbacks import PlaceholderInstance, StubDefinition, UndefinedOnImportFailure, VersionLookup
from plexilint.analysis.imports import NameImport
from plexilint.consolidation.canonical import CanonicalChoice, choose_canonical
from plexilint.consolidation.dependencies import ImportedName, free_names
from plexilint.engine.facts import FileFacts
from plexilint.engine.project import ProjectAnalysis
from plexilint.rules.fallbacks.central import central_files, proposed_central_module
from plexilint.rules.consolidation.moved import moved_names
from plexilint.rules.fallbacks.placeholder_instance import placeholder_replacement

VERSION_GETTER = "get_module_version"
STUB_CODES = ("PLX101", "PLX102")


@dataclass(frozen=True)
class Placeholder:
    fact: PlaceholderInstance
    helper: str  # get_fallback_instance or get_fallback_class
    argument: str  # the class name passed to it


@dataclass
class FilePlan:
    file: FileFacts
    moved: list[StubDefinition] = field(default_factory=list)
    kept: list[tuple[StubDefinition, str]] = field(default_factory=list)  # with the reason
    placeholders: list[Placeholder] = field(default_factory=list)
    versions: list[VersionLookup] = field(default_factory=list)
    undefined: list[UndefinedOnImportFailure] = field(default_factory=list)
    # Imports through a moved path, with the module and name to import from instead.
    retargeted: list[tuple[NameImport, str, str]] = field(default_factory=list)

    @property
    def changes_anything(self) -> bool:
        return bool(self.moved or self.placeholders or self.versions or self.undefined or self.retargeted)

    def central_names(self) -> list[str]:
        """Names this module will import from the central module."""
        names = {stub.name for stub in self.moved} | {p.helper for p in self.placeholders}
        if self.versions:
            names.add(VERSION_GETTER)
        return sorted(names)


@dataclass(frozen=True)
class Conflict:
    name: str
    reason: str
    places: tuple[tuple[str, int, str], ...]  # (relpath, line, source)


@dataclass
class ConsolidationPlan:
    analysis: ProjectAnalysis
    central_module: str
    central_path: Path
    central_exists: bool
    canonical: list[StubDefinition]  # in dependency order
    central_imports: list[str]  # import lines the canonical stubs need
    version_call: str | None  # e.g. 'get_config("system.version", "0.0.0")'
    version_import: ImportedName | None
    files: list[FilePlan]
    conflicts: list[Conflict]
    # `__init__.py` files of the central module's packages that do not exist yet.
    new_packages: list[Path] = field(default_factory=list)

    @property
    def root(self) -> Path:
        return self.analysis.root

    def changed_files(self) -> list[FilePlan]:
        return [f for f in self.files if f.changes_anything]

    def mapping(self) -> list[dict]:
        """Each moved name: old module -> central module. `conditional` when the old definition
        was a fallback inside an `except`/`if` branch: the old path still serves the real
        object when its import works, so that import is not a "moved" one."""
        return [{"name": stub.name, "kind": stub.kind, "old_module": file.file.module,
                 "new_module": self.central_module, "import": f"from {self.central_module} import {stub.name}",
                 "conditional": is_conditional(stub)}
                for file in self.changed_files() for stub in file.moved]


def is_conditional(stub: StubDefinition) -> bool:
    """Defined inside a branch (an `except ImportError`, an `if`), not at module level: its
    source is padded to the column of its `def`/`class`."""
    return stub.source[:1] in (" ", "\t")


def build_plan(analysis: ProjectAnalysis) -> ConsolidationPlan:
    index, config = analysis.index, analysis.config
    central = proposed_central_module(index, config)
    existing = central_files(index, config)
    plans = [_file_plan(analysis, file) for file in index.files if file.parse_failure is None]
    plans = [p for p in plans if p.changes_anything]
    trees = {p.file.path: _tree(Path(p.file.path)) for p in plans}
    choice = choose_canonical(plans, trees, existing, index, central)
    conflicts = _conflicts(choice)
    _keep_blocked(plans, choice.blocked)

    version_call, version_import = _version_lookup(plans, trees)
    central_path, new_packages = _central_path(analysis, central, existing)
    ordered = _dependency_order(choice.canonical)
    plan = ConsolidationPlan(
        analysis, central, central_path, bool(existing), [stub for _, stub in ordered],
        sorted(choice.imports), version_call, version_import,
        sorted(plans, key=lambda p: p.file.relpath), conflicts, new_packages)
    _retarget_imports(plan)
    return plan


def _conflicts(choice: CanonicalChoice) -> list[Conflict]:
    return [Conflict(name, reason, tuple((plan.file.relpath, stub.span.line, stub.source)
                                         for plan, stub in choice.by_name.get(name, [])))
            for name, reason in sorted(choice.blocked.items())]


def _keep_blocked(plans: list[FilePlan], blocked: dict[str, str]) -> None:
    """Blocked stubs stay in their modules, with the reason; the others move in line order."""
    for plan in plans:
        kept = [s for s in plan.moved if s.name in blocked]
        plan.kept = [(s, blocked[s.name]) for s in kept]
        plan.moved = sorted((s for s in plan.moved if s.name not in blocked), key=lambda s: s.span.line)


def _retarget_imports(plan: ConsolidationPlan) -> None:
    """Imports through a moved path: what this plan moves out of modules unconditionally,
    what earlier runs moved and what `[tool.plexilint.moved]` lists (PLX501's own sources)."""
    analysis = plan.analysis
    moves = _moves(plan)
    if not moves:
        return
    by_path = {p.file.path: p for p in plan.files}
    suppressed = _suppressed_moved_imports(analysis)
    for file in analysis.index.files:
        for retarget in _retargets(file, moves, suppressed):
            if file.path not in by_path:
                by_path[file.path] = FilePlan(file)
                plan.files.append(by_path[file.path])
            by_path[file.path].retargeted.append(retarget)
    plan.files.sort(key=lambda p: p.file.relpath)


def _moves(plan: ConsolidationPlan) -> dict[str, str]:
    """`old.module:name` -> `new.module:name`."""
    moves = {f"{m['old_module']}:{m['name']}": f"{m['new_module']}:{m['name']}"
             for m in plan.mapping() if not m["conditional"]}
    moves.update(moved_names(plan.analysis.index, plan.analysis.config))
    return moves


def _suppressed_moved_imports(analysis: ProjectAnalysis) -> set[tuple[str, int]]:
    """(path, line) of the PLX501 findings a `# noqa` or the selection hides: left alone."""
    reported = {(f.path, f.line) for path in analysis.findings for f in analysis.findings[path] if f.code == "PLX501"}
    kept = {(f.path, f.line) for path in analysis.findings for f in analysis.findings_for(Path(path))
            if f.code == "PLX501"}
    return reported - kept


def _retargets(file: FileFacts, moves: dict[str, str],
               suppressed: set[tuple[str, int]]) -> Iterator[tuple[NameImport, str, str]]:
    """Each import of `file` through a moved path, with the module and name to import instead."""
    for imported in file.name_imports:
        target = moves.get(f"{imported.module}:{imported.name}")
        if target is None or (file.path, imported.span.line) in suppressed:
            continue
        module, _, name = target.partition(":")
        if file.module not in (imported.module, module):
            yield imported, module, name


def _file_plan(analysis: ProjectAnalysis, file: FileFacts) -> FilePlan:
    plan = FilePlan(file)
    findings = analysis.findings_for(Path(file.path))
    fallbacks = file.fallbacks
    stub_lines = {(f.line, f.code) for f in findings}
    plan.moved = [stub for stub in fallbacks.stubs if any((stub.span.line, code) in stub_lines for code in STUB_CODES)]
    lines = _lines_reported(findings, "PLX104")
    plan.placeholders = [Placeholder(placeholder, *placeholder_replacement(placeholder))
                         for placeholder in fallbacks.placeholders if placeholder.span.line in lines]
    lines = _lines_reported(findings, "PLX103")
    plan.versions = [lookup for lookup in fallbacks.version_lookups if lookup.span.line in lines]
    gaps = {(f.line, f.key) for f in findings if f.code == "PLX105"}
    plan.undefined = [gap for gap in fallbacks.undefined_on_failure
                      if (gap.span.line, f"{gap.module}:{gap.name}") in gaps]
    return plan


def _lines_reported(findings, code: str) -> set[int]:
    return {f.line for f in findings if f.code == code}


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_bytes())


def _version_lookup(plans: list[FilePlan], trees: dict[str, ast.Module]) -> tuple[str | None, ImportedName | None]:
    """The lookup every module repeated (the most common one), and the import its callee needs."""
    calls: Counter[tuple[str, str, str]] = Counter()
    for plan in plans:
        for lookup in plan.versions:
            call = lookup.source.split("=", 1)[1].strip()
            calls[(call, lookup.callee, plan.file.path)] += 1
    if not calls:
        return None, None
    by_call = Counter()
    for (call, callee, _), count in calls.items():
        by_call[(call, callee)] += count
    (call, callee), _ = by_call.most_common(1)[0]
    module, _, name = callee.rpartition(".")
    local = call.split("(", 1)[0].strip()
    if not module or "." in local:
        return call, None
    return call, ImportedName(local, module, name)


def _central_path(analysis: ProjectAnalysis, central: str, existing: list[FileFacts]) -> tuple[Path, list[Path]]:
    """Where the central module goes, and the `__init__.py` of each of its packages that does
    not exist yet: under its deepest existing package, so that it gets its dotted name."""
    for file in existing:
        if file.module == central:
            return Path(file.path), []
    parts = central.split(".")
    directory, missing = _top_level_directory(analysis), parts[:-1]
    for depth in range(len(parts) - 1, 0, -1):
        package = analysis.index.by_module.get(".".join(parts[:depth]))
        if package is not None and package.is_package:
            directory, missing = Path(package.path).parent, parts[depth:-1]
            break
    new_packages = []
    for name in missing:
        directory = directory / name
        new_packages.append(directory / "__init__.py")
    return directory / f"{parts[-1]}.py", new_packages


def _top_level_directory(analysis: ProjectAnalysis) -> Path:
    """Where the project's top-level modules live (the root, or `src/` in a src layout)."""
    tops = [Path(f.path) for f in analysis.index.files if "." not in f.module]
    packages = sorted(path.parent.parent for path in tops if path.name == "__init__.py")
    return packages[0] if packages else analysis.root


def _dependency_order(canonical: dict[str, tuple[FileFacts, StubDefinition]]) -> list[tuple[FileFacts, StubDefinition]]:
    """Definitions a stub uses come before it (a base class before its subclasses)."""
    ordered: list[tuple[FileFacts, StubDefinition]] = []
    placed: set[str] = set()

    def place(name: str, trail: frozenset[str]) -> None:
        if name in placed or name in trail:
            return
        file, stub = canonical[name]
        for needed in sorted(free_names(stub.source) & canonical.keys()):
            place(needed, trail | {name})
        placed.add(name)
        ordered.append((file, stub))

    for name in sorted(canonical, key=lambda n: (canonical[n][1].kind, n)):
        place(name, frozenset())
    return ordered
