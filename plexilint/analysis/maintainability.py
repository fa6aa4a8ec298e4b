"""Maintainability index (radon's formula) without radon's quadratic raw-metrics path.

``radon.raw.analyze`` re-tokenizes a growing buffer for every line it adds to a multi-line
statement or string, so its cost is quadratic in a statement's length (the standard library's
``_sysconfigdata`` dict takes seconds). Here one linear scan of the source yields the same
counts (logical lines, source lines, comments, docstring lines), Halstead volume and total
complexity come from `metrics_walk` (radon's rules, one walk of the engine's tree), and radon's
``mi_compute`` does the rest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from radon.metrics import mi_compute

from plexilint.analysis.comments import STRING_LITERAL
from plexilint.analysis.source import source_lines

# One match per string, comment, line break or semicolon, and one per run of other code
# between them: a run's brackets and colons are counted with `str.count`, which keeps the
# scan at about one Python step per line (matching each bracket was most of its time). A line
# break is matched with the code or comment before it: most lines are one statement of plain
# code, a comment or blank, counted in that one step (see `raw_counts`).
# String prefixes (`r`, `b`, `f`, ...) end the preceding run; see `_Counter.code`.
_SCAN = re.compile(r"""
    (?P<line>[^'"\#\\\n;]*\n)
  | (?P<comment_line>[^\S\n]*\#[^\n]*\n)
  | (?P<code>[^'"\#\\\n;]+)
  | (?P<string>""" + STRING_LITERAL + r""")
  | (?P<comment>\#[^\n]*)
  | (?P<continuation>\\\r?\n)
  | (?P<semicolon>;)
  | (?P<other>.)
""", re.VERBOSE | re.DOTALL)
_PREFIX = re.compile(r"\s*[rbufRBUF]{1,2}")


@dataclass(frozen=True)
class RawCounts:
    """radon.raw's counts: logical lines, source lines, comment tokens, docstring lines."""
    lloc: int
    sloc: int
    comments: int
    multi: int


class _Counter:
    """radon.raw's grouping: a logical line is the physical lines of one statement (or one
    comment or blank line). Within it, each `;`-separated part is one logical line, or two
    when it holds a colon that is not its last token (`if x: return`, but also a one-line
    dict or lambda: radon counts them that way)."""

    __slots__ = ("lines", "lloc", "sloc", "comments", "multi", "first_line", "statement_start", "tokens",
                 "strings", "group_comments", "group_lloc", "part_tokens", "colon_last", "has_colon")

    def __init__(self, source: str) -> None:
        # As the scan numbers lines (at `\n` only); the engine's text has no `\r`, and its split is shared.
        self.lines = source_lines(source) if "\r" not in source else source.split("\n")
        self.lloc = self.sloc = self.comments = self.multi = 0
        self.first_line = 1
        # The line a statement starts on while nothing of it is counted yet (0 once something is).
        self.statement_start = 1
        self.tokens = self.strings = self.group_comments = self.group_lloc = 0
        self.part_tokens = 0
        self.colon_last = self.has_colon = False

    def end_part(self) -> None:
        if self.part_tokens:
            self.group_lloc += 1 if not self.has_colon or self.colon_last else 2
        self.part_tokens = 0
        self.colon_last = self.has_colon = False

    def code(self, text: str, before_string: bool) -> None:
        stripped = text.rstrip()
        if not stripped or (before_string and _PREFIX.fullmatch(stripped)):
            return  # blank, or the prefix of the string that follows (part of its token)
        self.statement_start = 0
        self.tokens += 1
        self.part_tokens += 1
        if not self.has_colon and ":" in stripped:
            self.has_colon = text.count(":") > text.count(":=")
        self.colon_last = stripped[-1] == ":"

    def string(self) -> None:
        self.statement_start = 0
        self.tokens += 1
        self.part_tokens += 1
        self.strings += 1
        self.colon_last = False

    def comment(self) -> None:
        self.statement_start = 0
        self.group_comments += 1

    def statement_line(self, text: str) -> int:
        """Counts a line that is a whole statement of plain code, or blank (``text``: the line
        and its end), as `code` and `end_group` would; returns the line after it."""
        stripped = text.rstrip()
        if stripped:
            colons = text.count(":")
            colon_inside = colons and stripped[-1] != ":" and colons > text.count(":=")
            self.lloc += 2 if colon_inside else 1
            self.sloc += 1
        self.first_line += 1
        self.statement_start = self.first_line
        return self.first_line

    def comment_line(self) -> int:
        """Counts a comment-only line (a statement start's); returns the line after it."""
        self.comments += 1
        self.first_line += 1
        self.statement_start = self.first_line
        return self.first_line

    def line_break(self, line: int, depth: int) -> tuple[int, int]:
        """A line break within a statement: the statement ends here unless brackets are open.
        Returns the next line and the bracket depth."""
        if depth <= 0:
            self.end_group(line)
            depth = 0
        return line + 1, depth

    def end_group(self, last_line: int) -> None:
        """Counts the group ending on ``last_line`` and starts the next one."""
        if self.part_tokens:
            self.group_lloc += 1 if not self.has_colon or self.colon_last else 2
        self.lloc += self.group_lloc
        self.comments += self.group_comments
        if self.tokens:  # not a comment-only or blank line
            self._count_lines(last_line)
        self.first_line = self.statement_start = last_line + 1
        self.tokens = self.strings = self.group_comments = self.group_lloc = 0
        self.part_tokens = 0
        self.colon_last = self.has_colon = False

    def _count_lines(self, last_line: int) -> None:
        if last_line == self.first_line:
            nonblank = 1
        else:
            nonblank = sum(1 for text in self.lines[self.first_line - 1:last_line] if text.strip())
        if self.tokens == 1 and self.strings == 1 and not self.group_comments:
            if last_line > self.first_line:
                self.multi += nonblank  # a docstring-like string on several lines
            return
        self.sloc += nonblank


def raw_counts(source: str) -> RawCounts:
    counter = _Counter(source)
    line, depth = 1, 0
    for match in _SCAN.finditer(source):
        kind = match.lastgroup
        if kind == "line":  # plain code (or none) and the end of its line
            text = match.group()
            opens = text.count("(") + text.count("[") + text.count("{")
            # Nothing counted since the last statement (so depth is 0) and the brackets close:
            # a whole statement, or a blank line (the scan's hot path).
            if line == counter.statement_start and (
                    not opens or opens <= text.count(")") + text.count("]") + text.count("}")):
                line = counter.statement_line(text)
                continue
            depth += opens - (text.count(")") + text.count("]") + text.count("}"))
            if len(text) > 1:
                counter.code(text[:-1], False)
            line, depth = counter.line_break(line, depth)
        elif kind == "comment_line":  # a comment and the end of its line
            if line == counter.statement_start:
                line = counter.comment_line()
                continue
            counter.comment()
            line, depth = counter.line_break(line, depth)
        elif kind == "code":
            text = match.group()
            # Brackets inside strings and comments never reach here; in code that parses,
            # depth never goes below zero.
            depth += text.count("(") + text.count("[") + text.count("{")
            depth -= text.count(")") + text.count("]") + text.count("}")
            counter.code(text, source.startswith(("'", '"'), match.end()))
        elif kind == "string":
            counter.string()
            line += match.group().count("\n")
        else:
            line = _other_token(counter, kind, match.group(), line)
    counter.end_group(line)
    return RawCounts(counter.lloc, counter.sloc, counter.comments, counter.multi)


def _other_token(counter: _Counter, kind: str | None, text: str, line: int) -> int:
    """A comment after code, a backslash continuation, a semicolon or a stray character;
    returns the line after it."""
    if kind == "comment":
        counter.comment()
    elif kind == "continuation":
        line += 1
    elif kind == "semicolon":
        counter.end_part()
    else:  # a stray character (a backslash outside a string): code
        counter.code(text, False)
    return line


def maintainability_index(source: str, halstead_volume: float, total_complexity: int) -> float:
    """radon's MI with multi-line strings counted as comments (``radon mi``'s default), from
    the module's Halstead volume and total cyclomatic complexity (radon's numbers)."""
    counts = raw_counts(source)
    comment_lines = counts.comments + counts.multi
    comments_percent = comment_lines / counts.sloc * 100 if counts.sloc else 0
    return mi_compute(halstead_volume, total_complexity, counts.lloc, comments_percent)
