"""Socket events, with no-op handlers when the optional extension is missing."""

try:
    from socket_ext.events import on_connect
except ImportError:
    def on_connect(client):
        pass
