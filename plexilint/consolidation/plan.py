"""The consolidation plan: from a project's findings to what moves where.

The plan follows the findings after `# noqa` and selection (a suppressed finding is never
"fixed"): what each one says to replace, and with what (`Finding.fix`, filled by the rule), and
the facts for the details. One canonical definition per stub name goes to the
central module; a name defined with different bodies, or whose body needs something that cannot
move with it, stays where it is and is listed as a conflict for a human.
"""

from __future__ import annotations

import ast
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from plexilint.analysis.fallbacks import StubDefinition
from plexilint.analysis.fallbacks.facts import CONSTANT_HOLDER, EXCEPTION_FAMILY, LITERAL_HANDLER
from plexilint.analysis.imports import NameImport
from plexilint.consolidation.bindings import definitions_by_place
from plexilint.consolidation.canonical import CanonicalChoice, choose_canonical
from plexilint.consolidation.file_plan import FilePlan, GapBinding, Placeholder
from plexilint.consolidation.dependencies import ImportedName, free_names
from plexilint.consolidation.fix_facts import require_fix_facts
from plexilint.engine.facts import FileFacts
from plexilint.engine.index import ProjectIndex
from plexilint.model import PLACEHOLDER, UNBOUND_NAME, VERSION_LOOKUP, Finding, Replacement, Span
from plexilint.policy.central import central_files, proposed_central_module
from plexilint.policy.layout import central_module_problem, free_central_name, invalid_parts
from plexilint.policy.moved import moved_names
from plexilint.runner.project import ProjectAnalysis

# Stubs that carry data (constant values, literal answers, exception attributes) are the
# module's own code unless they stand in for an import that failed.
_DATA_KINDS = {CONSTANT_HOLDER, LITERAL_HANDLER, EXCEPTION_FAMILY}
_ENUM_BASES = {"Enum", "IntEnum", "StrEnum", "Flag", "IntFlag", "ReprEnum"}


@dataclass
class Exclusions:
    """What the behaviour check refused in an earlier round: stubs to leave in place (name ->
    why), imports not to retarget ((path, line)), files to leave alone (path -> why)."""
    names: dict[str, str] = field(default_factory=dict)
    imports: dict[tuple[str, int], str] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.names or self.imports or self.files)


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
    # Why nothing can be written (the central module cannot exist under its name), or None.
    refused: str | None = None
    # Files left alone, with the reason: (relpath, why).
    skipped: list[tuple[str, str]] = field(default_factory=list)

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
                 "conditional": file.is_conditional(stub)}
                for file in self.changed_files() for stub in file.moved]


def build_plan(analysis: ProjectAnalysis, exclusions: Exclusions | None = None) -> ConsolidationPlan:
    require_fix_facts(analysis)
    index, config = analysis.index, analysis.config
    exclusions = exclusions or Exclusions()
    central = proposed_central_module(index, config)
    existing = central_files(index, config)
    refused = _central_refusal(analysis, central, existing)
    central_path, new_packages = _central_path(analysis, central, existing)
    central_root = import_root(central_path, central, central_path.name == "__init__.py")
    skipped: list[tuple[str, str]] = []
    plans = []
    for file in index.files:
        if file.parse_failure is not None:
            continue
        file_plan = _file_plan(analysis, file)
        if not file_plan.changes_anything:
            continue
        why = exclusions.files.get(file.path) or _unreachable(file, central, central_root)
        if why:
            skipped.append((file.relpath, why))
            continue
        plans.append(file_plan)
    tested = _keep_tested_placeholders(plans, index)
    plans = [p for p in plans if p.changes_anything]
    trees = {p.file.path: _tree(Path(p.file.path)) for p in plans}
    refused_names = _refuse_unmovable(plans, trees, exclusions.names)
    choice = choose_canonical(plans, trees, existing, index, central, refused_names)
    conflicts = _conflicts(choice) + tested
    _keep_blocked(plans, choice.blocked, choice.blocked_copies)

    version_call, version_import = _version_lookup(plans, trees)
    ordered = _dependency_order(choice.canonical)
    plan = ConsolidationPlan(
        analysis, central, central_path, bool(existing), [stub for _, stub in ordered],
        sorted(choice.imports), version_call, version_import,
        sorted(plans, key=lambda p: p.file.relpath), conflicts, new_packages, refused,
        sorted(skipped))
    _retarget_imports(plan, exclusions.imports)
    return plan


def _central_refusal(analysis: ProjectAnalysis, central: str, existing: list[FileFacts]) -> str | None:
    """Why the central module cannot exist under its dotted name, with a free name to use."""
    problem = central_module_problem(analysis.root, analysis.index, central)
    if problem is None:
        return None
    free = free_central_name(analysis.root, analysis.index, central)
    hint = (f"set `fallbacks-module = \"{free}\"` in [tool.plexilint] (a free name)" if free
            else "set `fallbacks-module` in [tool.plexilint] to a module that can exist")
    return f"the central fallbacks module `{central}` cannot be used: {problem}; {hint}"


