"""Rewrites one module with LibCST: local stubs become an import from the central module,
placeholders and version lookups call the central helpers, imports through a moved path import
from its new place. Everything else keeps its comments and layout byte for byte.

One transformer walks the module once (the positions are the original tree's) and hands each
node to the rewrite of its concern: moved definitions (`markers`), `try` blocks (`try_blocks`),
retargeted imports and assignments (here).
"""

from __future__ import annotations

from collections.abc import Mapping

import libcst as cst
from libcst.metadata import CodeRange, MetadataWrapper, PositionProvider

from plexilint.analysis.fallbacks import VersionLookup
from plexilint.analysis.imports import NameImport
from plexilint.consolidation.markers import StubMarkers, imports_instead_of_markers
from plexilint.consolidation.file_plan import FilePlan, Placeholder
from plexilint.consolidation.prune_imports import prune_unused_imports
from plexilint.consolidation.reexports import mark_reexports
from plexilint.consolidation.rewrite_support import ModuleStatement, RewriteContext, import_line
from plexilint.consolidation.try_blocks import GapBindings, flatten_central_try
from plexilint.consolidation.untouched import Untouched
from plexilint.policy.replacements import VERSION_GETTER


def rewrite_module(source: str, plan: FilePlan, central: str) -> str:
    untouched = Untouched(source, _touched_lines(plan))
    wrapper = MetadataWrapper(cst.parse_module(untouched.text), unsafe_skip_copy=True)
    helpers = {p.helper for p in plan.placeholders} | {gap.helper for gap in plan.undefined}
    helpers |= {VERSION_GETTER} if plan.versions else set()
    module = wrapper.module.visit(_ModuleRewriter(plan, central, wrapper.resolve(PositionProvider), sorted(helpers)))
    # Which imports are used is judged on the whole module, untouched statements included.
    pruned = prune_unused_imports(source, module.code, untouched.restore)
    exported = mark_reexports(pruned, {stub.name for stub in plan.moved}, central, untouched.restore)
    return untouched.restore(exported)


def _touched_lines(plan: FilePlan) -> set[int]:
    """Lines the rewrite of this module changes (top-level statements holding none of them are
    left to `Untouched`)."""
    lines = {stub.span.line for stub in plan.moved}
    lines |= {p.fact.span.line for p in plan.placeholders} | {v.span.line for v in plan.versions}
    lines |= {g.fact.span.line for g in plan.undefined}
    lines |= {imported.span.line for imported, _, _ in plan.retargeted}
    return lines


class _ModuleRewriter(cst.CSTTransformer):
    """Keeps the indentation of the block being visited and passes each node on."""

    def __init__(self, plan: FilePlan, central: str, positions: Mapping[cst.CSTNode, CodeRange],
                 helpers: list[str]) -> None:
        self.context = RewriteContext(central, positions)
        self.markers = StubMarkers(plan.moved, helpers)
        self.gaps = GapBindings(plan.undefined)
        self.retargets = _ImportRetargets(plan.retargeted)
        self.assignments = _AssignmentRewrites(plan.placeholders, plan.versions)
        self.indents: list[str] = []

    def visit_Module(self, node: cst.Module) -> bool:
        self.indents = [""]
        self.default_indent = node.default_indent
        return True

    def visit_IndentedBlock(self, node: cst.IndentedBlock) -> bool:
        self.indents.append(self.indents[-1] + (node.indent if node.indent is not None else self.default_indent))
        return True

    def leave_ClassDef(self, original: cst.ClassDef, updated: cst.ClassDef) -> cst.BaseStatement:
        return self.markers.mark_if_moved(original, updated, self.context)

    def leave_FunctionDef(self, original: cst.FunctionDef, updated: cst.FunctionDef) -> cst.BaseStatement:
        return self.markers.mark_if_moved(original, updated, self.context)

    def leave_IndentedBlock(self, original: cst.IndentedBlock, updated: cst.IndentedBlock) -> cst.IndentedBlock:
        indent = self.indents.pop()
        return updated.with_changes(body=imports_instead_of_markers(updated.body, indent, self.context.central))

    def leave_Module(self, original: cst.Module, updated: cst.Module) -> cst.Module:
        return self.markers.hoist(original, updated, self.context)

    def leave_Try(self, original: cst.Try, updated: cst.Try) -> cst.Try | cst.FlattenSentinel:
        updated = self.gaps.bind(original, updated, self.context)
        return flatten_central_try(updated, self.context.central)

    def leave_SimpleStatementLine(self, original: cst.SimpleStatementLine, updated: cst.SimpleStatementLine
                                  ) -> cst.SimpleStatementLine | cst.FlattenSentinel[ModuleStatement]:
        indent = self.indents[-1] if self.indents else ""
        return self.retargets.rewrite(original, updated, indent, self.context)

    def leave_Assign(self, original: cst.Assign, updated: cst.Assign) -> cst.Assign:
        return self.assignments.rewrite(original, updated, self.context)


