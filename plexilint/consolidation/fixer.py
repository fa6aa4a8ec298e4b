"""From a project's analysis to the new bytes of every file the consolidation touches."""

from __future__ import annotations

import io
import tokenize
from dataclasses import dataclass
from pathlib import Path

from plexilint.consolidation.behaviour_check import BehaviourReport, Failure, check_behaviour
from plexilint.consolidation.central_module import central_source
from plexilint.consolidation.plan import ConsolidationPlan, Exclusions, build_plan
from plexilint.consolidation.rewrite import rewrite_module
from plexilint.consolidation.shims import shim_changes
from plexilint.runner.project import ProjectAnalysis

_BOM = b"\xef\xbb\xbf"
_NEW_PACKAGE = '"""Package of `{module}`, created by `plexilint fix`."""\n'


_ROUNDS = 8  # each round leaves out what the check refused; a handful is always enough


@dataclass
class ProposedFix:
    plan: ConsolidationPlan
    changes: dict[Path, tuple[bytes | None, bytes]]  # path -> (before, or None when new; after)
    behaviour: BehaviourReport  # what the behaviour check verified on the changes above
    refused: list[Failure]  # what it refused in earlier rounds, left out of the changes


def propose_fix(analysis: ProjectAnalysis, shims: bool = False) -> ProposedFix:
    """The change, checked: each part the behaviour check refuses is left out and the rest
    proposed again, until what is left passes (or nothing is left). `shims`: old import paths
    of moved names keep working (checked too; left out when the check refuses them)."""
    exclusions = Exclusions()
    refused: list[Failure] = []
    # Moves the user declared are trusted, as PLX501 trusts them; moves recorded by earlier
    # runs are verified like any other import (an old history may mark a fallback as moved).
    declared = dict(analysis.config["moved"])
    for _ in range(_ROUNDS):
        plan = build_plan(analysis, exclusions)
        changes = _changes(plan) if plan.refused is None else {}
        report = check_behaviour(analysis.root, analysis.index, plan.central_module, changes, declared,
                                 plan.central_path)
        if report.passed:
            if shims and changes is not None and plan.refused is None:
                return _with_shims(analysis, ProposedFix(plan, changes, report, refused))
            return ProposedFix(plan, changes, report, refused)
        refused += report.failures
        if not _exclude(report.failures, exclusions, analysis.root):
            break
    # Whatever could not be attributed to one stub, import or file: nothing is proposed.
    plan.refused = plan.refused or "; ".join(f.reason for f in report.failures if not f.name and not f.import_line) \
        or "the behaviour check still refused what was left: " + "; ".join(f.reason for f in report.failures[:3])
    return ProposedFix(plan, {}, report, refused)


def _with_shims(analysis: ProjectAnalysis, fix: ProposedFix) -> ProposedFix:
    changes = {**fix.changes, **shim_changes(fix.plan, fix.changes)}
    report = check_behaviour(analysis.root, analysis.index, fix.plan.central_module, changes,
                             dict(analysis.config["moved"]), fix.plan.central_path)
    if report.passed:
        return ProposedFix(fix.plan, changes, report, fix.refused)
    return ProposedFix(fix.plan, fix.changes, fix.behaviour,
                       [*fix.refused, *(Failure(f.path, f"the shims: {f.reason}") for f in report.failures)])


def _exclude(failures: list[Failure], exclusions: Exclusions, root: Path) -> bool:
    """Adds what each failure concerns to `exclusions`; False when a failure concerns the
    whole fix (a shadowing module, an import cycle) or nothing new could be excluded."""
    progress = False
    for failure in failures:
        if failure.name is not None:
            progress |= failure.name not in exclusions.names
            exclusions.names.setdefault(failure.name, f"the behaviour check refused it: {failure.reason}")
        elif failure.import_line is not None:
            key = ((root / failure.path).as_posix(), failure.import_line)
            progress |= key not in exclusions.imports
            exclusions.imports.setdefault(key, failure.reason)
        elif failure.path:
            file_key = (root / failure.path).as_posix()
            progress |= file_key not in exclusions.files
            exclusions.files.setdefault(file_key, f"the behaviour check refused it: {failure.reason}")
        else:
            return False
    return progress


def _changes(plan: ConsolidationPlan) -> dict[Path, tuple[bytes | None, bytes]]:
    changes: dict[Path, tuple[bytes | None, bytes]] = {}
    central = central_source(plan)
    if central is not None:
        before = plan.central_path.read_bytes() if plan.central_path.exists() else None
        changes[plan.central_path] = (before, central.encode("utf-8"))
        for package in plan.new_packages:
            changes[package] = (None, _NEW_PACKAGE.format(module=plan.central_module).encode("utf-8"))
    for file_plan in plan.changed_files():
        path = Path(file_plan.file.path)
        if path == plan.central_path:
            continue
        data = path.read_bytes()
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        bom = data.startswith(_BOM)
        text = data[len(_BOM):].decode(encoding) if bom else data.decode(encoding)
        rewritten = rewrite_module(text, file_plan, plan.central_module)
        if rewritten != text:
            after = rewritten.encode("utf-8" if encoding == "utf-8-sig" else encoding)
            changes[path] = (data, _BOM + after if bom else after)
    return changes
