"""One finding per piece of global state; a module's own protocol names and PEP 562 lazy
imports are not hidden state."""

_handler = None  # module-level, rebound below in two functions
_tables = {}  # [mutable-global-state]


def install(handler):
    global _handler  # [mutable-global-state]
    _handler = handler


def uninstall():
    global _handler  # the same state as above: not a second finding
    _handler = None


def remember(key, value):
    _tables[key] = value


def forget(key):
    _tables.pop(key, None)  # the same container again


def document(text):
    global __doc__
    __doc__ = text


def __getattr__(name):
    global _lazy  # PEP 562: the module caches what it imported on first use
    if name == "lazy":
        import json as _lazy
        return _lazy
    raise AttributeError(name)


_seen = set()  # [mutable-global-state]


def note(item):
    global _seen  # the same function as the mutation below: one finding, no "also in"
    _seen.add(item)
