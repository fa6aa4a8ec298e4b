"""Statistics and search endpoints.

Data access goes through the services, which use the database fallback
manager. When every database is down the manager raises
``AllDatabasesUnavailableError`` and the endpoints answer 503.
"""

import logging

from fastapi import APIRouter, Depends, HTTPException, Query

from plexichat.core.database import AllDatabasesUnavailableError, DatabaseFallbackManager
from plexichat.core.dependencies.database import get_database
from plexichat.repositories.message_repository import MessageRepository
from plexichat.services.audit_service import AuditService
from plexichat.services.search_service import MessageSearchService
from plexichat.services.statistics_service import StatisticsService

logger = logging.getLogger(__name__)

router = APIRouter(prefix="/stats", tags=["stats"])


def _service_unavailable(exc: AllDatabasesUnavailableError) -> HTTPException:
    logger.error("database outage during %s: %s", exc.operation, exc.errors)
    return HTTPException(
        status_code=503,
        detail="All databases are unavailable",
        headers={"Retry-After": "30"},
    )


@router.get("/messages")
async def message_stats(
    days: int = Query(7, ge=1, le=90),
    db: DatabaseFallbackManager = Depends(get_database),
):
    try:
        return await StatisticsService(db).get_message_stats(days=days)
    except AllDatabasesUnavailableError as exc:
        raise _service_unavailable(exc) from exc


@router.get("/users/{user_id}")
async def user_stats(user_id: str, db: DatabaseFallbackManager = Depends(get_database)):
    try:
        return await StatisticsService(db).get_user_stats(user_id)
    except AllDatabasesUnavailableError as exc:
        raise _service_unavailable(exc) from exc


@router.get("/channels/{channel_id}")
async def channel_stats(channel_id: int, db: DatabaseFallbackManager = Depends(get_database)):
    repo = MessageRepository(db)
    try:
        count = await repo.count_for_channel(channel_id)
        latest = await repo.list_for_channel(channel_id, limit=1) if count else []
    except AllDatabasesUnavailableError as exc:
        raise _service_unavailable(exc) from exc
    if not latest:
        raise HTTPException(status_code=404, detail="channel has no messages")
    return {"channel_id": channel_id, "messages": count, "last_message_at": latest[0]["created_at"]}


@router.get("/audit")
async def audit_log(
    limit: int = Query(50, ge=1, le=500),
    db: DatabaseFallbackManager = Depends(get_database),
):
    try:
        return {"events": await AuditService(db).recent_events(limit=limit)}
    except AllDatabasesUnavailableError as exc:
        raise _service_unavailable(exc) from exc


@router.get("/search")
async def search_messages(
    q: str = Query(..., min_length=1),
    limit: int = Query(10, ge=1, le=50),
    channel_id: int = Query(None),
    db: DatabaseFallbackManager = Depends(get_database),
):
    try:
        results = await MessageSearchService(db).search(q, limit=limit, channel_id=channel_id)
    except AllDatabasesUnavailableError as exc:
        raise _service_unavailable(exc) from exc
    return {"query": q, "results": results}
