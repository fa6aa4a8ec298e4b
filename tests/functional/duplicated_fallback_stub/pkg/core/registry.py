"""A tiny plugin registry; decorated definitions are registered, not placeholders."""

_plugins = {}


def register(obj=None, *, name=None):
    def add(target):
        _plugins[name or target.__name__] = target
        return target

    return add(obj) if obj is not None else add


@register
class NullExporter:
    def __init__(self):
        pass

    def shutdown(self):
        pass


@register
class NullImporter:
    def __init__(self):
        pass

    def shutdown(self):
        pass


@register(name="startup")
def warm_cache(*args, **kwargs):
    pass


@register(name="shutdown")
def flush_cache(*args, **kwargs):
    pass
