"""The fix report's Markdown: a rendering of the report document (`fix_report.build_report`),
one function per section, so the Markdown and the JSON always say the same thing."""

from __future__ import annotations

from plexilint.families import family_named


def render_markdown(report: dict) -> str:
    lines = [line for section in _SECTIONS for line in section(report)]
    return "\n".join(lines) + "\n"


def _introduction(report: dict) -> list[str]:
    where = f"`{report['central_path']}`, {'exists' if report['central_exists'] else 'to be created'}"
    return ["# Fallback consolidation report", "",
            f"Against the centralized fallback spec: one definition of each stub in `{report['central_module']}` "
            f"({where}); modules import from it, placeholders and version lookups call its helpers. "
            "`plexilint fix` shows this change as a diff, `plexilint fix --apply` performs it with backups.", ""]


def _summary(report: dict) -> list[str]:
    summary = report["summary"]
    return ["## Summary", "",
            "| | |", "|---|---|",
            f"| Files affected | {summary['files_affected']} |",
            f"| Stubs centralised | {summary['stubs_centralised']} |",
            f"| Files changed (central module included) | {summary['files_changed']} |",
            f"| Lines | {summary['lines_removed']} removed, {summary['lines_added']} added |",
            f"| Conflicts left for a human | {summary['conflicts']} |",
            f"| Behaviour check | {summary['behaviour_check']} |", "",
            "Findings by family:", "", "| family | findings |", "|---|---|",
            *(f"| {family} {family_named(family).report_label} | {count} |"
              for family, count in summary["findings_by_family"].items())]


def _file_changes(report: dict) -> list[str]:
    out = ["", "## File-by-file changes", ""]
    if not report["files"]:
        out += ["Nothing to change: no duplicated stub, placeholder or version lookup is left.", ""]
    for number, section in enumerate(report["files"], start=1):
        out += _file_change(number, section)
    return out


def _file_change(number: int, section: dict) -> list[str]:
    return [f"### {number}. `{section['path']}`", "", "- **What to replace**:",
            *(f"  - {item['what']} (line{_lines(item['lines'])})" for item in section["replace"]),
            "- **How to migrate**:", "", "  ```python",
            *(f"  {line}" for line in section["migrate"]),
            "  ```", "", "- **Mitigation**:",
            *(f"  - {note}" for note in section["mitigation"]),
            f"- **Behaviour check**: {section['behaviour']}",
            f"- **Lines**: {section['lines_removed']} removed, {section['lines_added']} added", ""]


def _behaviour(report: dict) -> list[str]:
    behaviour = report["behaviour"]
    out = ["## Behaviour check", "",
           "Checked on the trees before and after the change, without importing anything: every name a module "
           "bound stays bound with the same kind and on the same conditions, no import of a real definition "
           "is retargeted to a fallback, every removed definition is equivalent to the central one, no new "
           "module shadows another, the central module imports nothing from the package.", ""]
    if behaviour["refused"]:
        out += [f"**Nothing can be changed**: {behaviour['refused']}.", ""]
    out += [f"- {line}" for line in behaviour["central_module"]]
    if behaviour["left_out"]:
        out += ["", "Left out of the change, because the check refused it:", ""]
        out += [f"- `{f['path'] or 'the whole fix'}`" + (f" `{f['name']}`" if f["name"] else "")
                + (f" (import on line {f['line']})" if f["line"] else "") + f": {f['reason']}"
                for f in behaviour["left_out"]]
    if behaviour["skipped"]:
        out += ["", "Files left alone:", ""]
        out += [f"- `{s['path']}`: {s['reason']}" for s in behaviour["skipped"]]
    return [*out, ""]


def _mapping(report: dict) -> list[str]:
    if not report["mapping"]:
        return []
    return ["## Mapping of moved names", "",
            "A conditional name was a fallback inside an `except`/`if` branch: its old module still serves "
            "the real object when that import works, so only the fallback moved.", "",
            "| name | kind | from | to | import | conditional |", "|---|---|---|---|---|---|",
            *(f"| `{m['name']}` | {m['kind']} | `{m['old_module']}` | `{m['new_module']}` | `{m['import']}` "
              f"| {'yes' if m['conditional'] else 'no'} |" for m in report["mapping"]),
            ""]


def _recorded_mapping(report: dict) -> list[str]:
    out = []
    recorded = [m for m in report["recorded_mapping"] if "error" not in m]
    if recorded:
        out += ["## Names moved by earlier runs (`.plexilint/history.json`)", "",
                "| name | from | to | import |", "|---|---|---|---|"]
        out += [f"| `{m['name']}` | `{m['old_module']}` | `{m['new_module']}` | `{m['import']}` |" for m in recorded]
        out.append("")
    out += [f"History unreadable: {m['error']}" for m in report["recorded_mapping"] if "error" in m]
    return out


def _conflicts(report: dict) -> list[str]:
    out = ["## Conflicts (left in place for a human)", ""]
    if not report["conflicts"]:
        out += ["None: every stub has one body.", ""]
    for conflict in report["conflicts"]:
        out += [f"### `{conflict['name']}`: {conflict['reason']}", ""]
        for place in conflict["places"]:
            out += [f"`{place['path']}:{place['line']}`", "", "```python", place["source"].rstrip("\n"), "```", ""]
    return out


def _database(report: dict) -> list[str]:
    if not report["database"]:
        return ["## Database access", "", "No direct database access outside the fallback manager.", ""]
    return ["## Database access", "", "| where | code | what | call instead |", "|---|---|---|---|",
            *(f"| `{f['path']}:{f['line']}` | {f['code']} | {f['what'] or f['message']} "
              f"| {f['instead'] or '-'} |" for f in report["database"])]


def _contracts(report: dict) -> list[str]:
    if not report["contracts"]:
        return ["", "## Module contracts", "", "No class is covered by a contract (`[[tool.plexilint.contracts]]`)."]
    return ["", "## Module contracts", "",
            "| class | contract | score | valid | violations | warnings |", "|---|---|---|---|---|---|",
            *(f"| `{c['module']}.{c['class']}` | {c['contract']} | {c['score']} | {'yes' if c['is_valid'] else 'no'} "
              f"| {c['violations']} | {c['warnings']} |" for c in report["contracts"])]


def _hotspots(report: dict) -> list[str]:
    return ["", "## Complexity hotspots", "",
            "| file | lines | worst function | cc | MI | commits | score | PLX4 findings |",
            "|---|---|---|---|---|---|---|---|",
            *(f"| `{h['path']}` | {h['code_lines']} | `{h['worst_function'] or '-'}` | {h['worst_cyclomatic']} "
              f"| {h['maintainability']} | {h['commits']} | {h['score']} | {h['findings']} |"
              for h in report["hotspots"])]


def _central_module(report: dict) -> list[str]:
    if not report["central_module_source"]:
        return ["", "## Proposed central module", "", "The central module needs no change."]
    return ["", "## Proposed central module", "",
            f"`{report['central_path']}` after the fix:", "", "```python",
            report["central_module_source"].rstrip("\n"), "```"]


def _lines(span: list[int]) -> str:
    first, last = span
    return f" {first}" if first == last else f"s {first}-{last}"


_SECTIONS = (_introduction, _summary, _file_changes, _behaviour, _mapping, _recorded_mapping, _conflicts, _database,
             _contracts, _hotspots, _central_module)
