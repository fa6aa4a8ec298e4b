"""LibCST reads a whole module, which costs about a second per 6,000 lines; a fix usually changes
a few statements of it. Top-level statements the rewrite does not touch are swapped for a
stand-in expression of the same number of lines before LibCST reads the module (so every line
number stays what the facts say), and swapped back, byte for byte, afterwards.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")
_MARK = "__plexilint_untouched_{}__"


class Untouched:
    """The module's text with its untouched top-level statements stood in for."""

    def __init__(self, source: str, touched_lines: Iterable[int]) -> None:
        self.lines = _LINE.findall(source)
        self.originals: dict[str, str] = {}
        self.stand_ins: dict[str, str] = {}
        self.text = self._stand_in(source, set(touched_lines))

    def _stand_in(self, source: str, touched: set[int]) -> str:
        try:
            tree = ast.parse(source)
        except SyntaxError:
            return source
        spans = [(_first_line(node), node.end_lineno or node.lineno, node) for node in tree.body]
        lines = list(self.lines)
        shared = _shared_lines(spans)
        for index, (first, last, node) in enumerate(spans):
            if _keep_real(node, index) or any(first <= line <= last for line in touched) \
                    or first in shared or last in shared or last > len(lines):
                continue
            if not lines[last - 1].endswith(("\n", "\r")):
                continue  # the last line of a file without a final newline: left as it is
            mark = _MARK.format(index)
            count = last - first + 1
            ending = "\r\n" if lines[first - 1].endswith("\r\n") else "\r" if lines[first - 1].endswith("\r") \
                else "\n"
            stand_in = mark + ending if count == 1 else "(" + mark + ending + ending * (count - 2) + ")" + ending
            self.originals[stand_in] = "".join(lines[first - 1:last])
            self.stand_ins[mark] = stand_in
            lines[first - 1:last] = [stand_in] + [""] * (count - 1)
        return "".join(lines)

    def restore(self, code: str) -> str:
        """The rewritten module with every stand-in put back (each appears once, untouched)."""
        for stand_in, original in self.originals.items():
            code = code.replace(stand_in, original, 1)
        return code


def _first_line(node: ast.stmt) -> int:
    decorators = getattr(node, "decorator_list", None) or []
    return min([node.lineno, *(d.lineno for d in decorators)])


def _keep_real(node: ast.stmt, index: int) -> bool:
    """Imports (a rewrite may prune or extend them) and the docstring stay real."""
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        return True
    return index == 0 and isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)


def _shared_lines(spans: list[tuple[int, int, ast.stmt]]) -> set[int]:
    """Lines holding more than one top-level statement (`a = 1; b = 2`)."""
    seen: dict[int, int] = {}
    for first, last, _ in spans:
        for line in {first, last}:
            seen[line] = seen.get(line, 0) + 1
    return {line for line, count in seen.items() if count > 1}
