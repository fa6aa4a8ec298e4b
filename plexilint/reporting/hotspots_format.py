"""`plexilint hotspots` output: an aligned table for terminals, Markdown, JSON."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable

from plexilint.runner.hotspots import FileHotspot, HotspotReport

_BOLD, _RED, _DIM, _RESET = "\033[1m", "\033[31m", "\033[2m", "\033[0m"
FILE_COLUMNS = ("#", "file", "lines", "worst function", "cc", "MI", "commits", "changed", "score", "PLX4 findings")
FUNCTION_COLUMNS = ("#", "function", "where", "cc", "churn", "score")
# The terminal table keeps long names to these widths, cut at the start with an ellipsis (the
# end of a path or a qualified name is the part that tells them apart); Markdown and JSON
# keep them whole.
NAME_WIDTH, PATH_WIDTH = 40, 60
_WIDTHS = {FILE_COLUMNS: {1: PATH_WIDTH, 3: NAME_WIDTH}, FUNCTION_COLUMNS: {1: NAME_WIDTH, 2: PATH_WIDTH}}


def shorten(name: str, width: int) -> str:
    """``name`` itself, or its last ``width - 1`` characters after an ellipsis."""
    return name if len(name) <= width else "…" + name[len(name) - width + 1:]


def _codes(hotspot: FileHotspot) -> str:
    counts = Counter(code for _, code, _ in hotspot.findings)
    return ", ".join(code if n == 1 else f"{code}×{n}" for code, n in sorted(counts.items())) or "-"


def _file_rows(report: HotspotReport) -> list[tuple[str, ...]]:
    return [(str(rank), h.path, str(h.code_lines), h.worst_function or "-", str(h.worst_cyclomatic),
             f"{h.maintainability:.1f}", str(h.commits), str(h.lines_changed), str(h.score), _codes(h))
            for rank, h in enumerate(report.files, start=1)]


def _function_rows(report: HotspotReport) -> list[tuple[str, ...]]:
    return [(str(rank), f.qualname, f"{f.path}:{f.line}", str(f.cyclomatic), str(f.churn), str(f.score))
            for rank, f in enumerate(report.functions, start=1)]


def _window(report: HotspotReport) -> str:
    if not report.has_history:
        return report.note
    return f"churn: commits since {report.since.isoformat()}; score = complexity × commits"


def render_text(report: HotspotReport, colour: bool) -> str:
    def paint(text: str, style: str) -> str:
        return f"{style}{text}{_RESET}" if colour else text

    lines = [paint("Hotspots by file", _BOLD) + f"  ({_window(report)})", ""]
    lines += _table(FILE_COLUMNS, _file_rows(report), paint, numeric={2, 4, 5, 6, 7, 8})
    basis = "cc × commits that touched its lines" if report.has_history else "cc alone"
    lines += ["", paint("Hotspots by function", _BOLD) + f"  ({basis})", ""]
    lines += _table(FUNCTION_COLUMNS, _function_rows(report), paint, numeric={3, 4, 5})
    if report.files:
        lines += ["", "Next: `plexilint check FILE --select PLX4` lists a file's findings; split the top "
                      "functions first (they change often and are hard to change safely)."]
    return "\n".join(lines) + "\n"


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]], paint: Callable[[str, str], str],
           numeric: set[int]) -> list[str]:
    if not rows:
        return ["(nothing to rank)"]
    limits = _WIDTHS[header]
    rows = [tuple(shorten(cell, limits[i]) if i in limits else cell for i, cell in enumerate(row)) for row in rows]
    widths = [max(len(cell) for cell in column) for column in zip(header, *rows)]

    def line(cells: tuple[str, ...]) -> str:
        aligned = (cell.rjust(w) if i in numeric or i == 0 else cell.ljust(w)
                   for i, (cell, w) in enumerate(zip(cells, widths)))
        return "  ".join(aligned).rstrip()

    out = [paint(line(header), _BOLD)]
    for row in rows:
        text = line(row)
        if row[-1] not in ("-", "0") and header is FILE_COLUMNS:
            text = paint(text, _RED)  # files that already break a complexity gate
        elif row[header.index("score")] == "0":
            text = paint(text, _DIM)  # not changed in the window
        out.append(text)
    return out


def render_markdown(report: HotspotReport) -> str:
    def table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> list[str]:
        escaped = [tuple(cell.replace("|", "\\|") for cell in row) for row in rows]
        return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)] + \
               ["| " + " | ".join(row) + " |" for row in escaped]

    lines = ["# Hotspots", "", f"_{_window(report)}_", "", "## By file", ""]
    lines += table(FILE_COLUMNS, _file_rows(report)) if report.files else ["Nothing to rank."]
    lines += ["", "## By function", ""]
    lines += table(FUNCTION_COLUMNS, _function_rows(report)) if report.functions else ["Nothing to rank."]
    with_findings = [h for h in report.files if h.findings]
    if with_findings:
        lines += ["", "## Their complexity findings", ""]
        for hotspot in with_findings:
            lines += [f"### `{hotspot.path}`", ""]
            lines += [f"- line {line}: **{code}** {message}" for line, code, message in hotspot.findings]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def render_json(report: HotspotReport) -> str:
    return json.dumps({
        "since": report.since.isoformat(),
        "has_history": report.has_history,
        "note": report.note,
        "files": [{
            "path": h.path, "code_lines": h.code_lines, "complexity": h.complexity,
            "worst_function": h.worst_function, "worst_cyclomatic": h.worst_cyclomatic,
            "maintainability": h.maintainability, "commits": h.commits, "lines_changed": h.lines_changed,
            "score": h.score,
            "findings": [{"line": line, "code": code, "message": message} for line, code, message in h.findings],
        } for h in report.files],
        "functions": [{"path": f.path, "qualname": f.qualname, "line": f.line, "cyclomatic": f.cyclomatic,
                       "churn": f.churn, "score": f.score} for f in report.functions],
    }, indent=2) + "\n"
