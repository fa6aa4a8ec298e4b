"""Audit trail of administrative actions."""

import json
from datetime import datetime, timezone

from plexichat.core.database import get_fallback_manager

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
    def __init__(self, db=None):
        self.db = db or get_fallback_manager()

    async def ensure_schema(self):
        await self.db.execute(_SCHEMA)

    async def record(self, actor_id, action, target=None, details=None):
        await self.db.execute(
            "INSERT INTO audit_log (actor_id, action, target, details, created_at) "
            "VALUES (:actor_id, :action, :target, :details, :created_at)",
            {
                "actor_id": actor_id,
                "action": action,
                "target": target,
                "details": json.dumps(details or {}),
                "created_at": datetime.now(timezone.utc).isoformat(),
            },
        )

    async def recent_events(self, limit=50, actor_id=None):
        if actor_id:
            rows = await self.db.execute(
                "SELECT * FROM audit_log WHERE actor_id = :actor_id ORDER BY id DESC LIMIT :limit",
                {"actor_id": actor_id, "limit": limit},
            )
        else:
            rows = await self.db.execute("SELECT * FROM audit_log ORDER BY id DESC LIMIT :limit", {"limit": limit})
        return [dict(row, details=json.loads(row["details"] or "{}")) for row in rows]
