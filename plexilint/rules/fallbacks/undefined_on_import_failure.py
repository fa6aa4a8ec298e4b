from __future__ import annotations

from collections.abc import Iterator

from plexilint.config import Config
from plexilint.engine.facts import FileFacts
from plexilint.model import Finding
from plexilint.policy.replacements import gap_binding
from plexilint.rules.base import FileRule


class UndefinedOnImportFailure(FileRule):
    """## What it does
    Finds names imported in a `try:` whose `except ImportError:` branch leaves them unbound
    (it passes, logs, or binds other names, such as a logger), when the module later uses them
    or lists them in `__all__`. A branch that raises is fine: the failure is not swallowed.
    Imports from a private top-level module (`from _collections import deque`), a compiled
    part of the interpreter or of a package, are not optional dependencies and are not
    reported.

    ## Why is this bad?
    When the import fails the name is never bound, so the module "degrades gracefully" only
    until the first use, which raises `NameError` (or `from module import *` raises
    `AttributeError`). The failure surfaces far from its cause, in production, on the path that
    tests did not take.

    ## Example
    ```python
    try:
        from .backends import RedisBackend
    except ImportError:
        logger.warning("redis backend unavailable, using fallback")

    def make_backend():
        return RedisBackend()
    ```

    Use instead:
    ```python
    from myapp.utils.fallbacks import get_fallback_class

    try:
        from .backends import RedisBackend
    except ImportError:
        logger.warning("redis backend unavailable, using fallback")
        RedisBackend = get_fallback_class("RedisBackend")
    ```

    ## Options
    None.

    ## Fix
    `plexilint fix` rewrites it (it prints a diff; `--apply` writes it, with backups, and
    `plexilint rollback` undoes it; details in docs/fixing.md). Each `except ImportError:`
    branch that left names unbound binds them,
    `RedisBackend = get_fallback_class("RedisBackend")` (`get_fallback_instance` for a
    lower-case name such as a function), in place of a lone `pass`; its logging stays.

    To keep it, end the reported line with `# noqa: PLX105` (pylint:
    `# pylint: disable=undefined-on-import-failure`).
    """

    code = "PLX105"
    symbol = "undefined-on-import-failure"
    category = "E"
    summary = "Guarded import leaves names undefined when it fails"
    reads = frozenset({"fallbacks"})

    def check_file(self, file: FileFacts, config: Config) -> Iterator[Finding]:
        for gap in file.fallbacks.undefined_on_failure:
            if gap.used_line is not None:
                consequence = f"its use on line {gap.used_line} raises NameError"
            else:
                consequence = "it is listed in `__all__`, so `from ... import *` raises AttributeError"
            fix = gap_binding(gap)
            yield self.finding(
                file,
                gap.span,
                f"`{gap.name}` stays undefined when importing `{gap.module}` fails (the except "
                f"branch does not bind it) and {consequence}: bind a fallback in the except "
                f"branch (e.g. `{fix.replacement}`) or let the "
                "ImportError propagate",
                key=f"{gap.module}:{gap.name}",
                fix=fix,
            )
