from __future__ import annotations

from collections.abc import Iterator

from plexilint.config import Config
from plexilint.engine.index import ProjectIndex
from plexilint.model import Finding, Span
from plexilint.rules.base import Rule

# What to do about each kind of failure (engine.facts.ParseFailure.kind).
_ADVICE = {
    "syntax": "fix it so Python can parse it",
    "unreadable": "make it a regular file plexilint can read",
    "too-deep": "Python parses it, but it nests deeper than plexilint analyses: split the deepest "
                "expression or statement",
}


class UnparsableFile(Rule):
    """## What it does
    Reports a file that cannot be read, decoded or parsed as Python, or that Python parses
    but that nests deeper than plexilint's analysis goes (hundreds of nested expressions).

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

    ## Fix
    No automatic fix. Make the file parse: correct the syntax error at the reported position
    (`python -m py_compile FILE` prints Python's own message), or save the file in an encoding
    Python reads. For a file that nests too deeply, split the deepest expression or statement. A
    file that is not meant to be Python 3 (a template, a Python 2 script) belongs in `exclude`.

    To keep it, end the reported line with `# noqa: PLX001` (pylint:
    `# pylint: disable=unparsable-file`).
    """

    code = "PLX001"
    symbol = "unparsable-file"
    category = "E"
    summary = "File cannot be read, decoded or parsed"
    reads = frozenset()
    single_file = True

    def check(self, index: ProjectIndex, config: Config) -> Iterator[Finding]:
        for file in index.files:
            failure = file.parse_failure
            if failure is not None:
                yield self.finding(
                    file,
                    Span(failure.line, failure.column),
                    f"Cannot analyse this file ({failure.reason}): {_ADVICE[failure.kind]}; "
                    "no other rule checks it until then",
                    key=failure.reason,
                )
