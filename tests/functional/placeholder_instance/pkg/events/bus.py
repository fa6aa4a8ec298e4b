"""The in-process event bus."""


class EventBus:
    def __init__(self):
        self.queue = []
