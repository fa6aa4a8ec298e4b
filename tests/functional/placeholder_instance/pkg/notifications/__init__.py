"""Notifications."""

import logging

logger = logging.getLogger(__name__)

__all__ = ["notification_service"]

try:
    from .service import notification_service
except ImportError:
    logger.warning("notification service unavailable")
    notification_service = None  # [placeholder-instance]
