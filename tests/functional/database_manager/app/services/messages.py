from app.database import get_fallback_manager


async def find(message_id: int):
    return await get_fallback_manager().get_by_id(message_id)


async def related(message_id: int) -> list[int]:
    manager = get_fallback_manager()
    return await manager.similar(message_id)


async def dashboard() -> dict:
    manager = get_fallback_manager()
    return {"messages": await manager.count_messages(), "health": manager.health()}