class _ImportRetargets:
    def __init__(self, retargeted: list[tuple[NameImport, str, str]]) -> None:
        # (line, imported name) -> (module, name) to import instead
        self.retargeted = {(imported.span.line, imported.name): (module, name)
                           for imported, module, name in retargeted}

    def rewrite(self, original: cst.SimpleStatementLine, updated: cst.SimpleStatementLine, indent: str,
                context: RewriteContext) -> cst.SimpleStatementLine | cst.FlattenSentinel[ModuleStatement]:
        """`from old import A, B` where B moved -> `from old import A` + `from new import B`."""
        node = _single_import_from(updated)
        if not self.retargeted or node is None or isinstance(node.names, cst.ImportStar):
            return updated
        line = context.positions[original].start.line
        moving = [a for a in node.names if (line, a.evaluated_name) in self.retargeted]
        if not moving:
            return updated
        context.note_change(line)
        staying = [a for a in node.names if a not in moving]
        statements: list[ModuleStatement] = []
        if staying:
            staying[-1] = staying[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
            statements.append(updated.with_changes(body=[node.with_changes(names=staying)]))
        statements += [cst.parse_statement(import_line(module, names, indent))
                       for module, names in self._targets(moving, line).items()]
        statements[0] = statements[0].with_changes(leading_lines=updated.leading_lines)
        return cst.FlattenSentinel(statements)

    def _targets(self, moving: list[cst.ImportAlias], line: int) -> dict[str, list[str]]:
        """The names to import from each new module, `name as local` when renamed."""
        targets: dict[str, list[str]] = {}
        for alias in moving:
            module, name = self.retargeted[(line, alias.evaluated_name)]
            local = alias.evaluated_alias or alias.evaluated_name
            targets.setdefault(module, []).append(name if local == name else f"{name} as {local}")
        return targets


def _single_import_from(statement: cst.SimpleStatementLine) -> cst.ImportFrom | None:
    """The line's `from ... import` when it is its only statement and names its names."""
    if len(statement.body) != 1 or not isinstance(statement.body[0], cst.ImportFrom) \
            or isinstance(statement.body[0].names, cst.ImportStar):
        return None
    return statement.body[0]


class _AssignmentRewrites:
    """`x = None` placeholders and `__version__` lookups call the central helpers."""

    def __init__(self, placeholders: list[Placeholder], versions: list[VersionLookup]) -> None:
        self.placeholders = {p.fact.span.line: p for p in placeholders}
        self.versions = {lookup.span.line for lookup in versions}

    def rewrite(self, original: cst.Assign, updated: cst.Assign, context: RewriteContext) -> cst.Assign:
        line = context.positions[original].start.line
        targets = [t.target for t in original.targets]
        if len(targets) != 1 or not isinstance(targets[0], cst.Name):
            return updated
        name = targets[0].value
        placeholder = self.placeholders.get(line)
        if placeholder is not None and placeholder.fact.name == name:
            context.note_change(line)
            call = cst.parse_expression(f'{placeholder.helper}("{placeholder.argument}")')
            return updated.with_changes(value=call)
        if line in self.versions and name == "__version__":
            context.note_change(line)
            return updated.with_changes(value=cst.parse_expression(f"{VERSION_GETTER}()"))
        return updated
