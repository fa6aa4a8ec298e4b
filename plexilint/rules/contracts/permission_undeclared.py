from __future__ import annotations

from collections.abc import Iterator

from plexilint.model import Finding
from plexilint.policy.declared_contracts import ContractModel, Covered
from plexilint.rules.contracts.base import ContractRule
from plexilint.rules.contracts.permissions import USAGE_WORDS, declared_flags, lineage_capabilities, used_categories


class PermissionUndeclared(ContractRule):
    """## What it does
    Reports a covered class that uses a resource its permissions method does not declare: the
    network (requests, httpx, aiohttp, urllib, socket, websockets...), the file system (`open`,
    pathlib reads and writes, `os`/`shutil` file operations), a database driver, subprocesses,
    or an external API client, in its methods or in the module functions they call. A resource
    counts as declared when its flag (`permission-flags`, e.g. `network_access=True`) or its
    capability (`capability-for`, e.g. `ModuleCapability.NETWORK_ACCESS`) is there.

    ## Why is this bad?
    Permissions are what the sandbox grants and what reviewers read. A module that quietly
    opens sockets runs with rights nobody approved, and breaks the day the sandbox enforces
    the declaration.

    ## Example
    ```python
    # myapp/modules/relay.py
    import requests

    from myapp.modules.base import BaseModule, ModulePermissions

    class Relay(BaseModule):
        def relay(self, event):
            return requests.post("https://hooks.example.com", json=event).ok

        def get_required_permissions(self) -> ModulePermissions:
            return ModulePermissions(network_access=False)
    ```

    Use instead:
    ```python
    # myapp/modules/relay.py
    import requests

    from myapp.modules.base import BaseModule, ModulePermissions

    class Relay(BaseModule):
        def relay(self, event):
            return requests.post("https://hooks.example.com", json=event).ok

        def get_required_permissions(self) -> ModulePermissions:
            return ModulePermissions(network_access=True)
    ```

    ## Options
    - `contracts`

    ## Fix
    No automatic fix: declaring a permission is a security decision. Declare the resource in the
    permissions method (its flag, such as `network_access=True`, or its capability, such as
    `ModuleCapability.NETWORK_ACCESS`), or stop using it.

    To keep it, end the reported line with `# noqa: PLX306` (pylint:
    `# pylint: disable=permission-undeclared`).
    """

    code = "PLX306"
    symbol = "permission-undeclared"
    judges_abstract_classes = False  # concrete classes only: abstract ones may leave things out
    category = "E"
    summary = "Resource used without the matching permission or capability"

    def check_class(self, covered: Covered, model: ContractModel) -> Iterator[Finding]:
        flags_for = covered.contract.get("permission-flags") or {}
        capability_for = covered.contract.get("capability-for") or {}
        if not flags_for or not covered.contract.get("permissions-method"):
            return
        declared, where = declared_flags(covered)
        if where is None:
            return  # permissions built at run time: nothing to compare with
        capabilities = lineage_capabilities(covered, model)
        for category, (used_at, evidence) in sorted(used_categories(covered).items()):
            flag = flags_for.get(category)
            if flag is None or declared.get(flag) == "True" or capability_for.get(category) in capabilities:
                continue
            yield self.report(
                covered, used_at,
                f"`{covered.cls.name}` {USAGE_WORDS[category]} (`{evidence}`) but "
                f"`{covered.contract['permissions-method']}` does not declare `{flag}=True`: declare it",
                key=category,
            )
