from __future__ import annotations

from collections.abc import Iterator

from plexilint.engine.facts import FileFacts
from plexilint.engine.selection import Selection
from plexilint.engine.suppressions import WHOLE_FILE
from plexilint.model import Finding, Span
from plexilint.rules.base import REGISTRY, AfterFindingsRule


class UnusedNoqa(AfterFindingsRule):
    """## What it does
    Reports a `# noqa: PLX...` comment that lists a plexilint code (or prefix) for which no
    finding is reported on that line, although the rule is enabled for the file. Codes of other
    tools and bare `# noqa` comments are left alone: plexilint cannot tell whether they are used.
    Only real comments count; `# noqa` text inside a string is not a suppression to judge.

    ## Why is this bad?
    A stale suppression hides the next real finding on that line. After a refactor moves a stub
    into the central module, the `# noqa: PLX101` that excused the copy no longer excuses
    anything, and it would silently excuse the next copy written there.

    ## Example
    ```python
    VALUE = 1  # noqa: PLX104
    ```

    Use instead:
    ```python
    VALUE = 1
    ```

    ## Options
    None.

    ## Fix
    No automatic fix. Remove the listed code from the comment, or the whole `# noqa: ...` when
    it lists nothing else. A suppression for a rule that is disabled for the file is not
    reported, so this finding means the rule ran and found nothing on that line.

    To keep it, end the reported line with `# noqa: PLX002` (pylint:
    `# pylint: disable=unused-noqa`).
    """

    code = "PLX002"
    symbol = "unused-noqa"
    category = "W"
    summary = "`# noqa` comment suppresses no plexilint finding"
    reads = frozenset()

    def check_findings(self, file: FileFacts, findings: list[Finding], selection: Selection) -> Iterator[Finding]:
        if not file.noqa_comment_lines or WHOLE_FILE in file.suppressions:
            return
        on_line = _codes_by_line(findings)
        comments = {line: (start, end) for line, start, end in file.noqa_comment_lines}
        for line, listed in sorted(file.suppressions.items()):
            if listed is None or line not in comments:
                continue
            for code in sorted(c for c in listed if c.startswith("PLX")):
                if self._could_report(code, file, selection) and not any(
                        found.startswith(code) for found in on_line.get(line, ())):
                    yield self.finding(
                        file,
                        Span(line, comments[line][0], line, comments[line][1]),  # the comment
                        f"`# noqa: {code}` suppresses nothing on this line: remove {code} from the comment",
                        key=f"{code}:{line}",
                    )

    def _could_report(self, code: str, file: FileFacts, selection: Selection) -> bool:
        """Some enabled rule (this one aside) matching ``code`` reports in this file: otherwise
        the noqa may be for a rule turned off here, not unused."""
        return any(selection.reports(known, file.relpath) for known in REGISTRY
                   if known.startswith(code) and known != self.code)


def _codes_by_line(findings: list[Finding]) -> dict[int, set[str]]:
    """The codes found on each line, counting the extra lines a noqa may sit on."""
    on_line: dict[int, set[str]] = {}
    for finding in findings:
        for line in (finding.line, *finding.noqa_lines):
            on_line.setdefault(line, set()).add(finding.code)
    return on_line
