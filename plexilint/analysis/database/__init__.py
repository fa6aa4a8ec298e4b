"""Facts for the database family (PLX2xx): where code reaches for a database, symbolically.

Whether a name *is* a database handle depends on configuration and on other modules (a
project factory, the fallback manager), so extraction records symbolic origins instead:
``"sym:<dotted name>"`` for every callee, type or FastAPI dependency a value comes from. The
rules resolve them against the built-in driver list, the configuration and the project index.
"""

from plexilint.analysis.database.extractor import extract_database_facts
from plexilint.analysis.database.facts import (
    Access,
    ClassShape,
    ClientAttribute,
    DatabaseFacts,
    Handler,
    ImportBinding,
    MethodShape,
    Origins,
    Symbol,
    TryBlock,
    UnavailableBranch,
)
from plexilint.analysis.database.origins import HANDLE_METHODS
from plexilint.analysis.database.responses import fabricated_reason

__all__ = [
    "HANDLE_METHODS", "Access", "ClassShape", "ClientAttribute", "DatabaseFacts", "Handler", "ImportBinding",
    "MethodShape", "Origins",
    "Symbol", "TryBlock", "UnavailableBranch", "extract_database_facts", "fabricated_reason",
]
