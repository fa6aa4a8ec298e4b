from __future__ import annotations

from collections.abc import Iterator

from plexilint.config import Config
from plexilint.engine.facts import FileFacts
from plexilint.model import Finding, Span
from plexilint.rules.base import FileRule


class ModuleTooLarge(FileRule):
    """## What it does
    Reports a module with more than `max-module-lines` lines of code (lines that are neither
    blank nor comment-only; docstrings count). The finding is on line 1.

    ## Why is this bad?
    Seed 003's hotspots were a 559-line idempotency manager and a 735-line settings module:
    files that size hold several concerns, attract merge conflicts and hide duplicated logic.

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
    """

    code = "PLX403"
    symbol = "module-too-large"
    category = "R"
    summary = "Module with more lines of code than the limit"
    options = ("complexity.max-module-lines",)

    def check_file(self, file: FileFacts, config: Config) -> Iterator[Finding]:
        limit = config["complexity.max-module-lines"]
        if file.complexity.code_lines > limit:
            yield self.finding(
                file, Span(1, 0),
                f"This module has {file.complexity.code_lines} lines of code (limit {limit}): split it into a "
                "package of focused modules",
                key="module",
            )
