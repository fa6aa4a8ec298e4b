"""Types the standard library does not name."""


class _C:
    def _m(self):
        pass


BoundMethodType = type(_C()._m)


class NullStream:
    def write(self, text):
        pass

    def flush(self):
        pass
