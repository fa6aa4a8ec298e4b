from __future__ import annotations

from collections.abc import Iterator

from plexilint.config import Config
from plexilint.engine.index import ProjectIndex
from plexilint.model import Finding, Related
from plexilint.policy.central import shadowing_reason
from plexilint.policy.history import HISTORY_PATH
from plexilint.policy.moved import moved_names
from plexilint.rules.base import Rule


class MovedNameRedefined(Rule):
    """## What it does
    Reports a class or function defined again in the module it moved away from: the name is
    listed in `[tool.plexilint.moved]`, or `plexilint fix --apply` moved it (recorded in
    `.plexilint/history.json`), and the old module now has a module-level definition of it
    again, typically brought back by merging a branch that predates the consolidation.

    A definition in an `except ImportError:` branch or beside an import in an `if`/`else` is a
    conditional fallback, not a redefinition, and is left alone; so is a stub that PLX102
    already reports as redefining a name of the central fallbacks module.

    ## Why is this bad?
    The old module re-exports the moved name while callers migrate. A definition placed after
    that re-export replaces it: code importing the name from the old path silently gets a
    second, diverging copy, and the consolidation is undone one merge at a time.

    ## Example
    ```toml
    [tool.plexilint.moved]
    "myapp.events:EventManager" = "myapp.utils.fallbacks:EventManager"
    ```

    ```python
    # myapp/events.py
    from myapp.utils.fallbacks import EventManager as EventManager  # noqa: F401


    class EventManager:
        def publish(self, event):
            return None
    ```

    Use instead:
    ```python
    # myapp/events.py
    from myapp.utils.fallbacks import EventManager as EventManager  # noqa: F401
    ```

    ## Options
    - `moved`
    - `fallbacks-module`

    ## Fix
    No automatic fix: the definition may carry changes made since the move. Compare it with the
    one in the new module, carry over what is still needed there, then delete it.

    To keep it (the name moves back, for instance), remove its entry from
    `[tool.plexilint.moved]`, or end the reported line with `# noqa: PLX502` (pylint:
    `# pylint: disable=moved-name-redefined`).
    """

    code = "PLX502"
    symbol = "moved-name-redefined"
    category = "W"
    summary = "Class or function defined again in the module it moved away from"
    reads = frozenset({"fallbacks"})
    project_files = (HISTORY_PATH,)  # the names `plexilint fix --apply` moved
    options = ("moved", "fallbacks-module")

    def check(self, index: ProjectIndex, config: Config) -> Iterator[Finding]:
        moved = moved_names(index, config)
        if not moved:
            return
        for file in index.files:
            if file.parse_failure is not None:
                continue
            redefined = [(definition, moved[f"{file.module}:{definition.name}"])
                         for definition in file.fallbacks.definitions
                         if not definition.guarded and f"{file.module}:{definition.name}" in moved]
            if not redefined:
                continue  # most files: nothing moved away from them
            left_to_plx102 = {stub.span for stub in file.fallbacks.stubs
                              if shadowing_reason(file, stub, index, config) is not None}
            for definition, target in redefined:
                new_module, _, new_name = target.partition(":")
                if new_module == file.module or definition.span in left_to_plx102:
                    continue
                renamed = f" as `{new_name}`" if new_name != definition.name else ""
                yield self.finding(
                    file, definition.span,
                    f"`{definition.name}` moved to `{new_module}`{renamed}, but this module defines it "
                    f"again: code importing it from `{file.module}` gets this second copy; merge what "
                    f"it still needs into `{new_module}.{new_name}` and delete it",
                    key=f"{file.module}:{definition.name}",
                    related=_definitions_of(index, new_module, new_name),
                )


def _definitions_of(index: ProjectIndex, module: str, name: str) -> list[Related]:
    """Where the new module defines the moved name (nothing when it is not in the project)."""
    file = index.module(module)
    if file is None:
        return []
    return [Related(file.relpath, d.span.line) for d in file.fallbacks.definitions if d.name == name]
