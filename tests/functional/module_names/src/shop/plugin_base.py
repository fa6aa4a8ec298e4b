"""What every plugin derives from."""


class Plugin:
    def __init__(self) -> None:
        self.started = False
