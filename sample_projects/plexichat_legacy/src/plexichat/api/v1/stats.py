"""Statistics and search endpoints."""

import logging
from datetime import datetime, timedelta, timezone

from fastapi import APIRouter, Depends, HTTPException, Query
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from plexichat.core.database import AllDatabasesUnavailableError, get_fallback_manager
from plexichat.core.dependencies.database import get_db_session, get_vector_db_dependency
from plexichat.repositories.message_repository import MessageRepository
from plexichat.services.audit_service import AuditService
from plexichat.services.statistics_service import StatisticsService

logger = logging.getLogger(__name__)

router = APIRouter(prefix="/stats", tags=["stats"])


@router.get("/messages")
async def message_stats(
    days: int = Query(7, ge=1, le=90),
    session: AsyncSession = Depends(get_db_session),
):
    since = datetime.now(timezone.utc) - timedelta(days=days)
    total = (await session.execute(text("SELECT COUNT(*) FROM messages"))).scalar_one()
    per_day = await session.execute(
        text(
            "SELECT DATE(created_at) AS day, COUNT(*) AS messages FROM messages "
            "WHERE created_at >= :since GROUP BY DATE(created_at) ORDER BY day"
        ),
        {"since": since},
    )
    return {"total_messages": total, "per_day": [dict(row) for row in per_day.mappings()]}


@router.get("/channels/{channel_id}")
async def channel_stats(channel_id: int, session: AsyncSession = Depends(get_db_session)):
    repo = MessageRepository(session)
    count = await repo.count_for_channel(channel_id)
    if count == 0:
        raise HTTPException(status_code=404, detail="channel has no messages")
    latest = await repo.list_for_channel(channel_id, limit=1)
    return {"channel_id": channel_id, "messages": count, "last_message_at": latest[0]["created_at"]}


@router.get("/overview")
async def overview(days: int = Query(7, ge=1, le=90)):
    return await StatisticsService().get_message_stats(days=days)


@router.get("/audit")
async def audit_log(limit: int = Query(50, ge=1, le=500)):
    return {"events": AuditService().recent_events(limit=limit)}


@router.get("/search")
async def search_messages(q: str = Query(..., min_length=1), limit: int = Query(10, ge=1, le=50)):
    try:
        results = await get_fallback_manager().search("messages", q, limit=limit)
    except AllDatabasesUnavailableError as exc:
        logger.error("search unavailable: %s", exc)
        raise HTTPException(status_code=503, detail="All databases are unavailable") from exc
    return {"query": q, "results": results}


@router.get("/messages/{message_id}")
async def get_message(message_id: int):
    try:
        return await get_fallback_manager().get_by_id("messages", message_id)
    except AllDatabasesUnavailableError:
        logger.warning("databases down, answering with an empty message %s", message_id)
        return {"id": message_id, "content": None, "available": False}


@router.get("/channels/{channel_id}/summary")
async def channel_summary(channel_id: int):
    try:
        rows = await get_fallback_manager().execute(
            "SELECT COUNT(*) AS n FROM messages WHERE channel_id = :channel_id", {"channel_id": channel_id}
        )
    except AllDatabasesUnavailableError as exc:
        raise HTTPException(status_code=500, detail=str(exc)) from exc
    return {"channel_id": channel_id, "messages": rows[0]["n"]}


@router.get("/messages/{message_id}/similar")
async def similar_messages(message_id: int, vector_db=Depends(get_vector_db_dependency)):
    return await vector_db.search("messages", str(message_id), limit=10)


@router.get("/messages/{message_id}/preview")
async def message_preview(message_id: int):
    try:
        message = await get_fallback_manager().get_by_id("messages", message_id)
    except AllDatabasesUnavailableError as exc:
        raise HTTPException(status_code=503, detail="all databases are unavailable") from exc
    except Exception:
        logger.exception("preview of %s failed", message_id)
        return {"error": "preview unavailable"}
    return {"id": message_id, "preview": (message or {}).get("content", "")[:80]}
