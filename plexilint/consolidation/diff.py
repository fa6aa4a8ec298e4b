"""A unified diff that `git apply` accepts, run from the project root."""

from __future__ import annotations

import difflib
from pathlib import Path

_NO_NEWLINE = "\\ No newline at end of file\n"


def unified_diff(root: Path, changes: dict[Path, tuple[bytes | None, bytes]]) -> str:
    """`changes`: path -> (bytes before, or None for a new file; bytes after)."""
    out: list[str] = []
    for path in sorted(changes):
        before, after = changes[path]
        relative = path.relative_to(root).as_posix()
        old = _lines(before) if before is not None else []
        new = _lines(after)
        if before is None:
            out.append(f"diff --git a/{relative} b/{relative}\nnew file mode 100644\n")
            header = ("--- /dev/null\n", f"+++ b/{relative}\n")
        else:
            out.append(f"diff --git a/{relative} b/{relative}\n")
            header = (f"--- a/{relative}\n", f"+++ b/{relative}\n")
        body = list(difflib.unified_diff(old, new, n=3))[2:]  # difflib's own header is replaced
        out.extend(header)
        for line in body:
            out.append(line if line.endswith("\n") else line + "\n" + _NO_NEWLINE)
    return "".join(out)


def _lines(data: bytes) -> list[str]:
    # Bytes decoded one-to-one, so any encoding and line ending survives the round trip (the
    # caller encodes the diff back with latin-1); only "\n" ends a line, as for git.
    parts = data.decode("latin-1").split("\n")
    lines = [part + "\n" for part in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])  # a last line without a newline
    return lines
