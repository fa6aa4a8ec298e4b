"""Bundled plug-in modules.

The loader discovers them by name (``plexichat.modules.<name>``); nothing is
imported eagerly here because several modules need optional packages.
"""

AVAILABLE_MODULES = (
    "backup_export",
    "sentiment",
    "spam_filter",
    "translation",
    "webhook_relay",
)
