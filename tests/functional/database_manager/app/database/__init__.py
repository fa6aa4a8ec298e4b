from app.database.factories import AllDatabasesUnavailableError, DatabaseFallbackManager, get_fallback_manager

__all__ = ["AllDatabasesUnavailableError", "DatabaseFallbackManager", "get_fallback_manager"]
