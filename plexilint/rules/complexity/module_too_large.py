from __future__ import annotations

from collections.abc import Iterator

from plexilint.config import Config
from plexilint.engine.facts import FileFacts
from plexilint.model import Finding, Measure, Span
from plexilint.rules.base import FileRule


class ModuleTooLarge(FileRule):
    """## What it does
    Reports a module with more than `max-module-lines` lines of code (lines that are neither
    blank nor comment-only; docstrings count). The finding is on line 1.

    ## Why is this bad?
    A 559-line manager or a 735-line settings module is a typical hotspot: files that size hold several concerns, attract merge conflicts and hide duplicated logic.

    ## Example
    With a limit lowered to keep the example short:
    ```toml
    [tool.plexilint.complexity]
    max-module-lines = 4
    ```

    ```python
    # myapp/settings.py
    import os

    DEBUG = os.environ.get("DEBUG") == "1"
    DATABASE_URL = os.environ["DATABASE_URL"]
    SECRET_KEY = os.environ["SECRET_KEY"]
    CACHE_TTL = int(os.environ.get("CACHE_TTL", "60"))
    ```

    Use instead:
    ```python
    # myapp/settings/__init__.py
    from .database import DATABASE_URL
    from .runtime import CACHE_TTL, DEBUG
    ```

    ## Options
    - `complexity.max-module-lines`

    ## Fix
    No automatic fix. Split the module into a package of focused modules. Either re-export the
    moved names from the package's `__init__.py`, or list the moves in `[tool.plexilint.moved]`:
    PLX501 then reports the imports through the old path, and `plexilint fix` rewrites them.

    To keep it, put `# noqa: PLX403` on line 1 of the module (pylint:
    `# pylint: disable=module-too-large`).
    """

    code = "PLX403"
    symbol = "module-too-large"
    category = "R"
    summary = "Module with more lines of code than the limit"
    reads = frozenset({"complexity"})
    options = ("complexity.max-module-lines",)

    def check_file(self, file: FileFacts, config: Config) -> Iterator[Finding]:
        limit = config["complexity.max-module-lines"]
        if file.complexity.code_lines > limit:
            yield self.finding(
                file, Span(1, 0),
                f"This module has {file.complexity.code_lines} lines of code (limit {limit}): split it into a "
                "package of focused modules",
                key="module",
                measures=[Measure("lines of code", file.complexity.code_lines)],
            )
