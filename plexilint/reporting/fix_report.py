"""`plexilint report`: the fix report against the centralized fallback spec.

One document (a dict, which is the JSON format) is built from the analysis and the proposed
fix; the Markdown (`fix_report_markdown`) is a rendering of that same document, so both always
say the same thing.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

from plexilint import __version__
from plexilint.consolidation.diff import file_line_counts, line_counts
from plexilint.consolidation.fixer import ProposedFix
from plexilint.consolidation.history import HistoryError, load_history
from plexilint.consolidation.file_plan import FilePlan
from plexilint.runner.hotspots import rank_hotspots
from plexilint.runner.project import ProjectAnalysis
from plexilint.families import FAMILIES, family_prefix, in_family
from plexilint.model import Finding
from plexilint.policy.replacements import VERSION_GETTER
from plexilint.reporting.contracts_report import class_reports
from plexilint.reporting.fix_report_markdown import render_markdown  # noqa: F401  (the CLI's renderer)
from plexilint.reporting.json_format import finding_to_dict


def build_report(analysis: ProjectAnalysis, fix: ProposedFix) -> dict:
    plan = fix.plan
    findings = [f for path in sorted(analysis.findings) for f in analysis.findings_for(Path(path))]
    cycles = _central_import_cycles(analysis)
    files = [_file_section(analysis, fix, file_plan, cycles) for file_plan in plan.changed_files()
             if Path(file_plan.file.path) != plan.central_path]
    _, central_after = fix.changes.get(plan.central_path, (None, None))
    return {
        "plexilint": __version__,
        "root": analysis.root.as_posix(),
        "central_module": plan.central_module,
        "central_path": plan.central_path.relative_to(analysis.root).as_posix(),
        "central_exists": plan.central_exists,
        "summary": _summary(fix, findings, files),
        "behaviour": _behaviour(fix),
        "files": files,
        "mapping": plan.mapping(),
        "recorded_mapping": _recorded_mapping(analysis.root),
        "conflicts": [{"name": c.name, "reason": c.reason,
                       "places": [{"path": path, "line": line, "source": source} for path, line, source in c.places]}
                      for c in plan.conflicts],
        "central_module_source": central_after.decode("utf-8") if central_after else None,
        "database": [dict(finding_to_dict(f), what=_what(f), instead=_instead(f)) for f in findings
                     if in_family(f.code, "PLX2")],
        "contracts": _contracts(analysis),
        "hotspots": _hotspots(analysis),
        "findings": [finding_to_dict(f) for f in findings],
    }


def _summary(fix: ProposedFix, findings: list[Finding], files: list[dict]) -> dict:
    plan = fix.plan
    by_family = Counter(family_prefix(f.code) for f in findings)
    removed, added = line_counts(fix.changes)  # the diff's own `-` and `+` lines, central module included
    return {
        "files_affected": len(files),
        "files_changed": len(fix.changes),
        "findings": len(findings),
        "findings_by_family": {family.prefix: by_family.get(family.prefix, 0) for family in FAMILIES},
        "lines_removed": removed,
        "lines_added": added,
        "stubs_centralised": len(plan.canonical),
        "conflicts": len(plan.conflicts),
        "behaviour_check": "passed" if fix.behaviour.passed and plan.refused is None else "refused",
    }


def _behaviour(fix: ProposedFix) -> dict:
    """What the behaviour check verified, per file, and what it (or the plan) refused."""
    return {
        "passed": fix.behaviour.passed and fix.plan.refused is None,
        "refused": fix.plan.refused,
        "central_module": list(fix.behaviour.central),
        "left_out": [{"path": f.path, "name": f.name, "line": f.import_line, "reason": f.reason}
                     for f in fix.refused],
        "skipped": [{"path": path, "reason": reason} for path, reason in fix.plan.skipped],
    }


def _file_section(analysis: ProjectAnalysis, fix: ProposedFix, file_plan: FilePlan,
                  cycles: list[str]) -> dict:
    plan = fix.plan
    file = file_plan.file
    path = Path(file.path)
    before, after = fix.changes.get(path, (None, None))
    return {
        "path": file.relpath,
        "module": file.module,
        "replace": sorted(_replacements(file_plan), key=lambda r: r["lines"]),
        "migrate": _migration(plan.central_module, file_plan),
        "mitigation": _mitigation(plan.central_module, file_plan, cycles),
        "kept": [{"name": stub.name, "line": stub.span.line, "reason": reason} for stub, reason in file_plan.kept],
        "lines_removed": file_line_counts(before, after)[0] if after is not None else 0,
        "lines_added": file_line_counts(before, after)[1] if after is not None else 0,
        "behaviour": _verified(fix, file.relpath),
        "fingerprints": sorted(f.fingerprint for f in analysis.findings_for(path) if in_family(f.code, "PLX1")),
    }


def _verified(fix: ProposedFix, relpath: str) -> str:
    verified = fix.behaviour.files.get(relpath)
    return verified.summary() if verified is not None else "unchanged bindings (only imports of moved names change)"


def _replacements(file_plan: FilePlan) -> list[dict]:
    """What goes from the module, with its first and last line."""
    replace = [{"what": f"{stub.kind} `{stub.name}`",
                "lines": [stub.span.line, stub.span.line + stub.source.strip("\n").count("\n")]}
               for stub in file_plan.moved]
    replace += [{"what": f"placeholder `{p.fact.name} = None`", "lines": [p.fact.span.line, p.fact.span.line]}
                for p in file_plan.placeholders]
    replace += [{"what": "version lookup `" + v.source + "`", "lines": [v.span.line, v.span.line]}
                for v in file_plan.versions]
    replace += [{"what": f"`{g.fact.name}` unbound when `{g.fact.module}` fails to import",
                 "lines": [g.fact.span.line, g.fact.span.line]} for g in file_plan.undefined]
    replace += [{"what": f"import of `{imported.name}` through `{imported.module}` (moved to `{module}`)",
                 "lines": [imported.span.line, imported.span.end_line or imported.span.line]}
                for imported, module, _ in file_plan.retargeted]
    return replace


def _migration(central: str, file_plan: FilePlan) -> list[str]:
    """The lines that take the place of what goes."""
    migrate = []
    names = file_plan.central_names() + sorted({g.helper for g in file_plan.undefined})
    if names:
        migrate.append(f"from {central} import {', '.join(sorted(set(names)))}")
    migrate += [p.fix.replacement for p in file_plan.placeholders]
    migrate += [f"__version__ = {VERSION_GETTER}()" for _ in file_plan.versions[:1]]
    migrate += [f"{g.fix.replacement}  # in the except branch" for g in file_plan.undefined]
    migrate += [f"from {module} import {name}" for _, module, name in file_plan.retargeted]
    return migrate


def _central_import_cycles(analysis: ProjectAnalysis) -> list[str]:
    """Where the existing central module imports its own package (PLX106): importing the central
    module from the package can then close a cycle."""
    return sorted({f"{f.relpath}:{f.line}" for findings in analysis.findings.values() for f in findings
                   if f.code == "PLX106"})


def _mitigation(central: str, file_plan: FilePlan, cycles: list[str]) -> list[str]:
    notes = []
    guarded = [s.name for s in file_plan.moved if file_plan.is_conditional(s)]
    if guarded:
        notes.append(f"Import guard kept: {', '.join(f'`{n}`' for n in guarded[:6])}"
                     f"{' and more' if len(guarded) > 6 else ''} stay conditional (the central import "
                     "replaces the local copies inside the same `except`/`if` branch).")
    if cycles:
        notes.append(f"Cycle risk: `{central}` imports its own package ({', '.join(cycles[:3])}, PLX106): "
                     f"importing it from `{file_plan.file.module}` can close an import cycle; make those "
                     "imports lazy first.")
    else:
        notes.append(f"Cycle risk: `{central}` imports nothing from the package at import time; "
                     f"`{file_plan.file.module}` only imports it, so no import cycle is added.")
    for stub, reason in file_plan.kept:
        notes.append(f"`{stub.name}` stays here: {reason}.")
    for placeholder, reason in file_plan.kept_placeholders:
        notes.append(f"`{placeholder.fact.name} = None` stays: {reason}.")
    notes.append(f'Test: `python -c "import {file_plan.file.module}"` with and without the optional '
                 "dependency it guards, then the tests that cover this module.")
    return notes


def _recorded_mapping(root: Path) -> list[dict]:
    """What earlier `fix --apply` runs moved (`.plexilint/history.json`)."""
    try:
        return [{k: entry.get(k) for k in ("name", "kind", "old_module", "new_module", "import", "conditional")}
                for entry in load_history(root)["mapping"]]
    except HistoryError as error:
        return [{"error": str(error)}]


def _what(finding: Finding) -> str:
    """What a database finding found, as its rule described it ("" when its rule proposes no
    replacement: the Markdown shows the message then)."""
    return finding.fix.what if finding.fix is not None else ""


def _instead(finding: Finding) -> str:
    """The manager call a database finding recommends, as its rule decided it."""
    return finding.fix.replacement if finding.fix is not None else ""


def _contracts(analysis: ProjectAnalysis) -> list[dict]:
    return [{k: r[k] for k in ("module", "class", "path", "line", "contract", "score", "is_valid")}
            | {"violations": len(r["violations"]), "warnings": len(r["warnings"])}
            for r in class_reports([analysis], [analysis.root.as_posix()])]


def _hotspots(analysis: ProjectAnalysis) -> list[dict]:
    report = rank_hotspots([analysis], [analysis.root.as_posix()], date.today() - timedelta(days=90), 10)
    return [{"path": h.path, "code_lines": h.code_lines, "worst_function": h.worst_function,
             "worst_cyclomatic": h.worst_cyclomatic, "maintainability": h.maintainability,
             "commits": h.commits, "score": h.score, "findings": len(h.findings)} for h in report.files]


def render_json(report: dict) -> str:
    return json.dumps(report, indent=2) + "\n"
