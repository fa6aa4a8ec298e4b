"""`plexilint hotspots --format html`: one self-contained page (inline SVG and CSS, no script,
nothing fetched at view time) with a scatter plot of the files by churn (x) and complexity (y),
point area by lines of code and the worst quadrant shaded; then the ranked table, where each
file opens onto its functions (``<details>``).

Both axes are logarithmic (``log(1 + n)``): churn and complexity are skewed, and on linear axes
every file but a few would sit in one corner.
"""

from __future__ import annotations

import html
import math
from collections import defaultdict
from statistics import median

from plexilint import __version__
from plexilint.runner.hotspots import FileHotspot, FunctionHotspot, HotspotReport

# The plot's geometry, in SVG user units.
WIDTH, HEIGHT = 880, 520
LEFT, RIGHT, TOP, BOTTOM = 70, 30, 40, 60
POINT_COLOUR = "#1f6fb4"  # files outside the worst quadrant
HOT_COLOUR = "#d62728"  # files in it
QUADRANT_COLOUR = "#fde2e1"
_TICKS = (0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000)

_STYLE = """
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 24px; color: #222; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 28px 0 8px; }
.note { color: #555; margin: 0 0 12px; }
svg { background: #fff; border: 1px solid #ddd; }
svg text { font: 12px system-ui, sans-serif; fill: #444; }
svg .axis { stroke: #888; } svg .grid { stroke: #eee; }
svg .point { stroke: #fff; stroke-width: 1; }
svg .quadrant-label { fill: #b3261e; font-weight: 600; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #eee; vertical-align: top; }
th.n, td.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.hot > td:first-child { border-left: 4px solid #d62728; }
details summary { cursor: pointer; font-family: ui-monospace, monospace; }
details table { margin: 6px 0 10px 16px; width: auto; }
code { font-family: ui-monospace, monospace; }
"""


def _scale(value: float, top: float, length: float) -> float:
    """Position of ``value`` on a log(1 + n) axis running from 0 to ``top``."""
    return length * math.log1p(value) / math.log1p(top) if top > 0 else 0.0


def _ticks(top: float) -> list[int]:
    return [tick for tick in _TICKS if tick <= top]


def worst_quadrant(files: list[FileHotspot]) -> tuple[float, float]:
    """(commits, complexity) from which a file is in the worst quadrant: the medians of the
    plotted files, at least one commit (a file not changed in the window is not a hotspot)."""
    if not files:
        return 1.0, 1.0
    return max(median(f.commits for f in files), 1.0), max(median(f.complexity for f in files), 1.0)


def _is_hot(hotspot: FileHotspot, thresholds: tuple[float, float]) -> bool:
    return hotspot.commits >= thresholds[0] and hotspot.complexity >= thresholds[1]


def _scatter(files: list[FileHotspot], thresholds: tuple[float, float], anchors: dict[str, str]) -> str:
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    top_x = max([f.commits for f in files] + [thresholds[0], 1]) * 1.15
    top_y = max([f.complexity for f in files] + [thresholds[1], 1]) * 1.15
    largest = max([f.code_lines for f in files] + [1])

    def x(value: float) -> float:
        return LEFT + _scale(value, top_x, plot_w)

    def y(value: float) -> float:
        return TOP + plot_h - _scale(value, top_y, plot_h)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
             f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="Files by churn and complexity">']
    qx, qy = x(thresholds[0]), y(thresholds[1])
    parts.append(f'<rect class="quadrant" x="{qx:.1f}" y="{TOP}" width="{LEFT + plot_w - qx:.1f}" '
                 f'height="{qy - TOP:.1f}" fill="{QUADRANT_COLOUR}"/>')
    parts.append(f'<text class="quadrant-label" x="{LEFT + plot_w}" y="{TOP - 10}" text-anchor="end">'
                 "shaded: complex and often changed, refactor here first</text>")
    for tick in _ticks(top_x):
        parts.append(f'<line class="grid" x1="{x(tick):.1f}" y1="{TOP}" x2="{x(tick):.1f}" y2="{TOP + plot_h}"/>')
        parts.append(f'<text x="{x(tick):.1f}" y="{TOP + plot_h + 18}" text-anchor="middle">{tick}</text>')
    for tick in _ticks(top_y):
        parts.append(f'<line class="grid" x1="{LEFT}" y1="{y(tick):.1f}" x2="{LEFT + plot_w}" y2="{y(tick):.1f}"/>')
        parts.append(f'<text x="{LEFT - 8}" y="{y(tick) + 4:.1f}" text-anchor="end">{tick}</text>')
    parts.append(f'<line class="axis" x1="{LEFT}" y1="{TOP + plot_h}" x2="{LEFT + plot_w}" y2="{TOP + plot_h}"/>')
    parts.append(f'<line class="axis" x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{TOP + plot_h}"/>')
    parts.append(f'<text x="{LEFT + plot_w / 2}" y="{HEIGHT - 16}" text-anchor="middle">'
                 "churn: commits in the window (log scale)</text>")
    parts.append(f'<text transform="translate(18 {TOP + plot_h / 2}) rotate(-90)" text-anchor="middle">'
                 "complexity: total cyclomatic (log scale)</text>")
    # Largest first, so small files stay visible on top of big ones.
    for hotspot in sorted(files, key=lambda f: -f.code_lines):
        radius = 3 + 15 * math.sqrt(hotspot.code_lines / largest)
        colour = HOT_COLOUR if _is_hot(hotspot, thresholds) else POINT_COLOUR
        title = html.escape(f"{hotspot.path}: {hotspot.commits} commits, complexity {hotspot.complexity}, "
                            f"{hotspot.code_lines} lines of code, score {hotspot.score}")
        circle = (f'<circle class="point" data-path="{html.escape(hotspot.path)}" cx="{x(hotspot.commits):.1f}" '
                  f'cy="{y(hotspot.complexity):.1f}" r="{radius:.1f}" fill="{colour}"><title>{title}</title></circle>')
        anchor = anchors.get(hotspot.path)
        parts.append(f'<a href="#{anchor}">{circle}</a>' if anchor else circle)
    parts.append("</svg>")
    return "\n".join(parts)


