import structlog

from app.database.factory import create_primary, create_replica


class AllDatabasesUnavailableError(RuntimeError):
    pass


class StorageFallbackManager:
    def __init__(self, primary, replica):
        self.stores = {"postgres": primary, "replica": replica}
        self.log = structlog.get_logger("storage")

    def _each(self, operation, *args):
        for name, store in self.stores.items():
            try:
                return getattr(store, operation)(*args)
            except ConnectionError as error:
                self.log.warning("store failed", store=name, error=str(error))
        raise AllDatabasesUnavailableError(operation)

    def find(self, order_id):
        return self._each("find", order_id)

    def count(self):  # [manager-without-fallback]
        try:
            return self.stores["postgres"].count()
        except ConnectionError as error:
            self.log.error("count failed", error=str(error))
            raise


_manager = None


def get_fallback_manager() -> StorageFallbackManager:
    global _manager
    if _manager is None:
        _manager = StorageFallbackManager(create_primary("postgresql://db/app"), create_replica("postgresql://r/app"))
    return _manager
