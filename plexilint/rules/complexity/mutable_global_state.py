from __future__ import annotations

from collections.abc import Iterator

from plexilint.config import Config
from plexilint.engine.facts import FileFacts
from plexilint.model import Finding
from plexilint.rules.base import FileRule


class MutableGlobalState(FileRule):
    """## What it does
    Reports `global` statements in functions, and module-level mutable containers (lists,
    dicts, sets, `defaultdict`, `Counter`...) or objects built from a class (`store = Store()`)
    that functions mutate: hidden singletons. Mutating is calling `append`, `update`, `pop`,
    `clear`... on it, assigning or deleting an item or an attribute (`store.ready = True`), or
    `setattr(store, ...)`. Upper-case names are taken as constants and not reported; a parameter
    or local variable of the same name is not the module's object.

    ## Why is this bad?
    Global state couples every caller to every other one: tests leak into each other, threads
    race, and the order of imports decides behaviour.

    ## Example
    ```python
    _registry = {}


    def register(name, handler):
        _registry[name] = handler
    ```

    Use instead:
    ```python
    class Registry:
        def __init__(self):
            self._handlers = {}

        def register(self, name, handler):
            self._handlers[name] = handler
    ```

    ## Options
    None.

    ## Fix
    No automatic fix. Pass the state as a parameter, or keep it in an object created once and
    handed to the functions that use it; for a cache, `functools.lru_cache`.

    To keep it, end the reported line with `# noqa: PLX408` (pylint:
    `# pylint: disable=mutable-global-state`).
    """

    code = "PLX408"
    symbol = "mutable-global-state"
    category = "W"
    summary = "Global statement, or module-level container or object mutated by functions"
    reads = frozenset({"complexity"})

    def check_file(self, file: FileFacts, config: Config) -> Iterator[Finding]:
        for state in file.complexity.global_state:
            yield self.finding(
                file, state.span,
                f"`{state.name}` is global state ({state.how}): pass it explicitly or keep it in an object "
                "the callers share",
                key=state.name,  # one finding per name
            )
