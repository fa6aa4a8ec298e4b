"""Left over from before shop.infra: the old names, the old behaviour."""

import sqlite3


class AllDatabasesUnavailableError(Exception):
    pass


class DatabaseFallbackManager:
    def __init__(self, client):
        self.client = client

    def get(self, key):
        return self.client.get(key)


def get_fallback_manager():
    return sqlite3.connect("/var/lib/shop/shop.db")
