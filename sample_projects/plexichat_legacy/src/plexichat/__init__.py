"""PlexiChat: self-hosted chat server.

The package is split into ``core`` (infrastructure shared by every feature),
``services`` and ``repositories`` (business logic and data access), ``api``
(HTTP endpoints) and ``modules`` (optional plug-ins loaded at runtime).
"""

__version__ = "0.9.0"