def _functions_table(functions: list[FunctionHotspot]) -> str:
    if not functions:
        return "<p class=note>No functions.</p>"
    rows = "".join(
        f"<tr><td><code>{html.escape(f.qualname)}</code></td><td class=n>{f.line}</td>"
        f"<td class=n>{f.cyclomatic}</td><td class=n>{f.churn}</td><td class=n>{f.score}</td></tr>"
        for f in functions)
    return ("<table><thead><tr><th>function</th><th class=n>line</th><th class=n>cc</th>"
            f"<th class=n>churn</th><th class=n>score</th></tr></thead><tbody>{rows}</tbody></table>")


def _findings_list(hotspot: FileHotspot) -> str:
    if not hotspot.findings:
        return ""
    items = "".join(f"<li>line {line}: <b>{html.escape(code)}</b> {html.escape(message)}</li>"
                    for line, code, message in hotspot.findings)
    return f"<p>Complexity findings:</p><ul>{items}</ul>"


def _ranked_table(report: HotspotReport, top: int, thresholds: tuple[float, float],
                  functions: dict[str, list[FunctionHotspot]], anchors: dict[str, str]) -> str:
    rows = []
    for rank, hotspot in enumerate(report.files[:top], start=1):
        own = sorted(functions.get(hotspot.path, []), key=lambda f: (-f.score, -f.cyclomatic, f.line))
        hot = " class=hot" if _is_hot(hotspot, thresholds) else ""
        rows.append(
            f'<tr id="{anchors[hotspot.path]}"{hot}><td class=n>{rank}</td><td><details><summary>'
            f"{html.escape(hotspot.path)}</summary>{_functions_table(own)}{_findings_list(hotspot)}</details></td>"
            f"<td class=n>{hotspot.code_lines}</td><td class=n>{hotspot.complexity}</td>"
            f"<td><code>{html.escape(hotspot.worst_function or '-')}</code> ({hotspot.worst_cyclomatic})</td>"
            f"<td class=n>{hotspot.maintainability:.1f}</td><td class=n>{hotspot.commits}</td>"
            f"<td class=n>{hotspot.lines_changed}</td><td class=n>{hotspot.score}</td>"
            f"<td class=n>{len(hotspot.findings)}</td></tr>")
    if not rows:
        return "<p>Nothing to rank.</p>"
    return ("<table><thead><tr><th class=n>#</th><th>file (open for its functions)</th><th class=n>lines</th>"
            "<th class=n>complexity</th><th>worst function (cc)</th><th class=n>MI</th><th class=n>commits</th>"
            "<th class=n>changed</th><th class=n>score</th><th class=n>PLX4 findings</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")


def render_html(report: HotspotReport, top: int, title_paths: list[str]) -> str:
    """The page for ``report``: every file of ``report.files`` on the plot, the first ``top``
    in the table, each with its functions from ``report.functions``."""
    thresholds = worst_quadrant(report.files)
    functions: dict[str, list[FunctionHotspot]] = defaultdict(list)
    for function in report.functions:
        functions[function.path].append(function)
    anchors = {h.path: f"file-{rank}" for rank, h in enumerate(report.files[:top], start=1)}
    if report.has_history:
        window = (f"Churn: commits since {report.since.isoformat()}. Score = complexity × commits. "
                  f"Shaded: at least {thresholds[0]:g} commits and complexity {thresholds[1]:g} "
                  "(the medians of the files shown).")
    else:
        window = html.escape(report.note)
    where = html.escape(", ".join(title_paths))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="plexilint {__version__}">
<title>Hotspots: {where}</title>
<style>{_STYLE}</style>
</head>
<body>
<h1>Hotspots: {where}</h1>
<p class="note">{window} {len(report.files)} files plotted; point area is lines of code. Click a point
for its row; open a row for its functions.</p>
{_scatter(report.files, thresholds, anchors)}
<h2>Ranked by score</h2>
{_ranked_table(report, top, thresholds, functions, anchors)}
</body>
</html>
"""
