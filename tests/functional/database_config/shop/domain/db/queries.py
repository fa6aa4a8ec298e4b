"""`*.db.*` is allowed by default, not with this project's `database.allowed`."""

import sqlite3  # [database-import]


def stock_level(sku: str) -> int:
    connection = sqlite3.connect("/var/lib/shop/shop.db")  # [direct-database-access]
    row = connection.execute("SELECT quantity FROM stock WHERE sku = ?", (sku,)).fetchone()  # [direct-database-access]
    return row[0] if row else 0
