"""Operator command line: reads the local SQLite file directly, outside the request path."""

import argparse
import sqlite3


def main() -> None:
    parser = argparse.ArgumentParser(prog="app-admin")
    parser.add_argument("database")
    arguments = parser.parse_args()
    connection = sqlite3.connect(arguments.database)
    try:
        (count,) = connection.execute("SELECT COUNT(*) FROM messages").fetchone()
    except sqlite3.OperationalError:
        print("messages table missing")
        return
    print(f"{count} messages")


if __name__ == "__main__":
    main()
