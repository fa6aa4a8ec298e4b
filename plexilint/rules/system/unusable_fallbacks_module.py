from __future__ import annotations

from collections.abc import Iterator

from plexilint.config import Config
from plexilint.engine.facts import FileFacts
from plexilint.engine.index import ProjectIndex
from plexilint.model import Finding, Span
from plexilint.policy.layout import central_module_problem, free_central_name
from plexilint.rules.base import Rule


class UnusableFallbacksModule(Rule):
    """## What it does
    Reports, once per project, a configured `fallbacks-module` that cannot exist or cannot be
    imported under its dotted name:

    - one of its parents is a module, not a package (`fallbacks-module =
      "myapp.utils.fallbacks"` beside a `myapp/utils.py`);
    - a folder on its path has no `__init__.py`, so the name does not resolve the way the
      project's other modules do;
    - a package and a module of the same name both claim it, or a part of the name is not a
      Python identifier (`my-app`, `2fa`).

    The finding sits on the module in the way (or the deepest existing package) and proposes a
    free dotted name.

    ## Why is this bad?
    Every PLX1 message tells to import stubs from that module, and `plexilint fix` would have to
    create it: a new package `myapp/utils/` beside `myapp/utils.py` wins at import time and
    makes every name of `utils.py` unimportable. `plexilint fix` refuses instead, and this finding
    says why before anyone runs it.

    ## Example
    With `fallbacks-module = "myapp.utils.fallbacks"` in `[tool.plexilint]`:

    ```python
    # myapp/utils.py
    def slugify(text):
        return text.lower()
    ```

    Use instead:
    ```python
    # myapp/utils/__init__.py
    def slugify(text):
        return text.lower()
    ```

    ## Options
    - `fallbacks-module`

    ## Fix
    No automatic fix: set `fallbacks-module` to the free name the message proposes (for
    example `myapp.fallbacks`), or turn the module in the way into a package yourself.

    To keep it, end the first line of the reported file with `# noqa: PLX003` (pylint:
    `# pylint: disable=unusable-fallbacks-module`).
    """

    code = "PLX003"
    symbol = "unusable-fallbacks-module"
    category = "E"
    summary = "The configured fallbacks module cannot exist under its name"
    reads = frozenset()
    options = ("fallbacks-module",)

    def check(self, index: ProjectIndex, config: Config) -> Iterator[Finding]:
        name = config["fallbacks-module"]
        if not name:
            return
        problem = central_module_problem(index.root, index, name)
        if problem is None:
            return
        anchor = _anchor(index, name)
        if anchor is None:
            return
        free = free_central_name(index.root, index, name)
        hint = f"; use a free name such as `{free}`" if free else ""
        yield self.finding(anchor, Span(1), f"`fallbacks-module` `{name}` cannot be used: {problem}{hint}",
                           key=name)


def _anchor(index: ProjectIndex, name: str) -> FileFacts | None:
    """The module in the way, else the deepest existing package on the name's path."""
    parts = name.split(".")
    found = None
    for depth in range(1, len(parts) + 1):
        file = index.by_module.get(".".join(parts[:depth]))
        if file is None:
            continue
        found = file
        if not file.is_package:
            break
    return found
