"""Built-in plugins."""

__all__ = ["EchoPlugin"]


class EchoPlugin:
    def run(self, message):
        return message
