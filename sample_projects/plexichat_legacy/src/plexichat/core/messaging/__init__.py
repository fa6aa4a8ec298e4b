"""
Unified messaging: sending, routing, validation and encryption of chat messages.

All public coroutine functions keep their ``async`` signatures in the fallback
branch so that callers can ``await`` them unconditionally.
"""

import logging

from plexichat.core.config import get_config

logger = logging.getLogger(__name__)

try:
    from .unified_messaging_manager import (
        ChannelType,
        MessageEncryption,
        MessageRouter,
        MessageType,
        MessageValidator,
        UnifiedMessagingManager,
        delete_message,
        get_channel_messages,
        get_message,
        send_message,
        unified_messaging_manager,
    )
except ImportError:
    logger.warning("using fallback messaging system")

    class MessageType:
        TEXT = "text"
        IMAGE = "image"
        FILE = "file"
        SYSTEM = "system"

    class ChannelType:
        DIRECT = "direct"
        GROUP = "group"
        PUBLIC = "public"
        ANNOUNCEMENT = "announcement"

    class UnifiedMessagingManager:
        def __init__(self):
            pass

        async def initialize(self):
            pass

        async def shutdown(self):
            pass

    class MessageEncryption:
        def __init__(self, *args, **kwargs):
            pass

    class MessageValidator:
        def __init__(self, *args, **kwargs):
            pass

    class MessageRouter:
        pass

    unified_messaging_manager = None

    async def send_message(*args, **kwargs):
        pass

    async def get_message(*args, **kwargs):
        return None

    async def get_channel_messages(*args, **kwargs):
        return []

    async def delete_message(*args, **kwargs):
        return False


# Backwards-compatible aliases (pre-0.8 names)
MessagingManager = UnifiedMessagingManager
messaging_manager = unified_messaging_manager

__version__ = get_config("system.version", "0.0.0")

__all__ = [
    "ChannelType",
    "MessageEncryption",
    "MessageRouter",
    "MessageType",
    "MessageValidator",
    "MessagingManager",
    "UnifiedMessagingManager",
    "delete_message",
    "get_channel_messages",
    "get_message",
    "messaging_manager",
    "send_message",
    "unified_messaging_manager",
    "__version__",
]
