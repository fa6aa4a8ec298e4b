from __future__ import annotations

from collections.abc import Iterator

from plexilint.model import Finding
from plexilint.policy.declared_contracts import ContractModel, Covered, expected_signature
from plexilint.rules.contracts.base import ContractRule


class RequiredMethodMissing(ContractRule):
    """## What it does
    Reports a concrete class covered by a contract (a subclass of its `base`, directly, through
    other project classes or through mixins) that neither defines nor inherits a method the
    contract marks `required`. Abstract intermediate classes are exempt; a method inherited from
    a parent that implements it counts.

    ## Why is this bad?
    The module loader calls these methods on every module. A missing one is an `AttributeError`
    (or an abstract-class `TypeError`) at load time, in production, for one module only.

    ## Example
    ```python
    # myapp/modules/spam.py
    from myapp.modules.base import BaseModule

    class SpamFilter(BaseModule):
        async def initialize(self) -> bool:
            return True
    ```

    Use instead:
    ```python
    # myapp/modules/spam.py
    from typing import Any, Dict

    from myapp.modules.base import BaseModule, ModulePermissions

    class SpamFilter(BaseModule):
        async def initialize(self) -> bool:
            return True

        def get_metadata(self) -> Dict[str, Any]:
            return {"name": "spam", "version": "1.0", "description": "Spam filter", "author": "Team"}

        def get_required_permissions(self) -> ModulePermissions:
            return ModulePermissions()
    ```

    ## Options
    - `contracts`

    ## Fix
    No automatic fix. Implement the method in the class, or in a project base class it inherits,
    with the contract's parameters, kind (`async def` or `def`) and a docstring;
    `plexilint contracts` lists each class's violations. A class that is only a base for others
    is exempt once it is abstract (an `ABC` base or an `@abstractmethod`).

    To keep it, end the reported line with `# noqa: PLX301` (pylint:
    `# pylint: disable=contract-method-missing`).
    """

    code = "PLX301"
    symbol = "contract-method-missing"
    judges_abstract_classes = False  # concrete classes only: abstract ones may leave things out
    category = "E"
    summary = "Required contract method not implemented"

    def check_class(self, covered: Covered, model: ContractModel) -> Iterator[Finding]:
        for name, spec in sorted(covered.contract["methods"].items()):
            if spec.get("required") and name not in covered.methods:
                signature = expected_signature(spec).replace("NAME", name)
                yield self.report(
                    covered, covered.cls.span,
                    f"`{covered.cls.name}` does not implement `{name}`, required by contract "
                    f"`{covered.contract['name']}`: add `{signature}`",
                    key=name,
                )
