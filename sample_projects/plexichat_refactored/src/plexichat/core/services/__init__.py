"""Service registry and lifecycle management."""

from typing import Any, Dict, Optional

from plexichat.core.utils.fallbacks import ServiceManager, get_fallback_instance

from .base import BaseService, ServiceState

service_manager = get_fallback_instance("ServiceManager")


def get_service_manager():
    return service_manager


def register_service(service: BaseService) -> None:
    service_manager.register(service)


def get_service(name: str) -> Optional[BaseService]:
    return service_manager.get(name)


def get_service_status() -> Dict[str, Any]:
    return {name: service.health() for name, service in service_manager.services.items()}


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
