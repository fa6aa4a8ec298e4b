import app.events
from app.events import EventManager  # [moved-import]
from app.events import (  # [moved-import]
    emit,
    __all__ as events_all,
)
from ..files import FileManager  # [moved-import]
from app.files import FileStore  # [moved-import]
from app.files import Cache  # a conditional fallback moved, not the name: still the real object
from app.core.fallbacks import EventManager as NewEventManager
from app.files import FileManager as KeptOnPurpose  # noqa: PLX501

MANAGERS = (app.events, EventManager, emit, events_all, FileManager, FileStore, Cache, NewEventManager, KeptOnPurpose)
