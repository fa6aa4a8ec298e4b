"""`shop.core.repositories.orders`: `core/` and `repositories/` are namespace folders, and the
default guarded globs (`*.repositories.*`) cover this module."""

import sqlite3  # [database-import]


def load_order(order_id):
    connection = sqlite3.connect("orders.db")  # [direct-database-access]
    return connection.execute("SELECT * FROM orders WHERE id = ?", (order_id,)).fetchone()  # [direct-database-access]
