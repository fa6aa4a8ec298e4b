"""Monthly reports, read straight from the SQLite export."""

import sqlite3  # [database-import]
from pathlib import Path

EXPORT = Path("/var/lib/app/reports.sqlite3")


def count_rows(table: str) -> int:
    connection = sqlite3.connect(EXPORT)  # [direct-database-access]
    cursor = connection.cursor()  # [direct-database-access]
    cursor.execute(f"SELECT COUNT(*) FROM {table}")  # [direct-database-access]
    (total,) = cursor.fetchone()  # [direct-database-access]
    connection.close()  # [direct-database-access]
    return total


def report_title(month: int, year: int) -> str:
    return f"Report {year}-{month:02d}"
