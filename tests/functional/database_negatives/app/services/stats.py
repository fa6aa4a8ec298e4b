from collections import Counter

from sqlalchemy.orm import Session

from app.database.factories import get_fallback_manager


def word_counts(rows: list[tuple]) -> Counter:
    return Counter(word for _, body in rows for word in body.split())


def describe_session(session: Session | None) -> str:
    return "no session" if session is None else type(session).__name__


async def top_words(room: str, limit: int = 10) -> list[tuple[str, int]]:
    rows = await get_fallback_manager().execute("SELECT id, body FROM messages WHERE room = ?", (room,))
    if not rows:
        return []
    return word_counts(rows).most_common(limit)
