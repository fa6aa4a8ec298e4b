"""A flag tells the two cases apart: uses of `ssl` are guarded by it."""

try:
    import ssl
except ImportError:
    HAVE_SSL = False
else:
    HAVE_SSL = True


def context():
    return ssl.create_default_context() if HAVE_SSL else None
