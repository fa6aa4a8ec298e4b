import aiosqlite  # [database-import]

DRAFTS_DB = "/var/lib/app/drafts.sqlite3"


async def save_draft(user_id: int, body: str) -> None:
    async with aiosqlite.connect(DRAFTS_DB) as db:  # [direct-database-access]
        await db.execute("INSERT INTO drafts (user_id, body) VALUES (?, ?)", (user_id, body))  # [direct-database-access]
        await db.commit()  # [direct-database-access]


async def drafts_for(user_id: int) -> list[str]:
    db = await aiosqlite.connect(DRAFTS_DB)  # [direct-database-access]
    try:
        async with db.execute("SELECT body FROM drafts WHERE user_id = ?", (user_id,)) as cursor:  # [direct-database-access]
            return [row[0] async for row in cursor]
    finally:
        await db.close()  # [direct-database-access]
