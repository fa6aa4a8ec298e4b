from __future__ import annotations

import re
from collections.abc import Iterator

from plexilint.config import Config
from plexilint.engine.index import ProjectIndex
from plexilint.model import Finding
from plexilint.rules.base import Rule
from plexilint.rules.database.failure_paths import database_tries, handler_accesses
from plexilint.rules.database.model import database_model

_FALLBACK_CALL = re.compile(r"cache|fallback|backup|replica|secondary|retry|failover", re.IGNORECASE)


class LocalDatabaseFallback(Rule):
    """## What it does
    Reports, in guarded modules, a `try` that does database work and whose `except` branch
    switches to another database, client or cache, or retries elsewhere: fallback logic written
    outside the fallback manager.

    ## Why is this bad?
    Every local fallback is a different policy: one service retries the replica, another reads
    a stale cache, a third searches SQL when the vector store is down. None of them updates the
    health status the manager keeps, none is tested with the manager's outage tests, and they
    disagree about what "degraded" means. The manager already does this once, for everyone.

    ## Example
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
    options = ("database.guarded", "database.allowed")

    def check(self, index: ProjectIndex, config: Config) -> Iterator[Finding]:
        model = database_model(index, config)
        for file in index.files:
            if not file.database.tries or not model.is_guarded(file):
                continue
            for try_block, in_body in database_tries(file, model):
                if not in_body:
                    continue
                for handler in try_block.handlers:
                    switched = handler_accesses(file, try_block, handler, model)
                    if switched:
                        target = f"`{switched[0][0].text}`"
                    else:
                        calls = [c for c in handler.calls if _FALLBACK_CALL.search(c)]
                        if not calls:
                            continue
                        target = f"`{calls[0]}(...)`"
                    first = next((a for a, _ in in_body if a.kind == "method"), in_body[0][0])
                    yield self.finding(
                        file,
                        handler.span,
                        f"After `{first.text}` fails, this except branch falls back to {target} itself: "
                        f"remove the local fallback and call {model.suggestion(first.method)}, which "
                        "switches databases for everyone",
                        key=f"{try_block.function}:{first.text}",
                    )
