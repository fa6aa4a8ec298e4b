from __future__ import annotations

from collections.abc import Iterator

from plexilint.config import Config
from plexilint.engine.facts import FileFacts
from plexilint.model import Finding, Measure, Span
from plexilint.rules.base import FileRule


class LowMaintainability(FileRule):
    """## What it does
    Reports a module whose maintainability index is below `min-maintainability` (20 by
    default). The index is radon's: it falls with Halstead volume, cyclomatic complexity and
    logical lines, and rises with the share of comment lines (multi-line strings count as
    comments, as in `radon mi`); it is the same number `radon mi -s` prints, computed without
    radon's slow line scanner. The finding is on line 1.

    ## Why is this bad?
    A low index marks a module that is large, branchy and sparsely explained at once: the
    modules to break up first. Below 20 is radon's rank B ("medium"), below 10
    its rank C ("extremely low").

    ## Example
    With a limit raised to keep the example short:
    ```toml
    [tool.plexilint.complexity]
    min-maintainability = 70
    ```

    ```python
    # myapp/pricing.py
    def price(item, user, coupon, region):
        total = item.base * item.quantity
        if user.vip and coupon and coupon.valid and region in ("eu", "uk"):
            total = total * 0.8 - coupon.amount if coupon.amount < total else total * 0.5
        elif user.vip or (coupon and coupon.valid):
            total = total * 0.9 + item.shipping * (2 if region == "world" else 1)
        for tax in region.taxes if hasattr(region, "taxes") else ():
            total = total + total * tax.rate if tax.applies(item) else total
        return round(total, 2) if total > 0 else 0
    ```

    Use instead:
    ```python
    # myapp/pricing.py
    def price(item, discount):
        \"\"\"The price of an item after its discount.\"\"\"
        return discount(item.base * item.quantity)
    ```

    ## Options
    - `complexity.min-maintainability`

    ## Fix
    No automatic fix. Split the module, simplify its most complex functions (PLX401, PLX409),
    and comment what is not obvious: comment lines raise the index.

    To keep it, put `# noqa: PLX402` on line 1 of the module (pylint:
    `# pylint: disable=low-maintainability`).
    """

    code = "PLX402"
    symbol = "low-maintainability"
    category = "R"
    summary = "Module with a maintainability index below the limit"
    reads = frozenset({"complexity"})
    options = ("complexity.min-maintainability",)

    def check_file(self, file: FileFacts, config: Config) -> Iterator[Finding]:
        limit = config["complexity.min-maintainability"]
        score = file.complexity.maintainability
        if score < limit:
            yield self.finding(
                file, Span(1, 0),
                f"This module's maintainability index is {score:.1f} (limit {limit:g}): split it into focused "
                "modules and simplify its most complex functions",
                key="module",
                measures=[Measure("maintainability index", round(score, 1), higher_is_worse=False)],
            )
