"""Source text of AST nodes without re-splitting the file for every lookup
(``ast.get_source_segment`` splits the whole file on each call: quadratic on big files)."""

from __future__ import annotations

import ast


class SourceLines:
    def __init__(self, source: str) -> None:
        self.lines = source.splitlines(keepends=True)

    def segment(self, node: ast.AST) -> str:
        """The node's text; columns in ``ast`` are UTF-8 byte offsets."""
        first, last = node.lineno - 1, (node.end_lineno or node.lineno) - 1
        if first >= len(self.lines) or node.end_col_offset is None:
            return ""
        if first == last:
            return self.lines[first].encode()[node.col_offset:node.end_col_offset].decode(errors="replace")
        parts = [self.lines[first].encode()[node.col_offset:].decode(errors="replace")]
        parts += self.lines[first + 1:last]
        parts.append(self.lines[last].encode()[:node.end_col_offset].decode(errors="replace"))
        return "".join(parts)
