"""A unified diff that `git apply` accepts, run from the project root."""

from __future__ import annotations

import difflib
import functools
from collections.abc import Iterable
from pathlib import Path

_NO_NEWLINE = "\\ No newline at end of file\n"


def unified_diff(root: Path, changes: dict[Path, tuple[bytes | None, bytes]]) -> str:
    """`changes`: path -> (bytes before, or None for a new file; bytes after)."""
    out: list[str] = []
    for path in sorted(changes):
        before, after = changes[path]
        relative = path.relative_to(root).as_posix()
        if before is None:
            out.append(f"diff --git a/{relative} b/{relative}\nnew file mode 100644\n")
            header = ("--- /dev/null\n", f"+++ b/{relative}\n")
        else:
            out.append(f"diff --git a/{relative} b/{relative}\n")
            header = (f"--- a/{relative}\n", f"+++ b/{relative}\n")
        body = _hunks(before, after)
        out.extend(header)
        for line in body:
            out.append(line if line.endswith("\n") else line + "\n" + _NO_NEWLINE)
    return "".join(out)


@functools.lru_cache(maxsize=64)
def _opcodes(before: bytes | None, after: bytes | None) -> tuple[list[str], list[str], list[tuple]]:
    """The lines of both sides and the edit between them, computed once for the diff and the
    counts. No "popular line" heuristic: blank lines of a long file stay matchable, as for git."""
    old = _lines(before) if before is not None else []
    new = _lines(after) if after is not None else []
    return old, new, difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()


def _grouped(opcodes: list[tuple], context: int = 3) -> Iterable[list[tuple[str, int, int, int, int]]]:
    """difflib's grouping of an edit into hunks with `context` lines around each change."""
    matcher = difflib.SequenceMatcher()
    # get_opcodes() returns the edit it holds, documented since 2.x; the stubs omit the attribute.
    matcher.opcodes = list(opcodes)  # type: ignore[attr-defined]
    return matcher.get_grouped_opcodes(context)


def _range(start: int, stop: int) -> str:
    """A hunk header's range, as difflib and git write it."""
    length = stop - start
    beginning = start + 1 if length else start
    return f"{beginning}" if length == 1 else f"{beginning},{length}"


def _hunks(before: bytes | None, after: bytes) -> list[str]:
    old, new, opcodes = _opcodes(before, after)
    lines: list[str] = []
    for group in _grouped(opcodes):
        first, last = group[0], group[-1]
        lines.append(f"@@ -{_range(first[1], last[2])} +{_range(first[3], last[4])} @@\n")
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                lines += [" " + line for line in old[i1:i2]]
                continue
            lines += ["-" + line for line in old[i1:i2]]
            lines += ["+" + line for line in new[j1:j2]]
    return lines


def line_counts(changes: dict[Path, tuple[bytes | None, bytes]]) -> tuple[int, int]:
    """(lines removed, lines added) over every change: exactly the `-` and `+` lines of the
    diff above, the one count the report, the fix, the apply step and the history all use."""
    removed = added = 0
    for before, after in changes.values():
        file_removed, file_added = file_line_counts(before, after)
        removed += file_removed
        added += file_added
    return removed, added


def file_line_counts(before: bytes | None, after: bytes | None) -> tuple[int, int]:
    removed = added = 0
    for tag, i1, i2, j1, j2 in _opcodes(before, after)[2]:
        if tag in ("replace", "delete"):
            removed += i2 - i1
        if tag in ("replace", "insert"):
            added += j2 - j1
    return removed, added


def describe_counts(removed: int, added: int) -> str:
    return f"{removed} line{'s' if removed != 1 else ''} removed, {added} added"


def _lines(data: bytes) -> list[str]:
    # Bytes decoded one-to-one, so any encoding and line ending survives the round trip (the
    # caller encodes the diff back with latin-1); only "\n" ends a line, as for git.
    parts = data.decode("latin-1").split("\n")
    lines = [part + "\n" for part in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])  # a last line without a newline
    return lines
