"""The floor for any AST linter in Python: ``ast.parse`` of every .py file under a directory,
in one process, keeping no tree. Run by the benchmark as a child process, like every tool."""

from __future__ import annotations

import ast
import sys
from pathlib import Path


def main(directory: str) -> int:
    parsed = failed = 0
    for path in sorted(Path(directory).rglob("*.py")):
        try:
            ast.parse(path.read_bytes(), filename=str(path))  # bytes: honours coding cookies
            parsed += 1
        except (SyntaxError, ValueError):
            failed += 1
    print(f"parsed {parsed} files, {failed} failed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
