"""Backfill the room column (run once, offline)."""

import sqlite3

revision = "0002"
down_revision = "0001"


def upgrade(path: str = "/var/lib/app/app.db") -> None:
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("UPDATE messages SET room = 'general' WHERE room IS NULL")
    connection.close()
