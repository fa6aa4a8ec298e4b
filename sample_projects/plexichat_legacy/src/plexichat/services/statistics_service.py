"""Aggregate statistics shown on the admin dashboard."""

import logging
from datetime import datetime, timedelta, timezone

from sqlalchemy import text

from plexichat.core.dependencies.database import get_db_session

logger = logging.getLogger(__name__)


class StatisticsService:
    async def get_message_stats(self, days=7):
        since = datetime.now(timezone.utc) - timedelta(days=days)
        try:
            async with get_db_session() as session:
                total = (await session.execute(text("SELECT COUNT(*) FROM messages"))).scalar_one()
                recent = (
                    await session.execute(
                        text("SELECT COUNT(*) FROM messages WHERE created_at >= :since"), {"since": since}
                    )
                ).scalar_one()
                channels = (
                    await session.execute(
                        text("SELECT COUNT(DISTINCT channel_id) FROM messages WHERE created_at >= :since"),
                        {"since": since},
                    )
                ).scalar_one()
            return {
                "total_messages": total,
                "recent_messages": recent,
                "active_channels": channels,
                "window_days": days,
            }
        except Exception as e:
            logger.error(f"Error getting message stats: {e}")
            return {"total_messages": 0, "recent_messages": 0, "active_channels": 0, "window_days": days, "mock": True}

    async def get_user_stats(self, user_id):
        try:
            async with get_db_session() as session:
                row = (
                    await session.execute(
                        text(
                            "SELECT COUNT(*) AS messages, MIN(created_at) AS first_message, "
                            "MAX(created_at) AS last_message FROM messages WHERE author_id = :user_id"
                        ),
                        {"user_id": user_id},
                    )
                ).mappings().one()
            return dict(row, user_id=user_id)
        except Exception as e:
            logger.error(f"Error getting user stats for {user_id}: {e}")
            return {"user_id": user_id, "messages": 0, "first_message": None, "last_message": None, "mock": True}
