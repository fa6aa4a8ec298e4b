"""Aggregate statistics shown on the admin dashboard."""

from datetime import datetime, timedelta, timezone

from plexichat.core.database import get_fallback_manager


class StatisticsService:
    def __init__(self, db=None):
        self.db = db or get_fallback_manager()

    async def get_message_stats(self, days=7):
        since = datetime.now(timezone.utc) - timedelta(days=days)
        rows = await self.db.execute(
            "SELECT COUNT(*) AS total_messages, "
            "SUM(CASE WHEN created_at >= :since THEN 1 ELSE 0 END) AS recent_messages, "
            "COUNT(DISTINCT CASE WHEN created_at >= :since THEN channel_id END) AS active_channels "
            "FROM messages",
            {"since": since},
        )
        stats = rows[0]
        return {
            "total_messages": stats["total_messages"],
            "recent_messages": stats["recent_messages"] or 0,
            "active_channels": stats["active_channels"],
            "window_days": days,
        }

    async def get_user_stats(self, user_id):
        rows = await self.db.execute(
            "SELECT COUNT(*) AS messages, MIN(created_at) AS first_message, "
            "MAX(created_at) AS last_message FROM messages WHERE author_id = :user_id",
            {"user_id": user_id},
        )
        return dict(rows[0], user_id=user_id)
