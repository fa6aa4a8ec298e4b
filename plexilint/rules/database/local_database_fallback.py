from __future__ import annotations

import re
from collections.abc import Iterator

from plexilint.config import Config
from plexilint.engine.index import ProjectIndex
from plexilint.model import Finding
from plexilint.rules.base import Rule
from plexilint.rules.database.failure_paths import database_tries, handler_accesses
from plexilint.analysis.database import Access, TryBlock
from plexilint.engine.facts import FileFacts
from plexilint.rules.database.advice import NeedsManager, suggestion
from plexilint.policy.database_access import DatabaseModel, Verdict, database_model

_FALLBACK_CALL = re.compile(r"cache|fallback|backup|replica|secondary|retry|failover", re.IGNORECASE)
# What an except branch does to the handle that failed: end the transaction, let it go.
_CLEANUP_METHODS = frozenset({
    "rollback", "close", "aclose", "expunge", "expunge_all", "invalidate", "dispose", "release", "abort",
    "cancel", "discard", "reset", "terminate", "begin_rollback", "rollback_to_savepoint",
})


def _same_handle_cleanup(access: Access, handles: set[str]) -> bool:
    """``session.rollback()`` (or close, expunge, ...) in the except branch, or another call
    on the very handle that failed: cleanup or a retry there, not a switch to another database."""
    if access.kind == "method" and access.method in _CLEANUP_METHODS:
        return True
    return access.kind == "method" and set(access.sources) <= handles


class LocalDatabaseFallback(NeedsManager, Rule):
    """## What it does
    Reports, in guarded modules, a `try` that does database work and whose `except` branch
    switches to another database, client or cache, or retries elsewhere: fallback logic written
    outside the fallback manager. Cleanup of the handle that failed (`session.rollback()`,
    `close()`, `expunge()`), logging and re-raising are not a fallback. Needs a fallback
    manager (see PLX201): without one, nothing is reported.

    ## Why is this bad?
    Every local fallback is a different policy: one service retries the replica, another reads
    a stale cache, a third searches SQL when the vector store is down. None of them updates the
    health status the manager keeps, none is tested with the manager's outage tests, and they
    disagree about what "degraded" means. The manager already does this once, for everyone.

    ## Example
    With the project's fallback manager declared (or found by plexilint, see PLX201):
    ```toml
    [tool.plexilint.database]
    fallback-manager = ["myapp.database.factories.get_fallback_manager"]
    ```

    ```python
    # myapp/services/search.py
    from qdrant_client import QdrantClient
    from sqlalchemy.orm import Session


    class SearchService:
        def __init__(self, session: Session):
            self.session = session
            self.vectors = QdrantClient(url="http://vectors:6333")

        def search(self, query):
            try:
                return self.vectors.query_points("messages", query=query)
            except Exception:
                return self.session.execute("SELECT * FROM messages WHERE text LIKE :q", {"q": query})
    ```

    Use instead:
    ```python
    # myapp/services/search.py
    from myapp.database.factories import get_fallback_manager


    class SearchService:
        def search(self, query):
            return get_fallback_manager().search(query)  # the manager falls back, logs, or raises
    ```

    ## Options
    - `database.fallback-manager`
    - `database.guarded`
    - `database.allowed`

    ## Fix
    No automatic fix. Delete the `try`/`except` and call the manager's operation, which tries
    each database in turn. If what the `except` branch switched to (a replica, a cache) is a
    fallback worth keeping, add it to the manager, so every caller gets it.

    To keep it, end the reported line with `# noqa: PLX203` (pylint:
    `# pylint: disable=local-database-fallback`).
    """

    code = "PLX203"
    symbol = "local-database-fallback"
    category = "W"
    summary = "Local try/except fallback between databases, outside the manager"
    reads = frozenset({"database"})
    options = ("database.fallback-manager", "database.guarded", "database.allowed")

    def check(self, index: ProjectIndex, config: Config) -> Iterator[Finding]:
        model = database_model(index, config)
        if not model.manager.exists:
            return  # no manager to move the fallback into: see the note
        for file in index.files:
            if not file.database.tries or not model.is_guarded(file):
                continue
            for try_block, in_body in database_tries(file, model):
                if in_body:
                    yield from self._fallbacks(file, model, try_block, in_body)

    def _fallbacks(self, file: FileFacts, model: DatabaseModel, try_block: TryBlock,
                   in_body: list[tuple[Access, Verdict]]) -> Iterator[Finding]:
        """The except branches of one try that turn to another database, client or cache."""
        handles = {source for access, _ in in_body for source in access.sources}
        first = next((a for a, _ in in_body if a.kind == "method"), in_body[0][0])
        for handler in try_block.handlers:
            switched = [access for access, _ in handler_accesses(file, try_block, handler, model)
                        if not _same_handle_cleanup(access, handles)]
            if switched:
                target = f"`{switched[0].text}`"
            else:
                calls = [c for c in handler.calls if _FALLBACK_CALL.search(c)]
                if not calls:
                    continue
                target = f"`{calls[0]}(...)`"
            yield self.finding(
                file,
                handler.span,
                f"After `{first.text}` fails, this except branch falls back to {target} itself: "
                f"remove the local fallback and call {suggestion(model, first.method)}, which "
                "switches databases for everyone",
                key=f"{try_block.function}:{first.text}",
            )
