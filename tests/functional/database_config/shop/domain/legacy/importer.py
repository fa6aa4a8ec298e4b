import sqlite3

from shop.vendor import LegacyGateway


def import_orders(path: str) -> int:
    gateway = LegacyGateway("tcp://mainframe.internal:7000")
    connection = sqlite3.connect(path)
    rows = gateway.export_orders()
    connection.executemany("INSERT INTO orders VALUES (?, ?, ?)", rows)
    connection.commit()
    return len(rows)
