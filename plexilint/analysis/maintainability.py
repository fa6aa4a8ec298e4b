"""Maintainability index (radon's formula) without radon's quadratic raw-metrics path.

``radon.raw.analyze`` re-tokenizes a growing buffer for every line it adds to a multi-line
statement or string, so its cost is quadratic in a statement's length (the standard library's
``_sysconfigdata`` dict takes seconds). Here one linear scan of the source yields the same
counts (logical lines, source lines, comments, docstring lines), Halstead volume and total
complexity come from `radon_metrics` (radon's rules, one walk of the engine's tree), and radon's
``mi_compute`` does the rest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from radon.metrics import mi_compute

# Only the tokens that matter for the counts are matched; what lies between two matches is
# "other code" (names, numbers, operators), which only needs to be seen, not split.
_SCAN = re.compile(r"""
    (?P<string>(?i:[rbuf]{0,2})(?:'''(?:\\.|[^\\])*?'''|\"\"\"(?:\\.|[^\\])*?\"\"\"
                |'(?:\\.|[^\\'\n])*'|"(?:\\.|[^\\"\n])*"))
  | (?P<comment>\#[^\r\n]*)
  | (?P<continuation>\\\r?\n)
  | (?P<newline>\r?\n)
  | (?P<open>[(\[{])
  | (?P<close>[)\]}])
  | (?P<colon>:(?!=))
  | (?P<semicolon>;)
""", re.VERBOSE | re.DOTALL)


@dataclass(frozen=True)
class RawCounts:
    """radon.raw's counts: logical lines, source lines, comment tokens, docstring lines."""
    lloc: int
    sloc: int
    comments: int
    multi: int


class _Group:
    """One logical line as radon sees it: the physical lines of a statement (or of a comment
    or blank line), and what its tokens look like."""

    __slots__ = ("first_line", "tokens", "strings", "comments", "lloc", "sub_tokens", "colon_last", "has_colon")

    def __init__(self, first_line: int) -> None:
        self.first_line = first_line
        self.tokens = self.strings = self.comments = self.lloc = 0
        self._new_sub()

    def _new_sub(self) -> None:
        self.sub_tokens = 0
        self.colon_last = self.has_colon = False

    def token(self, is_colon: bool = False) -> None:
        self.tokens += 1
        self.sub_tokens += 1
        self.colon_last = is_colon
        self.has_colon = self.has_colon or is_colon

    def end_sub(self) -> None:
        # radon.raw._logical: a colon that is not the last token means a second logical line
        # (`if x: return`, but also a one-line dict or lambda: radon counts them that way).
        if self.sub_tokens:
            self.lloc += 1 if not self.has_colon or self.colon_last else 2
        self._new_sub()


def raw_counts(source: str) -> RawCounts:
    lines = source.split("\n")
    lloc = sloc = comments = multi = 0
    line = 1
    depth = 0
    group = _Group(1)
    position = 0

    def close_group(last_line: int) -> None:
        nonlocal lloc, sloc, comments, multi
        group.end_sub()
        lloc += group.lloc
        comments += group.comments
        spanned = [lines[n - 1] for n in range(group.first_line, last_line + 1) if n - 1 < len(lines)]
        nonblank = sum(1 for text in spanned if text.strip())
        if group.tokens == 0:
            return  # comment-only or blank line
        if group.tokens == 1 and group.strings == 1 and not group.comments:
            if last_line > group.first_line:
                multi += nonblank  # a docstring-like string on several lines
            return
        sloc += nonblank

    for match in _SCAN.finditer(source):
        if source[position:match.start()].strip():
            group.token()
        position = match.end()
        kind = match.lastgroup
        if kind == "string":
            group.token()
            group.strings += 1
            line += match.group().count("\n")
        elif kind == "comment":
            group.comments += 1
        elif kind == "continuation":
            line += 1
        elif kind == "newline":
            if depth == 0:
                close_group(line)
                group = _Group(line + 1)
            line += 1
        elif kind == "open":
            depth += 1
            group.token()
        elif kind == "close":
            depth = max(depth - 1, 0)
            group.token()
        elif kind == "colon":
            group.token(is_colon=True)
        else:  # semicolon
            group.end_sub()
    if source[position:].strip():
        group.token()
    close_group(line)
    return RawCounts(lloc, sloc, comments, multi)


def maintainability_index(source: str, halstead_volume: float, total_complexity: int) -> float:
    """radon's MI with multi-line strings counted as comments (``radon mi``'s default), from
    the module's Halstead volume and total cyclomatic complexity (radon's numbers)."""
    counts = raw_counts(source)
    comment_lines = counts.comments + counts.multi
    comments_percent = comment_lines / counts.sloc * 100 if counts.sloc else 0
    return mi_compute(halstead_volume, total_complexity, counts.lloc, comments_percent)
