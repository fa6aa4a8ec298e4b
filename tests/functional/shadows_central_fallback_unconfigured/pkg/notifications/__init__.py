"""Notifications package."""


def emit_event(*args, **kwargs):  # [shadows-central-fallback]
    """Local copy of the shared no-op."""
    pass


def deliver(message, recipients):
    for recipient in recipients:
        recipient.send(message)
