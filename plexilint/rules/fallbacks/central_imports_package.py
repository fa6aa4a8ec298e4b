from __future__ import annotations

from collections.abc import Iterator

from plexilint.config import Config
from plexilint.engine.index import ProjectIndex
from plexilint.model import Finding
from plexilint.policy.central import central_files, central_module_name
from plexilint.rules.base import Rule


class CentralImportsPackage(Rule):
    """## What it does
    Reports module-level imports in the central fallbacks module that reach back into the
    package it serves (any module of the same top-level package, relative imports included).
    Imports inside functions and under `if TYPE_CHECKING:` are not reported: a lazy import is
    the recommended way to read package configuration from the central module.

    ## Why is this bad?
    Every module of the package imports the fallbacks module. If the fallbacks module imports
    one of them at import time, the first import of either side can hit a partially initialised
    module: an import cycle, and an `ImportError` on exactly the path fallbacks exist for.

    ## Example
    ```python
    # myapp/utils/fallbacks.py
    from myapp.config import get_config

    def get_module_version():
        return get_config("system.version", "0.0.0")
    ```

    Use instead:
    ```python
    # myapp/utils/fallbacks.py
    def get_module_version():
        try:
            from myapp.config import get_config  # lazy: no import cycle
        except ImportError:
            return "0.0.0"
        return get_config("system.version", "0.0.0")
    ```

    ## Options
    - `fallbacks-module`

    ## Fix
    No automatic fix (the central module `plexilint fix` writes never imports the package at
    import time, but an existing one is not rewritten). Move the import into the function that
    needs it, as in the example, or under `if TYPE_CHECKING:` when only annotations use it; or
    move what the fallbacks need into the central module itself.

    To keep it, end the reported line with `# noqa: PLX106` (pylint:
    `# pylint: disable=central-imports-package`).
    """

    code = "PLX106"
    symbol = "central-imports-package"
    category = "E"
    summary = "Central fallbacks module imports from the package it serves"
    reads = frozenset({"fallbacks"})
    options = ("fallbacks-module",)

    def check(self, index: ProjectIndex, config: Config) -> Iterator[Finding]:
        name = central_module_name(index, config)
        package = (name or "").split(".")[0]
        for central in central_files(index, config):
            for imported in central.fallbacks.imports:
                if imported.module.split(".")[0] != package or imported.module == name \
                        or imported.module.startswith(f"{name}."):
                    continue
                yield self.finding(
                    central,
                    imported.span,
                    f"The central fallbacks module imports `{imported.module}` from the package it "
                    f"serves (`{package}`), which imports it back: move the import inside the "
                    "function that needs it, or pass the value in",
                    key=imported.module,
                )
