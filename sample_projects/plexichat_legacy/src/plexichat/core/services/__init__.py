"""Service registry and lifecycle management."""

import logging

from .base import BaseService, ServiceState

logger = logging.getLogger(__name__)

try:
    from .manager import ServiceManager
except ImportError:
    logger.warning("using fallback service manager")

    class ServiceManager:
        """Partial stand-in: keeps a registry but never starts anything."""

        def __init__(self):
            self.services = {}

        def register(self, service):
            self.services[service.name] = service

        async def start_all(self):
            pass

        async def stop_all(self):
            pass


service_manager = None


def get_service_manager():
    return service_manager


def register_service(*args, **kwargs):
    pass


def get_service(*args, **kwargs):
    return None


def get_service_status(*args, **kwargs):
    return {}


__all__ = [
    "BaseService",
    "ServiceManager",
    "ServiceState",
    "get_service",
    "get_service_manager",
    "get_service_status",
    "register_service",
    "service_manager",
]
