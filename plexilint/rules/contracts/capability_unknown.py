from __future__ import annotations

from collections.abc import Iterator

from plexilint.model import Finding
from plexilint.policy.declared_contracts import ContractModel, Covered
from plexilint.rules.contracts.base import ContractRule


class CapabilityUnknown(ContractRule):
    """## What it does
    Reports `ModuleCapability.X` (the contract's `capabilities-enum`) where `X` is not a member.
    The members are read from the enum's source when it is in the project, else taken from the
    contract's `capabilities` list (the preset's own list for `plexichat-module`).

    ## Why is this bad?
    It is an `AttributeError` the moment the permissions are built, usually when the loader
    starts the module, and a typo in a security declaration that nobody notices in review.

    ## Example
    ```python
    # myapp/modules/sentiment.py
    from myapp.modules.base import BaseModule, ModuleCapability, ModulePermissions

    class Sentiment(BaseModule):
        def get_required_permissions(self) -> ModulePermissions:
            return ModulePermissions(capabilities=[ModuleCapability.TELEPATHY])
    ```

    Use instead:
    ```python
    # myapp/modules/sentiment.py
    from myapp.modules.base import BaseModule, ModuleCapability, ModulePermissions

    class Sentiment(BaseModule):
        def get_required_permissions(self) -> ModulePermissions:
            return ModulePermissions(capabilities=[ModuleCapability.AI_PROCESSING])
    ```

    ## Options
    - `contracts`

    ## Fix
    No automatic fix. Use a member of the enum (the message lists them; a typo is the usual
    cause), or add the member to the enum when the capability is new.

    To keep it, end the reported line with `# noqa: PLX308` (pylint:
    `# pylint: disable=capability-unknown`).
    """

    code = "PLX308"
    symbol = "capability-unknown"
    category = "E"
    summary = "Capability that is not a member of the capability enum"

    def check_class(self, covered: Covered, model: ContractModel) -> Iterator[Finding]:
        members = model.capabilities(covered.contract)
        enum = (covered.contract.get("capabilities-enum") or "").rsplit(".", 1)[-1]
        if not members:
            return
        for name, member, where in covered.cls.capability_refs:
            if name == enum and member not in members:
                yield self.report(
                    covered, where,
                    f"`{enum}.{member}` is not a capability (known: {', '.join(sorted(members)[:8])}"
                    f"{', ...' if len(members) > 8 else ''}): use one of them",
                    key=member,
                )
