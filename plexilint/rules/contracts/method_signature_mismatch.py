from __future__ import annotations

from collections.abc import Iterator

from plexilint.model import Finding
from plexilint.rules.contracts.base import ContractRule
from plexilint.policy.declared_contracts import (
    ContractModel,
    Covered,
    expected_signature,
    inherited_from,
    same_annotation,
)


class MethodSignatureMismatch(ContractRule):
    """## What it does
    Reports a contract method whose parameters (after `self`) or return annotation differ from
    the contract's `params` and `returns`. Annotations are compared after normalising `typing.`
    prefixes, spacing and `Dict`/`dict`.
    A method the class inherits from a mixin (a class outside the contract's hierarchy) is
    judged too, and reported on the class that inherits it, since the mixin itself is not
    covered; methods of the contract's subclasses are judged where they are written.

    ## Why is this bad?
    The loader calls every module the same way. An extra required parameter is a `TypeError`
    at call time; a different return type breaks whoever reads the result (a health check that
    returns a `str` where a `Dict` is expected).

    ## Example
    ```python
    # myapp/modules/stats.py
    from myapp.modules.base import BaseModule

    class Stats(BaseModule):
        async def initialize(self, config) -> dict:
            return {}
    ```

    Use instead:
    ```python
    # myapp/modules/stats.py
    from myapp.modules.base import BaseModule

    class Stats(BaseModule):
        async def initialize(self) -> bool:
            return True
    ```

    ## Options
    - `contracts`

    ## Fix
    No automatic fix, because the callers change with it. Make the parameters and the return
    annotation those the message shows from the contract, then update the callers.

    To keep it, end the reported line with `# noqa: PLX303` (pylint:
    `# pylint: disable=contract-signature-mismatch`).
    """

    code = "PLX303"
    symbol = "contract-signature-mismatch"
    category = "E"
    summary = "Contract method parameters or return annotation differ from the contract"

    def check_class(self, covered: Covered, model: ContractModel) -> Iterator[Finding]:
        for name, spec in sorted(covered.contract["methods"].items()):
            judged = covered.judged(name)
            if judged is None:
                continue
            method, mixin = judged
            problems = []
            if spec.get("params") is not None and list(method.params) != list(spec["params"]):
                problems.append(f"takes `{', '.join(method.params)}`" if method.params
                                else "takes no parameter")
            if not same_annotation(method.returns, spec.get("returns")):
                problems.append("has no return annotation" if method.returns is None
                                else f"returns `{method.returns}`")
            if problems:
                yield self.report(
                    covered, method.span if mixin is None else covered.cls.span,
                    f"`{covered.cls.name}.{name}`{inherited_from(mixin)} {' and '.join(problems)}; contract "
                    f"`{covered.contract['name']}` expects `{expected_signature(spec).replace('NAME', name)}`",
                    key=name,
                )
