from abc import ABC, abstractmethod
from enum import Enum


class ModuleCapability(Enum):
    MESSAGING = "messaging"
    NETWORK_ACCESS = "network_access"


class ModulePermissions:
    def __init__(self, **flags):
        self.__dict__.update(flags)


class BaseModule(ABC):
    def __init__(self, name="module", version="0.0.0"):
        self.name = name
        self.version = version

    @abstractmethod
    async def initialize(self) -> bool:
        raise NotImplementedError
