from app.database.manager import AllDatabasesUnavailableError, get_fallback_manager

__all__ = ["AllDatabasesUnavailableError", "get_fallback_manager"]
