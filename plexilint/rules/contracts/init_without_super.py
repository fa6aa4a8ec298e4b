from __future__ import annotations

from collections.abc import Iterator

from plexilint.model import Finding
from plexilint.policy.declared_contracts import ContractModel, Covered
from plexilint.rules.contracts.base import ContractRule


class InitWithoutSuper(ContractRule):
    """## What it does
    Reports an `__init__` in a class covered by a contract with `require-super-init = true`
    that never calls `super().__init__(...)` (or `Base.__init__(self, ...)`).

    ## Why is this bad?
    The base class sets up what the loader relies on: name, version, state, logger, metrics,
    configuration. Skipping it leaves attributes missing until the first lifecycle call fails
    with an `AttributeError`.

    ## Example
    ```python
    # myapp/modules/filter.py
    from myapp.modules.base import BaseModule

    class Filter(BaseModule):
        def __init__(self):
            self.threshold = 0.8
    ```

    Use instead:
    ```python
    # myapp/modules/filter.py
    from myapp.modules.base import BaseModule

    class Filter(BaseModule):
        def __init__(self):
            super().__init__("filter", "1.0.0")
            self.threshold = 0.8
    ```

    ## Options
    - `contracts`

    ## Fix
    No automatic fix. Call `super().__init__(...)` in `__init__`, with the arguments the base
    class expects, before the attributes it sets up are used.

    To keep it, end the reported line with `# noqa: PLX304` (pylint:
    `# pylint: disable=init-without-super`).
    """

    code = "PLX304"
    symbol = "init-without-super"
    category = "W"
    summary = "`__init__` does not call `super().__init__(...)`"

    def check_class(self, covered: Covered, model: ContractModel) -> Iterator[Finding]:
        init = covered.own("__init__")
        if covered.contract.get("require-super-init") and init is not None and not init.calls_super_init:
            yield self.report(
                covered, init.span,
                f"`{covered.cls.name}.__init__` never calls `super().__init__(...)`: the base class "
                "state (name, version, logger, configuration) stays unset",
                key="__init__",
            )
