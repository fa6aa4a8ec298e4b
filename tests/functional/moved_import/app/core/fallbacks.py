"""The new home of the moved names."""


class EventManager:
    pass


class FileManager:
    pass


class FileStore:
    pass


class Cache:
    pass


def emit_event(*args, **kwargs):
    pass
