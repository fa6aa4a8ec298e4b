"""From a project's analysis to the new bytes of every file the consolidation touches."""

from __future__ import annotations

import io
import tokenize
from dataclasses import dataclass
from pathlib import Path

from plexilint.consolidation.central_module import central_source
from plexilint.consolidation.plan import ConsolidationPlan, build_plan
from plexilint.consolidation.rewrite import rewrite_module
from plexilint.engine.project import ProjectAnalysis

_BOM = b"\xef\xbb\xbf"
_NEW_PACKAGE = '"""Package of `{module}`, created by `plexilint fix`."""\n'


@dataclass
class ProposedFix:
    plan: ConsolidationPlan
    changes: dict[Path, tuple[bytes | None, bytes]]  # path -> (before, or None when new; after)


def propose_fix(analysis: ProjectAnalysis) -> ProposedFix:
    plan = build_plan(analysis)
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
    return ProposedFix(plan, changes)