def _unreachable(file: FileFacts, central: str, central_root: Path) -> str | None:
    """Modules that cannot rely on importing the central module by its name: their top-level
    package does not sit in the same directory (on the same import path) as the central one's."""
    if invalid_parts(file.module):
        return (f"its module name `{file.module}` is not made of Python identifiers "
                "(a folder like `my-app/` or `2fa/`), so nothing imports it by name")
    root = import_root(Path(file.path), file.module, file.is_package)
    if root != central_root:
        return (f"it is imported as `{file.module}`, from another directory than `{central}` (a folder "
                "without `__init__.py` on its path?), so it may run where that module cannot be imported")
    folder = _namespace_folder(Path(file.path).parent, root)
    if folder is not None:
        return (f"its folder `{folder}/` has no `__init__.py`: it may hold scripts run on their own, "
                f"where `{central}` cannot be imported")
    return None


def _namespace_folder(directory: Path, root: Path) -> str | None:
    """The first folder between ``root`` and ``directory`` without `__init__.py` (a namespace
    package, or a folder of scripts), relative to ``root``; None when every one has it."""
    chain = [directory, *directory.parents]
    for folder in reversed(chain[: chain.index(root)] if root in chain else []):
        if not (folder / "__init__.py").is_file():
            return folder.relative_to(root).as_posix()
    return None


def import_root(path: Path, module: str, is_package: bool) -> Path:
    """The directory that must be on the import path for `module` (at `path`) to import."""
    depth = len(module.split(".")) + (1 if is_package else 0)
    return path.parents[depth - 1] if depth - 1 < len(path.parents) else path.parent


def _refuse_unmovable(plans: list[FilePlan], trees: dict[str, ast.Module],
                      excluded: dict[str, str]) -> dict[str, str]:
    """Only stand-ins move, whatever the rules reported: a class of constant values, a literal
    answer or an exception family at module level is the module's real code, and so is a real
    enum; a name the behaviour check refused stays too. Also records which definitions sit in
    a branch."""
    refused: dict[str, str] = dict(excluded)
    for plan in plans:
        places = definitions_by_place(trees[plan.file.path])
        for stub in plan.file.fallbacks.stubs:  # a stub pulled along with a moved one counts too
            node, condition, stands_in = places.get((stub.name, stub.span.line), (None, (), False))
            if condition:
                plan.conditional.add((stub.name, stub.span.line))
            why = None if stub.name in refused else _real_code(stub, node, stands_in, plan.file.module)
            if why:
                refused[stub.name] = why
    return refused


def _real_code(stub: StubDefinition, node: ast.AST | None, stands_in: bool, module: str) -> str | None:
    """Why a reported stub is real code that must not move; None for a stand-in."""
    if node is None:
        return "its definition could not be located"
    if getattr(node, "decorator_list", None):
        return "it is decorated: the decorator may register or change it"
    if stands_in:
        return None
    if stub.kind in _DATA_KINDS:
        return f"it is a {stub.kind} of `{module}` itself, not a stand-in for an import: real code stays where it is"
    if isinstance(node, ast.ClassDef) and {ast.unparse(b).rsplit(".", 1)[-1] for b in node.bases} & _ENUM_BASES:
        return f"it is a real enum of `{module}`, not a stand-in for an import"
    if isinstance(node, ast.ClassDef) and _is_null_object(node):
        return (f"it is a null object of `{module}` (private, or with methods of its own), not a stand-in for "
                "an import: real code stays where it is")
    return None


def _conflicts(choice: CanonicalChoice) -> list[Conflict]:
    conflicts = [Conflict(name, reason, tuple((plan.file.relpath, stub.span.line, stub.source)
                                              for plan, stub in choice.by_name.get(name, [])))
                 for name, reason in sorted(choice.blocked.items())]
    copies = [(plan, stub) for members in choice.by_name.values() for plan, stub in members
              if (plan.file.path, stub.span.line) in choice.blocked_copies]
    return conflicts + [Conflict(stub.name, choice.blocked_copies[(plan.file.path, stub.span.line)],
                                 ((plan.file.relpath, stub.span.line, stub.source),)) for plan, stub in copies]


def _keep_blocked(plans: list[FilePlan], blocked: dict[str, str], copies: dict[tuple[str, int], str]) -> None:
    """Blocked stubs (a whole name, or one copy of it) stay in their modules, with the reason;
    the others move in line order."""
    for plan in plans:
        reasons = {s: blocked.get(s.name) or copies.get((plan.file.path, s.span.line)) for s in plan.moved}
        plan.kept = [(s, why) for s, why in reasons.items() if why]
        plan.moved = sorted((s for s, why in reasons.items() if not why), key=lambda s: s.span.line)


