"""chatserver: a small chat server."""

__version__ = "1.4.0"
