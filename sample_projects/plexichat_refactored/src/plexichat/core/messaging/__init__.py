"""
Unified messaging: sending, routing, validation and encryption of chat messages.

The coroutine functions (``send_message`` and friends) are async in the shared
fallbacks too, so callers can ``await`` them unconditionally.
"""

from plexichat.core.utils.fallbacks import (
    ChannelType,
    MessageEncryption,
    MessageRouter,
    MessageType,
    MessageValidator,
    UnifiedMessagingManager,
    delete_message,
    get_channel_messages,
    get_fallback_instance,
    get_message,
    get_module_version,
    send_message,
)

unified_messaging_manager = get_fallback_instance("UnifiedMessagingManager")

# Backwards-compatible aliases (pre-0.8 names)
MessagingManager = UnifiedMessagingManager
messaging_manager = unified_messaging_manager

__version__ = get_module_version()

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
