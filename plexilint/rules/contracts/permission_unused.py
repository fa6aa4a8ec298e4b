from __future__ import annotations

from collections.abc import Iterator

from plexilint.model import Finding
from plexilint.policy.declared_contracts import ContractModel, Covered
from plexilint.rules.contracts.base import ContractRule
from plexilint.rules.contracts.permissions import USAGE_WORDS, declared_flags, lineage_usage


class PermissionUnused(ContractRule):
    """## What it does
    Reports a permission flag declared `True` in the permissions method (for example
    `file_system_access=True`) when neither the class nor the module functions it calls use
    that resource. Network use and external-API clients count for both `network_access` and
    `external_api_access`. Judged on the class that writes the permissions method, with the
    resources its project ancestors use.

    ## Why is this bad?
    Least privilege: every declared permission widens what a compromised or buggy module can
    do, and a reviewer cannot tell the necessary grants from the leftovers.

    ## Example
    ```python
    # myapp/modules/sentiment.py
    from myapp.modules.base import BaseModule, ModulePermissions

    class Sentiment(BaseModule):
        def get_required_permissions(self) -> ModulePermissions:
            return ModulePermissions(file_system_access=True)
    ```

    Use instead:
    ```python
    # myapp/modules/sentiment.py
    from myapp.modules.base import BaseModule, ModulePermissions

    class Sentiment(BaseModule):
        def get_required_permissions(self) -> ModulePermissions:
            return ModulePermissions()
    ```

    ## Options
    - `contracts`

    ## Fix
    No automatic fix. Set the flag to `False` (or drop it), so that the module asks only for
    what it uses. When it does use the resource in a way plexilint cannot see (code loaded at
    run time), keep the flag and suppress the finding.

    To keep it, end the reported line with `# noqa: PLX307` (pylint:
    `# pylint: disable=permission-unused`).
    """

    code = "PLX307"
    symbol = "permission-unused"
    judges_abstract_classes = False  # concrete classes only: abstract ones may leave things out
    category = "W"
    summary = "Permission declared but never used"

    def check_class(self, covered: Covered, model: ContractModel) -> Iterator[Finding]:
        flags_for = covered.contract.get("permission-flags") or {}
        name = covered.contract.get("permissions-method")
        declared, where = declared_flags(covered)
        if where is None or not name or covered.own(name) is None:
            return  # judged where the permissions method is written
        used = lineage_usage(covered, model)
        for category, flag in sorted(flags_for.items()):
            if declared.get(flag) == "True" and category not in used:
                yield self.report(
                    covered, where,
                    f"`{covered.cls.name}` declares `{flag}=True` but never {USAGE_WORDS[category]}: "
                    "remove it (least privilege)",
                    key=flag,
                )
