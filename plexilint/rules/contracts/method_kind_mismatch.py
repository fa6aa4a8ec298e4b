from __future__ import annotations

from collections.abc import Iterator

from plexilint.model import Finding
from plexilint.policy.declared_contracts import ContractModel, Covered, inherited_from
from plexilint.rules.contracts.base import ContractRule


class MethodKindMismatch(ContractRule):
    """## What it does
    Reports a contract method defined with the wrong kind: a lifecycle method the contract
    declares `async = true` written as a plain `def`, or the reverse.
    A method the class inherits from a mixin (a class outside the contract's hierarchy) is
    judged too, and reported on the class that inherits it, since the mixin itself is not
    covered; methods of the contract's subclasses are judged where they are written.

    ## Why is this bad?
    The loader awaits lifecycle methods. Awaiting the `bool` a plain `def` returns raises
    `TypeError: object bool can't be used in 'await' expression`; calling an `async def` without
    awaiting it returns a coroutine that is always truthy, so a failed start looks successful.

    ## Example
    ```python
    # myapp/modules/export.py
    from myapp.modules.base import BaseModule

    class Export(BaseModule):
        def initialize(self) -> bool:
            return True
    ```

    Use instead:
    ```python
    # myapp/modules/export.py
    from myapp.modules.base import BaseModule

    class Export(BaseModule):
        async def initialize(self) -> bool:
            return True
    ```

    ## Options
    - `contracts`

    ## Fix
    No automatic fix, because the callers change with it. Write the method as the contract says
    (`async def` or `def`), then update its callers: `await` it, or stop awaiting it.

    To keep it, end the reported line with `# noqa: PLX302` (pylint:
    `# pylint: disable=contract-method-kind`).
    """

    code = "PLX302"
    symbol = "contract-method-kind"
    category = "E"
    summary = "Contract method is sync where it must be async, or the reverse"

    def check_class(self, covered: Covered, model: ContractModel) -> Iterator[Finding]:
        for name, spec in sorted(covered.contract["methods"].items()):
            judged = covered.judged(name)
            if judged is None or spec.get("async") is None or judged[0].is_async == spec["async"]:
                continue
            method, mixin = judged
            wanted, found = ("async def", "def") if spec["async"] else ("def", "async def")
            yield self.report(
                covered, method.span if mixin is None else covered.cls.span,
                f"`{covered.cls.name}.{name}`{inherited_from(mixin)} is `{found}` but contract "
                f"`{covered.contract['name']}` requires `{wanted}`: the loader "
                f"{'awaits' if spec['async'] else 'calls'} it",
                key=name,
            )
