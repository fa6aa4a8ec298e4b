from __future__ import annotations

from collections.abc import Iterator

from plexilint.analysis.fallbacks import camel_case
from plexilint.config import Config
from plexilint.engine.facts import FileFacts
from plexilint.engine.index import ProjectIndex
from plexilint.model import Finding
from plexilint.rules.base import Rule
from plexilint.rules.fallbacks.central import proposed_central_module


class PlaceholderInstance(Rule):
    """## What it does
    Finds module-level `name = None` placeholders that stand in for a manager or service
    instance: the name is exported in `__all__`, or it is the snake_case form of a class the
    module defines or imports (`event_manager = None` next to `EventManager`). Names rebound
    through `global` in a function (lazy singletons) are not placeholders and are not reported.

    ## Why is this bad?
    Every caller must remember to check for `None`; the one that forgets fails with
    `AttributeError: 'NoneType' object has no attribute ...` far from the cause, and only on the
    fallback path that tests rarely take. A no-op fallback instance from the central module
    behaves like the real object.

    ## Example
    ```python
    __all__ = ["EventManager", "event_manager"]

    event_manager = None
    ```

    Use instead:
    ```python
    from myapp.utils.fallbacks import get_fallback_instance

    event_manager = get_fallback_instance("EventManager")
    ```

    ## Options
    - `fallbacks-module`
    """

    code = "PLX104"
    symbol = "placeholder-instance"
    category = "W"
    summary = "`name = None` placeholder for a manager or service instance"
    options = ("fallbacks-module",)

    def check(self, index: ProjectIndex, config: Config) -> Iterator[Finding]:
        central: str | None = None
        for file in index.files:
            for placeholder in file.fallbacks.placeholders:
                if not (placeholder.exported or placeholder.class_hint):
                    continue
                central = central or proposed_central_module(index, config)
                yield self._finding(file, placeholder, central)

    def _finding(self, file: FileFacts, placeholder, central: str) -> Finding:
        class_name = placeholder.class_hint or camel_case(placeholder.name)
        why = "exported in `__all__`" if placeholder.exported else f"named after `{class_name}`"
        return self.finding(
            file,
            placeholder.span,
            f"`{placeholder.name} = None` is a placeholder instance ({why}): use "
            f"`{placeholder.name} = get_fallback_instance(\"{class_name}\")` from `{central}` so "
            "callers get a working no-op object instead of None",
            key=placeholder.name,
        )
