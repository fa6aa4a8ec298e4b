"""Expected findings written in the analysed files themselves, pylint-style: a trailing
``# [symbol]`` (or ``# [symbol-a, symbol-b]``) marks a line that must be reported."""

from __future__ import annotations

import re
from pathlib import Path

ANNOTATION = re.compile(r"#\s*\[([a-z]+(?:-[a-z]+)*(?:\s*,\s*[a-z]+(?:-[a-z]+)*)*)\]\s*$")


def expected_findings(root: Path) -> set[tuple[str, int, str]]:
    """(path relative to root, line, symbol) for every annotation under root."""
    expected = set()
    for path in sorted(root.rglob("*.py*")):
        if path.suffix not in (".py", ".pyi"):
            continue
        text = path.read_bytes().decode("utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), start=1):
            match = ANNOTATION.search(line)
            if match:
                for symbol in match.group(1).split(","):
                    expected.add((path.relative_to(root).as_posix(), number, symbol.strip()))
    return expected
