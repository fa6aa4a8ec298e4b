from __future__ import annotations

from plexilint.analysis.complexity import FunctionMetrics
from plexilint.rules.complexity.function_limit import FunctionLimitRule


class FunctionTooLong(FunctionLimitRule):
    """## What it does
    Reports a function or method with more than `max-function-lines` lines of code: its
    decorators, signature and body, without blank lines, comment-only lines and the docstring
    (a function is not long because it explains itself). A line holding part of a multi-line
    string or expression counts.

    ## Why is this bad?
    A 60-line method does several things, typically mixing validation, storage, locking and
    metrics in one body. Each part is hard to test and to reuse on its own.

    ## Example
    With a limit lowered to keep the example short:
    ```toml
    [tool.plexilint.complexity]
    max-function-lines = 4
    ```

    ```python
    def handle(request):
        data = request.json
        if not data.get("id"):
            raise ValueError("id")
        record = store.load(data["id"])
        record.update(data)
        store.save(record)
        return record
    ```

    Use instead:
    ```python
    def handle(request):
        data = validated(request.json)
        return store.merge(data["id"], data)
    ```

    ## Options
    - `complexity.max-function-lines`

    ## Fix
    No automatic fix. Extract the steps into well-named helper functions, and move long literal
    data (tables, templates) to module constants or files.

    To keep it, put `# noqa: PLX406` on the `def` line, on a decorator line, or on a comment
    line of its own right above the function: it covers that function only (pylint:
    `# pylint: disable=function-too-long`).
    """

    code = "PLX406"
    symbol = "function-too-long"
    category = "R"
    summary = "Function longer than the limit"
    options = ("complexity.max-function-lines",)
    measured = "lines of code"

    def measure(self, function: FunctionMetrics) -> int:
        return function.lines

    def message(self, function: FunctionMetrics, value: int, limit: int) -> str:
        return (f"`{function.qualname}` has {value} lines of code (limit {limit}): extract its steps "
                "into functions named after what they do")