def _keep_tested_placeholders(plans: list[FilePlan], index: ProjectIndex) -> list[Conflict]:
    """`x = None` tested against None somewhere (`if x is None: x = Other`) stays: a fallback
    object there would take the other branch. So does every placeholder while a file Python
    runs could not be analysed (nested too deep, unreadable): it may test any of them.
    Returned as conflicts, for the report."""
    names = {p.fact.name for plan in plans for p in plan.placeholders}
    tested = _tested_places(index, names)
    unseen = [f.relpath for f in index.files if f.parse_failure is not None and f.parse_failure.kind != "syntax"]
    conflicts = []
    for plan in plans:
        plan.kept_placeholders = [(p, _why_kept(tested.get(p.fact.name, []), unseen)) for p in plan.placeholders
                                  if p.fact.name in tested or unseen]
        plan.placeholders = [p for p in plan.placeholders if p.fact.name not in tested and not unseen]
        conflicts += [Conflict(p.fact.name, f"the placeholder `{p.fact.name} = None` stays: {reason}",
                               ((plan.file.relpath, p.fact.span.line, f"{p.fact.name} = None"),))
                      for p, reason in plan.kept_placeholders]
    return conflicts


def _why_kept(places: list[str], unseen: list[str]) -> str:
    if places:
        return "code tests it against None (" + ", ".join(places[:3]) + (" and more" if len(places) > 3 else "") + ")"
    return ("plexilint could not analyse " + ", ".join(unseen[:3]) + (" and more" if len(unseen) > 3 else "")
            + ", which may test it against None")


def _tested_places(index: ProjectIndex, names: set[str]) -> dict[str, list[str]]:
    """For each of ``names``, the `relpath:line` places where any file tests it (or an
    attribute of that name) against None or for truth (the `none_tests` facts)."""
    places: dict[str, list[str]] = {}
    if names:
        for file in index.files:
            for test in file.none_tests:
                if test.name in names:
                    places.setdefault(test.name, []).append(f"{file.relpath}:{test.line}")
    return places


def _is_null_object(node: ast.ClassDef) -> bool:
    """A do-nothing class the module uses itself (`smtpd.Devnull` with `write` and `flush`,
    `socketserver._NoThreads`): private, or offering methods besides `__init__`. A placeholder
    only has to be constructible."""
    methods = {s.name for s in node.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))}
    return node.name.startswith("_") or bool(methods - {"__init__"})


def _retarget_imports(plan: ConsolidationPlan, kept: dict[tuple[str, int], str]) -> None:
    """Imports through a moved path: what this plan moves out of modules unconditionally,
    what earlier runs moved and what `[tool.plexilint.moved]` lists (PLX501's own sources)."""
    analysis = plan.analysis
    moves = all_moves(plan)
    if not moves:
        return
    by_path = {p.file.path: p for p in plan.files}
    suppressed = _suppressed_moved_imports(analysis) | set(kept)
    central_root = import_root(plan.central_path, plan.central_module, plan.central_path.name == "__init__.py")
    skipped = {relpath for relpath, _ in plan.skipped}
    for file in analysis.index.files:
        if file.relpath in skipped or _unreachable(file, plan.central_module, central_root):
            continue
        for retarget in _retargets(file, moves, suppressed):
            if file.path not in by_path:
                by_path[file.path] = FilePlan(file)
                plan.files.append(by_path[file.path])
            by_path[file.path].retargeted.append(retarget)
    plan.files.sort(key=lambda p: p.file.relpath)


def all_moves(plan: ConsolidationPlan) -> dict[str, str]:
    """`old.module:name` -> `new.module:name`: what this plan moves unconditionally, what
    earlier runs moved and what `[tool.plexilint.moved]` lists."""
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
        if invalid_parts(module):
            continue  # no import statement can name it
        if file.module not in (imported.module, module):
            yield imported, module, name


def _file_plan(analysis: ProjectAnalysis, file: FileFacts) -> FilePlan:
    """What the file's findings say to replace (their `fix`), matched with the facts they are
    about by name and place."""
    plan = FilePlan(file)
    fixes = _fixes(analysis.findings_for(Path(file.path)))
    fallbacks = file.fallbacks
    # A stub any rule says to import from the central module (PLX101, PLX102).
    plan.moved = [stub for stub in fallbacks.stubs if (stub.kind, stub.name, stub.span) in fixes]
    plan.placeholders = [Placeholder(placeholder, fixes[(PLACEHOLDER, placeholder.name, placeholder.span)])
                         for placeholder in fallbacks.placeholders
                         if (PLACEHOLDER, placeholder.name, placeholder.span) in fixes]
    plan.versions = [lookup for lookup in fallbacks.version_lookups
                     if (VERSION_LOOKUP, "__version__", lookup.span) in fixes]
    plan.undefined = [GapBinding(gap, fixes[(UNBOUND_NAME, gap.name, gap.span)])
                      for gap in fallbacks.undefined_on_failure if (UNBOUND_NAME, gap.name, gap.span) in fixes]
    return plan


def _fixes(findings: list[Finding]) -> dict[tuple[str, str, Span], Replacement]:
    """The replacements the findings carry, by what they replace (kind, name, place)."""
    return {(f.fix.kind, f.fix.name, f.fix.span): f.fix for f in findings if f.fix is not None}


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
    by_call: Counter[tuple[str, str]] = Counter()
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
