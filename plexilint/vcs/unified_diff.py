"""Reading `git diff --unified=0` output: which lines of each new file a change touches."""

from __future__ import annotations

import re

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
_ESCAPES = {"a": 7, "b": 8, "t": 9, "n": 10, "v": 11, "f": 12, "r": 13, '"': 34, "\\": 92}


def unquote_path(text: str) -> str:
    """A path as git prints it: C-quoted (``"b/caf\\303\\251.py"``) when it holds unusual
    characters, else verbatim."""
    if not (len(text) >= 2 and text.startswith('"') and text.endswith('"')):
        return text
    body, data, position = text[1:-1], bytearray(), 0
    while position < len(body):
        char = body[position]
        if char != "\\":
            data += char.encode("utf-8")
            position += 1
        elif body[position + 1:position + 4].isdigit():
            data.append(int(body[position + 1:position + 4], 8))
            position += 4
        else:
            data.append(_ESCAPES.get(body[position + 1:position + 2], ord("\\")))
            position += 2
    return data.decode("utf-8", "replace")


def changed_lines(diff: str) -> dict[str, set[int]]:
    """Per new-side path (as git names it, without its ``b/`` prefix), the line numbers the
    diff adds or changes. A pure deletion marks the lines on either side of the gap; a
    deleted file has no new side and is left out."""
    changed: dict[str, set[int]] = {}
    current: set[int] | None = None
    in_header = False  # between `diff --git` and the first hunk: an added "++ x" line is not a header
    for line in diff.splitlines():
        if line.startswith("diff --git "):
            in_header, current = True, None
            continue
        if in_header and line.startswith("+++ "):
            name = unquote_path(line[4:].rstrip("\t"))
            current = changed.setdefault(name[2:], set()) if name.startswith("b/") else None
            continue
        in_header = in_header and not line.startswith("@@")
        match = _HUNK.match(line)
        if match is None or current is None:
            continue
        start, count = int(match.group(1)), int(match.group(2) or "1")
        if count:
            current.update(range(start, start + count))
        else:  # lines removed after line `start`
            current.update(n for n in (start, start + 1) if n >= 1)
    return changed
