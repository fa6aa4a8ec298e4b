"""Adding a code to the ``# noqa`` comment of a line, the way the engine and flake8 read it."""

from __future__ import annotations

import io
import tokenize

from plexilint.adapters.lsp.text import text_lines
from plexilint.engine.suppressions import NOQA_INLINE

_SEPARATORS = ", \t"


def with_noqa(line: str, code: str) -> str | None:
    """``line`` with ``code`` added to its ``# noqa`` comment, or a comment appended; None
    when a ``# noqa`` on the line already covers the code."""
    match = NOQA_INLINE.search(line)
    if match is None:
        return f"{line.rstrip()}  # noqa: {code}"
    listed = match.group("codes")
    if listed is None:
        return None  # a bare `# noqa` suppresses every code
    codes = [c for c in listed.upper().replace(",", " ").split() if c]
    if any(code.startswith(c) for c in codes):
        return None
    end = match.start("codes") + len(listed.rstrip(_SEPARATORS))
    return f"{line[:end]}, {code}{line[end:]}"


def comment_fits(text: str, line_number: int) -> bool:
    """Whether a comment can end line ``line_number`` (1-based) of ``text``: the line does not
    end inside a multi-line string or with a backslash continuation."""
    lines = text_lines(text)
    if 0 < line_number <= len(lines) and lines[line_number - 1].rstrip().endswith("\\"):
        return False
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.start[0] > line_number:
                return True
            if token.start[0] <= line_number < token.end[0] and token.type not in (tokenize.NEWLINE, tokenize.NL):
                return False
    except (tokenize.TokenError, SyntaxError):
        pass  # unparsable text: the comment goes where it is asked for
    return True
