"""`plexilint check --statistics`: how many findings of each rule, most frequent first (as
`ruff check --statistics` and `flake8 --statistics` print them)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence

from plexilint.model import Finding, Note
from plexilint.reporting.text import note_lines, summary_line
from plexilint.rules import REGISTRY

STATISTICS_FORMATS = ("text", "json")


def _counts(findings: Sequence[Finding]) -> list[tuple[str, str, int]]:
    """(code, symbol, count), the most frequent first, then by code."""
    counts = Counter(f.code for f in findings)
    rows = [(code, REGISTRY[code].symbol if code in REGISTRY else "", n) for code, n in counts.items()]
    return sorted(rows, key=lambda row: (-row[2], row[0]))


def render_statistics(fmt: str, findings: Sequence[Finding], files_checked: int, summary: bool = True,
                      notes: Sequence[Note] = ()) -> str:
    rows = _counts(findings)
    if fmt == "json":
        return json.dumps([{"code": code, "symbol": symbol, "count": n} for code, symbol, n in rows], indent=2) + "\n"
    width = max((len(str(n)) for _, _, n in rows), default=1)
    lines = [f"{n:>{width}}  {code}  {symbol}" for code, symbol, n in rows]
    if summary:  # every note, those shown only on request too (the manager found)
        lines.extend(note_lines(notes, details=True))
        lines.append(summary_line(findings, files_checked))
    return "\n".join(lines) + "\n" if lines else ""
