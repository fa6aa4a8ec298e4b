"""`app.routes.users`: the default guarded globs (`*.routes.*`) cover it."""

import sqlite3  # [database-import]


def find_user(user_id):
    connection = sqlite3.connect("users.db")  # [direct-database-access]
    return connection.execute("SELECT * FROM users WHERE id = ?", (user_id,)).fetchone()  # [direct-database-access]
