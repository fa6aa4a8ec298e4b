from __future__ import annotations

from collections.abc import Iterator

from plexilint.config import Config
from plexilint.engine.index import ProjectIndex
from plexilint.model import Finding
from plexilint.rules.base import Rule
from plexilint.rules.database.advice import NeedsManager, accessor_hint
from plexilint.policy.database_access import (
    CLIENT_SUBMODULES,
    DATABASE_MODULES,
    RAW,
    WRAPPED,
    Verdict,
    database_model,
)


class DatabaseImport(NeedsManager, Rule):
    """## What it does
    Reports imports of a database driver, an ORM session or another raw-access name (a project
    factory returning a database handle, a class keeping one, a configured `raw-access` name)
    in a guarded module. Imports under `if TYPE_CHECKING:` and names used only in annotations
    are ignored: a type hint opens no connection.

    ## Why is this bad?
    The import is where a bypass starts. A guarded module that imports the driver will sooner
    or later call it; importing the fallback manager instead keeps the layering visible, the
    way import-linter contracts do, but for the calls too (see PLX201).

    ## Example
    With the project's fallback manager declared (or found by plexilint, see PLX201):
    ```toml
    [tool.plexilint.database]
    fallback-manager = ["myapp.database.factories.get_fallback_manager"]
    ```

    ```python
    # myapp/services/audit.py
    import sqlite3

    def record(event):
        sqlite3.connect("audit.db").execute("INSERT INTO audit VALUES (?)", (event,))
    ```

    Use instead:
    ```python
    # myapp/services/audit.py
    from myapp.database.factories import get_fallback_manager

    def record(event):
        get_fallback_manager().execute("INSERT INTO audit VALUES (?)", (event,))
    ```

    ## Options
    - `database.fallback-manager`
    - `database.raw-access`
    - `database.guarded`
    - `database.allowed`

    ## Fix
    No automatic fix. Import the fallback manager (or its factory) instead and send the calls
    through it (PLX201 reports them); an import needed only by annotations goes under
    `if TYPE_CHECKING:`. A module that owns database access on purpose belongs in
    `database.allowed`.

    To keep it, end the reported line with `# noqa: PLX202` (pylint:
    `# pylint: disable=database-import`).
    """

    code = "PLX202"
    symbol = "database-import"
    category = "W"
    summary = "Driver, ORM session or raw-access name imported in a guarded module"
    reads = frozenset({"database"})
    options = ("database.fallback-manager", "database.raw-access", "database.guarded", "database.allowed")

    def check(self, index: ProjectIndex, config: Config) -> Iterator[Finding]:
        model = database_model(index, config)
        if not model.manager.exists:
            return  # nothing to import instead: see the note
        for file in index.files:
            if not file.database.imports or not model.is_guarded(file):
                continue
            for binding in file.database.imports:
                if binding.type_checking or binding.annotation_only:
                    continue
                verdict = model.verdict(f"sym:{binding.origin}")
                top, _, rest = binding.origin.partition(".")
                if verdict.category not in (RAW, WRAPPED) and top in DATABASE_MODULES and (
                        binding.module_import or rest.rsplit(".", 1)[-1] in CLIENT_SUBMODULES):
                    verdict = Verdict(RAW, binding.origin)  # a driver sub-module: `redis.asyncio`
                if verdict.category not in (RAW, WRAPPED):
                    continue
                yield self.finding(
                    file,
                    binding.span,
                    f"`{binding.name}` brings raw database access (`{verdict.via}`) into a guarded "
                    f"module: import the fallback manager and use {accessor_hint(model)} instead",
                    key=binding.origin,
                    noqa_lines=(binding.statement_line,),  # a multi-line import's first line
                )
