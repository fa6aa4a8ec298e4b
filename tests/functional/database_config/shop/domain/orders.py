import logging

from shop.compat import AllDatabasesUnavailableError, get_fallback_manager  # [database-import]
from shop.infra import Down, manager

logger = logging.getLogger(__name__)


def find(order_id: int):
    return manager().find_order(order_id)


def for_customer(customer_id: int) -> list:
    orders = manager()
    return orders.list_orders(customer_id)


def find_or_none(order_id: int):
    try:
        return manager().find_order(order_id)
    except Down:  # [swallowed-outage]
        logger.error("no store answered for order %s", order_id)
        return None


def find_quietly(order_id: int):
    try:
        return manager().find_order(order_id)
    except Exception:  # [swallowed-outage]
        return None


def find_strict(order_id: int):
    try:
        return manager().find_order(order_id)
    except Down:
        logger.error("no store answered for order %s", order_id)
        raise


def legacy_find(order_id: int):
    try:
        connection = get_fallback_manager()  # [direct-database-access]
        return connection.execute("SELECT * FROM orders WHERE id = ?", (order_id,)).fetchone()  # [direct-database-access]
    except AllDatabasesUnavailableError:
        logger.warning("legacy store unavailable")
        return None
