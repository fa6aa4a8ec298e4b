"""A degenerate thread list."""


class NoThreads:
    def append(self, thread):
        pass

    def join(self):
        pass
