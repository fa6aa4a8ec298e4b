import logging

import redis
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app.database import AllDatabasesUnavailableError, get_fallback_manager

logger = logging.getLogger(__name__)


class OrderRepository:
    def __init__(self, session):
        self.session = session

    def summarise(self, rows):
        return [dict(row) for row in rows]


def totals(session: Session):
    rows = session.execute("SELECT id, total FROM orders")  # [direct-database-access]
    repository = OrderRepository(session)  # the same access as the line above
    return repository.summarise(rows)


def place(session: Session, order):
    try:
        session.add(order)  # [direct-database-access]
        session.commit()  # [direct-database-access]
    except SQLAlchemyError:
        session.rollback()  # [direct-database-access]
        session.expunge(order)  # [direct-database-access]
        logger.exception("order failed")
        raise
    finally:
        session.close()  # [direct-database-access]


def lookup(session: Session, cache: redis.Redis, key):
    try:
        return session.execute("SELECT * FROM orders WHERE key = :key", {"key": key})  # [direct-database-access]
    except SQLAlchemyError:  # [local-database-fallback]
        session.rollback()  # [direct-database-access]
        return cache.get(key)  # [direct-database-access]


def report(order_id):
    try:
        return get_fallback_manager().find(order_id)
    except AllDatabasesUnavailableError:
        raise
    except Exception:
        logger.exception("report %s failed", order_id)
        return None


def careless_report(order_id):
    try:
        return get_fallback_manager().find(order_id)
    except Exception:  # [swallowed-outage]
        logger.exception("report %s failed", order_id)
        return None
