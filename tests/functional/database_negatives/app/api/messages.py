from fastapi import APIRouter, HTTPException, status

from app.database import AllDatabasesUnavailableError
from app.services import messages as message_service

router = APIRouter(prefix="/messages", tags=["messages"])


@router.get("/search")
async def search_messages(q: str, limit: int = 20):
    try:
        return await message_service.search(q, limit=limit)
    except AllDatabasesUnavailableError as error:
        raise HTTPException(status_code=503, detail="All databases are unavailable") from error


@router.get("/{message_id}")
async def read_message(message_id: int):
    try:
        return await message_service.get_message(message_id)
    except message_service.MessageNotFound:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Message not found") from None
    except AllDatabasesUnavailableError as error:
        raise HTTPException(status_code=status.HTTP_503_SERVICE_UNAVAILABLE, detail=str(error)) from error
