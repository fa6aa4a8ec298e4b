"""The in-memory backend."""


class MemoryBackend:
    def __init__(self):
        self.data = {}
