"""Notifications package."""

from importlib.metadata import version

__version__ = version("pkg")  # [duplicated-version-lookup]


class NotificationManager:  # [duplicated-fallback-stub]
    def start(self):
        pass

    def stop(self):
        pass
