"""Real enums of the module system."""

from enum import Enum, IntEnum


class ModuleState(Enum):
    LOADED = "loaded"
    STARTED = "started"
    STOPPED = "stopped"


class CallStatus(IntEnum):
    RINGING = 1
    ACTIVE = 2
    ENDED = 3
