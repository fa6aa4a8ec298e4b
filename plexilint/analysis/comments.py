"""The comments of a source without the tokenizer, which is pure Python before 3.12: reading
the comments of every file that mentions `noqa` took a quarter of a parse on a large project.

Strings and comments are found by the regex engine, the code between them skipped in C. Before
Python 3.12 (PEP 701) a string never holds its own quote unescaped, whatever its prefix, and
outside strings `#` only starts a comment, so the scan finds exactly the tokenizer's comments.
From 3.12 f-strings nest quotes, and the tokenizer is written in C anyway: callers tokenize.
"""

from __future__ import annotations

import io
import re
import sys
import tokenize

SCAN_IS_EXACT = sys.version_info < (3, 12)
# A string literal of any kind (its prefix, if any, is left before it), as a verbose-mode pattern
# part: the maintainability index's raw-line scan uses it too.
STRING_LITERAL = r"""
    '''[^'\\]*(?:(?:\\.|'(?!''))[^'\\]*)*'''
  | \"\"\"[^"\\]*(?:(?:\\.|"(?!""))[^"\\]*)*\"\"\"
  | '[^'\\\n]*(?:\\.[^'\\\n]*)*'
  | "[^"\\\n]*(?:\\.[^"\\\n]*)*"
"""
_STRINGS_AND_COMMENTS = re.compile(STRING_LITERAL + r"""
  | (?P<comment>\#[^\n]*)
  | (?P<unclosed>['"])
""", re.VERBOSE | re.DOTALL)


def scanned_comments(source: str, wanted: re.Pattern[str] | None = None) -> list[tuple[int, int, str]] | None:
    """(line, column in characters, text) of each comment (``wanted``: only those it finds
    something in); None where only the tokenizer can tell: before Python 3.12 that is a quote
    that opens no string the scan can close (an unterminated string) or a lone ``\\r`` line end."""
    if not SCAN_IS_EXACT or "\r" in source:
        return None
    found = []
    line, position = 1, 0
    for match in _STRINGS_AND_COMMENTS.finditer(source):
        kind = match.lastgroup
        if kind is None:
            continue  # a string
        if kind == "unclosed":
            return None
        text = match.group()
        if wanted is not None and wanted.search(text) is None:
            continue
        start = match.start()
        line += source.count("\n", position, start)
        position = start
        found.append((line, start - source.rfind("\n", 0, start) - 1, text))
    return found


def tokenized_comments(source: str, wanted: re.Pattern[str] | None = None) -> tuple[list[tuple[int, int, str]], bool]:
    """`scanned_comments` by the tokenizer, and whether it read the whole text (the comments
    before a point it cannot tokenize are returned either way)."""
    found = []
    try:
        # newline=None: a lone \r ends a line for Python, so it must for the tokenizer too.
        for token in tokenize.generate_tokens(io.StringIO(source, newline=None).readline):
            if token.type == tokenize.COMMENT and (wanted is None or wanted.search(token.string)):
                found.append((token.start[0], token.start[1], token.string))
    except (tokenize.TokenError, SyntaxError, ValueError):
        return found, False
    return found, True
