"""Source text of AST nodes without re-splitting the file for every lookup
(``ast.get_source_segment`` splits the whole file on each call: quadratic on big files)."""

from __future__ import annotations

import re

from plexilint.analysis.nodes import Located

_LINE_END = re.compile(r"\r\n|\r|\n")
_LINE_WITH_END = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")
# Where `str.splitlines` breaks but Python does not (or breaks differently: `\r`).
_OTHER_BREAKS = re.compile("[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


# The lines of the last source asked for, with and without their ends: each family extracting
# facts from one file asks for them (five splits of every file otherwise, 5% of the extraction).
_LAST_SPLIT: dict[bool, tuple[str, tuple[str, ...]]] = {}


def source_lines(source: str, keepends: bool = False) -> tuple[str, ...]:
    """The lines of a source as Python numbers them: only ``\\n``, ``\\r\\n`` and ``\\r`` end a
    line (``str.splitlines`` also breaks at form feeds, ``\\x1c``-``\\x1e``, ``\\x85``,
    ``\\u2028`` and ``\\u2029``, which shifts every line number after one)."""
    last = _LAST_SPLIT.get(keepends)
    if last is not None and last[0] is source:
        return last[1]
    lines = tuple(_split_lines(source, keepends))
    _LAST_SPLIT[keepends] = (source, lines)
    return lines


def _split_lines(source: str, keepends: bool) -> list[str]:
    if keepends:
        return source.splitlines(keepends=True) if not _OTHER_BREAKS.search(source) \
            else _LINE_WITH_END.findall(source)
    lines = source.split("\n") if "\r" not in source else _LINE_END.split(source)  # the engine's text has no \r
    return lines[:-1] if lines[-1] == "" else lines


class SourceLines:
    def __init__(self, source: str) -> None:
        self.lines = source_lines(source, keepends=True)

    def segment(self, node: Located, padded: bool = False) -> str:
        """The node's text; columns in ``ast`` are UTF-8 byte offsets. ``padded``: as in
        ``ast.get_source_segment``, the first line keeps its indentation (other characters
        before the node become spaces), so a nested block can be dedented."""
        first, last = node.lineno - 1, (node.end_lineno or node.lineno) - 1
        if first >= len(self.lines) or node.end_col_offset is None:
            return ""
        if first == last:
            return self.lines[first].encode()[node.col_offset:node.end_col_offset].decode(errors="replace")
        parts = [self.lines[first].encode()[node.col_offset:].decode(errors="replace")]
        if padded:
            before = self.lines[first].encode()[:node.col_offset].decode(errors="replace")
            parts.insert(0, "".join(c if c in "\f\t" else " " for c in before))
        parts += self.lines[first + 1:last]
        parts.append(self.lines[last].encode()[:node.end_col_offset].decode(errors="replace"))
        return "".join(parts)
