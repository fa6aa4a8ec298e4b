from __future__ import annotations

from collections.abc import Iterator

from plexilint.analysis.database import ClassShape
from plexilint.config import Config
from plexilint.engine.index import ProjectIndex
from plexilint.model import Finding
from plexilint.policy.database_access import database_model
from plexilint.rules.base import Rule
from plexilint.rules.database.advice import NeedsManager, manager_classes


class ManagerWithoutFallback(NeedsManager, Rule):
    """## What it does
    Inside the fallback manager class, reports an operation that calls exactly one client
    (`self.sql_client.get_by_id(...)`) with no path to the next one: no loop over clients, no
    `except` branch that tries another client, and no call to a method of the manager that
    does either (such as a `_try(operation, ...)` helper). Logging in an `except` branch is
    not trying another client. The manager class is the configured one, or the one plexilint
    finds (see PLX201).

    ## Why is this bad?
    Services were told to trust the manager to fall back. An operation that only knows one
    database fails exactly like a direct call when that database is down, while looking safe
    at every call site.

    ## Example
    ```python
    # myapp/database/factories.py
    class DatabaseFallbackManager:
        def __init__(self, sql_client, vector_client):
            self.sql_client = sql_client
            self.vector_client = vector_client

        def get_by_id(self, item_id):
            return self.sql_client.get_by_id(item_id)
    ```

    Use instead:
    ```python
    # myapp/database/factories.py
    class DatabaseFallbackManager:
        def __init__(self, sql_client, vector_client):
            self.sql_client = sql_client
            self.vector_client = vector_client

        def _try(self, operation, *args):
            for client in (self.sql_client, self.vector_client):
                try:
                    return getattr(client, operation)(*args)
                except ConnectionError:
                    continue
            raise AllDatabasesUnavailableError(operation)

        def get_by_id(self, item_id):
            return self._try("get_by_id", item_id)
    ```

    ## Options
    - `database.fallback-manager`

    ## Fix
    No automatic fix. Send the operation through the manager's loop over its clients (a
    `_try(operation, ...)` helper, as in the example), or give it an `except` branch that tries
    the next client, and raise the outage error when every client failed.

    To keep it, end the reported line with `# noqa: PLX206` (pylint:
    `# pylint: disable=manager-without-fallback`).
    """

    code = "PLX206"
    symbol = "manager-without-fallback"
    category = "W"
    summary = "Fallback manager operation that uses a single client"
    reads = frozenset({"database"})
    options = ("database.fallback-manager",)

    def check(self, index: ProjectIndex, config: Config) -> Iterator[Finding]:
        model = database_model(index, config)
        for _, file, shape in manager_classes(model):
            capable = _capable_methods(shape)
            helper = next((name for name in sorted(capable) if name.startswith("_")), None)
            route = f"route it through `self.{helper}(...)`" if helper else "try the next client when this one fails"
            for method in shape.methods:
                if method.name.startswith("__") or method.name in capable or len(method.client_calls) != 1:
                    continue
                yield self.finding(
                    file,
                    method.span,
                    f"`{shape.name}.{method.name}` only calls `self.{method.client_calls[0]}`: when that "
                    f"database is down there is no fallback; {route}",
                    key=f"{shape.name}.{method.name}",
                )


def _capable_methods(shape: ClassShape) -> set[str]:
    """Methods that can fall back: they loop over clients, switch client on error, or
    delegate (directly or not) to a method that does."""
    capable = {m.name for m in shape.methods if m.has_loop or m.switches_on_error}
    changed = True
    while changed:
        changed = False
        for method in shape.methods:
            if method.name not in capable and capable & set(method.self_calls):
                capable.add(method.name)
                changed = True
    return capable
