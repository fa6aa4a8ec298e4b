from __future__ import annotations

from collections.abc import Iterator

from plexilint.model import Finding
from plexilint.policy.declared_contracts import ContractModel, Covered
from plexilint.rules.contracts.base import ContractRule


class MethodUndocumented(ContractRule):
    """## What it does
    Reports a contract method defined without a docstring, in contracts with
    `document-methods = true` (the preset's default).

    ## Why is this bad?
    Contract methods are the module's public surface: operators read them to know what
    `initialize` sets up and what `health_check` reports. Documentation is one of the
    seven compliance categories of `plexilint contracts`.

    ## Example
    ```python
    # myapp/modules/sentiment.py
    from myapp.modules.base import BaseModule

    class Sentiment(BaseModule):
        async def initialize(self) -> bool:
            return True
    ```

    Use instead:
    ```python
    # myapp/modules/sentiment.py
    from myapp.modules.base import BaseModule

    class Sentiment(BaseModule):
        async def initialize(self) -> bool:
            \"\"\"Load the scoring model; nothing else to set up.\"\"\"
            return True
    ```

    ## Options
    - `contracts`

    ## Fix
    No automatic fix. Write a docstring that says what the method does for this module.

    To keep it, end the reported line with `# noqa: PLX311` (pylint:
    `# pylint: disable=contract-method-undocumented`).
    """

    code = "PLX311"
    symbol = "contract-method-undocumented"
    category = "C"
    summary = "Contract method without a docstring"

    def check_class(self, covered: Covered, model: ContractModel) -> Iterator[Finding]:
        if not covered.contract.get("document-methods"):
            return
        for name in sorted(covered.contract["methods"]):
            method = covered.own(name)
            if method is not None and not method.documented:
                yield self.report(
                    covered, method.span,
                    f"`{covered.cls.name}.{name}` has no docstring: say what it does and what it returns",
                    key=name,
                )
