"""A thread list that starts nothing, for tests and single-threaded runs."""


class _Unused:
    def _m(self):
        pass


class NoThreads:
    def append(self, thread):
        pass

    def join(self):
        pass
