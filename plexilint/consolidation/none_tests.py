"""Where a project tests a placeholder against None (`x is None`, `if not x`, `x or default`):
replacing that placeholder's `None` with a fallback object would take the other branch, so the
fix leaves such placeholders alone. One read of each file for all the names."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from plexilint.analysis.source import source_lines
from plexilint.engine.facts import FileFacts
from plexilint.engine.sources import read_file_bytes


def none_tests(files: Iterable[FileFacts], names: set[str]) -> dict[str, list[str]]:
    """For each name, the `relpath:line` places that test it against None or for truth."""
    if not names:
        return {}
    name = "(" + "|".join(re.escape(n) for n in sorted(names)) + ")"
    pattern = re.compile(
        rf"\b{name}\s+is\s+(?:not\s+)?None\b|\b{name}\s*[!=]=\s*None\b"
        rf"|\b(?:if|elif|while|and|or|not|assert)\s+{name}\b(?!\s*[.(\[=])"
        rf"|\b{name}\s+(?:or|and)\b|\bbool\(\s*{name}\s*\)")
    places: dict[str, list[str]] = {}
    for file in files:
        try:
            text = read_file_bytes(Path(file.path)).decode("utf-8", errors="replace")
        except OSError:
            continue
        if not any(n in text for n in names):
            continue  # most files never mention the names: no line to scan
        for number, line in enumerate(source_lines(text), 1):
            for match in pattern.finditer(line):
                found = next(group for group in match.groups() if group)
                places.setdefault(found, []).append(f"{file.relpath}:{number}")
    return places
