"""`shop.core.database.repositories.processing_repository`: inside `*.database.*`, where the
default allows raw access (named `processing_repository` alone, it looked guarded)."""

import sqlite3


def pending():
    connection = sqlite3.connect("processing.db")
    return connection.execute("SELECT * FROM jobs WHERE state = 'pending'").fetchall()
