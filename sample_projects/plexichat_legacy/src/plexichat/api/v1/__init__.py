from fastapi import APIRouter

from .stats import router as stats_router

router = APIRouter(prefix="/api/v1")
router.include_router(stats_router)

__all__ = ["router"]
