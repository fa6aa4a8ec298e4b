"""Messaging: its own synchronous emitter and plain severities."""

try:
    from traps.core.messaging.broker import MessageBroker
except ImportError:
    class MessageBroker:
        def __init__(self, *args, **kwargs):
            pass

if True:  # always taken, but a branch all the same
    def emit_event(*args, **kwargs):
        return None


def record_metric(*args, **kwargs):
    return None


__all__ = ["MessageBroker", "emit_event", "record_metric"]
