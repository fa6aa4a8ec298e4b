"""The error manager: records errors and reports them."""

import logging

logger = logging.getLogger(__name__)


class ErrorManager:
    def __init__(self):
        self.errors = []
        self.handlers = {}

    def record(self, error):
        self.errors.append(error)
        logger.error("recorded %s", error)

    def register(self, kind, handler):
        self.handlers[kind] = handler

    def handle(self, error):
        handler = self.handlers.get(type(error))
        return handler(error) if handler else None


_manager = None


def get_error_manager():
    global _manager
    if _manager is None:
        _manager = ErrorManager()
    return _manager
