from __future__ import annotations

from collections.abc import Iterator

from plexilint.config import Config
from plexilint.engine.index import ProjectIndex
from plexilint.model import Finding, Span
from plexilint.rules.base import Rule


class UnparsableFile(Rule):
    """## What it does
    Reports a file that cannot be read, decoded or parsed as Python.

    ## Why is this bad?
    No other rule can look inside a file that does not parse, so its duplicated fallbacks,
    database calls and contract breaks go unseen. Python itself will refuse to import it.
    plexilint reports the problem as a finding instead of stopping, so one broken file
    never hides the findings of the others.

    ## Example
    ```python
    def broken(:
        pass
    ```

    Use instead:
    ```python
    def fixed():
        pass
    ```

    ## Options
    None.
    """

    code = "PLX001"
    symbol = "unparsable-file"
    category = "E"
    summary = "File cannot be read, decoded or parsed"

    def check(self, index: ProjectIndex, config: Config) -> Iterator[Finding]:
        for file in index.files:
            failure = file.parse_failure
            if failure is not None:
                yield self.finding(
                    file,
                    Span(failure.line, failure.column),
                    f"Cannot analyse this file ({failure.reason}): fix it so Python can parse it; "
                    "no other rule checks it until then",
                    key=failure.reason,
                )
