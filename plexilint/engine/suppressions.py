"""``# noqa`` comments, read the way flake8 reads them (so both give the same answer)."""

from __future__ import annotations

import re
from enum import Enum

from plexilint.analysis.comments import scanned_comments, tokenized_comments
from plexilint.analysis.source import source_lines
from plexilint.model import Finding

# flake8's own patterns (flake8/defaults.py): "# noqa" optionally followed by ":" and codes,
# and "# flake8: noqa" on a line of its own for the whole file.
NOQA_INLINE = re.compile(r"# noqa(?::[\s]?(?P<codes>([A-Z]+[0-9]+(?:[,\s]+)?)+))?", re.IGNORECASE)
NOQA_FILE = re.compile(r"\s*# flake8[:=]\s*noqa", re.IGNORECASE)
WHOLE_FILE = 0  # the key under which a file-wide suppression is stored
_CODE_SEPARATOR = re.compile(r"[,\s]+")

Suppressions = dict[int, "frozenset[str] | None"]  # line -> codes, or None for a bare noqa


def read_noqa_comments(source: str) -> Suppressions:
    suppressions: Suppressions = {}
    if "noqa" not in source.lower():
        return suppressions
    for number, line in enumerate(source_lines(source), start=1):
        file_noqa = NOQA_FILE.match(line)
        if file_noqa and file_noqa.end() == len(line.rstrip()):
            suppressions[WHOLE_FILE] = None
            continue
        match = NOQA_INLINE.search(line)
        if match is None:
            continue
        codes = match.group("codes")
        if codes is None:
            suppressions[number] = None
        else:
            suppressions[number] = frozenset(c for c in _CODE_SEPARATOR.split(codes.upper()) if c)
    return suppressions


def is_suppressed(suppressions: Suppressions, line: int, code: str) -> bool:
    if WHOLE_FILE in suppressions:
        return True
    if line not in suppressions:
        return False
    codes = suppressions[line]
    # Like flake8, a listed code suppresses every code it is a prefix of.
    return codes is None or any(code.startswith(listed) for listed in codes)


def is_suppressed_by_block_comment(suppressions: Suppressions, finding: Finding) -> bool:
    """A `# noqa` on a block's decorator or on the comment line above it covers the finding
    about that block (flake8 itself only reads the reported line)."""
    return any(is_suppressed(suppressions, line, finding.code) for line in finding.noqa_lines)


class NoqaMode(Enum):
    """Which `# noqa` comments the engine applies before handing findings over."""
    ALL = "all"  # the CLI, pylint, the editor
    BLOCK_LINES = "block-lines"  # flake8 reads the reported line itself
    NONE = "none"  # flake8 --disable-noqa


def is_finding_suppressed(suppressions: Suppressions, finding: Finding, mode: NoqaMode = NoqaMode.ALL) -> bool:
    if mode is NoqaMode.NONE:
        return False
    if mode is NoqaMode.ALL and is_suppressed(suppressions, finding.line, finding.code):
        return True
    return is_suppressed_by_block_comment(suppressions, finding)


def noqa_comment_lines(source: str) -> tuple[tuple[int, int, int], ...]:
    """Where each `# noqa` that is a real comment, not text inside a string, stands: (line,
    start and end column in UTF-8 bytes, as ast columns). For PLX002, which must not call a
    docstring's example comment unused, and points at the comment. Asked only of sources that
    parse (the scan and the tokenizer agree on those)."""
    if "noqa" not in source.lower():
        return ()
    comments = scanned_comments(source, NOQA_INLINE)
    if comments is None:
        comments, complete = tokenized_comments(source, NOQA_INLINE)
        if not complete:
            return ()
    lines = source_lines(source)
    found = []
    for line, column, text in comments:
        start = len(lines[line - 1][:column].encode("utf-8"))
        found.append((line, start, start + len(text.encode("utf-8"))))
    return tuple(found)
