from __future__ import annotations

from collections.abc import Iterator

from plexilint.model import Finding
from plexilint.policy.declared_contracts import ContractModel, Covered
from plexilint.rules.contracts.base import ContractRule


class MetadataIncomplete(ContractRule):
    """## What it does
    Reports a `metadata-method` (for PlexiChat modules, `get_metadata`) whose returned dict
    literal lacks one of the contract's `metadata-keys` (`name`, `version`, `description`,
    `author` in the preset). Metadata built at run time is not checked.

    ## Why is this bad?
    The module registry, the admin panel and the compatibility checks read these keys; a
    missing one shows as `None` in the UI or a `KeyError` in tooling.

    ## Example
    ```python
    # myapp/modules/sentiment.py
    from myapp.modules.base import BaseModule

    class Sentiment(BaseModule):
        def get_metadata(self):
            return {"name": "sentiment", "version": "1.2.0", "description": "Scores messages"}
    ```

    Use instead:
    ```python
    # myapp/modules/sentiment.py
    from myapp.modules.base import BaseModule

    class Sentiment(BaseModule):
        def get_metadata(self):
            return {"name": "sentiment", "version": "1.2.0", "description": "Scores messages",
                    "author": "ML team"}
    ```

    ## Options
    - `contracts`

    ## Fix
    No automatic fix: plexilint cannot know the values. Add each missing key, with its real
    value, to the dict the method returns.

    To keep it, end the reported line with `# noqa: PLX309` (pylint:
    `# pylint: disable=metadata-incomplete`).
    """

    code = "PLX309"
    symbol = "metadata-incomplete"
    category = "W"
    summary = "Module metadata lacks a required key"

    def check_class(self, covered: Covered, model: ContractModel) -> Iterator[Finding]:
        name = covered.contract.get("metadata-method")
        if not name:
            return
        method = covered.own(name)
        if method is None or method.returned_dict_keys is None:
            return
        missing = [k for k in covered.contract.get("metadata-keys", []) if k not in method.returned_dict_keys]
        if missing:
            yield self.report(
                covered, method.span,
                f"`{covered.cls.name}.{name}` returns no {', '.join(f'`{k}`' for k in missing)}: add "
                f"{'it' if len(missing) == 1 else 'them'} to the metadata",
                key=name,
            )
