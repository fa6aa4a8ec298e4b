import logging

from app.database import AllDatabasesUnavailableError, get_fallback_manager

logger = logging.getLogger(__name__)


async def get_profile(user_id: int):
    try:
        return await get_fallback_manager().get_profile(user_id)
    except AllDatabasesUnavailableError:  # [swallowed-outage]
        logger.error("profile %s unavailable: every database is down", user_id)
        return None


async def get_profile_quietly(user_id: int):
    try:
        return await get_fallback_manager().get_profile(user_id)
    except Exception:  # [swallowed-outage]
        logger.exception("profile lookup failed")


async def get_profile_or_raise(user_id: int):
    try:
        return await get_fallback_manager().get_profile(user_id)
    except AllDatabasesUnavailableError:
        logger.error("profile %s unavailable: every database is down", user_id)
        raise


async def get_profile_logged(user_id: int):
    try:
        return await get_fallback_manager().get_profile(user_id)
    except Exception as error:
        logger.exception("profile lookup failed: %s", error)
        raise error
