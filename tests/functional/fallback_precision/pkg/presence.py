"""Another handler, for another event: not a copy of `on_connect`."""

try:
    from socket_ext.events import on_disconnect
except ImportError:
    def on_disconnect(client):
        pass
