"""The compliance report (`plexilint contracts`): per class, the contract validation result
(`is_valid`, a score 0-100, violations, warnings).

Score: 100, minus 20 per violation (an error-level finding) and 5 per warning, never below 0.
A class is valid when it has no violation. See docs/contracts.md.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from plexilint.policy.declared_contracts import contract_model
from plexilint.runner.project import ProjectAnalysis
from plexilint.runner.run import is_within_scopes
from plexilint.rules import REGISTRY

CATEGORIES = (
    "interface_compliance", "method_signatures", "security_compliance", "configuration_compliance",
    "performance_constraints", "api_contracts", "documentation",
)
CATEGORY_OF = {
    "PLX301": "interface_compliance",
    "PLX302": "method_signatures",
    "PLX303": "method_signatures",
    "PLX304": "api_contracts",
    "PLX305": "configuration_compliance",
    "PLX306": "security_compliance",
    "PLX307": "security_compliance",
    "PLX308": "security_compliance",
    "PLX309": "documentation",
    "PLX310": "api_contracts",
    "PLX311": "documentation",
}
VIOLATION_COST, WARNING_COST = 20, 5


def class_reports(analyses: Sequence[ProjectAnalysis], scopes: list[str]) -> list[dict]:
    reports = []
    for analysis in analyses:
        if not analysis.config["contracts"]:
            continue
        for covered in contract_model(analysis.index, analysis.config).covered():
            path = covered.file.path
            if not is_within_scopes(path, scopes):
                continue
            first, last = covered.cls.span.line, covered.cls.span.end_line or covered.cls.span.line
            violations: list[dict[str, int | str]] = []
            warnings: list[dict[str, int | str]] = []
            for finding in analysis.findings_for(Path(path)):
                if finding.code not in CATEGORY_OF or not first <= finding.line <= last:
                    continue
                error = REGISTRY[finding.code].category in ("E", "F")
                entry = {"severity": "error" if error else "warning", "category": CATEGORY_OF[finding.code],
                         "code": finding.code, "message": finding.message, "line": finding.line}
                (violations if error else warnings).append(entry)
            score = max(0, 100 - VIOLATION_COST * len(violations) - WARNING_COST * len(warnings))
            reports.append({
                "module": covered.file.module,
                "class": covered.cls.name,
                "path": covered.file.relpath,
                "line": first,
                "contract": covered.contract["name"],
                "is_valid": not violations,
                "score": score,
                "violations": violations,
                "warnings": warnings,
            })
    return sorted(reports, key=lambda r: (r["module"], r["class"], r["contract"]))


def render_contracts(reports: list[dict], fmt: str) -> str:
    if fmt == "json":
        summary = {"classes": len(reports), "valid": sum(r["is_valid"] for r in reports),
                   "average_score": round(sum(r["score"] for r in reports) / len(reports), 1) if reports else None}
        return json.dumps({"modules": reports, "summary": summary}, indent=2) + "\n"
    if not reports:
        return ("No class is covered by a contract. Declare one in pyproject.toml, e.g.\n"
                "[[tool.plexilint.contracts]]\npreset = \"plexichat-module\"\n")
    width = max(len(f"{r['module']}.{r['class']}") for r in reports)
    lines = [f"{'class':<{width}}  {'contract':<18} score  valid  violations  warnings"]
    for r in reports:
        name = f"{r['module']}.{r['class']}"
        lines.append(f"{name:<{width}}  {r['contract']:<18} {r['score']:>5}  {'yes' if r['is_valid'] else 'no':<5}  "
                     f"{len(r['violations']):>10}  {len(r['warnings']):>8}")
        for issue in r["violations"] + r["warnings"]:
            lines.append(f"    {issue['severity']:<7} {issue['category']:<24} {r['path']}:{issue['line']} "
                         f"{issue['code']} {issue['message']}")
    valid = sum(r["is_valid"] for r in reports)
    lines.append(f"{valid} of {len(reports)} classes keep their contract.")
    return "\n".join(lines) + "\n"
