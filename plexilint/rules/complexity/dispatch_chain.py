from __future__ import annotations

from collections.abc import Iterator

from plexilint.config import Config
from plexilint.engine.facts import FileFacts
from plexilint.model import Finding
from plexilint.rules.base import FileRule


class DispatchChain(FileRule):
    """## What it does
    Reports an `if`/`elif` chain of `min-dispatch-branches` or more branches that all test the
    same subject, with `isinstance(subject, ...)` or equality with constants (`==`, `is`, `in`
    a tuple of constants), where every branch returns, assigns or raises.

    ## Why is this bad?
    Each new case edits the chain (and its tests); the chain grows the function's complexity by
    one per branch. A dict from type or value to handler is one line per case, can be extended
    from elsewhere, and keeps the function flat.

    ## Example
    ```python
    def encode(value):
        if isinstance(value, bool):
            return "b"
        elif isinstance(value, int):
            return "i"
        elif isinstance(value, float):
            return "f"
        elif isinstance(value, str):
            return "s"
        raise TypeError(value)
    ```

    Use instead:
    ```python
    CODES = {bool: "b", int: "i", float: "f", str: "s"}


    def encode(value):
        try:
            return CODES[type(value)]
        except KeyError:
            raise TypeError(value) from None
    ```

    ## Options
    - `complexity.min-dispatch-branches`

    ## Fix
    No automatic fix. Build a dict from the tested value (or type) to the result or to a handler
    function, once at module level, and look the subject up in it; for types,
    `functools.singledispatch` does the same.

    To keep it, end the reported line with `# noqa: PLX407` (pylint:
    `# pylint: disable=dispatch-chain`).
    """

    code = "PLX407"
    symbol = "dispatch-chain"
    category = "R"
    summary = "Long if/elif chain on one subject that should be a dict"
    reads = frozenset({"complexity"})
    options = ("complexity.min-dispatch-branches",)

    def check_file(self, file: FileFacts, config: Config) -> Iterator[Finding]:
        least = config["complexity.min-dispatch-branches"]
        for chain in file.complexity.chains:
            if chain.branches >= least:
                by = "type" if chain.test == "isinstance" else "value"
                yield self.finding(
                    file, chain.span,
                    f"This if/elif chain dispatches on the {by} of `{chain.subject}` in {chain.branches} branches: "
                    f"use a dict (or a registry) from {by} to result or handler",
                    key=f"{chain.function}:{chain.subject}",
                )
