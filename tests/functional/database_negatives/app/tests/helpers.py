"""Test helpers: an in-memory database filled with sample rows."""

import sqlite3

SAMPLE_MESSAGES = [(1, "general", "hello"), (2, "general", "world")]


def memory_database() -> sqlite3.Connection:
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE TABLE messages (id INTEGER PRIMARY KEY, room TEXT, body TEXT)")
    connection.executemany("INSERT INTO messages VALUES (?, ?, ?)", SAMPLE_MESSAGES)
    return connection


def mock_search_results():
    return [{"id": 1, "body": "hello", "mock": True}]
