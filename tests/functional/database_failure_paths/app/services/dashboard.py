import logging
from dataclasses import dataclass

from app.database import get_fallback_manager

logger = logging.getLogger(__name__)

MOCK_DATA = {"total_messages": 1234, "active_users": 56}


@dataclass
class Stats:
    total: int
    active: int = 0


def _generate_mock_results(query: str) -> list[dict]:
    return [{"id": index, "body": f"{query} #{index}"} for index in range(3)]


async def overview() -> dict:
    try:
        return await get_fallback_manager().execute("SELECT COUNT(*) AS total_messages FROM messages")
    except ConnectionError:
        logger.warning("overview unavailable")
        return {"total_messages": 0, "mock": True}  # [mock-response-on-failure]


async def announcements() -> list[dict]:
    try:
        return await get_fallback_manager().execute("SELECT id, title FROM announcements")
    except ConnectionError:
        return [{"id": 0, "title": "Welcome!"}, {"id": -1, "title": "Maintenance tonight"}]  # [mock-response-on-failure]


async def stats() -> Stats:
    try:
        rows = await get_fallback_manager().execute("SELECT COUNT(*), SUM(active) FROM users")
        return Stats(total=rows[0][0], active=rows[0][1])
    except ConnectionError:
        return Stats(total=0, active=0)  # [mock-response-on-failure]


async def headline_numbers() -> dict:
    try:
        return await get_fallback_manager().execute("SELECT COUNT(*) FROM messages")
    except ConnectionError:
        return MOCK_DATA  # [mock-response-on-failure]


async def search(query: str) -> list[dict]:
    try:
        return await get_fallback_manager().search(query)
    except ConnectionError:
        return _generate_mock_results(query)  # [mock-response-on-failure]


async def search_or_nothing(query: str) -> list[dict]:
    try:
        return await get_fallback_manager().search(query)
    except ConnectionError:
        return []
