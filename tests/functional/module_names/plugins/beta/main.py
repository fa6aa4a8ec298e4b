"""`plugins.beta.main`: its `Handler` keeps the contract; alpha's does not."""

from shop.plugin_base import Plugin


class Handler(Plugin):
    def start(self) -> None:
        self.started = True


def track_event(*args, **kwargs):  # [duplicated-fallback-stub]
    pass
