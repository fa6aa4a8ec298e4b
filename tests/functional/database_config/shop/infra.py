"""The shop's own fallback manager: primary Postgres, then the read replica."""

import logging

logger = logging.getLogger(__name__)


class Down(Exception):
    """Raised by the manager when no store answers."""


class Manager:
    def __init__(self, primary, replica):
        self.primary = primary
        self.replica = replica
        self.calls = 0

    def _each(self, operation, *args):
        self.calls += 1
        for store in (self.primary, self.replica):
            try:
                return getattr(store, operation)(*args)
            except ConnectionError as error:
                logger.warning("%s failed: %s", operation, error)
        raise Down(operation)

    def find_order(self, order_id):
        return self._each("find_order", order_id)

    def list_orders(self, customer_id):
        return self._each("list_orders", customer_id)

    def stock(self, sku):  # [manager-without-fallback]
        return self.primary.stock(sku)


_instance = None


def manager() -> Manager:
    global _instance
    if _instance is None:
        from shop.stores import PostgresStore, ReplicaStore

        _instance = Manager(PostgresStore(), ReplicaStore())
    return _instance
