from __future__ import annotations

from collections.abc import Iterator

from plexilint.analysis.database import Access
from plexilint.config import Config
from plexilint.engine.index import ProjectIndex
from plexilint.model import DATABASE_ACCESS, Finding, Replacement
from plexilint.policy.database_access import RAW, WRAPPED, Verdict, database_model
from plexilint.rules.base import Rule
from plexilint.rules.database.advice import NeedsManager, suggestion

_WHAT = {
    "method": "uses a raw database handle",
    "call": "opens raw database access",
    "construct": "is built on a raw database handle",
}


class DirectDatabaseAccess(NeedsManager, Rule):
    """## What it does
    Reports calls in guarded modules (services, repositories, the API) that reach a database
    without going through the fallback manager: driver and ORM calls (`sqlite3.connect`,
    `create_engine`, `QdrantClient(...)`, `redis.Redis(...)`), methods called on what they
    return, and project objects built on such a handle (`MessageRepository(session)`).

    plexilint follows a value through import aliases (`import sqlalchemy as sa`), attribute
    chains, clients stored on `self` and used in other methods, parameters annotated with a
    database type, FastAPI `Depends(get_session)` parameters, `async with get_db_session() as
    session`, the project's own factories (a function, or a factory class's `@staticmethod`,
    whose return annotation or returned value is a database object), classes that keep one,
    and clients a base class set on `self`. Built-in knowledge covers sqlite3, psycopg,
    asyncpg, aiosqlite, pymysql, SQLAlchemy, pymongo and motor, redis, qdrant_client, chromadb,
    pinecone, weaviate, elasticsearch, cassandra, neo4j and more. One finding per access: a
    repository built on a handle already reported in the same function is not reported again.
    The message says what to call instead and where to import it from.

    This rule needs a fallback manager to point to. plexilint uses the one named in
    `database.fallback-manager`; when that is empty it looks for one: a class that keeps
    several database clients (or a container of them) and switches to the next one when one
    fails, and the functions that return it. A project without one gets no finding from this
    rule (nor from PLX202, PLX203, PLX205 and PLX206), and one note in the summary instead;
    `plexilint check --show-settings` shows what was found.

    ## Why is this bad?
    Each direct call is a place where a database outage breaks the request instead of falling
    back to another database, and where the fallback policy has to be re-implemented (usually
    differently). The manager is the one place that knows which databases are up.

    ## Example
    With the project's fallback manager declared (or found by plexilint, see PLX201):
    ```toml
    [tool.plexilint.database]
    fallback-manager = ["myapp.database.factories.get_fallback_manager"]
    ```

    ```python
    # myapp/services/stats.py
    import sqlite3

    def count_messages():
        connection = sqlite3.connect("app.db")
        return connection.execute("SELECT COUNT(*) FROM messages").fetchone()[0]
    ```

    Use instead:
    ```python
    # myapp/services/stats.py
    from myapp.database.factories import get_fallback_manager

    def count_messages():
        return get_fallback_manager().execute("SELECT COUNT(*) FROM messages")
    ```

    ## Options
    - `database.fallback-manager`
    - `database.raw-access`
    - `database.guarded`
    - `database.allowed`

    ## Fix
    No automatic fix: which manager operation replaces a call depends on what the call does.
    Call the fallback manager (`database.fallback-manager`) instead of the driver; when the
    manager has no such operation yet, add one there, with its fallback (see PLX206). Code that
    must talk to one database (migrations, admin tools) belongs in a module listed in
    `database.allowed`.

    To keep it, end the reported line with `# noqa: PLX201` (pylint:
    `# pylint: disable=direct-database-access`).
    """

    code = "PLX201"
    symbol = "direct-database-access"
    category = "W"
    summary = "Database reached directly instead of through the fallback manager"
    reads = frozenset({"database"})
    options = ("database.fallback-manager", "database.raw-access", "database.guarded", "database.allowed")

    def check(self, index: ProjectIndex, config: Config) -> Iterator[Finding]:
        model = database_model(index, config)
        if not model.manager.exists:
            return  # nothing to go through: see the note
        for file in index.files:
            if not file.database.accesses or not model.is_guarded(file):
                continue
            by_line: dict[int, list] = {}
            for access in file.database.accesses:
                verdict = model.access_verdict(access)
                if verdict.category in (RAW, WRAPPED):
                    by_line.setdefault(access.span.line, []).append((access, verdict))
            opened: dict[str, set[str]] = {}  # per function, the handles already reported
            for _, found in sorted(by_line.items()):
                access, verdict = min(found, key=lambda pair: pair[0].span.column)
                sources = opened.setdefault(access.function, set())
                seen = access.kind == "construct" and sources.issuperset(access.sources)
                sources.update(access.sources)
                if seen:
                    continue  # `Repository(session)` after `session` was reported: the same access
                instead = suggestion(model, access.method)
                what = f"`{access.text}` {_WHAT[_kind(access, verdict)]} (`{verdict.via}`)"
                yield self.finding(
                    file,
                    access.span,
                    f"{what}: go through the fallback manager instead: {instead}",
                    key=f"{access.function}:{access.text}",
                    fix=Replacement(access.text, DATABASE_ACCESS, access.span, replacement=instead, what=what),
                )


def _kind(access: Access, verdict: Verdict) -> str:
    """``Factory.create_vector_db()`` opens access (the method itself is raw); ``session.execute()``
    uses a handle."""
    if access.kind == "method" and verdict.via.endswith(f".{access.method}"):
        return "call"
    return access.kind
