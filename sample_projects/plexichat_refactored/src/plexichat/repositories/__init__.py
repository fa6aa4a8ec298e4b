from .message_repository import MessageRepository

__all__ = ["MessageRepository"]
