import httpx
from fastapi.responses import JSONResponse

from app.database import AllDatabasesUnavailableError, get_fallback_manager


async def weather(city: str):
    try:
        async with httpx.AsyncClient() as client:
            return (await client.get(f"https://weather/{city}")).json()
    except httpx.ConnectTimeout:  # an HTTP timeout is not a database failure
        return {"city": city, "temperature": None, "source": "unknown"}


async def messages():
    try:
        return await get_fallback_manager().execute("SELECT * FROM messages")
    except AllDatabasesUnavailableError:
        return JSONResponse(status_code=503, content={"detail": "All databases are unavailable"})
