from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from plexilint.config import Config
from plexilint.engine.index import ProjectIndex
from plexilint.model import Finding, Related
from plexilint.policy.central import is_central_module, proposed_central_module
from plexilint.policy.replacements import VERSION_GETTER, version_getter
from plexilint.rules.base import Rule, describe_places


class DuplicatedVersionLookup(Rule):
    """## What it does
    Finds `__version__ = <call>` repeated across modules of a project, such as
    `__version__ = get_config("system.version", "0.0.0")` in every package `__init__.py`, or
    the `importlib.metadata.version(...)` lookup copied from module to module. Lookups are
    grouped by the function they call (resolved through imports).

    ## Why is this bad?
    Each copy repeats the config key and the default; when either changes, some modules keep
    reporting the old version. One shared `get_module_version()` in the central fallbacks
    module keeps the key, the default and the error handling in one place.

    ## Example
    ```python
    # myapp/events/__init__.py
    __version__ = get_config("system.version", "0.0.0")

    # myapp/files/__init__.py
    __version__ = get_config("system.version", "0.0.0")
    ```

    Use instead:
    ```python
    from myapp.utils.fallbacks import get_module_version

    __version__ = get_module_version()
    ```

    ## Options
    - `fallbacks-module`
    - `min-duplicates`

    ## Fix
    `plexilint fix` rewrites it (it prints a diff; `--apply` writes it, with backups, and
    `plexilint rollback` undoes it; details in docs/fixing.md). Each lookup becomes
    `__version__ = get_module_version()`, imported from the central fallbacks module, whose
    `get_module_version()` performs the most common of the repeated lookups (its import inside
    the function, so no import cycle). A module whose lookup used another key or default gets
    the common one too: check the diff for those.

    To keep it, end the reported line with `# noqa: PLX103` (pylint:
    `# pylint: disable=duplicated-version-lookup`).
    """

    code = "PLX103"
    symbol = "duplicated-version-lookup"
    category = "R"
    summary = "`__version__` lookup repeated across modules"
    reads = frozenset({"fallbacks"})
    options = ("fallbacks-module", "min-duplicates")

    def check(self, index: ProjectIndex, config: Config) -> Iterator[Finding]:
        by_callee = defaultdict(list)
        for file in index.files:
            if is_central_module(file.module, index, config):
                continue
            for lookup in file.fallbacks.version_lookups:
                owner, _, function = lookup.callee.rpartition(".")
                if function == VERSION_GETTER or is_central_module(owner, index, config):
                    continue
                by_callee[lookup.callee].append((file, lookup))
        if not by_callee:
            return
        central = proposed_central_module(index, config)
        for callee, members in by_callee.items():
            if len({file.path for file, _ in members}) < config["min-duplicates"]:
                continue
            places = [Related(file.relpath, lookup.span.line) for file, lookup in members]
            short = callee.rsplit(".", 1)[-1]
            for position, (file, lookup) in enumerate(members):
                others = places[:position] + places[position + 1:]
                yield self.finding(
                    file,
                    lookup.span,
                    f"`__version__` is looked up with `{short}(...)` here and in {len(others)} other "
                    f"place{'s' if len(others) != 1 else ''} ({describe_places(others)}): use "
                    f"`__version__ = {VERSION_GETTER}()` from `{central}`",
                    key=f"{callee}:{lookup.source}",
                    related=others,
                    fix=version_getter(lookup, central),
                )
