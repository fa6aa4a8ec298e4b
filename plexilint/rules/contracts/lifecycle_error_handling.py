from __future__ import annotations

from collections.abc import Iterator

from plexilint.model import Finding
from plexilint.policy.declared_contracts import ContractModel, Covered
from plexilint.rules.contracts.base import ContractRule


class LifecycleErrorHandling(ContractRule):
    """## What it does
    Reports a lifecycle method (a contract method with `lifecycle = true`: `initialize`,
    `start`, `stop`, `pause`, `resume`, `shutdown` in the preset) that lets exceptions escape
    (it does work outside any `try`), uses a bare `except:`, or catches without both returning
    `False` and recording the error (logging it or storing it, such as `self.last_error = e`).

    ## Why is this bad?
    The contract is "return `False` on failure": the loader marks the module failed and carries
    on with the others. An exception escaping `initialize` aborts the loader; a bare `except:`
    also swallows `KeyboardInterrupt` and `SystemExit`; an error that is neither returned nor
    recorded leaves the module "active" and broken with no trace.

    ## Example
    ```python
    # myapp/modules/backup.py
    from myapp.modules.base import BaseModule

    class Backup(BaseModule):
        async def initialize(self) -> bool:
            await self.connect_storage()
            return True
    ```

    Use instead:
    ```python
    # myapp/modules/backup.py
    from myapp.modules.base import BaseModule

    class Backup(BaseModule):
        async def initialize(self) -> bool:
            try:
                await self.connect_storage()
                return True
            except Exception as error:
                self.last_error = error
                self.logger.error("initialization failed: %s", error)
                return False
    ```

    ## Options
    - `contracts`

    ## Fix
    No automatic fix. Do the method's work inside `try:`, and in `except Exception as error:`
    record the error (log it, or store it as in `self.last_error = error`) and `return False`;
    replace a bare `except:` with `except Exception:`.

    To keep it, end the reported line with `# noqa: PLX310` (pylint:
    `# pylint: disable=lifecycle-error-handling`).
    """

    code = "PLX310"
    symbol = "lifecycle-error-handling"
    category = "W"
    summary = "Lifecycle method lets errors escape or hides them"

    def check_class(self, covered: Covered, model: ContractModel) -> Iterator[Finding]:
        for name, spec in sorted(covered.contract["methods"].items()):
            method = covered.own(name)
            if method is None or not spec.get("lifecycle"):
                continue
            if method.bare_except:
                problem = "uses a bare `except:` (it also swallows KeyboardInterrupt): catch `Exception`"
            elif method.does_work:
                problem = "lets exceptions escape: wrap its work in try/except, record the error, return False"
            elif method.guarded and not (method.handler_returns_false and method.handler_records_error):
                problem = "catches errors without both returning False and recording the error"
            else:
                continue
            yield self.report(covered, method.span, f"`{covered.cls.name}.{name}` {problem}", key=name)
