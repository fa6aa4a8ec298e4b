from __future__ import annotations

from collections.abc import Iterator

from plexilint.analysis.fallbacks import NonePlaceholder, snake_case
from plexilint.config import Config
from plexilint.engine.facts import FileFacts
from plexilint.engine.index import ProjectIndex
from plexilint.model import Finding
from plexilint.policy.central import proposed_central_module
from plexilint.policy.replacements import FALLBACK_CLASS, placeholder_fallback
from plexilint.rules.base import Rule

# Exported `None` values are only placeholders when the name says "an object that does work";
# `altsep = None` is a real value.
SERVICE_NOUNS = frozenset("""
    adapter backend broker bus cache client connection controller dispatcher engine executor
    factory handler helper instance loader manager monitor pool processor provider queue
    registry repository runner scheduler server service session store system tracker validator worker
""".split())


def stands_for_object(name: str) -> bool:
    return snake_case(name).rsplit("_", 1)[-1] in SERVICE_NOUNS


class PlaceholderInstance(Rule):
    """## What it does
    Finds module-level `name = None` placeholders that stand in for a manager or service
    instance: the snake_case form of a class the module defines or imports
    (`event_manager = None` next to `EventManager`), or a name exported in `__all__` that ends
    in a service noun (`..._manager`, `..._service`, `..._client`, `..._scheduler`, ...). The
    name may be bound elsewhere too, typically by `from .manager import event_manager` in a
    `try` whose `except ImportError:` sets it to `None`.

    Not reported: names rebound through `global` in a function (lazy singletons), module
    placeholders (`try: import ujson` / `except ImportError: ujson = None`), constants in
    upper case, and dunder names.

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

    ## Fix
    `plexilint fix` rewrites it (it prints a diff; `--apply` writes it, with backups, and
    `plexilint rollback` undoes it; details in docs/fixing.md). `event_manager = None` becomes
    `event_manager = get_fallback_instance("EventManager")` (`get_fallback_class("Name")` when
    the placeholder stands for a class), from the central fallbacks module; a name without a
    central stub gets an inert stand-in that accepts any call and does nothing.

    A placeholder that code tests against `None` or for truth anywhere in the project
    (`if event_manager is None`, `if not event_manager`, `self.event_manager or default`), or
    compares with anything, stays `None`: a fallback object there would take the other branch. `plexilint report`
    lists it among the conflicts, with the lines that test it.

    To keep it, end the reported line with `# noqa: PLX104` (pylint:
    `# pylint: disable=placeholder-instance`).
    """

    code = "PLX104"
    symbol = "placeholder-instance"
    category = "W"
    summary = "`name = None` placeholder for a manager or service instance"
    reads = frozenset({"fallbacks"})
    options = ("fallbacks-module",)

    def check(self, index: ProjectIndex, config: Config) -> Iterator[Finding]:
        central: str | None = None
        for file in index.files:
            for placeholder in file.fallbacks.placeholders:
                if not (placeholder.class_hint or (placeholder.exported and stands_for_object(placeholder.name))):
                    continue
                central = central or proposed_central_module(index, config)
                yield self._finding(file, placeholder, central)

    def _finding(self, file: FileFacts, placeholder: NonePlaceholder, central: str) -> Finding:
        name = placeholder.name
        fix = placeholder_fallback(placeholder, central)
        replacement = f'{fix.imported}("{fix.argument}")'
        what = "class" if fix.imported == FALLBACK_CLASS else "instance"
        why = f"named after `{placeholder.class_hint}`" if placeholder.class_hint else "exported in `__all__`"
        return self.finding(
            file,
            placeholder.span,
            f"`{name} = None` is a placeholder {what} ({why}): use `{name} = {replacement}` from "
            f"`{central}` so callers get a working no-op object instead of None",
            key=name,
            fix=fix,
        )
