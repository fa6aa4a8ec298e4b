from __future__ import annotations

from plexilint.analysis.complexity import FunctionMetrics
from plexilint.rules.complexity.function_limit import FunctionLimitRule


class FunctionTooComplex(FunctionLimitRule):
    """## What it does
    Reports a function or method whose cyclomatic complexity (the number of independent paths,
    counted exactly as `radon cc` counts them, `match`/`case` included) is above
    `max-cyclomatic`. Nested functions and methods are measured and reported on their own.

    ## Why is this bad?
    Every path needs a test; past about eight, nobody tests them all, and changes break the
    paths nobody remembers. A common quality gate is "radon complexity < 8".

    ## Example
    ```python
    def price(kind, amount, member, coupon, express):
        total = amount
        if kind == "book":
            total *= 0.9
        elif kind == "food":
            total *= 0.95
        elif kind == "toy":
            total *= 0.8
        if member:
            total -= 5
        if coupon and total > 20:
            total -= 10
        if express or total > 100:
            total += 15
        for _ in range(3):
            if total < 0:
                total = 0
        return total
    ```

    Use instead:
    ```python
    DISCOUNTS = {"book": 0.9, "food": 0.95, "toy": 0.8}


    def price(kind, amount, member, coupon, express):
        total = amount * DISCOUNTS.get(kind, 1.0)
        total -= 5 if member else 0
        total -= coupon_discount(coupon, total)
        return max(total + shipping(express, total), 0)
    ```

    ## Options
    - `complexity.max-cyclomatic`

    ## Fix
    No automatic fix: how to split a function is a design decision. Move branches into helper
    functions, return early instead of nesting, replace an `if`/`elif` dispatch with a dict
    (PLX407); or raise `complexity.max-cyclomatic` for the whole project.

    To keep it, put `# noqa: PLX401` on the `def` line, on a decorator line, or on a comment
    line of its own right above the function: it covers that function only (pylint:
    `# pylint: disable=function-too-complex`).
    """

    code = "PLX401"
    symbol = "function-too-complex"
    category = "R"
    summary = "Function with too high cyclomatic complexity"
    options = ("complexity.max-cyclomatic",)
    measured = "cyclomatic complexity"

    def measure(self, function: FunctionMetrics) -> int:
        return function.cyclomatic

    def message(self, function: FunctionMetrics, value: int, limit: int) -> str:
        return (f"`{function.qualname}` has cyclomatic complexity {value} (limit {limit}): split "
                "it into smaller functions or replace branch chains with a lookup table")
