from app.database.factories import AllDatabasesUnavailableError, get_fallback_manager

__all__ = ["AllDatabasesUnavailableError", "get_fallback_manager"]
