from __future__ import annotations

from plexilint.analysis.complexity import FunctionMetrics
from plexilint.rules.complexity.function_limit import FunctionLimitRule


class CognitiveComplexityHigh(FunctionLimitRule):
    """## What it does
    Reports a function whose cognitive complexity (SonarSource's definition: one point per
    break in the linear flow, `if`/`elif`/`else`, loops, `except`, `match`, ternaries, each
    sequence of boolean operators, recursion, plus the nesting level for structures that nest)
    is above `max-cognitive`.

    ## Why is this bad?
    Cyclomatic complexity counts paths; cognitive complexity measures how hard the code is to
    read. Deeply nested conditions cost far more attention than a flat sequence of checks with
    the same number of paths.

    ## Example
    ```python
    def sync(items, remote, dry_run):
        for item in items:
            if item.changed:
                if remote.available:
                    for attempt in range(3):
                        try:
                            if not dry_run:
                                remote.push(item)
                            break
                        except TimeoutError:
                            if attempt == 2:
                                raise
                            else:
                                continue
                else:
                    if item.required:
                        raise RuntimeError(item)
    ```

    Use instead:
    ```python
    def sync(items, remote, dry_run):
        for item in changed(items):
            push_with_retries(remote, item, dry_run)
    ```

    ## Options
    - `complexity.max-cognitive`

    ## Fix
    No automatic fix. Flatten the nesting: return or `continue` early, move nested blocks into
    helper functions, and give complex conditions a name.

    To keep it, put `# noqa: PLX409` on the `def` line, on a decorator line, or on a comment
    line of its own right above the function: it covers that function only (pylint:
    `# pylint: disable=cognitive-complexity-high`).
    """

    code = "PLX409"
    symbol = "cognitive-complexity-high"
    category = "R"
    summary = "Function with too high cognitive complexity"
    options = ("complexity.max-cognitive",)
    measured = "cognitive complexity"

    def measure(self, function: FunctionMetrics) -> int:
        return function.cognitive

    def message(self, function: FunctionMetrics, value: int, limit: int) -> str:
        return (f"`{function.qualname}` has cognitive complexity {value} (limit {limit}): flatten "
                "nested conditions with early returns and extract the inner blocks")
