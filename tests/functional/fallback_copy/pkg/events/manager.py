"""The event manager."""


class EventManager:
    def __init__(self):
        self.listeners = {}

    def subscribe(self, name, listener):
        self.listeners.setdefault(name, []).append(listener)

    def emit(self, name, payload):
        for listener in self.listeners.get(name, []):
            listener(payload)
