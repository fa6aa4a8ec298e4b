"""`plexilint progress`: the recorded history as a table, a trend chart and the name mapping.

Rolled-back steps stay in the table (marked) but count for nothing: not in the cumulative lines
removed, not in the charts.
"""

from __future__ import annotations

import json
from typing import Any

__all__ = ["FORMATS", "render_progress"]

FORMATS = ("text", "markdown", "json")
_ROLLED_BACK = "rolled-back"


def _live(step: dict[str, Any]) -> bool:
    return step.get("status") != _ROLLED_BACK


def _families(steps: list[dict[str, Any]]) -> list[str]:
    return sorted({family for step in steps for key in ("findings_before", "findings_after")
                   for family in step.get(key, {})})


def _rows(history: dict[str, Any], arrow: str) -> tuple[list[str], list[list[str]]]:
    """Header and one row per step; cells are plain text."""
    steps = history["steps"]
    families = _families(steps)
    header = ["Step", "Phase", "Date", "Files", *families, "Lines removed", "Lines added", "Net change"]
    rows, total = [], 0
    for number, step in enumerate(steps, 1):
        live = _live(step)
        total += step.get("lines_added", 0) - step.get("lines_removed", 0) if live else 0
        findings = [f"{step.get('findings_before', {}).get(family, 0)} {arrow} "
                    f"{step.get('findings_after', {}).get(family, 0)}" for family in families]
        rows.append([str(number), step.get("phase", "") + ("" if live else " (rolled back)"),
                     step.get("time", "")[:10], f"{step.get('files_before', 0)} {arrow} {step.get('files_after', 0)}",
                     *findings, str(step.get("lines_removed", 0)), str(step.get("lines_added", 0)),
                     f"{total:+d}" if live else "-"])
    return header, rows


def _series(steps: list[dict[str, Any]]) -> tuple[list[str], list[int], list[int]]:
    """Chart points: the state before the first live step, then after each live step."""
    live = [(number, step) for number, step in enumerate(steps, 1) if _live(step)]
    if not live:
        return [], [], []
    first = live[0][1]
    labels = ["start", *(f"step {number}" for number, _ in live)]
    findings = [sum(first.get("findings_before", {}).values()),
                *(sum(step.get("findings_after", {}).values()) for _, step in live)]
    lines = [first.get("lines_before", 0), *(step.get("lines_after", 0) for _, step in live)]
    return labels, findings, lines


def _mermaid(title: str, axis: str, labels: list[str], values: list[int]) -> list[str]:
    return ["```mermaid", "xychart-beta", f'    title "{title}"',
            "    x-axis [" + ", ".join(f'"{label}"' for label in labels) + "]",
            f'    y-axis "{axis}"', "    line [" + ", ".join(str(v) for v in values) + "]", "```", ""]


def _markdown_cell(text: str) -> str:
    return text.replace("|", "\\|")


def _markdown_table(header: list[str], rows: list[list[str]], right: set[int]) -> list[str]:
    rule = ["---:" if index in right else "---" for index in range(len(header))]
    return ["| " + " | ".join(_markdown_cell(cell) for cell in row) + " |" for row in [header, rule, *rows]]


def _mapping_rows(history: dict[str, Any], arrow: str, code: str) -> list[list[str]]:
    return [[f"{code}{e['name']}{code}", e.get("kind", ""), f"{code}{e['old_module']}{code} {arrow} "
             f"{code}{e['new_module']}{code}", f"{code}{e['import']}{code}"] for e in history["mapping"]]


_MAPPING_HEADER = ["Name", "Kind", "Old module → new module", "Import to use"]


def _render_markdown(history: dict[str, Any]) -> str:
    header, rows = _rows(history, "→")
    right = {0, len(header) - 3, len(header) - 2, len(header) - 1}
    lines = ["# Consolidation progress", "", *_markdown_table(header, rows, right), ""]
    labels, findings, code_lines = _series(history["steps"])
    if labels:  # GitHub renders Mermaid; one chart per measure, their scales differ by far
        lines += ["## Trend", "", *_mermaid("Findings (all families)", "findings", labels, findings),
                  *_mermaid("Lines of Python", "lines", labels, code_lines)]
    lines += ["## Mapping", ""]
    if history["mapping"]:
        lines += [*_markdown_table(_MAPPING_HEADER, _mapping_rows(history, "→", "`"), set()), ""]
    else:
        lines += ["No name has moved yet.", ""]
    return "\n".join(lines)


def _aligned(header: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    return ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in [header, *rows]]


def _render_text(history: dict[str, Any]) -> str:
    header, rows = _rows(history, "->")
    lines = ["Consolidation progress", "", *_aligned(header, rows), ""]
    if history["mapping"]:
        mapping_header = ["Name", "Kind", "Old module -> new module", "Import to use"]
        lines += ["Moved names", "", *_aligned(mapping_header, _mapping_rows(history, "->", "")), ""]
    return "\n".join(lines)


def render_progress(history: dict[str, Any], format: str) -> str:
    """The history (as ``load_history`` returns it) in ``format``: text, markdown or json."""
    if format == "markdown":
        return _render_markdown(history)
    if format == "text":
        return _render_text(history)
    if format == "json":
        return json.dumps(history, indent=2, ensure_ascii=False) + "\n"
    raise ValueError(f"unknown format {format!r}; expected one of {', '.join(FORMATS)}")
