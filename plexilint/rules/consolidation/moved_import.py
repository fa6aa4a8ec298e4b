from __future__ import annotations

from collections.abc import Iterator

from plexilint.config import Config
from plexilint.engine.index import ProjectIndex
from plexilint.model import Finding
from plexilint.policy.history import HISTORY_PATH
from plexilint.policy.moved import moved_names
from plexilint.rules.base import Rule


class MovedImport(Rule):
    """## What it does
    Reports `from old.module import Name` when `Name` moved: listed in
    `[tool.plexilint.moved]`, or moved by `plexilint fix --apply` (recorded in
    `.plexilint/history.json`). Fallbacks that `plexilint fix` moved out of an `except` or `if`
    branch are not "moved": the old module still serves the real object when its own import
    works.

    ## Why is this bad?
    An import through the old path keeps working only as long as the old module re-exports the
    name (or a compatibility shim does); it hides the real dependency and breaks when the
    shim goes, which is the point of consolidating. A compatibility layer is meant for
    exactly this transition, with the goal of removing it.

    ## Example
    ```toml
    [tool.plexilint.moved]
    "myapp.events:EventManager" = "myapp.utils.fallbacks:EventManager"
    ```

    ```python
    # myapp/api.py
    from myapp.events import EventManager
    ```

    Use instead:
    ```python
    # myapp/api.py
    from myapp.utils.fallbacks import EventManager
    ```

    ## Options
    - `moved`

    ## Fix
    `plexilint fix` rewrites it (it prints a diff; `--apply` writes it, with backups, and
    `plexilint rollback` undoes it; details in docs/fixing.md). `from old import A, B` becomes
    `from old import A` and `from new import B` (an `as` name is kept); imports of names the
    same run moves are retargeted too.

    For code the fix cannot reach (other repositories, plugins), `plexilint fix --shims` keeps
    the old path working meanwhile: a shim module, or a module-level `__getattr__`, that returns
    the name with a `DeprecationWarning`.

    To keep an import, end its line with `# noqa: PLX501` (pylint:
    `# pylint: disable=moved-import`): the fix leaves it alone.
    """

    code = "PLX501"
    symbol = "moved-import"
    category = "W"
    summary = "Import through a path the consolidation moved"
    reads = frozenset({"name_imports"})
    project_files = (HISTORY_PATH,)  # the names `plexilint fix --apply` moved
    options = ("moved",)

    def check(self, index: ProjectIndex, config: Config) -> Iterator[Finding]:
        moved = moved_names(index, config)
        if not moved:
            return
        for file in index.files:
            for imported in file.name_imports:
                target = moved.get(f"{imported.module}:{imported.name}")
                if target is None:
                    continue
                new_module, _, new_name = target.partition(":")
                if file.module in (imported.module, new_module):
                    continue  # the old module's own re-export, or the new module itself
                alias = f" as {imported.name}" if new_name != imported.name else ""
                yield self.finding(
                    file, imported.span,
                    f"`{imported.name}` moved from `{imported.module}` to `{new_module}`: import it from there "
                    f"(`from {new_module} import {new_name}{alias}`)",
                    key=f"{imported.module}:{imported.name}",
                )
