"""Helpers for the rules that look at what happens when a database call fails."""

from __future__ import annotations

import re
from collections.abc import Iterator

from plexilint.analysis.database import Access, Handler, TryBlock
from plexilint.engine.facts import FileFacts
from plexilint.policy.database_access import DATABASE_MODULES, MANAGER, RAW, WRAPPED, DatabaseModel, Verdict

# Exception names that say "database"; HTTP timeouts and connection errors do not.
_DATABASE_ERROR = re.compile(r"Database|DB|Db|Operational|Sql|SQL|Integrity")
BROAD = {"Exception", "BaseException"}


def accesses_between(file: FileFacts, try_block: TryBlock, first: int, last: int,
                     model: DatabaseModel) -> list[tuple[Access, Verdict]]:
    found = []
    for access in file.database.accesses:
        if access.function == try_block.function and first <= access.span.line <= last:
            verdict = model.access_verdict(access)
            if verdict.category in (RAW, WRAPPED, MANAGER):
                found.append((access, verdict))
    return found


def body_accesses(file: FileFacts, try_block: TryBlock, model: DatabaseModel) -> list[tuple[Access, Verdict]]:
    return accesses_between(file, try_block, try_block.span.line, try_block.body_end_line, model)


def handler_accesses(file: FileFacts, try_block: TryBlock, handler: Handler,
                     model: DatabaseModel) -> list[tuple[Access, Verdict]]:
    return accesses_between(file, try_block, handler.span.line, handler.end_line, model)


def catches_database_error(handler: Handler, outage_error: str) -> bool:
    for dotted in handler.types:
        last = dotted.rsplit(".", 1)[-1]
        if last == outage_error or dotted.split(".", 1)[0] in DATABASE_MODULES or _DATABASE_ERROR.search(last):
            return True
    return False


def is_broad(handler: Handler) -> bool:
    return not handler.types or any(t.rsplit(".", 1)[-1] in BROAD for t in handler.types)


def database_tries(file: FileFacts, model: DatabaseModel) -> Iterator[tuple[TryBlock, list[tuple[Access, Verdict]]]]:
    """Try blocks whose body talks to a database (directly or through the manager)."""
    for try_block in file.database.tries:
        yield try_block, body_accesses(file, try_block, model)
