from fastapi import APIRouter, HTTPException, status
from fastapi.responses import JSONResponse

from app.database import AllDatabasesUnavailableError
from app.services import dashboard, profiles

router = APIRouter(prefix="/stats")


@router.get("/overview")
async def overview():
    try:
        return await dashboard.overview()
    except AllDatabasesUnavailableError:  # [swallowed-outage]
        raise HTTPException(status_code=500, detail="Database error")


@router.get("/search")
async def search(q: str):
    try:
        return await dashboard.search(q)
    except AllDatabasesUnavailableError as error:  # [swallowed-outage]
        return JSONResponse(status_code=500, content={"detail": str(error)})


@router.get("/profile/{user_id}")
async def profile(user_id: int):
    try:
        return await profiles.get_profile_or_raise(user_id)
    except AllDatabasesUnavailableError:  # [swallowed-outage]
        raise HTTPException(status_code=status.HTTP_500_INTERNAL_SERVER_ERROR)


@router.get("/announcements")
async def announcements():
    try:
        return await dashboard.announcements()
    except AllDatabasesUnavailableError:  # [swallowed-outage]
        return {"detail": "unavailable", "items": []}  # [mock-response-on-failure]


@router.get("/stats")
async def stats():
    try:
        return await dashboard.stats()
    except AllDatabasesUnavailableError as error:
        raise HTTPException(status_code=503, detail="All databases are unavailable") from error


@router.get("/headline")
async def headline():
    try:
        return await dashboard.headline_numbers()
    except AllDatabasesUnavailableError as error:
        raise HTTPException(status_code=status.HTTP_503_SERVICE_UNAVAILABLE, detail=str(error)) from error



@router.get("/digest")
async def digest():
    try:
        return await dashboard.stats()
    except AllDatabasesUnavailableError as error:
        log_request(status_code=True)  # a flag, not an HTTP status
        raise ServiceUnavailable(str(error)) from error


class ServiceUnavailable(Exception):
    pass


def log_request(status_code: bool) -> None:
    pass
