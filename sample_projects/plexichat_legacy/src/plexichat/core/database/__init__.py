"""Database access layer: adapters, the fallback manager and its factories."""

from .adapters import HashingEmbedder, SQLAdapter, VectorAdapter
from .factories import (
    AllDatabasesUnavailableError,
    DatabaseFallbackManager,
    create_sql_client,
    create_vector_client,
    get_fallback_manager,
)

__all__ = [
    "AllDatabasesUnavailableError",
    "DatabaseFallbackManager",
    "HashingEmbedder",
    "SQLAdapter",
    "VectorAdapter",
    "create_sql_client",
    "create_vector_client",
    "get_fallback_manager",
]
