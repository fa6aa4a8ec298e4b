from __future__ import annotations

from collections.abc import Iterator

from plexilint.analysis.database import Handler
from plexilint.config import Config
from plexilint.engine.index import ProjectIndex
from plexilint.model import Finding
from plexilint.policy.database_access import MANAGER, database_model
from plexilint.rules.base import Rule
from plexilint.rules.database.advice import NeedsManager
from plexilint.rules.database.failure_paths import database_tries, is_broad

SERVICE_UNAVAILABLE = 503


class SwallowedOutage(NeedsManager, Rule):
    """## What it does
    Reports, in guarded modules, an `except` branch that catches the total-outage error (or a
    broad `except Exception:` / bare `except:` around fallback-manager calls) and carries on
    without re-raising. In API modules, the outage must become a 503 response: raising or
    returning another status is reported too. A broad `except Exception:` after an
    `except AllDatabasesUnavailableError:` of the same `try` never sees the outage. Needs a
    fallback manager (see PLX201): without one, nothing is reported.

    ## Why is this bad?
    The manager raises `AllDatabasesUnavailableError` only when every database is down. Catching
    it and returning something turns a total outage into a "successful" request: clients cache
    the wrong answer, retries never happen, and monitoring sees 200s. A 503 tells clients and
    load balancers to retry later.

    ## Example
    With the project's fallback manager declared (or found by plexilint, see PLX201):
    ```toml
    [tool.plexilint.database]
    fallback-manager = ["myapp.database.factories.get_fallback_manager"]
    ```

    ```python
    # myapp/api/stats.py
    from myapp.database.factories import AllDatabasesUnavailableError, get_fallback_manager

    async def overview():
        try:
            return await get_fallback_manager().execute("SELECT COUNT(*) FROM messages")
        except AllDatabasesUnavailableError:
            return {"total": None}
    ```

    Use instead:
    ```python
    # myapp/api/stats.py
    from fastapi import HTTPException

    from myapp.database.factories import AllDatabasesUnavailableError, get_fallback_manager

    async def overview():
        try:
            return await get_fallback_manager().execute("SELECT COUNT(*) FROM messages")
        except AllDatabasesUnavailableError as error:
            raise HTTPException(status_code=503, detail="All databases are unavailable") from error
    ```

    ## Options
    - `database.fallback-manager`
    - `database.outage-error`
    - `database.api`
    - `database.guarded`
    - `database.allowed`

    ## Fix
    No automatic fix. Let the outage error propagate (remove the `except`, or re-raise from it);
    in an API module, turn it into a 503:
    `raise HTTPException(status_code=503, ...) from error`, or return a response with status
    503.

    To keep it, end the reported line with `# noqa: PLX205` (pylint:
    `# pylint: disable=swallowed-outage`).
    """

    code = "PLX205"
    symbol = "swallowed-outage"
    category = "E"
    summary = "Total database outage caught and hidden, or not mapped to 503"
    reads = frozenset({"database"})
    options = ("database.fallback-manager", "database.outage-error", "database.api", "database.guarded",
               "database.allowed")

    def check(self, index: ProjectIndex, config: Config) -> Iterator[Finding]:
        model = database_model(index, config)
        if not model.manager.exists:
            return  # no manager raises the outage error: see the note
        outage = config["database.outage-error"].rsplit(".", 1)[-1]
        for file in index.files:
            if not file.database.tries or not model.is_guarded(file):
                continue
            api = model.is_api(file)
            for try_block, in_body in database_tries(file, model):
                through_manager = any(v.category == MANAGER for _, v in in_body)
                outage_handled = False  # by an earlier `except AllDatabasesUnavailableError:`
                for handler in try_block.handlers:
                    message = _outage_message(handler, outage, api, through_manager and not outage_handled)
                    outage_handled = outage_handled or _catches(handler, outage)
                    if message is not None:
                        yield self.finding(file, handler.span, message, key=f"{try_block.function}:{handler.types}")


def _catches(handler: Handler, outage: str) -> bool:
    return any(t.rsplit(".", 1)[-1] == outage for t in handler.types)


def _outage_message(handler: Handler, outage: str, api: bool, through_manager: bool) -> str | None:
    """What is wrong with how the handler treats a total outage, or None when nothing is.
    ``through_manager``: a broad handler may see the outage (the body calls the manager and
    no earlier handler took the outage error)."""
    catches_outage = _catches(handler, outage)
    if not (catches_outage or (is_broad(handler) and through_manager)) or handler.reraises:
        return None
    caught = f"`{outage}`" if catches_outage else "every exception, the total outage included,"
    if api and handler.status_codes and SERVICE_UNAVAILABLE not in handler.status_codes:
        codes = ", ".join(map(str, handler.status_codes))
        return (f"Catches {caught} and answers {codes}: a total database outage must be "
                "a 503 Service Unavailable (`raise HTTPException(status_code=503)`)")
    if handler.raises or handler.status_codes:
        return None
    then = "raise HTTPException(status_code=503) from it" if api else f"let `{outage}` propagate"
    return f"Catches {caught} and carries on, hiding a total database outage: {then}"
