"""The old home keeps re-exporting what moved while callers migrate; a merge of an old branch
brought two definitions back."""
from app.core.fallbacks import EventManager as EventManager  # noqa: F401
from app.core.fallbacks import emit_event as emit  # noqa: F401


class EventManager:  # [moved-name-redefined]
    def publish(self, event):
        print("published", event)


async def emit(name, payload=None):  # [moved-name-redefined]
    return name, payload


def subscribe(name):  # never moved: its own
    return name
